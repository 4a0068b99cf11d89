"""Which cue-shaped lines of a play text are speakers: decided for the whole file at once.

A line such as ``Tom. Come here.`` is a cue in one edition and a sentence in another; what
settles it is the file. A cue shape (``NAME.`` inline, ``Name:``, a name alone on its line)
counts when names recur in it, which keeps ``Note:`` and ``Yes.`` out while letting in the
messenger who speaks once in a play full of ``NAME.`` cues. Title-case shapes (``Ham.``)
need more: they must dominate the file, and a name heard once needs other evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rehearsal.script.play_layout import (
    STOP_NAMES,
    Cue,
    abbreviation_cue,
    name_alone,
    parse_cue,
)

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
    cue_indents = _accept_abbreviations(text, excluded, accepted)
    inline = [cue for cue in accepted.values() if cue.inline]
    titled = sum(1 for cue in inline if not cue.caps) * 2 > len(inline)
    if title_active or (cue_indents and titled):
        _accept_rare_titlecase(text, candidates, accepted, counts, cue_indents)
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


def _shaped(text: _Text, excluded: set[int], accepted: dict[int, Cue]) -> dict[int, Cue]:
    """Every line that starts with a speaker's shape, stop words and honorifics included."""
    shaped: dict[int, Cue] = {}
    for index, line in enumerate(text.lines):
        if not line or index in excluded or index in text.directions:
            continue
        cue = accepted.get(index) or abbreviation_cue(line)
        if cue is not None and cue.inline:
            shaped[index] = cue
    return shaped


def _cue_indents(text: _Text, excluded: set[int], shaped: dict[int, Cue]) -> set[int]:
    """The indents this file keeps for cues: nearly every line there starts with a speaker.

    First Folio etexts indent each cue two or three spaces and print the speech flush; an
    indent counts when it holds several cue-shaped lines and almost nothing else while the
    rest of the text (speech, directions) lies elsewhere, so verse, prose or action sharing
    the cues' margin keeps it from counting.
    """
    cues: Counter[int] = Counter(text.indents[index] for index in shaped)
    directions = {i for first, last in text.directions.items() for i in range(first, last + 1)}
    other: Counter[int] = Counter(
        text.indents[index]
        for index, line in enumerate(text.lines)
        if line and index not in shaped and (index not in excluded or index in directions)
    )
    rest = other.total()
    return {
        indent
        for indent, n in cues.items()
        if n >= 3 and other[indent] * 10 <= n and other[indent] * 2 < rest
    }


def _paragraph_start(text: _Text, index: int) -> bool:
    return index == 0 or not text.lines[index - 1]


def _accept_abbreviations(text: _Text, excluded: set[int], accepted: dict[int, Cue]) -> set[int]:
    """Abbreviated speakers that are also English words (``And.`` Andrew, ``To.`` Toby).

    Word by word they are a conjunction and a preposition, so only the layout can say they
    are speakers: the same abbreviation coming back at the start of paragraphs, where this
    file puts its cues. Where cues have an indent of their own, being at that indent is
    enough; where they share the speech's margin, the paragraph must start after a blank
    line and the abbreviation must shorten a name the play uses (``Enter Sir Andrew``).
    Returns the indents kept for cues, if the file has any.
    """
    shaped = _shaped(text, excluded, accepted)
    indents = _cue_indents(text, excluded, shaped)
    inline = [cue for cue in accepted.values() if cue.inline]
    caps = sum(1 for cue in inline if cue.caps) * 2 > len(inline) if inline else None
    margins = Counter(text.indents[i] for i, cue in accepted.items() if cue.inline)
    if not margins:
        margins = Counter(text.indents[i] for i in shaped if _paragraph_start(text, i))
    cue_margins = {m for m, n in margins.items() if n * 5 >= margins.total()}
    names: set[str] | None = None
    order = sorted(accepted)
    hits: dict[str, list[tuple[int, Cue]]] = {}
    run_on: dict[str, list[tuple[int, Cue]]] = {}  # at the margin inside a paragraph
    for index, cue in shaped.items():
        if index in accepted or (caps is not None and cue.caps != caps):
            continue
        indent = text.indents[index]
        if indent not in indents:
            if indent not in cue_margins:
                continue
            if names is None:
                names = _names_in_directions(text)
                names.update(word for known in accepted.values() for word in known.key.split())
            before = bisect_left(order, index)
            previous = accepted[order[before - 1]].key if before else ""
            if not _shortens_another(cue.key, names, previous):
                continue
            if not _paragraph_start(text, index):
                run_on.setdefault(cue.key, []).append((index, cue))
                continue
        hits.setdefault(cue.key, []).append((index, cue))
    for key, found in hits.items():
        if len(found) >= 2 and len({cue.caps for _, cue in found}) == 1:
            accepted.update(found)
            accepted.update(run_on.get(key, ()))  # a speaker once known speaks without a gap too
    return indents


def _shortens_another(key: str, names: set[str], previous: str) -> bool:
    """Whether ``key`` abbreviates a name of the play other than the speaker before it.

    Nobody answers themselves: ``No.`` starting a paragraph after Nora's speech is Nora
    going on, not a speaker ``No``.
    """
    if any(word.startswith(key) for word in previous.split()):
        return False
    return any(name != key and name.startswith(key) for name in names)


def _shouted(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _accept_rare_titlecase(
    text: _Text,
    candidates: dict[int, tuple[Cue, str]],
    accepted: dict[int, Cue],
    counts: Counter[str],
    cue_indents: set[int],
) -> None:
    """Speakers heard once in a ``Ham.``-style text, recognised by other evidence.

    Old editions indent the cue line and not the verse that follows it; ``Corvino.`` is the
    same person as a recurring ``Cor.``; and a speaker has usually been named by an
    entrance (``Enter a Messenger.`` before ``Mes. None, my lord.``).
    """
    indents = set(cue_indents)
    cue_indent = _cue_indent(text, accepted)
    if cue_indent is not None:
        indents.add(cue_indent)
    known = [key.rstrip(".") for key, n in counts.items() if n >= 2]
    mentioned = _names_in_directions(text)
    for index, (cue, form) in candidates.items():
        if index in accepted or not form.startswith("title") or form.endswith("spaced"):
            continue
        key = cue.key.rstrip(".")
        if (
            _abbreviates(key, known)
            or _abbreviates(key, mentioned)
            or text.indents[index] in indents
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
