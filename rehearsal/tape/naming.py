"""The exported file's name: ``Name_Role_Project_Take2.mp4`` unless the actor sets another.

Casting sites and agents sort hundreds of tapes by file name, so the name follows the
convention they ask for, and the actor can change the pattern in Settings (some offices
want the date, or the role first). Whatever goes in, what comes out is one safe file
name on every system: no folders, no characters Windows refuses, no reserved names, not
too long.
"""

from __future__ import annotations

import re
import string
import unicodedata
from datetime import date

from rehearsal.i18n import QT_TRANSLATE_NOOP
from rehearsal.tape.slate import Translate

CONTEXT = "TapeNaming"

DEFAULT_TEMPLATE = "{name}_{role}_{project}_Take{take}"
FIELDS = ("name", "role", "project", "take", "date")
MAX_STEM = 150
"""Room for the folder and ``" (2).mp4"`` within the usual 255-byte limit."""

_EMPTY = QT_TRANSLATE_NOOP("TapeNaming", "The name pattern is empty.")
_UNKNOWN = QT_TRANSLATE_NOOP(
    "TapeNaming",
    "The name pattern uses {{{field}}}; it can use {{name}}, {{role}}, "
    "{{project}}, {{take}} and {{date}}.",
)
_BROKEN = QT_TRANSLATE_NOOP("TapeNaming", "The name pattern has an unmatched brace.")
_NO_TAKE = QT_TRANSLATE_NOOP(
    "TapeNaming", "The name pattern needs {{take}} or {{date}}, or every take gets the same name."
)


def _same(context: str, text: str) -> str:
    del context
    return text


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_SPACES = re.compile(r"\s+")
_RUNS = re.compile(r"([_.-])\1+")
_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)


def template_error(template: str, translate: Translate = _same) -> str | None:
    """Why ``template`` cannot name a file, or None when it can.

    Placeholders are ``{name}``, ``{role}``, ``{project}``, ``{take}`` (a format such as
    ``{take:02d}`` is allowed) and ``{date}``. The sentences are marked for translation
    (context ``TapeNaming``); the settings page passes its ``translate``.
    """
    if not template.strip():
        return translate(CONTEXT, _EMPTY)
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return translate(CONTEXT, _BROKEN)
    used = set()
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        bad = field not in FIELDS or conversion is not None or (spec and field != "take")
        if not bad and spec:
            try:
                format(1, spec)
            except ValueError:
                bad = True
        if bad:
            return translate(CONTEXT, _UNKNOWN).format(field=field + (f":{spec}" if spec else ""))
        used.add(field)
    if not used & {"take", "date"}:
        return translate(CONTEXT, _NO_TAKE)
    return None


def _part(value: str) -> str:
    """One field made safe and compact: ``Jane Doe`` becomes ``JaneDoe``, as sites expect."""
    value = unicodedata.normalize("NFC", value)
    value = _UNSAFE.sub("", value)
    return _SPACES.sub("", value)


def export_name(template: str, *, name: str, role: str, project: str, take: int, date: date) -> str:
    """The file name for one exported take, ``.mp4`` added.

    An invalid template falls back to :data:`DEFAULT_TEMPLATE` (the settings page says why
    with :func:`template_error`); empty fields leave no doubled separators behind.
    """
    if template_error(template) is not None:
        template = DEFAULT_TEMPLATE
    values = {
        "name": _part(name),
        "role": _part(role),
        "project": _part(project),
        "take": take,
        "date": date.isoformat(),
    }
    stem = template.format(**values)
    stem = _UNSAFE.sub("-", unicodedata.normalize("NFC", stem))
    stem = _SPACES.sub(" ", stem)
    stem = _RUNS.sub(r"\1", stem).strip("_. -")
    if not stem:
        stem = f"Take{take}"
    if _RESERVED.fullmatch(stem):
        stem = f"_{stem}"
    stem = _truncate(stem, MAX_STEM)
    return f"{stem}.mp4"


def _truncate(stem: str, limit: int) -> str:
    """At most ``limit`` bytes of UTF-8, never cutting a character in two."""
    encoded = stem.encode("utf-8")
    if len(encoded) <= limit:
        return stem
    return encoded[:limit].decode("utf-8", errors="ignore").rstrip("_. -")
