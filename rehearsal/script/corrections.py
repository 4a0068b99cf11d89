"""Corrections an actor makes to an import, kept as data on top of it.

The imported script is never changed: a script's corrections are a list of small frozen
operations, applied in order by :func:`apply_corrections` to give the script the actor
rehearses. Keeping them apart means the original can always be shown again, the list can
be stored as one JSON value (:func:`corrections_to_json`) and applied again when the same
file is imported later, and undo is "the list without its last operation".

Anchors
    Operations name lines by :class:`~rehearsal.script.lines.LineId`, the position of the
    line in the *original* import (see :mod:`rehearsal.script.lines`), never by where the
    line stands after earlier corrections. Ids survive every correction because nothing is
    renumbered: a split cuts a line into pieces named by the offset where each piece starts
    in the original text. Characters are named by their current name, as the actor sees it.
    An operation whose anchor does not exist (a different file, a line a split never made,
    a name nobody speaks) is skipped and reported in :attr:`Applied.skipped`; it never
    raises, so a stored list cannot stop a script from opening.

Undo
    Applying is pure and takes milliseconds, so the list *is* the state: an undo command
    holds one operation; redo appends it (:func:`push`), undo drops it (:func:`pop`), and
    the view re-applies the list. :func:`describe` gives the command's text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rehearsal.i18n import QT_TRANSLATE_NOOP
from rehearsal.script.cues import collapse_whitespace, has_letter, split_cue
from rehearsal.script.lines import (
    EDITABLE_KINDS,
    PART_LINE_KINDS,
    Line,
    LineId,
    LineKind,
    Position,
    Rebuilt,
    cue_text,
    flatten,
    rebuild,
)
from rehearsal.script.model import Script

FORMAT_VERSION = 1
"""The version written into the JSON; a newer one is refused rather than misread."""


@dataclass(frozen=True, slots=True)
class SetKind:
    """Make one or more lines a cue, speech, parenthetical, action, heading or transition.

    A line made a cue becomes a character from its text (``Mary (V.O.)`` is ``MARY`` with
    ``V.O.``); a parenthetical without brackets gets them. Which dialogues result follows
    from the rebuild rule: an action line made a cue above an action line made speech is a
    new dialogue; a speech line made action cuts its dialogue in two.
    """

    lines: tuple[LineId, ...]
    kind: LineKind


@dataclass(frozen=True, slots=True)
class RenameCharacter:
    """Give every speech of ``old`` (as named when this correction applies) to ``new``."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class MergeCharacters:
    """Make several characters one, under ``into`` (one of them or a new name)."""

    names: tuple[str, ...]
    into: str


@dataclass(frozen=True, slots=True)
class SplitSpeech:
    """Start a new speech at ``at`` characters into the original text of ``line``.

    ``line`` is the original line (its offset ignored); the piece holding ``at`` is cut
    there unless ``at`` already starts a piece (only speech is cut inside its text; a
    parenthetical can start the new speech). The new speech is by ``character``, or by
    the same speaker when it is None.
    """

    line: LineId
    at: int = 0
    character: str | None = None


@dataclass(frozen=True, slots=True)
class JoinSpeeches:
    """Join the speech whose cue is ``cue`` to the speech just before it (its speaker wins)."""

    cue: LineId


@dataclass(frozen=True, slots=True)
class SetExcluded:
    """Leave lines out of the sides (or take them back); a left-out cue takes its speech along."""

    lines: tuple[LineId, ...]
    excluded: bool = True


Correction = SetKind | RenameCharacter | MergeCharacters | SplitSpeech | JoinSpeeches | SetExcluded


@dataclass(frozen=True, slots=True)
class Skipped:
    """A correction (by index in the list) that could not apply, and why, in English."""

    index: int
    correction: Correction
    reason: str


@dataclass(slots=True)
class Applied:
    """The corrected script, the corrections skipped, and where each original line went."""

    script: Script
    skipped: list[Skipped] = field(default_factory=list)
    positions: dict[LineId, Position] = field(default_factory=dict)
    ids: dict[Position, LineId] = field(default_factory=dict)
    orphans: list[LineId] = field(default_factory=list)


