"""Shared fixtures: an offscreen Qt platform, temp data folders, the shared corpus, a fake clock.

``QT_QPA_PLATFORM`` is set here, before anything imports Qt, because CI has no display and
pytest-qt aborts the run without a platform it can open.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

import pytest

from rehearsal.paths import Paths

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
