"""``rehearsal listen AUDIO.wav --text "LINE"``: the listening pipeline on a recording.

The recording is fed in the live pipeline's chunk size, one chunk after another with no
look-ahead, as fast as the CPU allows, so the times printed are the audio times at which
the partner would have come in live. After the end of the file the pipeline keeps hearing
silence (as a microphone in a quiet room would) until the line's end is decided or the
give-up wait has passed, so a recording cut right after the last word still gets an answer.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rehearsal.listen.compare import Strictness
from rehearsal.listen.line_end import LineEndSettings

if TYPE_CHECKING:  # numpy and pocketsphinx load only when the command runs, not for every
    # ``rehearsal`` invocation that builds the parser
    from rehearsal.listen.audio import Pcm
    from rehearsal.listen.pipeline import ListenResult
    from rehearsal.listen.recognizer import Recognizer

DEFAULT_CHUNK_MS = 30


def listen_to_samples(
    samples: Pcm,
    line: str,
    recognizer: Recognizer | None,
    *,
    scene_lines: Sequence[str] = (),
    strictness: Strictness = Strictness.CLOSE,
    settings: LineEndSettings | None = None,
    chunk_ms: int = DEFAULT_CHUNK_MS,
    detector: str = "webrtc",
) -> ListenResult:
    """Run one line's listening over a whole recording (16 kHz mono int16)."""
    import numpy as np

    from rehearsal.listen.activity import make_detector
    from rehearsal.listen.audio import chunk_size, chunks
    from rehearsal.listen.pipeline import Listener

    settings = settings or LineEndSettings()
    listener = Listener(
        line,
        recognizer,
        scene_lines=scene_lines,
        strictness=strictness,
        settings=settings,
        detector=make_detector("energy" if detector == "energy" else "webrtc"),
    )
    decided = None
    for chunk in chunks(samples, chunk_ms):
        decided = listener.feed(chunk)
        if decided is not None:
            break
    if decided is None:
        silence = np.zeros(chunk_size(chunk_ms), dtype=np.int16)
        extra = max(settings.give_up, settings.level_tail) + 1.0
        for _ in range(int(extra * 1000 / chunk_ms) + 1):
            if listener.feed(silence) is not None:
                break
    return listener.finish()


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``rehearsal listen`` on the main command's subparsers."""
    p = sub.add_parser("listen", help="listen to a recording of a line: words, accuracy, line end")
    p.add_argument("audio", help="a WAV recording (PCM, any rate, mono or stereo)")
    p.add_argument("--text", required=True, help="the line as written in the script")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--strictness",
        choices=[s.value for s in Strictness],
        default=Strictness.CLOSE.value,
        help="how closely the words must match (default: close)",
    )
    p.add_argument("--scene", action="append", default=[], help="another line of the scene")
    p.add_argument("--language", default="en", help="the script's language (default: en)")
    p.add_argument(
        "--give-up",
        type=float,
        default=LineEndSettings.give_up,
        help="seconds of silence "
        "with the line unfinished before the partner comes in anyway (default: 4)",
    )
    p.set_defaults(func=run)


def _print_text(result: ListenResult) -> None:
    data = result.to_dict()
    print(f"heard:        {data['heard'] or '(nothing)'}")
    if result.comparison is not None:
        print(f"accuracy:     {result.comparison.accuracy:.2f} ({result.comparison.strictness})")
        for word in result.comparison.words:
            said = f" (said: {word.heard})" if word.heard else ""
            print(f"  {word.status:<8} {word.word}{said}")
        for extra in result.comparison.added:
            print(f"  {'added':<8} {extra}")
    for key in ("speech_start", "pickup", "line_end_at", "complete"):
        value = data[key]
        print(f"{key + ':':<13} {'-' if value is None else value}")


def run(args: argparse.Namespace) -> int:
    """The subcommand: 0 on success, 2 with one line on stderr for bad audio."""
    from rehearsal.listen.audio import AudioError, read_wav
    from rehearsal.listen.models import language_support
    from rehearsal.listen.recognizer import RecognitionUnavailableError, Recognizer

    path = Path(args.audio)
    try:
        recording = read_wav(path)
    except AudioError as exc:
        print(f"rehearsal: error: {exc}", file=sys.stderr)
        return 2
    try:
        settings = LineEndSettings(give_up=args.give_up)
    except ValueError:
        print(
            f"rehearsal: error: --give-up must be at least {LineEndSettings.end_pause} s",
            file=sys.stderr,
        )
        return 2
    support = language_support(args.language)
    recognizer = None
    if support.model is not None:
        try:
            recognizer = Recognizer(support.model)
        except RecognitionUnavailableError as exc:
            print(f"rehearsal: warning: {exc}; listening for the voice only", file=sys.stderr)
    elif support.message:
        print(f"rehearsal: warning: {support.message}", file=sys.stderr)
    result = listen_to_samples(
        recording.samples,
        args.text,
        recognizer,
        scene_lines=args.scene,
        strictness=Strictness(args.strictness),
        settings=settings,
    )
    if args.json:
        data = result.to_dict() | {"duration": round(recording.duration, 3)}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_text(result)
    return 0