class CorrectionsFormatError(ValueError):
    """Stored corrections could not be read; ``str`` says what was wrong."""


# --- applying -------------------------------------------------------------------------


class _Lines:
    """The working lines, findable by id, with pieces cut by splits kept in order."""

    def __init__(self, script: Script) -> None:
        self.rows: dict[tuple[int, int, int], list[Line]] = {}
        self.order: list[tuple[int, int, int]] = []
        for line in flatten(script):
            key = (line.id.scene, line.id.element, line.id.line)
            self.rows[key] = [line]
            self.order.append(key)

    def get(self, line_id: LineId) -> Line | None:
        for piece in self.rows.get((line_id.scene, line_id.element, line_id.line), ()):
            if piece.id.offset == line_id.offset:
                return piece
        return None

    def pieces(self, line_id: LineId) -> list[Line] | None:
        return self.rows.get((line_id.scene, line_id.element, line_id.line))

    def all(self) -> list[Line]:
        return [piece for key in self.order for piece in self.rows[key]]

    def cues(self) -> Iterable[Line]:
        return (p for key in self.order for p in self.rows[key] if p.kind is LineKind.CUE)


def _retype(line: Line, kind: LineKind) -> str | None:
    """Give ``line`` a new kind; the reason it cannot, or None."""
    if line.kind is kind:
        return None
    text = line.text if line.kind is not LineKind.CUE else cue_text(line.character, line.extension)
    if not text:
        return "the line has no text"
    if kind is LineKind.CUE:
        name, extension = split_cue(text)
        if not has_letter(name):
            return f"{text!r} is not a name"
        line.character, line.extension, line.dual = name, extension, False
    elif kind is LineKind.PARENTHETICAL and not (text[0] in "([（［" and text[-1] in ")]）］"):
        text = f"({text})"
    line.kind = kind
    line.text = text
    line.number = None
    line.level = 0
    return None


def _exclude(line: Line, excluded: bool) -> str | None:
    if line.kind is LineKind.HEADING and line.text is None:
        return "a scene break has nothing to leave out"
    line.excluded = excluded
    return None


def _rename(lines: _Lines, old: str, new: str) -> bool:
    found = False
    for piece in lines.all():
        if piece.kind is LineKind.CUE and piece.character == old:
            piece.character = new
            found = True
        if piece.new_speaker == old:
            piece.new_speaker = new
            found = True
    return found


def _split(lines: _Lines, op: SplitSpeech) -> str | None:
    pieces = lines.pieces(op.line)
    if pieces is None:
        return "the line is not in this script"
    index = next((i for i, p in enumerate(pieces) if p.id.offset <= op.at < p.end), None)
    if index is None:
        return "the place to split is past the end of the line"
    piece = pieces[index]
    if piece.kind not in PART_LINE_KINDS or piece.excluded:
        return "only a speech can be split"
    if op.at > piece.id.offset:
        if piece.kind is not LineKind.SPEECH:
            return "a parenthetical can only be split before it"
        first, second = piece.source[piece.id.offset : op.at], piece.source[op.at : piece.end]
        if not first.strip() or not second.strip():
            return "nothing would be left on one side of the split"
        cut = Line(
            LineId(piece.id.scene, piece.id.element, piece.id.line, op.at),
            piece.kind,
            collapse_whitespace(second),
            source=piece.source,
            end=piece.end,
            owner=piece.owner,
        )
        piece.text, piece.end = collapse_whitespace(first), op.at
        pieces.insert(index + 1, cut)
        piece = cut
    piece.starts_speech = True
    piece.new_speaker = split_cue(op.character)[0] if op.character else None
    return None


