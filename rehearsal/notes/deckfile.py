"""Reading and writing deck files (TOML) with errors that point at the line to fix.

People edit ``notes.toml`` by hand and import decks from friends, so every mistake is reported
with the file and the line: ``tomllib`` gives a position only for syntax errors, so the
``[[note]]`` tables are located in the raw text to name the line of a missing or wrong field
too. Writing is done by hand because a deck is a flat list of tables of strings and
integers; the writer's output is checked by reading it back with ``tomllib`` in the tests.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rehearsal import atomic_file
from rehearsal.notes.note import Category, DeckError, Level, Note, Origin

DECK_VERSION = 1
#: A deck of a few thousand notes is well under this; a larger file is not a deck.
MAX_DECK_BYTES = 2 * 1024 * 1024
#: A note is read at a glance on screen between takes; longer text is a monologue.
MAX_TEXT_CHARS = 300
MAX_ID_CHARS = 64

_TOP_KEYS = frozenset({"version", "name", "description", "disabled", "note"})
_NOTE_KEYS = frozenset({"id", "category", "level", "text", "spoken"})
_REQUIRED = ("id", "category", "level", "text")
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_HEADER_RE = re.compile(r"^\s*\[\[\s*note\s*\]\]")
_POSITION_RE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")

USER_DECK_HEADER = (
    "# Rehearsal — your own director notes, merged over the bundled deck.\n"
    "# Edit in the app, or by hand (format: resources/notes/README.md). A [[note]] whose id\n"
    "# matches a bundled note replaces it; `disabled` lists ids that are never drawn."
)


@dataclass(slots=True)
class DeckFile:
    """The contents of one deck file: its notes in file order and the ids it disables."""

    notes: list[Note] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)


def clean_text(value: object, name: str = "text") -> str:
    """A note's text as shown: one line, single spaces, not empty, not a paragraph.

    Raises ``ValueError`` with a message that names the field.
    """
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text in quotes, not {value!r}")
    text = " ".join(value.split())
    if not text:
        raise ValueError(f"{name} is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"{name} is {len(text)} characters long (the limit is {MAX_TEXT_CHARS})")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name} contains characters that cannot be saved") from None
    return text


def check_id(value: object) -> str:
    """A note id: letters, digits, ``-``, ``_`` or ``.``, so it is stable in logs and files."""
    if not isinstance(value, str) or not _ID_RE.fullmatch(value) or len(value) > MAX_ID_CHARS:
        raise ValueError(
            f"id must be letters, digits, '-', '_' or '.' (at most {MAX_ID_CHARS}), not {value!r}"
        )
    return value


class _Locator:
    """Finds the line of a ``[[note]]`` table or of one of its keys in the raw text."""

    def __init__(self, text: str, note_count: int) -> None:
        self.lines = text.splitlines()
        headers = [i + 1 for i, line in enumerate(self.lines) if _HEADER_RE.match(line)]
        # An inline ``note = [{...}]`` array has no headers to count; then we know no lines.
        self.headers = headers if len(headers) == note_count else []

    def note_line(self, index: int) -> int | None:
        return self.headers[index] if index < len(self.headers) else None

    def key_line(self, index: int, key: str) -> int | None:
        start = self.note_line(index)
        if start is None:
            return None
        end = self.headers[index + 1] - 1 if index + 1 < len(self.headers) else len(self.lines)
        return self._find_key(key, start, end) or start

    def top_line(self, key: str) -> int | None:
        # A top-level ``key = …`` can only stand before the first table; a ``[key]`` table
        # can stand anywhere.
        end = self.headers[0] - 1 if self.headers else len(self.lines)
        table = rf"\[+\s*{re.escape(key)}\s*\]"
        return self._find_key(key, 1, end) or self._find(table, 1, len(self.lines))

    def _find_key(self, key: str, start: int, end: int) -> int | None:
        return self._find(rf"[\"']?{re.escape(key)}[\"']?\s*=", start, end)

    def _find(self, pattern: str, start: int, end: int) -> int | None:
        for number in range(start, min(end, len(self.lines)) + 1):
            if re.match(rf"\s*{pattern}", self.lines[number - 1]):
                return number
        return None


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, path: Path | None) -> DeckError:
    reason = str(exc)
    line: int | None = None
    match = _POSITION_RE.search(reason)
    if match:
        reason = reason[: match.start()]
        line = int(match.group(1)) if match.group(1) else max(1, len(text.splitlines()))
        if match.group(2):
            reason += f" (column {match.group(2)})"
    reason = reason[:1].lower() + reason[1:]
    return DeckError(f"not valid TOML: {reason}", path, line)


def parse_deck(text: str, path: Path | None = None, origin: Origin = Origin.USER) -> DeckFile:
    """Read a deck from TOML text; raises :class:`DeckError` naming ``path`` and the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, path) from None
    raw_notes = data.get("note", [])
    locator = _Locator(text, len(raw_notes) if isinstance(raw_notes, list) else 0)

    def fail(message: str, line: int | None) -> DeckError:
        return DeckError(message, path, line)

    for key in data:
        if key not in _TOP_KEYS:
            hint = " (did you mean [[note]]?)" if key.casefold().startswith("note") else ""
            raise fail(f"unknown key {key!r}{hint}", locator.top_line(key))
    version = data.get("version", DECK_VERSION)
    if version != DECK_VERSION:
        raise fail(
            f"deck version {version!r} is not supported (this app reads version {DECK_VERSION})",
            locator.top_line("version"),
        )
    if not isinstance(raw_notes, list) or not all(isinstance(n, dict) for n in raw_notes):
        raise fail(
            "each note must be a table that starts with [[note]] (two pairs of brackets)",
            locator.top_line("note"),
        )
    disabled = _parse_disabled(
        data.get("disabled", []), lambda m: fail(m, locator.top_line("disabled"))
    )

    notes: list[Note] = []
    first_line: dict[str, int | None] = {}
    for index, raw in enumerate(raw_notes):
        note = _parse_note(raw, index, locator, path, origin)
        if note.id in first_line:
            seen = first_line[note.id]
            where = f" (first at line {seen})" if seen is not None else ""
            raise fail(f"id {note.id!r} is used twice{where}", locator.key_line(index, "id"))
        first_line[note.id] = locator.note_line(index)
        notes.append(note)
    return DeckFile(notes=notes, disabled=disabled)


