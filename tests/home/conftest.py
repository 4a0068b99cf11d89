"""The home tests' shared history (``store`` and ``wall_clock`` come from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rehearsal.store.database import OpenedDatabase
from tests.store.sample_data import History, open_populated


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OpenedDatabase, History]]:
    """A database with the sample history, shared by a module's read-only tests.

    Recording commits (and fsyncs) every event, so building the history once per module
    instead of once per test keeps the suite fast; tests that change it use ``store``.
    """
    opened, history = open_populated(tmp_path_factory.mktemp("populated"))
    yield opened, history
    opened.close()
