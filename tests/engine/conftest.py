"""Fixtures for engine tests: a recorder and an engine factory on the fake clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rehearsal.engine.lines import build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings
from rehearsal.engine.timing import MemoryRecorder
from rehearsal.script.model import Script
from tests.conftest import FakeClock
from tests.engine.builders import kitchen

MakeEngine = Callable[..., RehearsalEngine]


@pytest.fixture
def recorder() -> MemoryRecorder:
    return MemoryRecorder()


@pytest.fixture
def make_engine(clock: FakeClock, recorder: MemoryRecorder) -> MakeEngine:
    """``make_engine(script=kitchen(), role="MARY", **settings)`` on the fake clock."""

    def make(
        script: Script | None = None, role: str | None = "MARY", **settings: Any
    ) -> RehearsalEngine:
        lines = build_lines(script or kitchen(), role)
        return RehearsalEngine(lines, RehearsalSettings(**settings), clock=clock, recorder=recorder)

    return make
