"""Plain-text stage plays: speeches, stage directions and act/scene headings from bare text.

A play text has no markup, and each edition lays it out its own way, so the importer first
looks at the whole file and only then reads it line by line. The look at the whole file
finds the front matter (title, the dramatis personae that look exactly like cues but are
not dialogue) and decides which cue shapes this file uses: a shape counts when names recur
in it, so ``Note:`` or ``Yes.`` at the start of a line do not become speakers while a
one-line ``MESSENGER.`` in a play full of ``NAME.`` cues does. The line-level shapes live
in :mod:`rehearsal.script.play_layout`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from rehearsal.script.cues import collapse_whitespace
from rehearsal.script.encoding import decode_text
from rehearsal.script.importer import ProgressCallback, report
from rehearsal.script.layout_text import import_layout_text, is_layout_screenplay
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
from rehearsal.script.play_cast import cast_zone
from rehearsal.script.play_layout import (
    Cue,
    direction_blocks,
    heading_lines,
    is_heading,
    parse_cue,
    split_speech,
    strip_emphasis,
)
from rehearsal.script.play_speakers import find_speakers

_GUTENBERG_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
_GUTENBERG_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
_TITLE_KEY = re.compile(r"^title\s*:\s*(\S.*)$", re.I)
_BY_LINE = re.compile(r"^(?:a\s+(?:new\s+)?play\s+)?(?:written\s+)?by\s+(\S.*)$", re.I)
_SUBTITLE = re.compile(
    r"^(?:an?\s+(?:new\s+|short\s+|one-act\s+)?(?:play|tragedy|comedy|farce|drama|monologue"
    r"|musical|romance|history|melodrama|sketch|scene)\b|by\s|written\s+by\s|in\s+(?:one|two"
    r"|three|four|five|\d+)\s+acts?\b|.*\bin\s+(?:one|two|three|four|five|\d+)\s+acts?\.?$)",
    re.I,
)
_MORE = re.compile(r"^\(\s*MORE\s*\)$", re.I)
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:page\s+)?\d{1,4}\.?(?:\s*-)?(?:\s+of\s+\d{1,4})?$", re.I)
_CONTENTS = re.compile(
    r"^(?:(?:table\s+of\s+)?contents|(?:the\s+)?scenes(?:\s+of\s+the\s+play)?"
    r"|synopsis\s+of\s+scenes)\.?$",
    re.I,
)
_NOTE_LINE = re.compile(
    r"^(?:notes?|n\.\s?b\.?|nb|(?:author|director)[’']?s\s+notes?)\s*[:.]\s", re.I
)
#: Old etexts print a direction at the right margin of a speech line: "night.     Exit."
_MARGIN_DIRECTION = re.compile(
    r"^(.*?\S)\s{6,}((?:Exit|Exeunt|Enter|Exit\w*|Manet|Manent|Dies|Flourish|Alarum)\b.*"
    r"|\[[^\]]*\])$"
)
#: Bare directions modern scripts print as plain lines: "Pause.", "Lights fade.", "Blackout."
_DIRECTION_PHRASE = re.compile(
    r"^(?:a\s+|long\s+|short\s+|another\s+)?(?:pause|beat|silence|blackout|darkness|curtain"
    r"|lights?|the\s+lights|music|fade|slow\s+fade|end\s+of\s+(?:the\s+)?(?:act|scene|play))\b",
    re.I,
)
_NUMBER_GAP = 4  # spaces between a verse line and its number at the right margin
_NAME_WORD = re.compile(r"[A-Z][A-Z'’-]{2,}")
_TITLES = frozenset({"MRS", "MISS", "SIR", "LADY", "LORD", "THE", "DOCTOR", "MASTER"})
_SPEECH_INDENT = 6  # speeches indented at least this far ...
_MARGIN_INDENT = 2  # ... end at a line starting at the margin
_PROGRESS_EVERY = 2000
_FRONT_MATTER_LINES = 400


def import_bytes(data: bytes, progress: ProgressCallback | None = None) -> Script:
    """Import a plain-text play; raises ScriptImportError for undecodable bytes.

    A screenplay written out in spaces (a PDF saved as text) is read by its page layout
    instead (:mod:`rehearsal.script.layout_text`), unless no speech is found that way.
    """
    text = decode_text(data)
    if is_layout_screenplay(text):
        script = import_layout_text(text)
        if any(True for _ in script.dialogues()):
            report(progress, 1.0)
            return script
    return import_play_text(text, progress)


def import_play_text(text: str, progress: ProgressCallback | None = None) -> Script:
    """Import a play from already decoded text (``\\n`` line ends)."""
    lines, indents, header_title = _prepare_lines(text)
    layout = _analyse(lines, indents, header_title)
    builder = _build(layout, progress, start=0.0)
    if builder.gap_paragraphs and _paragraphs_continue_speeches(layout, builder):
        builder = _build(layout, progress, start=0.5, paragraphs_continue=True)
    report(progress, 1.0)
    warnings: list[str] = []
    script = Script(
        format=SourceFormat.TEXT,
        scenes=[s for s in builder.scenes if s.elements],
        title=layout.title,
        title_page=layout.title_page,
        warnings=warnings,
    )
    if not any(True for _ in script.dialogues()):
        warnings.append("no speeches were recognised in this text; is it a play?")
    return script


def _build(
    layout: _Layout, progress: ProgressCallback | None, *, start: float,
    paragraphs_continue: bool = False,
) -> _Builder:  # fmt: skip
    """One pass over the lines; progress runs from ``start`` to half-way past it."""
    builder = _Builder(layout, paragraphs_continue=paragraphs_continue)
    total = max(1, len(layout.lines))
    for index in range(len(layout.lines)):
        if index % _PROGRESS_EVERY == 0:
            report(progress, start + 0.5 * index / total)
        builder.feed(index)
    builder.finish()
    return builder


def _paragraphs_continue_speeches(layout: _Layout, builder: _Builder) -> bool:
    """Whether the plain paragraphs after a speech's blank line are more of that speech.

    A long speech printed in paragraphs and a stage direction printed as plain prose look
    the same line by line, so the whole file decides. Modern scripts that lost their
    italics name the characters in capitals (``ABEL sits.``) and use bare ``Pause.`` or
    ``Lights fade.``; when no such paragraph follows a speech anywhere, the paragraphs are
    read as the speaker going on, which is how editions that mark their directions
    (brackets, parentheses, ``Enter``) print long speeches.
    """
    names = {
        word
        for scene in builder.scenes
        for element in scene.elements
        if isinstance(element, Dialogue)
        for word in _NAME_WORD.findall(element.character)
        if word not in _TITLES
    }
    for index in builder.gap_paragraphs:
        text = " ".join(_paragraph(layout, index))
        if _DIRECTION_PHRASE.match(text):
            return False
        if any(re.search(rf"(?<![\w']){re.escape(name)}(?![\w'])", text) for name in names):
            return False
    return True


def _paragraph(layout: _Layout, index: int) -> list[str]:
    """The lines from ``index`` to the next blank line."""
    end = index
    while end < len(layout.lines) and layout.lines[end]:
        end += 1
    return layout.lines[index:end]


def _prepare_lines(text: str) -> tuple[list[str], list[int], str | None]:
    """Stripped lines and their indents, a Project Gutenberg header and footer cut off."""
    text = text.lstrip("\ufeff").replace("\x0c", "\n").replace("\t", "    ")
    raw = text.split("\n")
    header_title: str | None = None
    start, end = 0, len(raw)
    for index, line in enumerate(raw[:400]):
        if _GUTENBERG_START.match(line):
            start = index + 1
            for head in raw[:index]:
                key = _TITLE_KEY.match(head.strip())
                if key:
                    header_title = collapse_whitespace(key.group(1))
                    break
            break
    if start:
        for index in range(start, len(raw)):
            if _GUTENBERG_END.match(raw[index]):
                end = index
                break
    kept = _strip_line_numbers(raw[start:end])
    return (
        [line.strip() for line in kept],
        [len(line) - len(line.lstrip()) for line in kept],
        header_title,
    )


def _strip_line_numbers(lines: list[str]) -> list[str]:
    """Remove the line numbers an edition prints at the right margin of its verse.

    A number standing after a wide gap at the end of a line is a line number when the file
    has several of them and they count upwards, starting again after a scene heading;
    numbers that count nothing are the speaker's (``Room    101``) and stay.
    """
    found = [
        (index, number) for index, line in enumerate(lines) if (number := _margin_number(line))
    ]
    if len(found) < 3:
        return lines
    rising = pairs = 0
    for (before, (_, a)), (after, (_, b)) in pairwise(found):
        if b < a and any(is_heading(line.strip()) for line in lines[before + 1 : after]):
            continue  # the count starts again in a new scene
        pairs += 1
        rising += b > a
    if rising * 4 < pairs * 3:
        return lines
    kept = list(lines)
    for index, (cut, _) in found:
        kept[index] = kept[index][:cut]
    return kept


def _margin_number(line: str) -> tuple[int, int] | None:
    """(where the gap starts, the number) for a line of text, a wide gap and a number."""
    text = line.rstrip()
    digits = len(text) - len(text.rstrip("0123456789"))
    if not 1 <= digits <= 4:
        return None
    body = text[: len(text) - digits]
    head = body.rstrip()
    if not head or len(body) - len(head) < _NUMBER_GAP:
        return None
    return len(head), int(text[len(body) :])


@dataclass(slots=True)
class _Layout:
    """What the look at the whole file decided, line by line."""

    lines: list[str]
    indents: list[int]
    headings: set[int] = field(default_factory=set)
    cast: set[int] = field(default_factory=set)
    cues: dict[int, Cue] = field(default_factory=dict)
    directions: dict[int, int] = field(default_factory=dict)  # first line -> last line
    skip: set[int] = field(default_factory=set)
    title: str | None = None
    title_page: dict[str, str] = field(default_factory=dict)


def _skip_contents_and_page_numbers(layout: _Layout) -> None:
    """A table of contents lists headings that are not scenes; page numbers are not text."""
    lines = layout.lines
    for index, line in enumerate(lines):
        if _PAGE_NUMBER.match(line):
            layout.skip.add(index)
        elif index < _FRONT_MATTER_LINES and _CONTENTS.match(line):
            layout.skip.add(index)
            nxt = index + 1
            while nxt < len(lines) and (not lines[nxt] or nxt in layout.headings):
                layout.skip.add(nxt)
                layout.headings.discard(nxt)
                nxt += 1


def _analyse(lines: list[str], indents: list[int], header_title: str | None) -> _Layout:
    layout = _Layout(lines=lines, indents=indents)
    layout.headings = heading_lines(lines)
    _skip_contents_and_page_numbers(layout)
    layout.directions = direction_blocks(lines, layout.headings)
    first = next((i for i, line in enumerate(lines) if line), None)
    title_index = first if first is not None and _title_shaped(lines, first, layout) else None
    layout.cast = cast_zone(lines, layout.headings, 0 if title_index is None else title_index + 1)
    excluded = set(layout.headings) | layout.cast
    for start, last in layout.directions.items():
        excluded.update(range(start, last + 1))
    layout.cues = find_speakers(lines, layout.indents, layout.headings, layout.directions, excluded)
    if title_index is not None and _first_line_speaks(layout, title_index):
        title_index = None
    title = header_title
    if title_index is not None:
        layout.cues.pop(title_index, None)
        layout.skip.add(title_index)
        key = _TITLE_KEY.match(lines[title_index])
        printed = key.group(1) if key else lines[title_index]
        title = title or collapse_whitespace(strip_emphasis(printed))
        _title_block(layout, title_index)
    layout.title = title
    if title:
        layout.title_page = {"Title": title, **layout.title_page}
    return layout


def _first_line_speaks(layout: _Layout, index: int) -> bool:
    """Whether the first line, shaped like a title, is the cue of the play's first speech.

    A play named after its hero (``MEDEA``) has a title that is also a cue; a subtitle or
    author line under it, or a name that never speaks again, says it is the title.
    """
    cue = layout.cues.get(index)
    if cue is None:
        return False
    if cue.inline:
        return True
    lines = layout.lines
    nxt = next((line for line in lines[index + 1 : index + 4] if line), "")
    if _SUBTITLE.match(nxt) or _BY_LINE.match(nxt):
        return False
    tight = index + 1 < len(lines) and bool(lines[index + 1])
    return tight or sum(1 for c in layout.cues.values() if c.key == cue.key) >= 2


def _title_shaped(lines: list[str], index: int, layout: _Layout) -> bool:
    line = lines[index]
    if index in layout.headings or index in layout.directions or len(line) > 100:
        return False
    if len(line.split()) > 15 or line.endswith((",", ";")):
        return False
    cue = parse_cue(line)
    return cue is None or not cue.inline or _TITLE_KEY.match(line) is not None


def _title_block(layout: _Layout, title_index: int) -> None:
    """Subtitle and author lines just under the title go to the title page, not the script."""
    for index in range(title_index + 1, min(len(layout.lines), title_index + 7)):
        line = layout.lines[index]
        if not line:
            continue
        if index in layout.cues or index in layout.headings or index in layout.cast:
            return
        by_line = _BY_LINE.match(line)
        if by_line:
            layout.title_page.setdefault("Author", collapse_whitespace(by_line.group(1)))
        elif _SUBTITLE.match(line):
            layout.title_page.setdefault("Subtitle", collapse_whitespace(line))
        else:
            return
        layout.skip.add(index)


class _Builder:
    """Reads the lines in order, with the layout's decisions, into scenes and elements."""

    def __init__(self, layout: _Layout, *, paragraphs_continue: bool = False) -> None:
        self.layout = layout
        self.paragraphs_continue = paragraphs_continue
        self.gap_paragraphs: list[int] = []  # first lines of plain paragraphs after a speech
        self.interrupted: tuple[Dialogue, int | None] | None = None  # speech a direction cut
        self.scenes: list[Scene] = [Scene()]
        self.dialogue: Dialogue | None = None
        self.buffer: list[str] = []
        self.gap = False  # a blank line since the open speech's last line
        self.cue_alone = False  # the open speech's cue stood alone on its line
        self.speech_indent: int | None = None  # indent of the open speech's own lines
        self.more = False
        self.action: list[str] = []
        self.until = -1  # last line of a direction block being skipped

    # -- output ---------------------------------------------------------------------------
    def _element(self, element: TextElement | Dialogue) -> None:
        self.scenes[-1].elements.append(element)

    def _flush_action(self) -> None:
        if self.action:
            # italics opened on a paragraph's first line and closed on its last: _[SCENE ... ]_
            text = collapse_whitespace(" ".join(self.action)).strip("_").strip()
            if text:
                self._element(TextElement(ElementKind.ACTION, text))
            self.action = []

    def _flush_speech(self) -> None:
        if self.dialogue is not None and self.buffer:
            for part in split_speech(" ".join(self.buffer)):
                self._add_part(part.kind, part.text)
        self.buffer = []

    def _add_part(self, kind: PartKind, text: str) -> None:
        assert self.dialogue is not None
        parts = self.dialogue.parts
        if kind is PartKind.SPEECH and parts and parts[-1].kind is PartKind.SPEECH:
            parts[-1].text = f"{parts[-1].text} {text}"
        else:
            parts.append(Part(kind, text))

    def close(self) -> None:
        """End the open speech; a cue with nothing after it was not a cue after all."""
        self._flush_speech()
        dialogue = self.dialogue
        self.dialogue = None
        self.gap = False
        if dialogue is not None and not dialogue.parts:
            elements = self.scenes[-1].elements
            if elements and elements[-1] is dialogue:
                elements.pop()
                elements.append(TextElement(ElementKind.ACTION, dialogue.character))

    def finish(self) -> None:
        self.close()
        self._flush_action()

    # -- input ----------------------------------------------------------------------------
    def feed(self, index: int) -> None:
        layout = self.layout
        if index <= self.until or index in layout.skip:
            return
        line = layout.lines[index]
        if not line:
            self._flush_action()
            if self.dialogue is not None:
                self.gap = True
            return
        interrupted, self.interrupted = self.interrupted, None
        if index in layout.headings:
            self.close()
            self._flush_action()
            self.scenes.append(Scene(heading=collapse_whitespace(line)))
        elif index in layout.cast:
            self.close()
            self._flush_action()
            self._element(TextElement(ElementKind.ACTION, collapse_whitespace(line)))
        elif index in layout.cues:
            self._cue(layout.cues[index])
        elif _MORE.match(line) and self.dialogue is not None:
            self.more = True
        elif index in layout.directions:
            last = layout.directions[index]
            self.until = last
            self._direction(" ".join(layout.lines[index : last + 1]))
        else:
            self._prose(strip_emphasis(line), layout.indents[index], index, interrupted)

    def _cue(self, cue: Cue) -> None:
        previous = self._last_dialogue()
        if (
            cue.contd
            and previous is not None
            and previous.character == _character(cue)
            and (self.more or self.dialogue is previous)
        ):
            self._flush_speech()
            self.dialogue = previous  # a speech split by a page break goes on
        else:
            self.close()
            self._flush_action()
            self.dialogue = Dialogue(character=_character(cue), extension=cue.extension)
            self._element(self.dialogue)
        self.more = False
        self.gap = False
        self.cue_alone = not cue.inline
        self.speech_indent = None
        for direction in cue.directions:
            self._add_part(PartKind.PARENTHETICAL, strip_emphasis(direction))
        if cue.rest:
            self._speech_line(strip_emphasis(cue.rest))

    def _speech_line(self, line: str) -> None:
        margin = _MARGIN_DIRECTION.match(line) if "      " in line else None
        if margin is None:
            self.buffer.append(line)
            return
        self.buffer.append(margin.group(1))
        self._flush_speech()
        self._add_part(PartKind.PARENTHETICAL, margin.group(2))

    def _last_dialogue(self) -> Dialogue | None:
        elements = self.scenes[-1].elements
        if elements and isinstance(elements[-1], Dialogue):
            return elements[-1]
        return None

    def _direction(self, text: str) -> None:
        text = collapse_whitespace(text)
        if text.startswith("_") and text.endswith("_"):
            text = text[1:-1].strip()
        if self.dialogue is not None and (not self.gap or self._nothing_said()):
            self._flush_speech()
            self._add_part(PartKind.PARENTHETICAL, strip_emphasis(text))
            self.gap = False
            return
        interrupted = self.dialogue if self._said() else None
        indent = self.speech_indent
        self.close()
        self._flush_action()
        self._element(TextElement(ElementKind.ACTION, strip_emphasis(text)))
        if interrupted is not None:
            self.interrupted = (interrupted, indent)

    def _back_at_margin(self, indent: int) -> bool:
        """Manuscripts indent speeches and not action, so a line at the margin ends one."""
        return (
            self.dialogue is not None
            and not self.gap
            and self.speech_indent is not None
            and self.speech_indent >= _SPEECH_INDENT
            and indent <= _MARGIN_INDENT
        )

    def _nothing_said(self) -> bool:
        """A cue stands above its speech but no words of it have come yet (spaced layouts)."""
        if self.dialogue is None or self.buffer or not self.cue_alone:
            return False
        return all(part.kind is PartKind.PARENTHETICAL for part in self.dialogue.parts)

    def _prose(
        self, line: str, indent: int, index: int,
        interrupted: tuple[Dialogue, int | None] | None = None,
    ) -> None:  # fmt: skip
        if _NOTE_LINE.match(line) or self._back_at_margin(indent):
            # "Note: ..." is the writer's; a flush line after an indented speech is action
            self.close()
            self._flush_action()
            self.action.append(line)
            return
        if self.dialogue is not None and (not self.gap or self._nothing_said()):
            self.gap = False
            if self.speech_indent is None:
                self.speech_indent = indent
            if line.endswith(")") and line.upper().endswith("(MORE)"):
                line = line[: line.upper().rfind("(MORE)")].rstrip()
                self.more = True
            self._speech_line(line)
            return
        if self._speaker_goes_on(indent):
            self.gap_paragraphs.append(index)
            if self.paragraphs_continue:
                self.gap = False
                self._speech_line(line)
                return
        if interrupted is not None and not self.action and _aligned(indent, interrupted[1]):
            # "Exit Ghost." standing alone, then the speaker goes on without a new cue
            self.gap_paragraphs.append(index)
            if self.paragraphs_continue:
                self._resume(interrupted[0], indent, line)
                return
        self.close()
        self.action.append(line)

    def _resume(self, speech: Dialogue, indent: int, line: str) -> None:
        """Go on with ``speech``'s speaker after the direction that cut it, as a new speech."""
        self.close()
        self.dialogue = Dialogue(character=speech.character, extension=speech.extension)
        self._element(self.dialogue)
        self.cue_alone = False
        self.speech_indent = indent
        self._speech_line(line)

    def _said(self) -> bool:
        """Whether the open speech has words in it yet, not only directions."""
        if self.dialogue is None:
            return False
        pending = split_speech(" ".join(self.buffer)) if self.buffer else []
        return any(p.kind is PartKind.SPEECH for p in [*self.dialogue.parts, *pending])

    def _speaker_goes_on(self, indent: int) -> bool:
        """A plain paragraph after a blank line that could be more of the open speech:
        something was said, and it starts where the speech's own lines do."""
        if self.dialogue is None or not self.gap:
            return False
        return self._said() and _aligned(indent, self.speech_indent)


def _aligned(indent: int, speech_indent: int | None) -> bool:
    """Whether a line starts where a speech's own lines do (any line, if unknown)."""
    return speech_indent is None or abs(indent - speech_indent) <= _MARGIN_INDENT


def _character(cue: Cue) -> str:
    """The speaker as printed, upper-cased, without the ``.`` or ``:`` that ends it."""
    return collapse_whitespace(cue.name).upper().rstrip(".:").strip()
