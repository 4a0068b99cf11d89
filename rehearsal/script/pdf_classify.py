"""From laid-out lines to scenes, action and dialogue, by indents learned per document.

A cue is recognised by what it says *and* by what follows it: an upper-case short line that
starts a block and is followed at once by a line at another indent. The indents of the lines
that follow cues (speech, parentheticals) are counted over the whole file, and the most
common ones become this file's dialogue and parenthetical indents; only blocks that match
them are dialogue. That keeps cast lists, title pages and shouted action out of the
dialogue, whatever program made the PDF.

A speech broken by a page break (``(MORE)`` … ``NAME (CONT'D)``, or nothing but the page
number between its halves) becomes one dialogue again.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from rehearsal.script.cues import collapse_whitespace, looks_like_transition, split_cue
from rehearsal.script.model import (
    Dialogue,
    Element,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)
from rehearsal.script.pdf_layout import (
    HEADING,
    DualBlock,
    Geometry,
    LayoutLine,
    PageLayout,
    is_cue_text,
    is_name_text,
)

_MORE = re.compile(r"^\(\s*more\s*\.*\s*\)$", re.I)
_EXTENSION_LINE = re.compile(r"^\([^a-z()]{1,16}\)$")
_SENTENCE_END = re.compile(r"""[.!?…:;"'”’)\-—–]$""")
_OMITTED = re.compile(r"^omitted\.?$", re.I)
#: Multi-camera act breaks (``ACT ONE``, ``END OF ACT TWO``, ``COLD OPEN``, ``TAG``).
_ACT_HEADER = re.compile(
    r"^(?:(?:END\s+OF\s+)?ACT\s+(?:[A-Z]+|\d+)|COLD\s+OPEN|TEASER|TAG|END\s+OF\s+SHOW)\.?$"
)
#: A lettered (or numbered) multi-camera scene: ``SCENE A``, ``SCENE 12``.
_LETTERED_SCENE = re.compile(r"^SCENE\s+([A-Z]{1,2}|\d{1,3}[A-Z]?)\.?$")


@dataclass(slots=True)
class Indents:
    """The indents (x of the left edge, in points) that follow a cue in this document."""

    dialogue: float | None = None
    parenthetical: float | None = None
    cue: float | None = None
    votes: int = 0  # cue blocks the indents were learned from


@dataclass(slots=True)
class Block:
    """Lines with no blank line between them; ``page_start`` when first on its page."""

    lines: list[LayoutLine]
    page_start: bool = False


@dataclass(slots=True)
class _Open:
    """The dialogue being built and whether its page ended with ``(MORE)``."""

    dialogue: Dialogue
    more: bool = False


@dataclass(slots=True)
class _Builder:
    """Accumulates scenes; remembers the last dialogue so a page break can continue it."""

    scenes: list[Scene] = field(default_factory=lambda: [Scene()])
    last: _Open | None = None

    def add(self, element: Element) -> None:
        self.scenes[-1].elements.append(element)
        self.last = _Open(element) if isinstance(element, Dialogue) else None

    def new_scene(self, heading: str, number: str | None) -> None:
        if not self.scenes[-1].elements and self.scenes[-1].heading is None:
            self.scenes.pop()
        self.scenes.append(Scene(heading=heading, number=number))
        self.last = None


def join_lines(texts: list[str]) -> str:
    """Join wrapped lines: a space between, none after a hyphen inside a word."""
    out = ""
    for raw in texts:
        text = raw.strip()
        if not text:
            continue
        if not out:
            out = text
        elif out.endswith("-") and not out.endswith("--") and out[-2:-1].isalpha():
            out += text
        else:
            out += " " + text
    return collapse_whitespace(out)


def paren_balance(text: str) -> tuple[int, bool]:
    """Net open parentheses after ``text``, and whether they all closed before its end."""
    depth = 0
    closed_early = False
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
            if depth == 0 and text[i + 1 :].strip():
                closed_early = True
    return depth, closed_early


def double_spaced(pages: list[PageLayout], geo: Geometry) -> bool:
    """Whether speeches are double-spaced, as multi-camera scripts print them.

    Consecutive indented lines at one indent that are not cues are lines of one speech (or
    of one parenthetical); in a single-camera script nearly all of them are one pitch
    apart, in a multi-camera script two.
    """
    cw = geo.char_width
    single = double = 0
    for page in pages:
        lines = [item for item in page.items if isinstance(item, LayoutLine)]
        for above, below in itertools.pairwise(lines):
            gap = below.y - above.y
            if (
                above.x0 < geo.action_x + 2 * cw
                or abs(above.x0 - below.x0) > cw
                or gap > geo.pitch * 2.5
                or is_cue_text(above.text)
                or is_cue_text(below.text)
            ):
                continue
            if gap <= geo.pitch * 1.5:
                single += 1
            else:
                double += 1
    return double >= 3 and double > 2 * single


