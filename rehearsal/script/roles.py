"""The parts an actor can play in a script, as the actor counts them.

Two things the importers rightly keep as printed are not parts of their own to an actor:

* a cue shared by two speakers (``EDWARD AND WILL``) is a line each of them says, so it
  counts under both and is never offered as a role;
* the header a sides service prints at the top of every page (``Role: EDWARD``) names the
  part the sides were sent for, which is the part to preselect.

The parse format keeps both as written (see the importers); this module reads them on top.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from rehearsal.script.cues import collapse_whitespace
from rehearsal.script.model import ElementKind, Script, TextElement

_JOINER = re.compile(r"\s+(?:AND|&)\s+|\s*[/,+&]\s*")
_HEADER = re.compile(
    r"^\s*(?:role|character|part|sides\s+for|reading\s+for)\s*[:\-–—]\s*(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
_HEADER_KEYS = ("role", "character", "part", "sides for", "reading for")
_HEADER_SEARCH = 40
"""Text elements looked at for the header: it is printed at the top of the pages."""


@dataclass(frozen=True, slots=True)
class RoleChoice:
    """One part on offer: its name, every line it says, and how many of those are shared."""

    name: str
    lines: int
    shared: int = 0


def joint_speakers(cue: str, solo: Collection[str]) -> tuple[str, ...]:
    """The speakers of a shared cue (``EDWARD AND WILL``), or () when it is one part.

    A cue is shared only when every name in it also speaks alone: ``SALT AND PEPPER``, who
    only ever speak together, are one part.
    """
    names = [collapse_whitespace(name) for name in _JOINER.split(cue) if name.strip()]
    if len(names) >= 2 and all(name in solo for name in names):
        return tuple(names)
    return ()


def joint_cues(script: Script) -> dict[str, tuple[str, ...]]:
    """Every shared cue of the script with its speakers."""
    characters = script.characters
    joint: dict[str, tuple[str, ...]] = {}
    for name in characters:
        speakers = joint_speakers(name, [other for other in characters if other != name])
        if speakers:
            joint[name] = speakers
    return joint


def speakers_of(cue: str, joint: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Who says a line with this cue: its speakers when shared, else the cue itself."""
    return joint.get(cue, (cue,))


def role_choices(script: Script) -> list[RoleChoice]:
    """The parts to offer, most lines first (then in order of first speech)."""
    joint = joint_cues(script)
    counts = script.line_counts()
    lines: Counter[str] = Counter()
    shared: Counter[str] = Counter()
    for cue, count in counts.items():
        speakers = speakers_of(cue, joint)
        for name in speakers:
            lines[name] += count
            if len(speakers) > 1:
                shared[name] += count
    order = [name for name in script.characters if name not in joint]
    ranked = sorted(order, key=lambda name: (-lines[name], order.index(name)))
    return [RoleChoice(name, lines[name], shared[name]) for name in ranked]


def _match(value: str, names: Collection[str]) -> str | None:
    """The part a header's value names: exactly, or as the start (``Edward Bloom (60s)``)."""
    wanted = collapse_whitespace(value).upper().rstrip(".:;,")
    if wanted in names:
        return wanted
    starts = [name for name in names if re.match(rf"{re.escape(name)}\b", wanted)]
    return max(starts, key=len) if starts else None


def _page_text(script: Script) -> Iterator[str]:
    seen = 0
    for scene in script.scenes:
        if scene.heading:
            yield scene.heading
        for element in scene.elements:
            if isinstance(element, TextElement) and element.kind is not ElementKind.PAGE_BREAK:
                yield element.text
                seen += 1
                if seen >= _HEADER_SEARCH:
                    return


def named_role(script: Script) -> str | None:
    """The part the sides say they are for (a ``Role: EDWARD`` header), if it is in them.

    Looked for on the title page first, then in the text printed outside speeches at the
    top of the pages. Words a character says are never a header.
    """
    names = {choice.name for choice in role_choices(script)}
    for key, value in script.title_page.items():
        if key.strip().lower() in _HEADER_KEYS:
            found = _match(value, names)
            if found:
                return found
    for text in _page_text(script):
        for row in text.splitlines():
            header = _HEADER.match(row)
            if header:
                found = _match(header["name"], names)
                if found:
                    return found
    return None
