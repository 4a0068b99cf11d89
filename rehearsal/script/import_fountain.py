"""Fountain import: the fountain.io 1.1 syntax read into the script model in one pass.

Fountain decides an element by its neighbours as much as by its text (a cue is an
upper-case line *after* a blank line and *before* a non-blank one; a scene heading needs a
blank line after it), so the parser walks the lines once, paragraph by paragraph, looking
one line ahead. Notes and the boneyard can span lines and are cut from the text first;
emphasis is removed line by line (see :mod:`rehearsal.script.fountain_inline`).

Where the spec is silent or other parsers disagree, the rules of PARSE_FORMAT.md decide:
``3CPO`` is a cue (it has a letter), ``^`` makes both speeches of the pair dual, a blank
line ends a speech, and ``(beat) Then text`` is speech, not a parenthetical.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rehearsal.script.cues import split_cue
from rehearsal.script.encoding import decode_text
from rehearsal.script.fountain_inline import EmphasisStripper, remove_boneyard, remove_notes
from rehearsal.script.importer import ProgressCallback, report
from rehearsal.script.model import (
    Dialogue,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)

__all__ = ["import_bytes", "parse_text"]

_HEADING = re.compile(r"(?:INT\.?/EXT|EXT\.?/INT|I\.?/E|E\.?/I|INT|EXT|EST)[. ]", re.IGNORECASE)
_HEADING_INITIALS = frozenset("IEie")
#: A title-page key starts the file at column 0: ``Title:``, ``Draft date:``, ``Contact:``.
_TITLE_KEY = re.compile(r"([^\W\d_][\w '\-]*):(.*)")
_PARENS = re.compile(r"[()（）]")
_LETTER = re.compile(r"[^\W\d_]")
#: Scripts without letter case: Han ideographs, kana and hangul (with their extensions).
_CASELESS = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
#: Sentence punctuation a name never holds: a line with it is action or speech.
_SENTENCE_MARKS = frozenset('。、，．！？「」『』…!?,;"“”')
_CASELESS_NAME_MAX = 24

#: Progress is reported every this many lines: often enough for a bar, rarely enough to
#: cost nothing.
_PROGRESS_EVERY = 4096


def import_bytes(data: bytes, progress: ProgressCallback | None = None) -> Script:
    """Import a Fountain file's bytes (any BOM, CRLF or cp1252 is handled by decoding)."""
    return parse_text(decode_text(data), progress)


