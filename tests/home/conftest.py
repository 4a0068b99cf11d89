"""Fixtures for the store tests: a migrated database in a temp folder and a wall clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rehearsal.paths import Paths
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.startup import open_store
from tests.store.sample_data import History, StepClock, open_populated


@pytest.fixture
def wall_clock() -> StepClock:
    """An aware UTC wall clock that moves only when told."""
    return StepClock()


@pytest.fixture
def store(paths: Paths, wall_clock: StepClock) -> Iterator[OpenedDatabase]:
    """A fresh, migrated database file under the test's temp folder."""
    opened = open_store(paths, now=wall_clock)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OpenedDatabase, History]]:
    """A database with the sample history, shared by a module's read-only tests.

    Recording commits (and fsyncs) every event, so building the history once per module
    instead of once per test keeps the suite fast; tests that change it use ``store``.
    """
    opened, history = open_populated(tmp_path_factory.mktemp("populated"))
    yield opened, history
    opened.close()
