"""Writing a file so that a crash or a full disk never leaves half of it behind.

Every settings and data file the app writes goes through here: the new content is written
to a temporary file in the same folder, flushed and fsync'd, then renamed over the old
file, and the folder itself is fsync'd so the rename survives a power cut. If anything
fails on the way (the disk fills up, the app is killed) the old file is still there,
whole, and the temporary file is removed. Files are created 0600: an actor's notes,
dossiers and recordings are nobody else's business on a shared machine.

Plain Python, no Qt: the core packages and the UI both use it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal, cast, overload

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder for fsync
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the rename itself still happened
    finally:
        os.close(fd)


@overload
def atomic_writer(
    path: Path, *, binary: Literal[False] = False, newline: str | None = None
) -> contextlib.AbstractContextManager[IO[str]]: ...


@overload
def atomic_writer(
    path: Path, *, binary: Literal[True], newline: str | None = None
) -> contextlib.AbstractContextManager[IO[bytes]]: ...


def atomic_writer(
    path: Path, *, binary: bool = False, newline: str | None = None
) -> contextlib.AbstractContextManager[IO[str]] | contextlib.AbstractContextManager[IO[bytes]]:
    """A stream whose content replaces ``path`` only when the ``with`` block succeeds.

    Text streams are UTF-8; the file is created 0600 (``mkstemp``'s mode). Raises
    :class:`OSError` (the caller words it for the actor); on any failure ``path`` is left
    exactly as it was.
    """
    writer = _writer(Path(path), binary, newline)
    if binary:
        return cast(contextlib.AbstractContextManager[IO[bytes]], writer)
    return cast(contextlib.AbstractContextManager[IO[str]], writer)


@contextlib.contextmanager
def _writer(path: Path, binary: bool, newline: str | None) -> Iterator[IO[str] | IO[bytes]]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        stream: IO[str] | IO[bytes]
        if binary:
            stream = os.fdopen(fd, "wb")
        else:
            stream = os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync_folder(path.parent)


def write_text(path: Path, text: str, *, newline: str | None = None) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step; raises :class:`OSError`."""
    with atomic_writer(path, newline=newline) as stream:
        stream.write(text)


def write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; raises :class:`OSError`."""
    with atomic_writer(path, binary=True) as stream:
        stream.write(data)


def copy_file(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` in one step (photos); raises :class:`OSError`."""
    with Path(source).open("rb") as reader, atomic_writer(target, binary=True) as stream:
        shutil.copyfileobj(reader, stream, 1024 * 1024)


def make_private(path: Path) -> None:
    """Tighten an existing file to 0600 or a folder to 0700 (errors are ignored).

    Used at start on what an older version created world-readable; a file the actor does
    not own (a shared data folder) is left alone rather than failing the start.
    """
    if os.name == "nt":  # pragma: no cover - per-user folders are private on Windows
        return
    try:
        info = path.lstat()
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode):
        return
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        with contextlib.suppress(OSError):
            path.chmod(mode & ~0o077)
