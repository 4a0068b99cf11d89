"""Small real file systems for the tests that need a full or a read-only disk.

A size-limited tmpfs is the most honest "disk full": the kernel itself answers ENOSPC,
exactly as a full laptop disk does. Mounting needs root (or a user namespace); where the
machine does not allow it, the tests that need it are skipped, never faked.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _run(*args: str) -> bool:
    try:
        result = subprocess.run(args, capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "64k") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``folder`` (skips the test where mounting fails)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "nt" or not _run(
        "mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)
    ):
        pytest.skip("cannot mount a small file system here (needs root on Linux)")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` as a read-only bind mount (a restored backup, a mounted share)."""
    if os.name == "nt" or not _run("mount", "--bind", str(folder), str(folder)):
        pytest.skip("cannot bind-mount a folder here (needs root on Linux)")
    try:
        if not _run("mount", "-o", "remount,ro,bind", str(folder)):
            pytest.skip("cannot remount a folder read-only here")
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path) -> None:
    """Fill the file system under ``folder`` to the last byte."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while os.write(fd, b"\0" * 1024):
                pass
    finally:
        os.close(fd)
