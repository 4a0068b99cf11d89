"""The ``rehearsal`` command: exit status 2 and one clear line on stderr for bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rehearsal.cli import main
from rehearsal.script.loader import MAX_FILE_BYTES


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command in a child process, as a user or a script would."""
    return subprocess.run(
        [sys.executable, "-m", "rehearsal", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _assert_one_line_error(result: subprocess.CompletedProcess[str], path: Path, what: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"rehearsal: error: {path}: ")
    assert what in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.fdx"
    _assert_one_line_error(_run("parse", str(path), "--json"), path, "no such file")


def test_directory(tmp_path: Path) -> None:
    _assert_one_line_error(_run("parse", str(tmp_path)), tmp_path, "directory")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(256)) * 64)
    _assert_one_line_error(_run("parse", str(path), "--json"), path, "binary")


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.fountain"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 10)
    _assert_one_line_error(_run("parse", str(path), "--json"), path, "too large")


def test_unknown_document_format(tmp_path: Path) -> None:
    path = tmp_path / "sides.rtf"
    path.write_text("{\\rtf1\\ansi Hello}")
    _assert_one_line_error(_run("parse", str(path)), path, "not supported")


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "parse" in capsys.readouterr().out


def test_history_on_a_new_data_folder(tmp_path: Path) -> None:
    result = _run("--data-dir", str(tmp_path / "data"), "history")
    assert result.returncode == 0, result.stderr
    assert "No rehearsals recorded yet." in result.stdout
    result = _run("--data-dir", str(tmp_path / "data"), "history", "--json")
    assert result.returncode == 0, result.stderr
    assert '"sessions": []' in result.stdout


def test_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "sides.fountain"
    os.mkfifo(fifo)  # nobody writes: opening it would block forever
    _assert_one_line_error(_run("parse", str(fifo)), fifo, "is a named pipe")


def test_dev_zero_is_refused_at_once() -> None:
    _assert_one_line_error(_run("parse", "/dev/zero"), Path("/dev/zero"), "is a device")


def test_symlink_loop_is_called_a_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.fountain"
    loop.symlink_to(loop)
    _assert_one_line_error(_run("parse", str(loop)), loop, "symlink loop")


def test_a_closed_pipe_on_stdout_ends_quietly(tmp_path: Path) -> None:
    # `rehearsal parse FILE --json | head`: the reader goes away after a few lines.
    scenes = "".join(
        f"INT. ROOM {n} - DAY\n\nANNA\nLine number {n}, long enough to fill the pipe.\n\n"
        for n in range(3000)
    )
    path = tmp_path / "long.fountain"
    path.write_text("Title: Long\n\n" + scenes, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "rehearsal", "parse", str(path), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    assert child.stdout.read(100)
    child.stdout.close()
    errors = child.stderr.read().decode()
    assert child.wait(timeout=60) == 0
    assert errors == ""
