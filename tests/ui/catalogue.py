"""The shipped catalogue of translatable texts, read the way the tests need it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = REPO_ROOT / "resources" / "translations" / "rehearsal.ts"


def catalogue_messages(path: Path = CATALOGUE) -> set[tuple[str, str]]:
    """(context, source text) of every message in a Qt ``.ts`` catalogue."""
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def missing_from_catalogue(asked: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """The app's texts looked up at run time that translators would not find.

    Qt's own contexts (``QFileDialog``, ``QShortcut``, ...) are Qt's business; every other
    context is a class of the app, and its texts must be in the shipped catalogue.
    """
    known = catalogue_messages()
    return sorted(
        (context, source)
        for context, source in asked
        if source and not context.startswith("Q") and (context, source) not in known
    )
