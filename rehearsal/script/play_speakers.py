"""Which cue-shaped lines of a play text are speakers: decided for the whole file at once.

A line such as ``Tom. Come here.`` is a cue in one edition and a sentence in another; what
settles it is the file. A cue shape (``NAME.`` inline, ``Name:``, a name alone on its line)
counts when names recur in it, which keeps ``Note:`` and ``Yes.`` out while letting in the
messenger who speaks once in a play full of ``NAME.`` cues. Title-case shapes (``Ham.``)
need more: they must dominate the file, and a name heard once needs other evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rehearsal.script.play_layout import STOP_NAMES, Cue, name_alone, parse_cue

_CAPITALISED = re.compile(r"\b[^\W\d_][\w'’-]+")
_SEPARATOR_NAMES = {".": "dot", ":": "colon"}
_DIRECTION_NAMES = frozenset({"ENTER", "ENTERS", "EXIT", "EXITS", "EXEUNT", "RE-ENTER", "MANET"})


@dataclass(frozen=True, slots=True)
class _Text:
    """The parts of a play text the decision reads."""

    lines: Sequence[str]
    indents: Sequence[int]
    directions: dict[int, int]


def _cue_form(cue: Cue, tight: bool) -> str:
    """The shape a cue is printed in; evidence for a shape is counted per file."""
    shape = "caps" if cue.caps else "title"
    if not cue.inline:
        return f"{shape}-alone" if tight else f"{shape}-spaced"
    return f"{shape}-{_SEPARATOR_NAMES.get(cue.sep, 'gap')}"


def find_speakers(
    lines: Sequence[str],
    indents: Sequence[int],
    headings: set[int],
    directions: dict[int, int],
    excluded: set[int],
) -> dict[int, Cue]:
    """The accepted cues by line index; ``excluded`` lines (headings, cast list) are not read.

    ``directions`` maps the first line of each stage direction to its last line.
    """
    text = _Text(lines, indents, directions)
    candidates: dict[int, tuple[Cue, str]] = {}
    for index, line in enumerate(lines):
        if not line or index in excluded:
            continue
        cue = parse_cue(line)
        if cue is None:
            continue
        if not cue.inline:
            nxt = index + 1
            tight = nxt < len(lines) and bool(lines[nxt])
            if not tight:
                nxt += 1
                while nxt < len(lines) and not lines[nxt]:
                    nxt += 1
            if nxt >= len(lines) or nxt in headings:
                continue
            follower = parse_cue(lines[nxt])
            if tight and follower is not None and follower.caps and not follower.inline:
                continue  # a list of names, not a cue and its speech
            candidates[index] = (cue, _cue_form(cue, tight))
        else:
            candidates[index] = (cue, _cue_form(cue, True))
    counts = Counter(cue.key for cue, _ in candidates.values())
    evidence: Counter[str] = Counter()
    for cue, form in candidates.values():
        if counts[cue.key] >= 2:
            evidence[form] += 1
    caps_evidence = sum(n for form, n in evidence.items() if form.startswith("caps"))
    title_evidence = sum(n for form, n in evidence.items() if form.startswith("title"))
    title_active = title_evidence >= 4 and title_evidence * 4 >= caps_evidence
    accepted: dict[int, Cue] = {}
    for index, (cue, form) in candidates.items():
        recurs = counts[cue.key] >= 2
        if form == "caps-alone":
            ok = recurs or bool(cue.sep) or (evidence[form] >= 2 and len(cue.name.split()) <= 3)
        elif form == "caps-spaced":
            ok = recurs and evidence[form] >= 3 and evidence[form] >= evidence["caps-alone"]
        elif form in ("caps-dot", "caps-colon", "caps-gap"):
            # Once-only speakers in a file of such cues, but not a shouted "STOP IT. NOW."
            ok = recurs or (evidence[form] >= 2 and not _shouted(cue.rest))
        elif form == "title-alone" and cue.sep == ":":
            # "Gentlewoman:" alone above a speech, in a file of such cues
            ok = title_active and (recurs or evidence[form] >= 3)
        else:
            ok = recurs and title_active
        if ok:
            accepted[index] = cue
    if title_active:
        _accept_rare_titlecase(text, candidates, accepted, counts)
    _accept_by_spacing(text, excluded, accepted)
    return accepted


def _next_text(lines: Sequence[str], index: int) -> int | None:
    """The next non-blank line after ``index``, if a blank line comes first."""
    nxt = index + 1
    if nxt >= len(lines) or lines[nxt]:
        return None
    while nxt < len(lines) and not lines[nxt]:
        nxt += 1
    return nxt if nxt < len(lines) else None


def _accept_by_spacing(text: _Text, excluded: set[int], accepted: dict[int, Cue]) -> None:
    """Speakers heard once, in a file whose cues stand alone with the speech indented below.

    Editions such as the MIT Shakespeare print every cue flush, a blank line, then the
    speech indented; once most cues share that layout, any name-shaped line in it is a
    cue, whether it recurs or not and in any case (``PARIS``, ``First Citizen``).
    """
    layouts: Counter[tuple[int, int]] = Counter()
    for index, cue in accepted.items():
        nxt = None if cue.inline else _next_text(text.lines, index)
        if nxt is not None:
            layouts[(text.indents[index], text.indents[nxt])] += 1
    if not layouts:
        return
    (cue_indent, speech_indent), count = layouts.most_common(1)[0]
    if count < 4 or count * 4 < len(accepted) * 3 or speech_indent <= cue_indent:
        return
    for index, line in enumerate(text.lines):
        if index in accepted or index in excluded or not line or text.indents[index] != cue_indent:
            continue
        if index > 0 and text.lines[index - 1]:
            continue  # a cue follows a blank line
        nxt = _next_text(text.lines, index)
        if nxt is None or text.indents[nxt] != speech_indent or nxt in excluded:
            continue
        alone = name_alone(line)
        if alone is not None and alone.key not in STOP_NAMES:
            accepted[index] = alone


def _shouted(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _accept_rare_titlecase(
    text: _Text,
    candidates: dict[int, tuple[Cue, str]],
    accepted: dict[int, Cue],
    counts: Counter[str],
) -> None:
    """Speakers heard once in a ``Ham.``-style text, recognised by other evidence.

    Old editions indent the cue line and not the verse that follows it; ``Corvino.`` is the
    same person as a recurring ``Cor.``; and a speaker has usually been named by an
    entrance (``Enter a Messenger.`` before ``Mes. None, my lord.``).
    """
    cue_indent = _cue_indent(text, accepted)
    known = [key.rstrip(".") for key, n in counts.items() if n >= 2]
    mentioned = _names_in_directions(text)
    for index, (cue, form) in candidates.items():
        if index in accepted or not form.startswith("title") or form.endswith("spaced"):
            continue
        key = cue.key.rstrip(".")
        if (
            _abbreviates(key, known)
            or _abbreviates(key, mentioned)
            or (cue_indent is not None and text.indents[index] == cue_indent)
        ):
            accepted[index] = cue


def _abbreviates(key: str, names: Iterable[str]) -> bool:
    """``COR`` and ``CORVINO`` name one person: one is the other's abbreviation."""
    return any(
        other == key
        or (min(len(other), len(key)) >= 3 and (other.startswith(key) or key.startswith(other)))
        for other in names
        if other
    )


def _names_in_directions(text: _Text) -> set[str]:
    """Capitalised words of the stage directions, upper-cased: who enters and exits."""
    names: set[str] = set()
    for start, last in text.directions.items():
        for line in text.lines[start : last + 1]:
            names.update(w.upper() for w in _CAPITALISED.findall(line) if w[0].isupper())
    names.difference_update(STOP_NAMES, _DIRECTION_NAMES)
    return names


def _cue_indent(text: _Text, accepted: dict[int, Cue]) -> int | None:
    """The indent of inline cue lines when it differs from that of the lines they run on to."""
    cue_indents: Counter[int] = Counter()
    run_on: Counter[int] = Counter()
    lines, indents = text.lines, text.indents
    for index, cue in accepted.items():
        if not cue.inline:
            continue
        cue_indents[indents[index]] += 1
        nxt = index + 1
        while nxt < len(lines) and lines[nxt] and nxt not in accepted:
            run_on[indents[nxt]] += 1
            nxt += 1
    if not cue_indents or not run_on:
        return None
    indent, count = cue_indents.most_common(1)[0]
    if count * 5 < sum(cue_indents.values()) * 3 or run_on.most_common(1)[0][0] == indent:
        return None
    return indent
