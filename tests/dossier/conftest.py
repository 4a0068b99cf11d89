"""Fixtures for the dossier tests: a migrated database file in the test's temp folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rehearsal.paths import Paths
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.startup import open_store
from tests.store.sample_data import StepClock


@pytest.fixture
def store(paths: Paths) -> Iterator[OpenedDatabase]:
    """A fresh, migrated database."""
    opened = open_store(paths, now=StepClock())
    yield opened
    opened.close()
