"""Marking texts for translation in modules that must not import Qt.

Qt's ``lupdate`` finds translatable texts by the name of the call around them, not by what
the call does. A plain-Python module can therefore mark its labels with
:func:`QT_TRANSLATE_NOOP` from here and stay free of Qt; the UI looks them up with
``QCoreApplication.translate(context, text)`` under the same context.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Return ``source`` unchanged; ``lupdate`` records it under ``context``."""
    del context
    return source
