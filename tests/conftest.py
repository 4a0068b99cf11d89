"""Shared fixtures: an offscreen Qt platform, temp data folders, the shared corpus, fake clocks,
and a migrated temporary database.

``QT_QPA_PLATFORM`` is set here, before anything imports Qt, because CI has no display and
pytest-qt aborts the run without a platform it can open.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
# The suite runs as on CI, which has no sound server: no speakers, no microphone. On a desktop
# with PulseAudio or PipeWire the partner's lines would play in real time and Follow my words
# would become the default wait, so the same test could pass on CI and time out at a desk.
# Pointing Qt at no server makes every machine alike; REHEARSAL_TEST_AUDIO=machine keeps the
# machine's devices (the device tests then take their "a device is here" branch).
if os.environ.get("REHEARSAL_TEST_AUDIO") != "machine":
    os.environ["PULSE_SERVER"] = "unix:/nonexistent/rehearsal-tests"
    os.environ["PIPEWIRE_REMOTE"] = "rehearsal-tests-no-server"

import pytest

from rehearsal.paths import Paths

if TYPE_CHECKING:  # the store loads SQLAlchemy: only the tests that ask for it pay for that
    from rehearsal.speech.render import SpeechEngine
    from rehearsal.store.database import OpenedDatabase
    from tests.store.sample_data import StepClock

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """``../shared`` beside the checkout (or $REHEARSAL_SHARED_DIR), when it is there."""
    env = os.environ.get("REHEARSAL_SHARED_DIR")
    candidate = Path(env) if env else REPO_ROOT.parent / "shared"
    return candidate if (candidate / "corpus").is_dir() else None


@pytest.fixture
def corpus_dir() -> Path:
    """The shared screenplay corpus; tests that need it skip cleanly when it is absent."""
    root = shared_dir()
    if root is None:
        pytest.skip("../shared/corpus is not present beside this checkout")
    return root / "corpus"


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    """Fresh data, cache and log folders for one test."""
    return Paths.under(tmp_path / "app").ensure()


def pytest_configure(config: pytest.Config) -> None:
    """Refuse a run that should be without the UI package when the UI can still be imported.

    ``scripts/test_core_without_ui.sh`` sets ``REHEARSAL_WITHOUT_UI=1`` and runs the core's
    tests against a copy of the package with ``rehearsal/ui`` removed; if ``rehearsal``
    still resolved to the checkout, the run would prove nothing.
    """
    del config
    if os.environ.get("REHEARSAL_WITHOUT_UI") != "1":
        return
    import importlib.util

    if importlib.util.find_spec("rehearsal.ui") is not None:
        raise pytest.UsageError("REHEARSAL_WITHOUT_UI=1 but rehearsal.ui can be imported")


class FakeClock:
    """A monotonic clock that only moves when told: timing tests without sleeping."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    """A fake monotonic clock starting at 1000 s."""
    return FakeClock()


@pytest.fixture
def wall_clock() -> StepClock:
    """An aware UTC wall clock that moves only when told (starts on a Monday, 18:00)."""
    from tests.store.sample_data import StepClock

    return StepClock()


@pytest.fixture
def store(paths: Paths, wall_clock: StepClock) -> Iterator[OpenedDatabase]:
    """A fresh, migrated database file in the test's temp folder, closed afterwards.

    It stamps rows with ``wall_clock``, so a test that moves the clock sees the times it set.
    """
    from rehearsal.store.startup import open_store

    opened = open_store(paths, now=wall_clock)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def speech_engine() -> SpeechEngine:
    """The pyttsx3 + eSpeak NG engine of this test process: the one and only.

    eSpeak keeps one global state per process; a second in-process engine hangs in its
    synthesis loop, so every test that renders in-process takes this one.
    """
    from rehearsal.speech.availability import engine_unavailable_reason
    from rehearsal.speech.render import SpeechEngine

    reason = engine_unavailable_reason()
    if reason is not None:
        pytest.skip(f"speech engine unavailable: {reason}")
    return SpeechEngine()
