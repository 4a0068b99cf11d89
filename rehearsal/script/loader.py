"""Open a script file: the one entry point the CLI, the GUI and storage use.

The loader owns everything about *files* (existence, size limit, reading, naming the file
in errors) and leaves *formats* to the importers, which only see bytes. Importers are
imported lazily so that opening a Fountain file never loads the PDF engine.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from rehearsal.script.detect import sniff_bytes, sniff_text
from rehearsal.script.encoding import decode_text
from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.importer import Importer, ProgressCallback
from rehearsal.script.model import Script, SourceFormat

#: Sides are a few pages and a feature script is under 1 MB; 50 MB leaves room for
#: image-heavy PDFs while refusing files that would only exhaust memory.
MAX_FILE_BYTES = 50 * 1024 * 1024

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


def read_script_bytes(path: Path) -> bytes:
    """Read a file after the checks that give a clear message instead of an OS error."""
    if not path.exists():
        raise ScriptImportError("no such file", path)
    if path.is_dir():
        raise ScriptImportError("is a directory, not a script file", path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScriptImportError(
                f"the file is too large ({size / 1e6:.0f} MB; the limit is "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB)",
                path,
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
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