def blocks_of(
    pages: list[PageLayout], geo: Geometry, *, double: bool = False
) -> list[Block | DualBlock]:
    """Split the body into blocks at blank lines and page breaks.

    In a ``double`` spaced script one blank line inside a dialogue does not end it: an
    indented line under an indented line stays in its block unless it is a new cue.
    """
    pitch = geo.pitch
    out: list[Block | DualBlock] = []
    for page in pages:
        current: Block | None = None
        previous: LayoutLine | None = None
        previous_y: float | None = None
        first = True
        for item in page.items:
            if isinstance(item, DualBlock):
                out.append(item)
                current = None
                previous = None
                previous_y = max(line.y for line in item.left + item.right)
                first = False
                continue
            gap = item.y - previous_y if previous_y is not None else None
            joined = gap is not None and (
                gap <= pitch * 1.5
                or (double and gap <= pitch * 2.5 and _same_speech(previous, item, geo))
            )
            if current is None or not joined:
                current = Block([item], page_start=first)
                out.append(current)
            else:
                current.lines.append(item)
            previous, previous_y = item, item.y
            first = False
    return out


def _same_speech(above: LayoutLine | None, below: LayoutLine, geo: Geometry) -> bool:
    """Two indented lines of a double-spaced dialogue: the lower one is not another cue."""
    cw = geo.char_width
    if above is None or above.x0 < geo.action_x + 2 * cw or below.x0 < geo.action_x + 2 * cw:
        return False
    return not is_cue_text(below.text) or abs(below.x0 - above.x0) <= cw / 2


def _near(x: float, target: float | None, tolerance: float) -> bool:
    return target is not None and abs(x - target) <= tolerance


def _cue_length(lines: list[LayoutLine], mixed_case: bool = False) -> int:
    """1 for a cue on one line, 2 for a wrapped cue or a cue with its extension below.

    ``mixed_case`` accepts a capitalised name (``Han``) for a line at this file's cue indent.
    """
    first = lines[0].text
    if HEADING.match(first) or looks_like_transition(first):
        return 0
    if not is_cue_text(first) and not (mixed_case and is_name_text(first)):
        return 0
    if _MORE.match(first) or _OMITTED.match(first):
        return 0
    if len(lines) >= 3 and _EXTENSION_LINE.match(lines[1].text.strip()):
        return 2
    if (
        len(lines) >= 3
        and is_cue_text(lines[1].text)
        and lines[0].text.rstrip().endswith(("&", "/"))
    ):
        return 2
    return 1


def learn_indents(blocks: list[Block | DualBlock], geo: Geometry) -> Indents:
    """Count the indents of lines that follow cue-like lines; the commonest ones win."""
    cw = geo.char_width
    speech: Counter[int] = Counter()
    paren: Counter[int] = Counter()
    cues: Counter[int] = Counter()
    for block in blocks:
        if isinstance(block, DualBlock) or len(block.lines) < 2:
            continue
        length = _cue_length(block.lines)
        if not length or len(block.lines) <= length:
            continue
        cue, after = block.lines[0], block.lines[length]
        if abs(after.x0 - cue.x0) < cw:
            continue
        bucket = round(after.x0 / (cw / 2))
        (paren if after.text.startswith("(") else speech)[bucket] += 1
        cues[round(cue.x0 / (cw / 2))] += 1
        if after.text.startswith("("):
            # The speech after a leading parenthetical votes for the speech indent too.
            depth = paren_balance(after.text)[0]
            for line in block.lines[length + 1 :]:
                if not depth:
                    if abs(line.x0 - after.x0) >= cw / 2:
                        speech[round(line.x0 / (cw / 2))] += 1
                    break
                depth = paren_balance("(" * depth + line.text)[0]
    indents = Indents(votes=sum(cues.values()))
    if speech:
        indents.dialogue = _mode(speech) * cw / 2
    if paren:
        indents.parenthetical = _mode(paren) * cw / 2
    if cues:
        indents.cue = _mode(cues) * cw / 2
    return indents


