"""Open a script file: the one entry point the CLI, the GUI and storage use.

The loader owns everything about *files* (existence, size limit, reading, naming the file
in errors) and leaves *formats* to the importers, which only see bytes. Importers are
imported lazily so that opening a Fountain file never loads the PDF engine.
"""

from __future__ import annotations

import errno
import importlib
import os
import stat
from pathlib import Path

from rehearsal.script.detect import sniff_bytes, sniff_text
from rehearsal.script.encoding import decode_text
from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.importer import Importer, ProgressCallback
from rehearsal.script.model import Script, SourceFormat

#: Sides are a few pages and a feature script is under 1 MB; 50 MB leaves room for
#: image-heavy PDFs while refusing files that would only exhaust memory.
MAX_FILE_BYTES = 50 * 1024 * 1024

#: Text is another matter: the longest feature screenplay is well under 1 MB of Fountain
#: (about 300 kB) and a play's text no more, so 10 MB is ten epics in one file. Parsing it
#: takes about a second and a hundred megabytes; a 49 MB text file would take several
#: seconds and half a gigabyte of memory to turn into half a million speeches nobody can
#: rehearse. Text, Fountain and Final Draft files over this are refused before any work,
#: in one line, from the first bytes (a PDF's images may still take it to the limit above).
MAX_TEXT_BYTES = 10 * 1024 * 1024

_IMPORTERS: dict[SourceFormat, str] = {
    SourceFormat.FOUNTAIN: "rehearsal.script.import_fountain",
    SourceFormat.FDX: "rehearsal.script.import_fdx",
    SourceFormat.TEXT: "rehearsal.script.import_text",
    SourceFormat.PDF: "rehearsal.script.import_pdf",
}

SUPPORTED_SUFFIXES = (".fountain", ".spmd", ".fdx", ".pdf", ".txt")


def importer_for(fmt: SourceFormat) -> Importer:
    """The ``import_bytes`` function of the importer module for ``fmt``."""
    module = importlib.import_module(_IMPORTERS[fmt])
    importer: Importer = module.import_bytes
    return importer


HEAD_BYTES = 2048
"""How much of a file decides its format (what :func:`sniff_bytes` looks at)."""


def is_pdf(head: bytes) -> bool:
    """Whether the first bytes of a file are a PDF's (the format :func:`sniff_bytes` sees)."""
    return b"%PDF-" in head[:1024]


def _not_a_regular_file(mode: int) -> str | None:
    """Why a file of this kind cannot be a script, or None for a regular file."""
    if stat.S_ISDIR(mode):
        return "is a directory, not a script file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a script file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a script file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a script file"
    if not stat.S_ISREG(mode):
        return "is not a regular file"
    return None


def _stat(path: Path) -> os.stat_result:
    """``stat()`` the file, naming a missing file, a symlink loop and a dangling link."""
    try:
        return path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            loop = "is a symlink loop (its links point back in a circle)"
            raise ScriptImportError(loop, path) from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if path.is_symlink():
                raise ScriptImportError(
                    f"is a link to {os.readlink(path)}, which does not exist", path
                ) from None
            raise ScriptImportError("no such file", path) from None
        raise ScriptImportError(f"cannot read the file ({exc.strerror or exc})", path) from None


def read_script_bytes(path: Path) -> bytes:
    """Read a file after the checks that give a clear message instead of an OS error.

    The kind of file is decided by ``stat()`` *before* opening: opening a named pipe
    blocks until someone writes to it (the import would hang forever), and a device such
    as ``/dev/zero`` never ends. Only regular files are read, and the file is opened
    non-blocking so that one swapped for a pipe between the two calls still cannot hang.
    """
    info = _stat(path)
    problem = _not_a_regular_file(info.st_mode)
    if problem:
        raise ScriptImportError(problem, path)
    if info.st_size > MAX_FILE_BYTES:
        raise ScriptImportError(
            f"the file is too large ({info.st_size / 1e6:.0f} MB; the limit is "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB)",
            path,
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            problem = _not_a_regular_file(os.fstat(handle.fileno()).st_mode)
            if problem:  # swapped between stat() and open()
                raise ScriptImportError(problem, path)
            head = handle.read(HEAD_BYTES)
            if info.st_size > MAX_TEXT_BYTES and not is_pdf(head):
                raise ScriptImportError(
                    f"the file is too large for a script ({info.st_size / 1e6:.0f} MB; a "
                    "screenplay or play as text, Fountain or Final Draft is under 1 MB, "
                    f"and the limit is {MAX_TEXT_BYTES // (1024 * 1024)} MB)",
                    path,
                )
            data = head + handle.read(MAX_FILE_BYTES + 1 - len(head))
    except OSError as exc:
        raise ScriptImportError(f"cannot read the file ({exc.strerror or exc})", path) from None
    if len(data) > MAX_FILE_BYTES:  # grew while we looked, or a device file
        raise ScriptImportError("the file is too large", path)
    if not data.strip():
        raise ScriptImportError("the file is empty", path)
    return data


def detect_format(data: bytes, suffix: str) -> SourceFormat:
    """The format of a file's bytes, deciding Fountain versus play text on decoded text."""
    fmt = sniff_bytes(data, suffix.lower())
    if fmt is not None:
        return fmt
    return sniff_text(decode_text(data))


def parse_bytes(data: bytes, suffix: str = "", progress: ProgressCallback | None = None) -> Script:
    """Import a script from bytes; errors carry no file name (see :func:`load_script`)."""
    fmt = detect_format(data, suffix)
    try:
        return importer_for(fmt)(data, progress)
    except (ScriptImportError, ImportCancelled):
        raise
    except RecursionError:
        raise ScriptImportError("the file is nested too deeply to read") from None
    except MemoryError:
        raise ScriptImportError("the file needs more memory than is available") from None


def load_script(path: Path | str, progress: ProgressCallback | None = None) -> Script:
    """Read and import the script at ``path``.

    Raises :class:`ScriptImportError` whose message names the file; raises
    :class:`ImportCancelled` when ``progress`` asked to stop.
    """
    path = Path(path)
    data = read_script_bytes(path)
    try:
        return parse_bytes(data, path.suffix, progress)
    except ImportCancelled:
        raise
    except ScriptImportError as exc:
        exc.path = path
        raise
