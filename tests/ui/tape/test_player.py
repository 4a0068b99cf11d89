"""Playing a take in the app: real files made with PyAV, a real QMediaPlayer, keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rehearsal.ui.tape.player import TakePlayer
from tests.ui.tape.media import make_take

pytestmark = pytest.mark.gui


@pytest.fixture
def player(qtbot: QtBot) -> TakePlayer:
    widget = TakePlayer(title="Take 1")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_take_plays_to_its_end_with_its_picture(
    qtbot: QtBot, tmp_path: Path, player: TakePlayer
) -> None:
    take = make_take(tmp_path / "take-001.mp4", 1.0)
    frames: list[object] = []
    player.video.videoSink().videoFrameChanged.connect(frames.append)
    with qtbot.waitSignal(player.loaded, timeout=5000):
        player.open(take)
    assert player.player.duration() == pytest.approx(1000, abs=60)
    assert player.stage.currentWidget() is player.video
    with qtbot.waitSignal(player.ended, timeout=8000):
        player.play()
    assert len(frames) > 5
    assert player.time.text().endswith("/ 00:01")


def test_keys_pause_seek_and_mute(qtbot: QtBot, tmp_path: Path, player: TakePlayer) -> None:
    take = make_take(tmp_path / "take-002.mp4", 12.0, size=(160, 90))
    with qtbot.waitSignal(player.loaded, timeout=5000):
        player.open(take)
    player.setFocus()
    with qtbot.waitSignal(player.playing_changed, timeout=3000) as started:
        QTest.keyClick(player, Qt.Key.Key_Space)
    assert started.args == [True]
    with qtbot.waitSignal(player.playing_changed, timeout=3000) as paused:
        QTest.keyClick(player, Qt.Key.Key_K)
    assert paused.args == [False]
    QTest.keyClick(player, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: player.player.position() < 500)
    QTest.keyClick(player, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: 4500 <= player.player.position() <= 6000)
    QTest.keyClick(player, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: player.player.position() >= 11_000)  # kept inside the take
    assert player.player.position() <= player.player.duration()
    QTest.keyClick(player, Qt.Key.Key_M)
    assert player.audio.isMuted()
    assert player.mute_button.isChecked()


def test_a_sound_only_take_says_so(qtbot: QtBot, tmp_path: Path, player: TakePlayer) -> None:
    take = make_take(tmp_path / "take-003.m4a", 1.0, video=False)
    with qtbot.waitSignal(player.loaded, timeout=5000):
        player.open(take)
    assert player.stage.currentWidget() is player.sound_only
    with qtbot.waitSignal(player.ended, timeout=8000):
        player.play()


def test_a_damaged_file_is_named_in_one_sentence(
    qtbot: QtBot, tmp_path: Path, player: TakePlayer
) -> None:
    broken = tmp_path / "take-004.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 50)
    with qtbot.waitSignal(player.failed, timeout=5000) as failed:
        player.open(broken)
    assert failed.args == ["take-004.mp4 cannot be played: the file is damaged or not a video."]
    assert player.message.isVisible()
    assert not player.play_button.isEnabled()


def test_release_lets_go_of_the_file(qtbot: QtBot, tmp_path: Path, player: TakePlayer) -> None:
    take = make_take(tmp_path / "take-005.mp4", 1.0)
    with qtbot.waitSignal(player.loaded, timeout=5000):
        player.open(take)
    player.release()
    qtbot.waitUntil(lambda: player.player.source().isEmpty(), timeout=3000)
    assert player.player.mediaStatus() is QMediaPlayer.MediaStatus.NoMedia
    take.unlink()  # nothing holds it
