"""Speech fixtures: the real eSpeak NG engine, a render cache per test, a worker process.

eSpeak keeps one global state per process, so the in-process engine is created once per
test session (``speech_engine``, in the root conftest, shared by every package); every
test still gets its own cache folder, and every worker process is shut down at teardown.

The Qt player (:mod:`rehearsal.ui.qt_player`) is tested here too, beside the renderer it
plays, with the same session engine; when the package is checked without ``rehearsal/ui``
(``scripts/test_core_without_ui.sh``) that module is left out.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator

import pytest

from rehearsal.paths import Paths
from rehearsal.speech.render import RenderCache, Renderer, SpeechEngine
from rehearsal.speech.voices import VoiceCatalog
from rehearsal.speech.worker import RenderWorker
from tests.speech.wav_tools import ENGINE_REASON

collect_ignore = [] if importlib.util.find_spec("rehearsal.ui") else ["test_qt_player.py"]


@pytest.fixture(scope="session")
def catalog(speech_engine: SpeechEngine) -> VoiceCatalog:
    return speech_engine.catalog


@pytest.fixture
def cache(paths: Paths) -> RenderCache:
    return RenderCache.for_paths(paths)


@pytest.fixture
def renderer(cache: RenderCache, speech_engine: SpeechEngine) -> Renderer:
    return Renderer(cache, speech_engine)


@pytest.fixture
def worker(cache: RenderCache) -> Iterator[RenderWorker]:
    """A started render process, stopped after the test whatever happened."""
    if ENGINE_REASON is not None:
        pytest.skip(f"speech engine unavailable: {ENGINE_REASON}")
    render_worker = RenderWorker(cache, render_timeout=10.0)
    render_worker.start()
    try:
        yield render_worker
    finally:
        render_worker.shutdown()
        assert not render_worker.is_alive()
