"""The listening process's loop, spoken to through a real pipe (run here on a thread)."""

from __future__ import annotations

import threading
from multiprocessing import Pipe
from multiprocessing.connection import Connection

import pytest

from rehearsal.listen.audio import chunks
from rehearsal.listen.live import Ended, Progress
from rehearsal.listen.models import find_model
from rehearsal.listen.service import serve
from tests.listen.speech_audio import ESPEAK, LINE, SCENE, recording


def _listening(turn: int) -> tuple[Connection, threading.Thread]:
    """The service loop on a thread, the English model loaded and a turn begun on ``LINE``."""
    ours, theirs = Pipe()
    loop = threading.Thread(target=serve, args=(theirs,))
    loop.start()
    ours.send(("load", find_model("en")))
    assert ours.recv() == ("ready", True, "")
    ours.send(("format", 16000, 1, 2))
    ours.send(("begin", turn, LINE, list(SCENE), "close", 4.0))
    return ours, loop


@pytest.mark.skipif(ESPEAK is None, reason="eSpeak NG is not installed")
def test_bytes_in_a_line_end_out_and_the_loop_stops_when_asked() -> None:
    ours, loop = _listening(7)
    rec = recording(LINE, "en-us", 150, before=0.5, after=1.0)
    for chunk in chunks(rec.samples, 40):
        ours.send(("feed", chunk.astype("<i2").tobytes()))
    replies: list[object] = []
    while not any(isinstance(r, Ended) for r in replies):
        assert ours.poll(20)
        replies.append(ours.recv())
    ended = next(r for r in replies if isinstance(r, Ended))
    assert ended.turn == 7
    assert ended.result.line_end is not None
    assert ended.result.line_end.complete is True
    assert ended.result.speech_start == pytest.approx(0.5, abs=0.1)
    assert any(isinstance(r, Progress) and r.said_up_to > 0 for r in replies)
    assert any(r[0] == "level" for r in replies if isinstance(r, tuple))
    ours.send(("reveal", 7, 2))
    reply = ours.recv()
    while reply[0] == "level":  # the levels of the audio after the line's end
        reply = ours.recv()
    assert reply == ("revealed", 7, [])  # the turn is over: nothing to reveal
    ours.send(("stop",))
    loop.join(5)
    assert not loop.is_alive()


def test_the_loop_ends_when_the_app_goes() -> None:
    ours, theirs = Pipe()
    loop = threading.Thread(target=serve, args=(theirs,))
    loop.start()
    ours.close()
    loop.join(5)
    assert not loop.is_alive()


@pytest.mark.skipif(ESPEAK is None, reason="eSpeak NG is not installed")
def test_the_key_ends_a_line_with_what_was_heard_so_far() -> None:
    ours, loop = _listening(3)
    rec = recording(LINE, "en-us", 150, before=0.5, after=0.0)
    spoken = rec.samples[: int(len(rec.samples) * 0.6)]  # the key is pressed mid-line
    for chunk in chunks(spoken, 40):
        ours.send(("feed", chunk.astype("<i2").tobytes()))
    ours.send(("finish", 3))
    ours.send(("finish", 3))  # a second press: that turn is over, nothing more comes
    ours.send(("reveal", 3, 1))  # a marker: every reply before it has been sent
    replies: list[tuple[object, ...]] = []
    while not (replies and replies[-1][0:1] == ("revealed",)):
        assert ours.poll(20)
        reply = ours.recv()
        replies.append(reply if isinstance(reply, tuple) else (reply,))
    ended = [r[0] for r in replies if isinstance(r[0], Ended)]
    assert len(ended) == 1
    result = ended[0].result
    assert ended[0].turn == 3
    assert result.heard  # the words said before the key
    assert result.comparison is not None
    assert 0.0 < result.comparison.accuracy < 1.0  # the rest of the line was not said
    assert result.speech_start == pytest.approx(0.5, abs=0.1)
    ours.send(("stop",))
    loop.join(5)
    assert not loop.is_alive()