def _parse_disabled(value: object, fail: Callable[[str], DeckError]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail('disabled must be a list of note ids, like disabled = ["emotion-003"]')
    return list(dict.fromkeys(value))


def _parse_note(
    raw: Mapping[str, Any], index: int, locator: _Locator, path: Path | None, origin: Origin
) -> Note:
    """One ``[[note]]`` table, checked field by field so the message names the bad line."""
    header = locator.note_line(index)
    label = f"note {index + 1}"
    if isinstance(raw.get("id"), str):
        label = f"note {raw['id']!r}"
    for key in raw:
        if key not in _NOTE_KEYS:
            allowed = ", ".join(sorted(_NOTE_KEYS))
            raise DeckError(
                f"{label}: unknown field {key!r} (fields are: {allowed})",
                path,
                locator.key_line(index, key),
            )
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise DeckError(
            f"{label} has no {', '.join(missing)} (every note needs id, category, level and text)",
            path,
            header,
        )
    field_name = "id"
    try:
        note_id = check_id(raw["id"])
        field_name = "category"
        category = Category.parse(raw["category"])
        field_name = "level"
        level = Level.parse(raw["level"])
        field_name = "text"
        text = clean_text(raw["text"], "text")
        field_name = "spoken"
        spoken = clean_text(raw["spoken"], "spoken") if "spoken" in raw else ""
    except ValueError as exc:
        raise DeckError(f"{label}: {exc}", path, locator.key_line(index, field_name)) from None
    return Note(note_id, category, level, text, spoken, origin)


def read_deck_file(path: Path, origin: Origin = Origin.USER) -> DeckFile:
    """Read and check a deck file; every failure is a :class:`DeckError` naming it."""
    try:
        size = path.stat().st_size
        if size > MAX_DECK_BYTES:
            raise DeckError(
                f"the file is too large for a note deck ({size // 1024} KB; the limit is "
                f"{MAX_DECK_BYTES // 1024} KB)",
                path,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise DeckError("no such file", path) from None
    except IsADirectoryError:
        raise DeckError("is a folder, not a deck file", path) from None
    except OSError as exc:
        raise DeckError(f"cannot read the file ({exc.strerror or exc})", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DeckError("not UTF-8 text (save the deck as UTF-8)", path, line) from None
    return parse_deck(text, path, origin)


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def dump_deck(notes: Iterable[Note], disabled: Iterable[str] = (), header: str = "") -> str:
    """A deck as TOML text that :func:`parse_deck` reads back to the same notes."""
    lines = [header] if header else []
    lines.append(f"version = {DECK_VERSION}")
    ids = list(dict.fromkeys(disabled))
    if ids:
        lines.append("disabled = [")
        lines.extend(f"  {toml_string(note_id)}," for note_id in ids)
        lines.append("]")
    for note in notes:
        lines += [
            "",
            "[[note]]",
            f"id = {toml_string(note.id)}",
            f"category = {toml_string(note.category.value)}",
            f"level = {int(note.level)}",
            f"text = {toml_string(note.text)}",
        ]
        if note.has_own_spoken:
            lines.append(f"spoken = {toml_string(note.spoken)}")
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` in one step, so a crash mid-save never leaves half a deck behind."""
    try:
        atomic_file.write_text(path, text, newline="\n")
    except OSError as exc:
        raise DeckError(f"cannot save ({exc.strerror or exc})", path) from None
