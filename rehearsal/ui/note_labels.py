"""How director-note categories, levels and origins are named on screen, in one language.

The names are marked for translation once, under one context, so the deck editor, its
table and the drill setup all show the same words and translators see each word once.
Category names come from :mod:`rehearsal.notes.note` (marked there without Qt).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rehearsal.notes.note import Category, Level, Origin

CONTEXT = "DirectorNotes"

_LEVEL_NAMES = {
    Level.SUBTLE: str(QT_TRANSLATE_NOOP("DirectorNotes", "Subtle")),
    Level.MEDIUM: str(QT_TRANSLATE_NOOP("DirectorNotes", "Medium")),
    Level.BOLD: str(QT_TRANSLATE_NOOP("DirectorNotes", "Bold")),
}
_ORIGIN_NAMES = {
    Origin.BUNDLED: str(QT_TRANSLATE_NOOP("DirectorNotes", "Bundled")),
    Origin.EDITED: str(QT_TRANSLATE_NOOP("DirectorNotes", "Edited")),
    Origin.USER: str(QT_TRANSLATE_NOOP("DirectorNotes", "Mine")),
}


def category_name(category: Category) -> str:
    """``Emotion & intensity``, in the user's language."""
    return QCoreApplication.translate(CONTEXT, category.label)


def level_name(level: Level) -> str:
    """``Subtle``, ``Medium`` or ``Bold``, in the user's language."""
    return QCoreApplication.translate(CONTEXT, _LEVEL_NAMES[level])


def origin_name(origin: Origin) -> str:
    """Where a note came from (``Bundled``, ``Edited``, ``Mine``), in the user's language."""
    return QCoreApplication.translate(CONTEXT, _ORIGIN_NAMES[origin])