def parse_text(text: str, progress: ProgressCallback | None = None) -> Script:
    """Parse Fountain source text into a :class:`Script`."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    text = remove_notes(remove_boneyard(text))
    return _Parser(text.split("\n"), progress).run()


def _collapse(text: str) -> str:
    """Whitespace runs to one space, ends trimmed (as ``cues.collapse_whitespace``, faster)."""
    return " ".join(text.split())


def _paren_close(text: str, depth: int) -> tuple[int, int]:
    """Scan the parentheses of ``text`` starting at ``depth``.

    Returns (index where the depth falls back to 0 or -1, depth at the end of the text);
    a parenthetical is a part whose opening parenthesis closes at its very last character.
    """
    for match in _PARENS.finditer(text):
        depth += 1 if match.group() in "(（" else -1
        if depth == 0:
            return match.start(), 0
    return -1, depth


def _scene_number(heading: str) -> tuple[str, str | None]:
    """Split ``INT. HOUSE - DAY #12A#`` into the heading and the number ``12A``.

    Done by hand rather than with a regex anchored at the end, which would be quadratic
    on a long run of spaces.
    """
    if len(heading) < 3 or not heading.endswith("#"):
        return heading, None
    start = heading.rfind("#", 0, len(heading) - 1)
    if start < 0:
        return heading, None
    number = heading[start + 1 : -1]
    if not number or any(ch.isspace() for ch in number):
        return heading, None
    return heading[:start].rstrip(), number


def _looks_like_cue(line: str) -> bool:
    """An upper-case name with a letter before any extension: ``MARY (on phone)``.

    ``str.isupper`` is exactly the rule: no lower-case letter and at least one cased one.
    Lines ending in the word ``TO:`` are transitions that lack their blank line, never names
    (``CLOTTO:`` is a name).
    """
    name = line.split("(", 1)[0] if "(" in line else line
    return (name.isupper() or _caseless_cue(line)) and not _ends_in_to(line)


def _caseless_cue(line: str) -> bool:
    """A cue in a script without case (``ジョン``, ``约翰 (V.O.)``, ``김철수（O.S.）``).

    Upper case cannot mark these names, so the natural extension of the rule is a short
    name with no lower-case letter and at least one Han, kana or hangul character, and
    none of the sentence punctuation that action and speech carry.
    """
    if line.isascii():
        return False
    if ("(" in line or "（" in line) and not line.removesuffix("^").rstrip().endswith((")", "）")):
        return False  # "ジョン（30代）が入ってくる。": the parentheses are inside a sentence
    name = line.split("(", 1)[0].split("（", 1)[0].removesuffix("^").strip().removesuffix(":")
    if not name or len(name) > _CASELESS_NAME_MAX or not _CASELESS.search(name):
        return False
    if name.endswith("."):
        return False  # "밤이 깊어간다.": a sentence, hangul takes the Latin full stop
    return not any(ch.islower() or ch in _SENTENCE_MARKS for ch in name)


def _opens_paren(text: str) -> bool:
    """A part that starts with a parenthesis, ASCII or full-width: a parenthetical maybe."""
    return text[:1] in ("(", "（")


def _ends_in_to(line: str) -> bool:
    """``CUT TO:``, ``DISSOLVE TO:``: the shape of a transition, not of a name."""
    return line == "TO:" or line.endswith((" TO:", "\tTO:"))


def _name(line: str) -> str:
    """The name on a cue line without extension, spaces collapsed and a play-style colon
    (``ZEUXIS:``) dropped."""
    return " ".join(line.split()).removesuffix(":").rstrip()


def _cue(line: str, forced: bool) -> Dialogue | None:
    """The dialogue a cue line opens, or None when the line holds no name after all."""
    if forced:
        line = line[1:].strip()
    dual = line.endswith("^")
    if dual:
        line = line[:-1].rstrip()
    if "(" in line or "（" in line:
        name, extension = split_cue(line)
    else:
        name, extension = _name(line), None
        if forced:
            name = name.upper()
    if "^" in name:  # a caret that is not at the end marks nothing: ``AND ^ (Dual)``
        name = " ".join(name.replace("^", " ").split())
    if forced and not _LETTER.search(name):
        return None
    if not name:
        return None
    return Dialogue(name, extension=extension, dual=dual)


def _add_speech(parts: list[Part], speech: list[str]) -> None:
    """Close the speech gathered so far (soft wraps joined by one space) into a part."""
    if speech:
        text = " ".join((speech[0] if len(speech) == 1 else " ".join(speech)).split())
        if text:
            parts.append(Part(PartKind.SPEECH, text))
        speech.clear()


def _ends_in_more(parts: list[Part]) -> bool:
    """True when a speech stops at a page break with ``(MORE)``."""
    last = parts[-1] if parts else None
    return (
        last is not None and last.kind is PartKind.PARENTHETICAL and last.text.upper() == "(MORE)"
    )


class _Parser:
    """One parse: the lines, the script being built and the scene being filled.

    ``lines`` holds every line stripped, computed once; ``raw`` keeps the originals only
    to tell an empty line (which ends an element) from one of two spaces (which does not).
    """

    def __init__(self, raw: list[str], progress: ProgressCallback | None) -> None:
        self.raw = raw
        self.lines = [line.strip() for line in raw]
        self.progress = progress
        self.script = Script(format=SourceFormat.FOUNTAIN)
        self.scene = Scene()
        self.emphasis = EmphasisStripper()
        #: The speech that ended in ``(MORE)``, waiting for its ``(CONT'D)`` half.
        self.more: Dialogue | None = None
        #: Readers of paragraphs that a marker character opens, by that character.
        self.marked: dict[str, Callable[[int, str], int]] = {
            "=": self._page_break_or_synopsis,
            "#": self._section,
            ">": self._transition_or_centered,
            "!": self._forced_action,
            "~": self._lyric,
            ".": self._forced_heading,
            "@": self._forced_cue,
        }

    def run(self) -> Script:
        lines = self.lines
        count = len(lines)
        marked = self.marked
        index = self._title_page(0)
        next_report = _PROGRESS_EVERY
        report(self.progress, 0.0)
        while index < count:
            if index >= next_report:
                report(self.progress, index / count)
                next_report = index + _PROGRESS_EVERY
            line = lines[index]
            if not line:
                index += 1
                continue
            reader = marked.get(line[0])
            index = reader(index, line) if reader else self._paragraph(index, line)
        self._close_scene()
        if self.emphasis.exhausted:
            self.script.warnings.append(
                "some lines have so many '*' that their emphasis was left as written"
            )
        report(self.progress, 1.0)
        return self.script

    def _blank_after(self, index: int) -> bool:
        """True when the line after ``index`` is blank or the file ends."""
        following = index + 1
        return following >= len(self.lines) or not self.lines[following]

    def _inline(self, text: str) -> str:
        """Display text of one line: emphasis removed, whitespace collapsed."""
        return " ".join(self.emphasis(text).split())

    def _add(self, element: TextElement | Dialogue) -> None:
        self.scene.elements.append(element)

    # -- title page ----------------------------------------------------------------------

    def _title_page(self, index: int) -> int:
        """Read the title page, if the first block is one; returns where the body starts.

        A title page is a first block whose first line is ``Key: value`` at column 0; its
        values may go on over indented lines, and it ends at the first blank line.
        """
        lines, raw = self.lines, self.raw
        count = len(lines)
        while index < count and not lines[index]:
            index += 1
        if index >= count or _HEADING.match(raw[index]) or not _TITLE_KEY.match(raw[index]):
            return index
        values: dict[str, list[str]] = {}
        current: list[str] = []
        while index < count and lines[index]:
            line = raw[index]
            value = lines[index]
            index += 1
            match = None if line[0] in " \t" else _TITLE_KEY.match(line)
            if match:
                current = values.setdefault(match.group(1).strip(), [])
                value = match.group(2).strip()
            if value:
                current.append(self.emphasis(value))
        page = self.script.title_page
        for key, parts in values.items():
            page[key] = "\n".join(parts)
            if key.lower() == "title" and self.script.title is None:
                self.script.title = _collapse(" ".join(parts)) or None
        return index

    # -- paragraphs ----------------------------------------------------------------------

    def _paragraph(self, index: int, line: str) -> int:
        """Read an element that no marker character opens: heading, transition, cue, action."""
        lines = self.lines
        following = index + 1
        blank_next = following >= len(lines) or not lines[following]
        if line[0] in _HEADING_INITIALS and _HEADING.match(line):
            if blank_next:
                self._heading(line)
                return following
        elif blank_next:
            if line.endswith("TO:") and line.isupper():
                self._add(TextElement(ElementKind.TRANSITION, self._inline(line)))
                return following
        elif "(" not in line and "^" not in line and "（" not in line:  # a bare name
            if (line.isupper() and not _ends_in_to(line)) or _caseless_cue(line):
                return self._dialogue(Dialogue(_name(line)), following)
        elif _looks_like_cue(line):
            dialogue = _cue(line, False)
            if dialogue is not None:
                return self._dialogue(dialogue, following)
        return self._action(index, line)

    def _forced_cue(self, index: int, line: str) -> int:
        following = index + 1
        if following < len(self.lines) and self.lines[following]:
            dialogue = _cue(line, True)
            if dialogue is not None:
                return self._dialogue(dialogue, following)
        return self._action(index, line)

    def _forced_heading(self, index: int, line: str) -> int:
        if line.startswith("..") or len(line) < 2:  # an ellipsis opens action
            return self._paragraph(index, line)
        if self._blank_after(index):
            self._heading(line[1:].strip())
            return index + 1
        return self._action(index, line)

    def _forced_action(self, index: int, line: str) -> int:
        return self._action(index, line[1:])

    def _close_scene(self) -> None:
        scene = self.scene
        if scene.elements or scene.heading is not None:
            self.script.scenes.append(scene)

    def _heading(self, text: str) -> None:
        self._close_scene()
        heading, number = _scene_number(text)
        self.scene = Scene(heading=self._inline(heading), number=number)

    def _section(self, index: int, line: str) -> int:
        level = len(line) - len(line.lstrip("#"))
        text = self._inline(line[level:])
        if text:
            self._add(TextElement(ElementKind.SECTION, text, level))
        return index + 1

    def _page_break_or_synopsis(self, index: int, line: str) -> int:
        if len(line) >= 3 and not line.strip("="):
            self._add(TextElement(ElementKind.PAGE_BREAK, ""))
        else:
            text = self._inline(line.lstrip("="))
            if text:
                self._add(TextElement(ElementKind.SYNOPSIS, text))
        return index + 1

    def _transition_or_centered(self, index: int, line: str) -> int:
        if len(line) > 1 and line.endswith("<"):
            text = self._inline(line[1:-1])
            kind = ElementKind.CENTERED
        else:
            text = self._inline(line[1:])
            kind = ElementKind.TRANSITION
        if text:
            self._add(TextElement(kind, text))
        return index + 1

    def _end(self, index: int, stop_at_synopsis: bool) -> int:
        """Index of the blank line (or marker line) that ends the element at ``index``.

        An empty line ends an element; a line of two or more spaces does not (the spec's
        rule). In action a synopsis or page-break line ends the paragraph too: the spec
        makes them elements of their own wherever they stand.
        """
        lines, raw = self.lines, self.raw
        count = len(lines)
        while index < count:
            line = lines[index]
            if not line:
                if len(raw[index]) < 2:
                    break
            elif stop_at_synopsis and line[0] == "=":
                break
            index += 1
        return index

    def _block(self, index: int, first: str, lyric: bool = False) -> tuple[str, int]:
        """The text of the paragraph from ``index``, emphasis removed; and where it ends.

        ``first`` is the first line with its marker (``!``) already cut. In a lyric the
        ``~`` that opens each line goes too.
        """
        end = self._end(index + 1, True)
        block = [first, *self.lines[index + 1 : end]]
        if lyric:
            block = [line[1:] if line[:1] == "~" else line for line in block]
        text = " ".join(block)
        if "*" in text or "_" in text:
            emphasis = self.emphasis
            text = " ".join([emphasis(line) for line in block])
        return " ".join(text.split()), end

    def _action(self, index: int, first: str) -> int:
        """Read an action paragraph; most are one line, which needs no block at all."""
        lines, raw = self.lines, self.raw
        end = index + 1
        if end < len(lines) and (lines[end] or len(raw[end]) > 1):
            text, end = self._block(index, first)
        else:  # a one-line paragraph, the usual case
            text = self.emphasis(first) if "*" in first or "_" in first else first
            text = " ".join(text.split())
        if text:
            self.scene.elements.append(TextElement(ElementKind.ACTION, text))
        return end

    def _lyric(self, index: int, line: str) -> int:
        text, index = self._block(index, line, lyric=True)
        if text:
            self._add(TextElement(ElementKind.LYRIC, text))
        return index

    def _dialogue(self, dialogue: Dialogue, index: int) -> int:
        """Read the speech under a cue up to the next blank line; returns the next index."""
        lines, raw = self.lines, self.raw
        end = index + 1
        if end < len(lines) and (lines[end] or len(raw[end]) > 1):
            end = self._end(end, False)
            block = lines[index:end]
            text = " ".join(block)
        else:  # one line of speech, the usual case
            text = lines[index]
            block = [text]
        parts = dialogue.parts
        more = False
        if "(" in text or "~" in text or "*" in text or "_" in text or "（" in text:
            self._parts(parts, block)
            more = _ends_in_more(parts)
            if more:
                parts.pop()
        else:  # plain speech, the usual case: no per-line work needed
            text = " ".join(text.split())
            if text:
                parts.append(Part(PartKind.SPEECH, text))
        if self.more is not None and self._continue_speech(dialogue, more):
            return end
        if more:
            self.more = dialogue
        elements = self.scene.elements
        if dialogue.dual and elements and isinstance(elements[-1], Dialogue):
            elements[-1].dual = True
        elements.append(dialogue)
        return end

    def _continue_speech(self, dialogue: Dialogue, more: bool) -> bool:
        """Join ``dialogue`` to the speech that ended in ``(MORE)`` before a page break.

        Sides converted from PDF keep ``(MORE)`` and ``NAME (CONT'D)`` around page breaks;
        the speech is one line for the actor, so it becomes one element again. ``more``
        says that this half ends in ``(MORE)`` too.
        """
        before, self.more = self.more, None
        if before is None or before.character != dialogue.character:
            return False
        elements = self.scene.elements
        last = len(elements) - 1
        while last >= 0 and elements[last] is not before:
            element = elements[last]
            if not isinstance(element, TextElement) or element.kind is not ElementKind.PAGE_BREAK:
                return False
            last -= 1
        if last < 0:
            return False
        parts = dialogue.parts
        if before.parts and parts and before.parts[-1].kind is parts[0].kind is PartKind.SPEECH:
            before.parts[-1].text += " " + parts.pop(0).text
        before.parts.extend(parts)
        if more:
            self.more = before
        return True

    def _parts(self, parts: list[Part], block: list[str]) -> None:
        """Split a speech's lines into speech and parenthetical parts, in reading order."""
        emphasis = self.emphasis
        speech: list[str] = []
        paren: list[str] = []
        depth = 0
        for line in block:
            if not line:
                continue  # a line of spaces inside the speech
            text = line[1:].lstrip() if line[0] == "~" else line
            if "*" in text or "_" in text:
                text = emphasis(text)
            if not paren:
                if not _opens_paren(text):
                    speech.append(text)
                    continue
                depth = 0
            paren.append(text)
            closed_at, depth = _paren_close(text, depth)
            if closed_at < 0:
                continue  # the parenthetical wraps onto the next line
            if closed_at == len(text) - 1:
                _add_speech(parts, speech)
                parts.append(Part(PartKind.PARENTHETICAL, _collapse(" ".join(paren))))
            else:
                speech.extend(paren)  # "(beat) Then text" is speech
            paren.clear()
        speech.extend(paren)  # never closed: words, not direction
        _add_speech(parts, speech)
