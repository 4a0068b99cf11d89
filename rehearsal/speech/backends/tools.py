"""What the command-line backends share: running a tool safely and shaping its WAV.

Flite and Festival are driven through their programs, never through a shell: the command
is an argument list, and the line's text goes into a temporary file whose path (absolute,
so it never starts with ``-``) is the only thing the tool is told. A line such as
``--help``, ``$(rm -rf ~)`` or ``"; reboot`` is therefore spoken, not obeyed.

Volume is applied here by scaling the samples, because neither tool has a volume control;
that keeps ``(whispers)`` quieter on every backend.
"""

from __future__ import annotations

import array
import subprocess
import sys
import tempfile
import wave
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rehearsal.speech.render import RenderError
from rehearsal.speech.voices import VoiceInfo

# Typographic punctuation that the tools read as bytes they do not know.
_PLAIN = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": ", ", "\u2013": "-"}
)
_PLAIN[ord("\u2026")] = "..."


def plain_text(text: str) -> str:
    """The line with curly quotes and dashes made ASCII, so the tools pronounce them."""
    return text.translate(_PLAIN)


@contextmanager
def text_file(text: str) -> Iterator[Path]:
    """A temporary file holding ``text``, deleted afterwards; yields its absolute path."""
    with tempfile.TemporaryDirectory(prefix="rehearsal-line-") as folder:
        path = Path(folder).resolve() / "line.txt"
        path.write_text(plain_text(text) + "\n", encoding="utf-8")
        yield path


def run_tool(args: Sequence[str], *, timeout: float, name: str) -> None:
    """Run one synthesis command (no shell); raise :class:`RenderError` saying why it failed."""
    try:
        completed = subprocess.run(
            list(args),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"{name} did not finish within {timeout:g} s") from None
    except OSError as exc:
        raise RenderError(f"{name} could not be run: {exc}") from None
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit code {completed.returncode}"
        raise RenderError(f"{name} failed: {reason}")


def scale_volume(path: Path, factor: float) -> None:
    """Multiply a 16-bit WAV's samples by ``factor`` in place, clipping at full scale."""
    if abs(factor - 1.0) < 1e-3:
        return
    try:
        with wave.open(str(path), "rb") as reader:
            params = reader.getparams()
            data = reader.readframes(reader.getnframes())
    except (wave.Error, EOFError, OSError) as exc:
        raise RenderError(f"the voice wrote an invalid WAV file ({exc})") from None
    if params.sampwidth != 2:
        return
    samples = array.array("h")
    samples.frombytes(data[: len(data) - len(data) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    scaled = array.array("h", (max(-32768, min(32767, round(s * factor))) for s in samples))
    if sys.byteorder == "big":
        scaled.byteswap()
    with wave.open(str(path), "wb") as writer:
        writer.setparams(params)
        writer.writeframes(scaled.tobytes())


def listed_voice(voice_id: str, prefix: str, voices: Sequence[VoiceInfo], program: str) -> str:
    """The program's own name for ``voice_id``, which must be one of the voices it listed.

    Checked before the name goes on a command line, so no id ever reaches the program that
    it did not itself report.
    """
    name = voice_id.removeprefix(prefix)
    if not voice_id.startswith(prefix) or name not in {v.id.removeprefix(prefix) for v in voices}:
        raise RenderError(f"{program} has no voice {voice_id!r}")
    return name