def _mode(counter: Counter[int]) -> int:
    """The most common bucket, merging each bucket with its neighbours (rounding jitter)."""
    best, best_votes = 0, -1
    for bucket in counter:
        votes = counter[bucket] + counter.get(bucket - 1, 0) + counter.get(bucket + 1, 0)
        if votes > best_votes or (votes == best_votes and counter[bucket] > counter[best]):
            best, best_votes = bucket, votes
    return best


class Classifier:
    """Turns blocks into a :class:`Script`, using the indents learned for this document."""

    def __init__(self, geo: Geometry, indents: Indents, page_width: float) -> None:
        self.geo = geo
        self.ind = indents
        self.page_width = page_width
        self.out = _Builder()

    # -- dialogue -----------------------------------------------------------------------

    def _is_dialogue_start(self, lines: list[LayoutLine]) -> int:
        """Cue length when ``lines`` opens a dialogue in this document's layout, else 0."""
        at_cue = _near(lines[0].x0, self.ind.cue, self.geo.char_width)
        at_cue = at_cue and not _near(lines[0].x0, self.geo.action_x, self.geo.char_width)
        length = _cue_length(lines, mixed_case=at_cue)
        if not length or len(lines) <= length:
            return 0
        after = lines[length]
        tol = self.geo.char_width * 1.5
        if _near(after.x0, self.ind.dialogue, tol) or _near(after.x0, self.ind.parenthetical, tol):
            return length
        if self.ind.dialogue is None and self.ind.parenthetical is None:
            cw = self.geo.char_width
            if abs(after.x0 - lines[0].x0) >= cw and after.x0 >= self.geo.action_x + cw:
                return length
        return 0

    def _is_speech_position(self, line: LayoutLine) -> bool:
        tol = self.geo.char_width * 1.5
        return _near(line.x0, self.ind.dialogue, tol) or _near(line.x0, self.ind.parenthetical, tol)

    def _back_at_margin(self, line: LayoutLine) -> bool:
        """A line back at the action margin ends a dialogue even without a blank line."""
        cw = self.geo.char_width
        dialogue = self.ind.dialogue
        if dialogue is None or line.text.startswith("(") or self._is_speech_position(line):
            return False
        return line.x0 < dialogue - 2 * cw and line.x0 <= self.geo.action_x + cw

    def parse_parts(
        self, lines: list[LayoutLine], parts: list[Part], use_indents: bool = True
    ) -> tuple[int, bool]:
        """Append the parts of a dialogue's lines; returns (lines used, ended with MORE)."""
        more = False
        open_depth = 0
        previous_text = ""
        for index, line in enumerate(lines):
            text = line.text.strip()
            if _MORE.match(text):
                more = True
                continue
            if use_indents and self._back_at_margin(line):
                return index, more
            if open_depth:
                parts[-1].text = join_lines([parts[-1].text, text])
                open_depth = paren_balance(parts[-1].text)[0]
                previous_text = text
                continue
            if text.startswith("(") and self._starts_parenthetical(
                line, parts, previous_text, use_indents
            ):
                depth, closed_early = paren_balance(text)
                if closed_early:
                    self._add_speech(parts, text)
                else:
                    parts.append(Part(PartKind.PARENTHETICAL, text))
                    open_depth = depth
            else:
                self._add_speech(parts, text)
            previous_text = text
        return len(lines), more

    def _starts_parenthetical(
        self, line: LayoutLine, parts: list[Part], previous_text: str, use_indents: bool
    ) -> bool:
        if not parts or parts[-1].kind is PartKind.PARENTHETICAL:
            return True
        dialogue, paren = self.ind.dialogue, self.ind.parenthetical
        cw = self.geo.char_width
        if (
            use_indents
            and dialogue is not None
            and paren is not None
            and abs(dialogue - paren) >= cw
            and abs(line.x0 - paren) < abs(line.x0 - dialogue)
        ):
            return True
        # At the speech indent: a new part only after a finished sentence.
        return bool(_SENTENCE_END.search(previous_text))

    @staticmethod
    def _add_speech(parts: list[Part], text: str) -> None:
        if parts and parts[-1].kind is PartKind.SPEECH:
            parts[-1].text = join_lines([parts[-1].text, text])
        else:
            parts.append(Part(PartKind.SPEECH, text))

    def dialogue_from(
        self, lines: list[LayoutLine], length: int, dual: bool = False
    ) -> tuple[Dialogue, int, bool]:
        """Build a dialogue from a cue block; returns it, lines used and the MORE flag."""
        cue = " ".join(line.text for line in lines[:length])
        name, extension = split_cue(cue)
        dialogue = Dialogue(character=name, extension=extension, dual=dual)
        used, more = self.parse_parts(lines[length:], dialogue.parts, use_indents=not dual)
        return dialogue, length + used, more

    def _continue(self, target: Dialogue, parts: list[Part]) -> None:
        """Append the parts of a speech's second half (after a page break) to its first."""
        if not parts:
            return
        if target.parts and target.parts[-1].kind is parts[0].kind is PartKind.SPEECH:
            target.parts[-1].text = join_lines([target.parts[-1].text, parts[0].text])
            parts = parts[1:]
        target.parts.extend(parts)

    # -- blocks -------------------------------------------------------------------------

    def feed(self, block: Block | DualBlock) -> None:
        if isinstance(block, DualBlock):
            self._feed_dual(block)
            return
        lines = block.lines
        while lines:
            used = self._feed_lines(lines, block.page_start)
            lines = lines[used:]
            block = Block(lines, page_start=False)

    def _feed_dual(self, block: DualBlock) -> None:
        for column in (block.left, block.right):
            if not column:
                continue
            length = _cue_length(column) or 1
            dialogue, _, _ = self.dialogue_from(column, length, dual=True)
            if dialogue.character:
                self.out.add(dialogue)

    def _feed_lines(self, lines: list[LayoutLine], page_start: bool) -> int:
        """Classify the start of ``lines``; returns how many lines were consumed."""
        first = lines[0]
        last = self.out.last
        length = self._is_dialogue_start(lines)
        if length:
            dialogue, used, more = self.dialogue_from(lines, length)
            if (
                page_start
                and last is not None
                and last.more
                and dialogue.character == last.dialogue.character
            ):
                self._continue(last.dialogue, dialogue.parts)
                last.more = more
                return used
            self.out.add(dialogue)
            assert self.out.last is not None
            self.out.last.more = more
            return used
        if last is not None and self._is_speech_position(first) and not HEADING.match(first.text):
            parts: list[Part] = []
            used, more = self.parse_parts(lines, parts)
            self._continue(last.dialogue, parts)
            last.more = more
            return max(used, 1)
        if HEADING.match(first.text) or (_OMITTED.match(first.text) and first.number):
            return self._heading(lines)
        header = first.text.strip()
        if _ACT_HEADER.match(header):
            self.out.add(TextElement(ElementKind.SECTION, header, level=1))
            return 1
        lettered = _LETTERED_SCENE.match(header)
        if lettered:
            self.out.new_scene(header, lettered.group(1))
            return 1
        self._text_block(lines)
        return len(lines)

    def _heading(self, lines: list[LayoutLine]) -> int:
        first = lines[0]
        used = 1
        texts = [first.text]
        # A long heading wraps onto a second capitalised line at the same indent.
        while (
            used < len(lines)
            and abs(lines[used].x0 - first.x0) < self.geo.char_width
            and lines[used].text.upper() == lines[used].text
            and any(ch.isalpha() for ch in lines[used].text)
            and lines[used].number is None
        ):
            texts.append(lines[used].text)
            used += 1
        number = next((line.number for line in lines[:used] if line.number), None)
        current = self.out.scenes[-1]
        lettered = _LETTERED_SCENE.match(current.heading or "")
        if lettered and not current.elements:
            # ``SCENE A`` above the slug line: one scene, headed by the slug, lettered A.
            current.heading = join_lines(texts)
            current.number = number or lettered.group(1)
            return used
        self.out.new_scene(join_lines(texts), number)
        return used

    def _text_block(self, lines: list[LayoutLine]) -> None:
        text = join_lines([line.text for line in lines])
        if not text or _MORE.match(text):
            return
        cw = self.geo.char_width
        upper = text.upper() == text and any(ch.isalpha() for ch in text)
        if (
            upper
            and len(lines) == 1
            and (looks_like_transition(text) or lines[0].x0 > self.page_width * 0.55)
        ):
            self.out.add(TextElement(ElementKind.TRANSITION, text))
            return
        centre = self.page_width / 2
        if all(
            abs((line.x0 + line.x1) / 2 - centre) < 3 * cw and line.x0 > self.geo.action_x + 4 * cw
            for line in lines
        ):
            self.out.add(TextElement(ElementKind.CENTERED, text))
            return
        self.out.add(TextElement(ElementKind.ACTION, text))

    def script(self) -> Script:
        scenes = [s for s in self.out.scenes if s.elements or s.heading is not None]
        return Script(format=SourceFormat.PDF, scenes=scenes)
