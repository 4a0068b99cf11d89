"""The listening in a process of its own, spoken to through a pipe.

pocketsphinx keeps Python's interpreter lock while it decodes (up to ~130 ms when an
utterance ends), so a listening *thread* would stall the app's GUI for as long; a separate
process runs in parallel for real on the second core. :func:`serve` is that process's
whole life: messages in, events out, until the pipe closes (so it also ends when the app
dies). It is plain Python and imports no Qt.

Messages (tuples): ``("load", SpeechModel | None)``, ``("format", rate, channels, width)``,
``("begin", turn, line, scene, strictness, give_up)``, ``("cancel",)``,
``("reveal", turn, count)``, ``("finish", turn)``, ``("feed", bytes)`` and ``("stop",)``. Replies:
``("ready", recognises_words, reason)``, ``("level", value)``, ``("revealed", turn, words)``
and the :mod:`rehearsal.listen.live` events themselves.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from rehearsal.listen.compare import Strictness
from rehearsal.listen.line_end import LineEndSettings
from rehearsal.listen.live import Level, LiveStream
from rehearsal.listen.recognizer import RecognitionUnavailableError, Recognizer


def _handle(stream: LiveStream, message: tuple[Any, ...], conn: Connection) -> LiveStream | None:
    kind = message[0]
    if kind == "feed":
        loudest = None
        for event in stream.feed(message[1]):
            if isinstance(event, Level):
                loudest = event.value if loudest is None else max(loudest, event.value)
            else:
                conn.send(event)
        if loudest is not None:
            conn.send(("level", loudest))
    elif kind == "begin":
        _kind, turn, line, scene, strictness, give_up = message
        settings = LineEndSettings(give_up=give_up)
        stream.begin(turn, line, scene, strictness=Strictness(strictness), settings=settings)
    elif kind == "cancel":
        stream.cancel()
    elif kind == "finish":
        ended = stream.finish(message[1])
        if ended is not None:
            conn.send(ended)
    elif kind == "reveal":
        conn.send(("revealed", message[1], stream.reveal(message[1], message[2])))
    elif kind == "format":
        stream.set_format(*message[1:])
    elif kind == "load":
        recognizer, reason = None, ""
        if message[1] is not None:
            try:
                recognizer = Recognizer(message[1])
            except RecognitionUnavailableError as exc:
                reason = str(exc)
        conn.send(("ready", recognizer is not None, reason))
        return LiveStream(recognizer)
    elif kind == "stop":
        return None
    return stream


def serve(conn: Connection) -> None:
    """Run the listening until ``("stop",)`` or the pipe closes."""
    stream: LiveStream | None = LiveStream(None)
    while stream is not None:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        stream = _handle(stream, message, conn)
    conn.close()


def start_service(name: str = "rehearsal-listening") -> tuple[BaseProcess, Connection]:
    """Start :func:`serve` in a spawned child process; the process and our end of the pipe.

    Spawned, not forked: a fork would copy the app's Qt threads. The app's listening and
    ``rehearsal check`` both start it here, so the check tries exactly what a rehearsal does.
    """
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=serve, args=(theirs,), name=name, daemon=True)
    process.start()
    theirs.close()
    return process, ours