def _apply_one(lines: _Lines, index: int, op: Correction) -> str | None:
    """Apply ``op`` to the working lines; the reason it was skipped, or None."""
    if isinstance(op, SetKind):
        if op.kind not in EDITABLE_KINDS:
            return f"lines cannot be made {op.kind.value}"
        return _each(lines, op.lines, lambda line: _retype(line, op.kind))
    if isinstance(op, SetExcluded):
        return _each(lines, op.lines, lambda line: _exclude(line, op.excluded))
    if isinstance(op, RenameCharacter | MergeCharacters):
        names = (op.old,) if isinstance(op, RenameCharacter) else op.names
        target = split_cue(op.new if isinstance(op, RenameCharacter) else op.into)[0]
        if not has_letter(target):
            return f"{target!r} is not a name"
        found = [_rename(lines, name, target) for name in names if name != target]
        if not any(found) and any(name != target for name in names):
            return "no character of that name speaks"
        return None
    if isinstance(op, SplitSpeech):
        return _split(lines, op)
    line = lines.get(op.cue)
    if line is None or line.kind is not LineKind.CUE:
        return "the speech to join has no cue there"
    line.joined_by = index
    return None


def _each(lines: _Lines, ids: Sequence[LineId], change: Callable[[Line], str | None]) -> str | None:
    """Apply ``change`` to every line found; report the ones missing or refused."""
    problems: list[str] = []
    for line_id in ids:
        line = lines.get(line_id)
        if line is None:
            problems.append(f"line {line_id.as_list()} is not in this script")
            continue
        reason = change(line)
        if reason:
            problems.append(reason)
    return "; ".join(problems) or None


def apply_with_report(script: Script, corrections: Sequence[Correction]) -> Applied:
    """Apply ``corrections`` in order to a copy of ``script``; see the module docstring."""
    lines = _Lines(script)
    skipped: list[Skipped] = []
    for index, op in enumerate(corrections):
        try:
            reason = _apply_one(lines, index, op)
        except (AttributeError, TypeError, ValueError, IndexError) as exc:
            reason = f"the correction is malformed ({type(exc).__name__})"
        if reason:
            skipped.append(Skipped(index, op, reason))
    rebuilt: Rebuilt = rebuild(script, lines.all())
    skipped.extend(
        Skipped(i, corrections[i], "the two speeches are not next to each other")
        for i in rebuilt.failed_joins
    )
    skipped.sort(key=lambda s: s.index)
    return Applied(rebuilt.script, skipped, rebuilt.positions, rebuilt.ids, rebuilt.orphans)


def apply_corrections(script: Script, corrections: Sequence[Correction]) -> Script:
    """The corrected script; ``script`` itself is left as it was."""
    return apply_with_report(script, corrections).script


# --- the undo stack's view -------------------------------------------------------------


def push(corrections: Sequence[Correction], op: Correction) -> tuple[Correction, ...]:
    """The list with ``op`` added: what a redo does."""
    return (*corrections, op)


def pop(corrections: Sequence[Correction]) -> tuple[Correction, ...]:
    """The list without its last operation: what an undo does."""
    return tuple(corrections[:-1])


_DESCRIPTIONS = {
    LineKind.CUE: QT_TRANSLATE_NOOP("Corrections", "Make {count} line(s) a cue"),
    LineKind.SPEECH: QT_TRANSLATE_NOOP("Corrections", "Make {count} line(s) speech"),
    LineKind.PARENTHETICAL: QT_TRANSLATE_NOOP(
        "Corrections", "Make {count} line(s) a parenthetical"
    ),
    LineKind.ACTION: QT_TRANSLATE_NOOP("Corrections", "Make {count} line(s) action"),
    LineKind.HEADING: QT_TRANSLATE_NOOP("Corrections", "Make {count} line(s) a scene heading"),
    LineKind.TRANSITION: QT_TRANSLATE_NOOP("Corrections", "Make {count} line(s) a transition"),
}
_RENAME = QT_TRANSLATE_NOOP("Corrections", "Rename {old} to {new}")
_MERGE = QT_TRANSLATE_NOOP("Corrections", "Merge {names} into {into}")
_SPLIT = QT_TRANSLATE_NOOP("Corrections", "Split the speech")
_JOIN = QT_TRANSLATE_NOOP("Corrections", "Join two speeches")
_EXCLUDE = QT_TRANSLATE_NOOP("Corrections", "Leave {count} line(s) out of the sides")
_INCLUDE = QT_TRANSLATE_NOOP("Corrections", "Put {count} line(s) back into the sides")


