"""The one error type that importers let escape.

Every failure to read a script, whatever its cause (a corrupt PDF, an XML bomb, a binary
file), becomes a :class:`ScriptImportError` with a message a person can act on, so that the
CLI and the GUI can show one clear line instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path


class ScriptImportError(Exception):
    """A script could not be imported; ``str()`` is a one-line, human-readable reason.

    ``path`` is filled in by :func:`rehearsal.script.loader.load_script` when the error
    is raised by an importer that only saw bytes.
    """

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        if self.path is not None:
            return f"{self.path}: {self.message}"
        return self.message


class ImportCancelled(ScriptImportError):
    """The user cancelled a long import; not a failure worth an error dialog."""

    def __init__(self) -> None:
        super().__init__("import cancelled")
