"""Fountain markup that lives inside lines: emphasis, escapes, notes and the boneyard.

Notes (``[[…]]``) and the boneyard (``/*…*/``) may span lines, so they are cut from the
whole text before it is split into lines; emphasis (``*``, ``**``, ``***``, ``_``) only
counts when it closes on its own line, so it is removed line by line afterwards.

The emphasis rules follow screenplain's (bold first, then italic, then underline) with one
correction the Fountain spec asks for: a closing ``*`` must follow a non-space, so
``*69 and then *23`` stays literal. Matching them exactly matters because scripts in the
wild lean on the corner cases (``*Qa**’u …*`` keeps one star).
"""

from __future__ import annotations

import re

#: Stands for a removed marker while the later passes run: it is neither a space, ``*``
#: nor ``_``, so the look-arounds of those passes see what they would see in screenplain.
_MARK = "\ue700"
_LITERAL_STAR = "\ue706"
_LITERAL_UNDERSCORE = "\ue707"
#: Where a note was cut, until the lines it leaves empty are dropped.
_NOTE = "\ue708"

_BOLD = re.compile(r"\*\*(?=\S)(.+?[*_]*)(?<=\S)\*\*")
_ITALIC = re.compile(r"\*([^\s].*?)(?<=\S)\*(?!\*)")
_UNDERLINE = re.compile(r"_(?=\S)([^_]+)(?<=\S)_")


def _marked(match: re.Match[str]) -> str:
    # A function, not the template r"\1": Python 3.11 parses templates on every call.
    return _MARK + match.group(1) + _MARK


#: The star passes cost (stars x line length) when markers do not close; past this many
#: character steps in one file the rest is left literal rather than risk a hang on
#: hostile input. Real scripts stay far below it (a 45-page script with emphasis: ~3000).
STAR_BUDGET = 20_000_000


class EmphasisStripper:
    """Removes emphasis markers line by line, within a work budget for the whole file."""

    __slots__ = ("budget", "exhausted")

    def __init__(self, budget: int = STAR_BUDGET) -> None:
        self.budget = budget
        self.exhausted = False

    def __call__(self, line: str) -> str:
        """``line`` without its closed emphasis markers and with ``\\*``/``\\_`` unescaped."""
        has_star = "*" in line
        if not has_star and "_" not in line:
            return line
        escaped = "\\" in line
        if escaped:
            line = line.replace("\\*", _LITERAL_STAR).replace("\\_", _LITERAL_UNDERSCORE)
        if has_star:
            cost = line.count("*") * len(line)
            if cost <= self.budget:
                self.budget -= cost
                if "**" in line:
                    line = _BOLD.sub(_marked, line)
                line = _ITALIC.sub(_marked, line)
            else:
                self.exhausted = True
        if "_" in line:
            line = _UNDERLINE.sub(_marked, line)
        if _MARK in line:
            line = line.replace(_MARK, "")
        if escaped:
            line = line.replace(_LITERAL_STAR, "*").replace(_LITERAL_UNDERSCORE, "_")
        return line


def strip_emphasis(line: str) -> str:
    """One line without its emphasis markup (a convenience for single lines and tests)."""
    return EmphasisStripper()(line)


def remove_boneyard(text: str) -> str:
    """Cut every closed ``/* … */``; an unclosed ``/*`` stays as text.

    The line that held a boneyard stays behind as a blank line, so the boneyard separates
    what was before it from what comes after, as the corpus's truth has it.
    """
    if "/*" not in text:
        return text
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("/*", pos)
        if start < 0:
            break
        end = text.find("*/", start + 2)
        if end < 0:
            break
        out.append(text[pos:start])
        pos = end + 2
    out.append(text[pos:])
    return "".join(out)


def remove_notes(text: str) -> str:
    """Cut every closed ``[[ … ]]``; a line that held nothing but notes disappears.

    The spec lets notes stand "between lines": a note on its own line inside a speech
    must not end the speech, so such a line is dropped with its line break rather than
    left behind as a blank line.
    """
    if "[[" not in text:
        return text
    text = text.replace(_NOTE, "")
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("[[", pos)
        if start < 0:
            break
        end = text.find("]]", start + 2)
        if end < 0:
            break
        out.append(text[pos:start])
        out.append(_NOTE)
        pos = end + 2
    if not out:
        return text
    out.append(text[pos:])
    kept = []
    for line in "".join(out).split("\n"):
        if _NOTE in line:
            line = line.replace(_NOTE, "")
            if not line.strip():
                continue
        kept.append(line)
    return "\n".join(kept)