def describe(op: Correction) -> tuple[str, dict[str, str]]:
    """An undo command's text: an English template marked for translation, and its values.

    The UI translates the template under the ``Corrections`` context and then fills it in
    with ``str.format``, so translators see the whole sentence.
    """
    if isinstance(op, SetKind):
        return _DESCRIPTIONS.get(op.kind, _DESCRIPTIONS[LineKind.ACTION]), {
            "count": str(len(op.lines))
        }
    if isinstance(op, RenameCharacter):
        return _RENAME, {"old": op.old, "new": op.new}
    if isinstance(op, MergeCharacters):
        return _MERGE, {"names": ", ".join(op.names), "into": op.into}
    if isinstance(op, SplitSpeech):
        return _SPLIT, {}
    if isinstance(op, JoinSpeeches):
        return _JOIN, {}
    return (_EXCLUDE if op.excluded else _INCLUDE), {"count": str(len(op.lines))}


# --- JSON ------------------------------------------------------------------------------


def correction_to_dict(op: Correction) -> dict[str, Any]:
    """One operation as a JSON object with an ``op`` name."""
    if isinstance(op, SetKind):
        return {"op": "set_kind", "lines": [i.as_list() for i in op.lines], "kind": op.kind.value}
    if isinstance(op, RenameCharacter):
        return {"op": "rename", "old": op.old, "new": op.new}
    if isinstance(op, MergeCharacters):
        return {"op": "merge", "names": list(op.names), "into": op.into}
    if isinstance(op, SplitSpeech):
        return {"op": "split", "line": op.line.as_list(), "at": op.at, "character": op.character}
    if isinstance(op, JoinSpeeches):
        return {"op": "join", "cue": op.cue.as_list()}
    return {"op": "exclude", "lines": [i.as_list() for i in op.lines], "excluded": op.excluded}


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be text")
    return value


def _ids(data: dict[str, Any], key: str) -> tuple[LineId, ...]:
    value = data.get(key)
    if not isinstance(value, list):
        raise ValueError(f"{key!r} must be a list of line ids")
    return tuple(LineId.from_list(v) for v in value)


def correction_from_dict(data: Any) -> Correction:
    """Read :func:`correction_to_dict` output; raises ``ValueError`` saying what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("a correction must be a JSON object")
    name = data.get("op")
    if name == "set_kind":
        return SetKind(_ids(data, "lines"), LineKind(_str(data, "kind")))
    if name == "rename":
        return RenameCharacter(_str(data, "old"), _str(data, "new"))
    if name == "merge":
        names = data.get("names")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError("'names' must be a list of names")
        return MergeCharacters(tuple(names), _str(data, "into"))
    if name == "split":
        at, character = data.get("at", 0), data.get("character")
        if not isinstance(at, int) or isinstance(at, bool) or at < 0:
            raise ValueError("'at' must be a whole number of characters")
        if character is not None and not isinstance(character, str):
            raise ValueError("'character' must be text or null")
        return SplitSpeech(LineId.from_list(data.get("line")), at, character)
    if name == "join":
        return JoinSpeeches(LineId.from_list(data.get("cue")))
    if name == "exclude":
        return SetExcluded(_ids(data, "lines"), bool(data.get("excluded", True)))
    raise ValueError(f"unknown correction {name!r}")


def corrections_to_json(corrections: Sequence[Correction]) -> str:
    """The list as one JSON text, with the format version, for storing with the script."""
    payload = {
        "version": FORMAT_VERSION,
        "corrections": [correction_to_dict(c) for c in corrections],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def corrections_from_json(text: str) -> tuple[Correction, ...]:
    """Read :func:`corrections_to_json` output; raises :class:`CorrectionsFormatError`."""
    try:
        payload = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise CorrectionsFormatError(f"the corrections are not valid JSON ({exc})") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("corrections"), list):
        raise CorrectionsFormatError("the corrections have no list of corrections")
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorrectionsFormatError("the corrections have no format version")
    if version > FORMAT_VERSION:
        raise CorrectionsFormatError(
            f"the corrections were saved by a newer version of Rehearsal (format {version})"
        )
    out: list[Correction] = []
    for number, item in enumerate(payload["corrections"], start=1):
        try:
            out.append(correction_from_dict(item))
        except ValueError as exc:
            raise CorrectionsFormatError(f"correction {number}: {exc}") from None
    return tuple(out)
