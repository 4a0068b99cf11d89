"""Finding the dramatis personae at the top of a play text, so it is not read as dialogue.

A cast list is the one part of a play that looks more like dialogue than the dialogue does:
``MARGARET: a teacher, forties`` has exactly the shape of ``MARGARET: Where were you?``.
What tells them apart is position (the front matter, usually under a ``CHARACTERS`` or
``Dramatis Personae`` header), that every name appears once, and that the text after a
name describes a person instead of saying something.
"""

from __future__ import annotations

import re

from rehearsal.script.cues import collapse_whitespace
from rehearsal.script.play_layout import looks_like_name, parse_cue

_CAST_HEADER = re.compile(
    r"^(?:the\s+)?(?:dramatis\s+person(?:ae|æ|\u00e6|e)|characters(?:\s+in\s+the\s+play)?"
    r"|cast(?:\s+of\s+characters)?|cast\s+list|the\s+cast|personae"
    r"|persons\s+(?:of\s+the\s+play|represented|in\s+the\s+play|of\s+the\s+drama)"
    r"|the\s+persons(?:\s+of\s+the\s+play)?|people\s+(?:of|in)\s+the\s+play"
    r"|characters\s+in\s+order\s+of\s+(?:appearance|speaking)"
    r"|in\s+order\s+of\s+(?:appearance|speaking))\s*[.:]?$",
    re.IGNORECASE,
)
_ENTRY_SPLIT = re.compile(
    r"^(.{1,40}?)\s*(?:,|—|–|\s-{1,2}\s|\s*(?:\.\s*){2,}|…+|\s{2,}|(?=\())\s*(.*)$"
)
_DESCRIPTIVE_START = re.compile(
    r"^(?:(?:a|an|the|his|her|their|its|our|my|your|one|two|three|several|some)\s"
    r"|\(?\d)",
    re.IGNORECASE,
)
_DESCRIPTIVE_WORD = re.compile(
    r"\b(?:\d{1,2}s?|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
    r"|teens?|teenager|years?\s+old|aged?|son|daughter|wife|husband|widow|mother|father"
    r"|brother|sister|aunt|uncle|cousin|friend|servant|maid|king|queen|prince|princess"
    r"|lord|lady|duke|duchess|attendants?|neighbou?r|owner|landlord|landlady|doctor"
    r"|nurse|officer|soldier|student|teacher|lover|fianc[ée]e?)\b",
    re.IGNORECASE,
)
#: Front matter is short; a cast list further down than this is not at the top.
_FRONT_LINES = 400
_HEADERLESS_LINES = 80


def _entry(line: str) -> tuple[str, str] | None:
    """``(NAME, description)`` for a line shaped like a cast-list entry."""
    cue = parse_cue(line)
    if cue is not None:
        return cue.key, cue.rest
    match = _ENTRY_SPLIT.match(line)
    if match is None:
        return None
    name = collapse_whitespace(match.group(1))
    if not looks_like_name(name, ","):
        return None
    return name.upper(), match.group(2)


def _descriptive(description: str) -> bool:
    text = description.strip()
    if not text:
        return True  # a bare name in a list
    if text.endswith(("?", "!")):
        return False
    return (
        text[0].islower()
        or bool(_DESCRIPTIVE_START.match(text))
        or bool(_DESCRIPTIVE_WORD.search(text))
    )


def _blocks(lines: list[str], start: int, stop: int) -> list[tuple[int, int]]:
    """Runs of non-blank lines as (first, last) index pairs."""
    blocks: list[tuple[int, int]] = []
    index = start
    while index < stop:
        if not lines[index]:
            index += 1
            continue
        first = index
        while index < stop and lines[index]:
            index += 1
        blocks.append((first, index - 1))
    return blocks


def _block_entries(lines: list[str], block: tuple[int, int]) -> list[tuple[str, str]] | None:
    """The entries of a block, or None when a line is neither an entry nor its continuation."""
    entries: list[tuple[str, str]] = []
    for index in range(block[0], block[1] + 1):
        line = lines[index]
        entry = _entry(line)
        if entry is not None:
            entries.append(entry)
        elif entries and line[0].islower():
            continue  # a description wrapped onto the next line
        else:
            return None
    return entries


def _speech_block(lines: list[str], block: tuple[int, int]) -> bool:
    """A name alone on its line with lines under it: a speech, so the cast list is over.

    Without a header, a cast list can only come before the dialogue; short replies further
    down (``JOHN`` over ``Because.``) must not pass for one.
    """
    first, last = block
    cue = parse_cue(lines[first])
    return last > first and cue is not None and cue.caps and not cue.inline


def _header_index(lines: list[str], start: int) -> int | None:
    for index in range(start, min(len(lines), start + _FRONT_LINES)):
        if lines[index] and _CAST_HEADER.match(lines[index]):
            return index
    return None


def cast_zone(lines: list[str], headings: set[int], start: int) -> set[int]:
    """Indices of the lines that form the cast list at the top of the play (maybe none).

    Under a header the list runs until a heading, a line that is no entry, a name that
    comes again, or a block of entries that speak instead of describe. Without a header
    only a list of at least three distinct, mostly descriptive entries counts.
    """
    header = _header_index(lines, start)
    first = header + 1 if header is not None else start
    stop = min(len(lines), first + (_FRONT_LINES if header is not None else _HEADERLESS_LINES))
    seen: set[str] = set()
    zone: set[int] = set() if header is None else {header}
    found: list[tuple[str, str]] = []
    for block in _blocks(lines, first, stop):
        heading = next((i for i in range(block[0], block[1] + 1) if i in headings), None)
        if heading is not None:
            if heading == block[0]:
                break
            block = (block[0], heading - 1)  # entries right above a heading still count
        entries = _block_entries(lines, block)
        if entries is None:
            if header is None and not found and not _speech_block(lines, block):
                continue  # title lines and the like before a headerless list
            break
        names = [name for name, _ in entries]
        described = sum(1 for _, text in entries if _descriptive(text))
        if len(set(names)) != len(names) or seen.intersection(names) or described * 2 < len(names):
            break  # a name spoken twice, or lines that speak: dialogue has begun
        seen.update(names)
        found.extend(entries)
        zone.update(range(block[0], block[1] + 1))
        if heading is not None:
            break
    if header is not None:
        return zone
    described = sum(1 for _, text in found if _descriptive(text))
    if len(found) >= 3 and described * 4 >= len(found) * 3:
        return zone
    return set()
