"""The contract between the loader and the format importers.

Each importer module (``import_fountain``, ``import_fdx``, ``import_text``, ``import_pdf``)
exposes ``import_bytes(data, progress=None) -> Script``. Importers receive bytes, not paths,
so they can be tested on generated data and fuzzed; the loader owns file checks and puts the
file name into error messages. Long importers call ``progress(fraction)`` now and then; the
callback raises :class:`~rehearsal.script.errors.ImportCancelled` to stop them, which keeps
cancellation out of every importer's signature.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from rehearsal.script.model import Script

ProgressCallback = Callable[[float], None]


class Importer(Protocol):
    """The shape of an importer's entry point."""

    def __call__(self, data: bytes, progress: ProgressCallback | None = None) -> Script: ...


def report(progress: ProgressCallback | None, fraction: float) -> None:
    """Call ``progress`` when there is one; importers need not check for None."""
    if progress is not None:
        progress(min(1.0, max(0.0, fraction)))
