"""Trimming a take: where the cut really lands, shown before; the trim run in its process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.tape.library import TapeLibrary
from rehearsal.tape.probe import probe
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.tape.trim_dialog import TrimDialog
from tests.ui.tape.media import recorded_take

pytestmark = pytest.mark.gui


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    runner = BackgroundRunner(name="test trim")
    yield runner
    runner.shutdown()


def _wait_planned(qtbot: QtBot, dialog: TrimDialog) -> None:
    qtbot.waitUntil(lambda: dialog.cut is not None, timeout=10_000)


def test_the_real_cut_is_shown_before_and_the_trim_cuts_on_key_frames(
    qtbot: QtBot, tmp_path: Path, runner: BackgroundRunner
) -> None:
    library = TapeLibrary(tmp_path / "data")
    take = recorded_take(library, seconds=4.0, gop=15)  # a key frame every 0.5 s
    dialog = TrimDialog(take, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.trim_button.isEnabled()  # nothing asked yet
    dialog.head.setValue(0.7)
    dialog.tail.setValue(0.2)
    _wait_planned(qtbot, dialog)
    assert dialog.cut is not None
    assert dialog.cut.start_s == pytest.approx(0.5)
    assert "from 0.50 s" in dialog.landing.text()
    assert "key frame" in dialog.landing.text()
    assert dialog.trim_button.isEnabled()
    with qtbot.waitSignal(dialog.trimmed, timeout=60_000) as trimmed:
        dialog.trim_button.click()
    now = trimmed.args[0]
    assert now.trimmed_head_s == pytest.approx(0.5, abs=0.05)
    facts = probe(now.path)
    assert facts.video_codec == "h264"
    assert facts.audio_codec == "aac"
    assert facts.duration_s is not None
    assert facts.duration_s < 3.6
    assert library.takes()[0].trimmed_head_s == pytest.approx(now.trimmed_head_s)


def test_too_much_cut_is_refused_before_anything_is_written(
    qtbot: QtBot, tmp_path: Path, runner: BackgroundRunner
) -> None:
    library = TapeLibrary(tmp_path / "data")
    take = recorded_take(library, seconds=2.0)
    dialog = TrimDialog(take, runner)
    qtbot.addWidget(dialog)
    dialog.head.setValue(1.6)  # lands on 1.5 s
    dialog.tail.setValue(0.3)  # no key frame after 1.7 s: the end stays there
    qtbot.waitUntil(lambda: "half a second" in dialog.landing.text(), timeout=10_000)
    assert not dialog.landing.text().startswith("TapeError")
    assert not dialog.trim_button.isEnabled()
    assert probe(take.path).duration_s == pytest.approx(2.0, abs=0.1)
