"""The page geometry of one PDF, learned from the PDF itself, and the lines that are not script.

No inch value is built in: exporters differ (Final Draft, screenplain, Highland, Fade In …)
and A4 pages run longer than Letter. What is learned here, per document:

- the line pitch (the most common distance between baselines);
- running headers and footers: lines at the top or bottom of a page, set apart from the body
  by a blank gap, that repeat on many pages or read like page furniture (page numbers, dates,
  ``CONTINUED``, revision labels);
- the left edge of the body (where action and scene headings start) and its right edge;
- margin tokens: scene numbers printed in either margin, running line numbers and revision
  asterisks, which are set aside (a scene number is kept with its heading);
- dual dialogue: two cues on one baseline start two columns that are read left, then right.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from rehearsal.script.pdf_text import DocumentText, Line, PageText, Segment, Word

#: A scene number, line number or revision mark in a margin: ``12``, ``12A``, ``A12.``, ``*``.
MARGIN_TOKEN = re.compile(
    r"^(?=[^ ]{1,10}$)(?=[^ ]*\d)[A-Za-z0-9]{1,5}(?:[-.][A-Za-z0-9]{1,4}){0,3}\.?$|^\*+$"
)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,4}[A-Z]?\s*[-–)]?\.?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_FURNITURE_WORDS = re.compile(
    r"\b(?:continued|cont'd|draft|revisions?|rev\.|revised|copyright|confidential|"
    r"property of|all rights reserved|page|sides|do not (?:copy|distribute))\b|©|"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
    re.I,
)
#: Longest run of words read as page furniture for a word it holds (``Revised``, a date).
_FURNITURE_WORDS_MAX = 12
#: A scene heading: ``INT.``, ``EXT.``, ``INT./EXT.``, ``I/E``, ``EST.``, optionally numbered.
HEADING = re.compile(
    r"^(?:[A-Z]?\d+[A-Z]?\.?\s+)?(?:INT|EXT|EST|INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|I\s*/\s*E|E\s*/\s*I)"
    r"(?:\.|\s|/|$)",
    re.I,
)
_CONTINUED = re.compile(r"^\(?\s*continued\s*\)?:?(?:\s*\(\d+\))?$", re.I)
_UPPER_CUE_WORD = re.compile(r"^(?:MC|MAC|O'|D'|DE|DI|LA|LE|VAN|VON|DU|ST\.?)?[^a-z]*$")
_PARENS = re.compile(r"\([^()]*\)")


@functools.lru_cache(maxsize=8192)
def is_margin_token(text: str) -> bool:
    """A scene number (``12``, ``A12``, ``I-1-A``) or revision mark; names like ``R2D2`` pass
    too and are told apart by where they stand."""
    return bool(MARGIN_TOKEN.match(text)) and sum(ch.isalpha() for ch in text) <= 3


@functools.lru_cache(maxsize=8192)
def is_cue_text(text: str) -> bool:
    """Upper-case words with a letter, short: how a character cue reads.

    Mixed case is allowed only in name prefixes (``McCABE``, ``DeMARCO``) and inside the
    parenthesised extension (``MARY (cont'd)``).
    """
    text = text.strip()
    if not text or len(text) > 48 or text.startswith("(") or text.endswith(":"):
        return False
    core = _PARENS.sub(" ", text).split("(", 1)[0].strip()
    if not core or not any(ch.isalpha() for ch in core):
        return False
    if any(ch in core for ch in "!?") or (core.endswith((".", ",")) and not _ends_abbrev(core)):
        return False
    return all(
        _UPPER_CUE_WORD.match(word.upper() if _is_prefixed(word) else word) for word in core.split()
    )


def is_name_text(text: str) -> bool:
    """A short capitalised name (``Han (O.S.)``): a cue when it stands at the cue indent."""
    text = text.strip()
    if not text or len(text) > 40 or text.startswith("("):
        return False
    core = _PARENS.sub(" ", text).split("(", 1)[0].strip()
    words = core.split()
    if not 1 <= len(words) <= 4 or not core[0].isupper():
        return False
    return core[-1] not in ".,!?;:" or _ends_abbrev(core.upper())


def _is_prefixed(word: str) -> bool:
    """``McCABE``: a capitalised prefix, then the rest of the word in capitals."""
    match = re.match(r"^(Mc|Mac|De|Di|La|Le|Van|Von|Du|O'|D')(.+)$", word)
    return bool(match and not any(ch.islower() for ch in match.group(2)))


def _ends_abbrev(core: str) -> bool:
    """``DR.`` or ``MRS. SMITH JR.``: a full stop ending an abbreviation, not a sentence."""
    return bool(re.search(r"\b(?:DR|MR|MRS|MS|JR|SR|ST|NO|LT|SGT|CAPT|COL|GEN|PROF|REV)\.$", core))


@dataclass(slots=True)
class Geometry:
    """What this document's layout taught us; distances in points."""

    body_size: float
    char_width: float
    pitch: float
    action_x: float
    body_right: float


@dataclass(slots=True)
class LayoutLine:
    """A body line after margin tokens are taken off; ``number`` is a scene number beside it.

    ``segments`` keep each word's place and type style (bold, italic) for the stage-play
    reading, which asks for :attr:`words`.
    """

    page: int
    y: float
    x0: float
    x1: float
    text: str
    size: float
    number: str | None = None
    segments: list[Segment] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [w for s in self.segments for w in (s.words or [Word(s.x0, s.x1, s.text)])]

    @classmethod
    def of(cls, line: Line, segments: list[Segment], number: str | None = None) -> LayoutLine:
        return cls(
            line.page,
            line.y,
            segments[0].x0,
            segments[-1].x1,
            " ".join(s.text for s in segments),
            line.size,
            number,
            segments,
        )


@dataclass(slots=True)
class DualBlock:
    """Two dialogue columns side by side; each column is its own list of lines."""

    page: int
    y: float
    left: list[LayoutLine]
    right: list[LayoutLine]


Item = LayoutLine | DualBlock


@dataclass(slots=True)
class PageLayout:
    """A page's body in reading order, and what was removed from it as furniture."""

    index: int
    width: float
    height: float
    items: list[Item] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)


def learn_pitch(pages: list[PageText], body_size: float) -> float:
    """The usual distance between consecutive baselines (one line of a paragraph).

    The smallest common gap wins: in sides made of short speeches most gaps are blank
    lines, and a page that only has headings has no single-spaced gap at all.
    """
    gaps: Counter[float] = Counter()
    for page in pages:
        for above, below in zip(page.lines, page.lines[1:], strict=False):
            gap = below.y - above.y
            if body_size * 0.7 <= gap <= body_size * 3.0:
                gaps[round(gap * 2) / 2] += 1
    if not gaps:
        return body_size
    most = max(gaps.values())
    pitch = min(gap for gap, count in gaps.items() if count >= 0.2 * most)
    if pitch > body_size * 1.6:
        # Only blank-separated lines: assume the single spacing that screenplays use.
        return min(pitch / round(pitch / body_size), body_size * 1.2)
    return pitch


def _normalise(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _edge_blocks(lines: list[Line], page: PageText, pitch: float) -> tuple[int, int]:
    """How many lines at the top and bottom sit apart from the body in the page margins."""
    top = 0
    for i in range(min(3, len(lines) - 1)):
        if lines[i].y > page.height * 0.16:
            break
        if lines[i + 1].y - lines[i].y >= pitch * 1.8:
            top = i + 1
            break
    bottom = 0
    for i in range(min(3, len(lines) - 1)):
        line = lines[-1 - i]
        if line.y < page.height * 0.86:
            break
        if line.y - lines[-2 - i].y >= pitch * 1.8:
            bottom = i + 1
            break
    # A page with a line or two of text: its last lines are a footer before a header.
    top = min(top, len(lines) - bottom)
    return top, bottom


def _repeated(pages: list[PageText], edges: list[tuple[int, int]], pitch: float) -> set[str]:
    """Texts (digits ignored) printed at the same height in the margins of many pages."""
    seen: dict[str, list[tuple[int, float]]] = {}
    for page, (top, bottom) in zip(pages, edges, strict=True):
        for line in page.lines[:top] + page.lines[len(page.lines) - bottom :]:
            seen.setdefault(_normalise(line.text), []).append((page.index, line.y))
    needed = max(2, 0.4 * sum(1 for page in pages if page.lines))
    repeated: set[str] = set()
    for key, places in seen.items():
        if len(places) < needed:
            continue
        middle = sorted(y for _, y in places)[len(places) // 2]
        if len({p for p, y in places if abs(y - middle) <= pitch * 1.5}) >= needed:
            repeated.add(key)
    return repeated


def remove_furniture(pages: list[PageText], pitch: float) -> list[list[Line]]:
    """The lines of each page without running headers, footers and page numbers."""
    edges = [_edge_blocks(page.lines, page, pitch) for page in pages]
    repeated = _repeated(pages, edges, pitch)
    kept: list[list[Line]] = []
    for page, (top, bottom) in zip(pages, edges, strict=True):
        lines = page.lines
        head = _keep_body(lines[:top], repeated)
        foot = _keep_body(lines[len(lines) - bottom :], repeated)
        body = head + lines[top : len(lines) - bottom] + foot
        kept.append([line for line in body if not _is_continued(line)])
    return kept


def _keep_body(block: list[Line], repeated: set[str]) -> list[Line]:
    """The lines of a margin block that are script, not furniture.

    When half the block is furniture the rest goes too: a header's name line carries no
    date, but the line under it does.
    """
    furniture = [_is_furniture(line, repeated) for line in block]
    if sum(furniture) * 2 >= len(block):
        return []
    return [line for line, drop in zip(block, furniture, strict=True) if not drop]


def _is_continued(line: Line) -> bool:
    """``CONTINUED:`` / ``(CONTINUED)``, alone or between scene numbers and a page number."""
    texts = [s.text for s in line.segments]
    if not any("ontinued" in t or "ONTINUED" in t for t in texts):
        return False  # the usual line, told without a pattern
    return any(_CONTINUED.match(t) for t in texts) and all(
        _CONTINUED.match(t) or is_margin_token(t) or _PAGE_NUMBER.match(t) for t in texts
    )


def _is_furniture(line: Line, repeated: set[str]) -> bool:
    text = line.text.strip()
    if HEADING.match(text):
        return False
    return (
        _normalise(text) in repeated
        or bool(_PAGE_NUMBER.match(text))
        or bool(_CONTINUED.match(text))
        # A footer is a few words; a speech that mentions a "page" or a date is not one.
        or (len(text.split()) <= _FURNITURE_WORDS_MAX and bool(_FURNITURE_WORDS.search(text)))
        or all(_PAGE_NUMBER.match(s.text) or s.text.startswith("*") for s in line.segments)
    )


def learn_geometry(bodies: list[list[Line]], body_size: float, cw: float, pitch: float) -> Geometry:
    """The left edge of action and headings, and the right edge of the body."""
    starts: Counter[int] = Counter()
    long_starts: Counter[int] = Counter()
    for lines in bodies:
        for line in lines:
            seg = next((s for s in line.segments if not is_margin_token(s.text)), None)
            if seg is None or len(seg.text) < 2 or abs(line.size - body_size) >= 1:
                continue
            bucket = round(seg.x0 / (cw / 2))
            starts[bucket] += 1
            if len(seg.text) >= 30 or HEADING.match(seg.text):
                long_starts[bucket] += 1
    total = sum(starts.values())
    action = min(starts, default=0) * cw / 2
    for bucket in sorted(starts):
        # Sides may hold a single action line among many speeches: one long line or a
        # heading at the left is evidence enough; otherwise ask for a few lines.
        votes = starts[bucket] + starts.get(bucket + 1, 0)
        if votes >= max(2, 0.03 * total) or long_starts[bucket]:
            action = bucket * cw / 2
            break
    rights = sorted(
        line.x1
        for lines in bodies
        for line in lines
        if abs(line.x0 - action) < cw and len(line.segments) == 1
    )
    if not rights:
        rights = sorted(line.x1 for lines in bodies for line in lines) or [action + 60 * cw]
    right = rights[min(len(rights) - 1, int(len(rights) * 0.95))]
    return Geometry(body_size, cw, pitch, action, right)


def _strip_margins(line: Line, geo: Geometry, page_width: float) -> LayoutLine | None:
    """Take scene numbers, line numbers and revision marks off the ends of a line."""
    segments = list(line.segments)
    cw = geo.char_width
    left_number: str | None = None
    right_number: str | None = None
    # Right-hand scene numbers sit past the body or near its edge, never mid-page (where a
    # dual-dialogue column starts): a quarter of the width keeps them apart on any paper.
    right_zone = max(page_width * 0.72, geo.body_right - 8 * cw)
    while (
        len(segments) > 1
        and is_margin_token(segments[-1].text)
        and (segments[-1].x0 >= right_zone or segments[-1].text.startswith("*"))
    ):
        token = segments.pop().text
        if not token.startswith("*"):
            right_number = token
    if (
        len(segments) > 1
        and is_margin_token(segments[0].text)
        and (segments[0].x1 <= geo.action_x + cw * 0.5)
    ):
        token = segments.pop(0).text
        if not token.startswith("*"):
            left_number = token
    if len(segments) == 1 and is_margin_token(segments[0].text):
        seg = segments[0]
        if seg.text.startswith("*") or seg.x1 <= geo.action_x or seg.x0 >= right_zone:
            return None
    number = left_number or right_number
    return LayoutLine.of(line, segments, number.rstrip(".") if number else None)


def _split_dual(lines: list[LayoutLine], raw: list[Line], start: int, geo: Geometry) -> int:
    """How many lines from ``start`` form a dual-dialogue block (0 when it is not one)."""
    first = raw[start]
    if len(first.segments) != 2:
        return 0
    left, right = first.segments
    if not (is_cue_text(left.text) and is_cue_text(right.text)):
        return 0
    if right.x0 - left.x0 < 12 * geo.char_width:
        return 0
    end = start + 1
    while end < len(lines) and lines[end].y - lines[end - 1].y <= geo.pitch * 1.5:
        end += 1
    return end - start if end - start >= 2 else 0


def _close_column_starts(lines: list[Line], after: float, geo: Geometry) -> list[float]:
    """Where a right column printed close to the left one starts: the word after the widest
    gap of a line, when that gap is wider than a space and the same x recurs on lines."""
    cw = geo.char_width
    votes: Counter[int] = Counter()
    for line in lines:
        words = [w for s in line.segments for w in (s.words or [Word(s.x0, s.x1, s.text)])]
        gaps = [(b.x0 - a.x1, b.x0) for a, b in itertools.pairwise(words) if b.x0 > after]
        if gaps:
            gap, x = max(gaps)
            if gap >= 1.6 * cw:
                votes[round(x / (cw / 2))] += 1
    return [bucket * cw / 2 for bucket, count in votes.items() if count >= 2]


def _dual_block(raw: list[Line], geo: Geometry) -> DualBlock:
    """Cut each line of a dual-dialogue block into its left and right column.

    Columns start at a few indents (cue, speech, parenthetical): a line with text in both
    columns shows where the right one starts; a line with one column goes to the column
    whose starts its first word is nearest to.
    """
    first = raw[0]
    left_cue, right_cue = first.segments[0], first.segments[1]
    middle = (left_cue.x0 + right_cue.x0) / 2
    left_starts = [left_cue.x0] + [ln.segments[0].x0 for ln in raw if ln.segments[0].x0 < middle]
    right_starts = [right_cue.x0] + [
        seg.x0 for ln in raw for seg in ln.segments[1:] if seg.x0 >= middle
    ]
    right_starts += _close_column_starts(raw[1:], left_cue.x0 + 4 * geo.char_width, geo)
    boundary = min(right_starts) - geo.char_width / 2
    left: list[LayoutLine] = []
    right: list[LayoutLine] = []
    for line in raw:
        words = [w for s in line.segments for w in (s.words or [Word(s.x0, s.x1, s.text)])]
        words = [w for w in words if not w.text.startswith("*")]
        if not words:
            continue
        start = words[0].x0
        if min(abs(start - x) for x in right_starts) < min(abs(start - x) for x in left_starts):
            chosen_left: list[Word] = []
            chosen_right = words
        else:
            # Columns printed close together may share a segment: cut them apart by word.
            chosen_left = [w for w in words if w.x0 < boundary]
            chosen_right = [w for w in words if w.x0 >= boundary]
        if chosen_left:
            left.append(LayoutLine.of(line, [Segment.of(chosen_left)]))
        if chosen_right:
            right.append(LayoutLine.of(line, [Segment.of(chosen_right)]))
    return DualBlock(first.page, first.y, left, right)


def analyse(doc: DocumentText) -> tuple[Geometry, list[PageLayout]]:
    """Learn the geometry and lay out every page as body lines and dual-dialogue blocks."""
    pitch = learn_pitch(doc.pages, doc.body_size)
    bodies = remove_furniture(doc.pages, pitch)
    geo = learn_geometry(bodies, doc.body_size, doc.char_width, pitch)
    layouts: list[PageLayout] = []
    for page, body in zip(doc.pages, bodies, strict=True):
        layout = PageLayout(page.index, page.width, page.height)
        kept_raw: list[Line] = []
        stripped: list[LayoutLine] = []
        for line in body:
            clean = _strip_margins(line, geo, page.width)
            if clean is not None and clean.text.strip():
                kept_raw.append(_without_tokens(line, clean))
                stripped.append(clean)
        i = 0
        while i < len(stripped):
            count = _split_dual(stripped, kept_raw, i, geo)
            if count:
                layout.items.append(_dual_block(kept_raw[i : i + count], geo))
                i += count
            else:
                layout.items.append(stripped[i])
                i += 1
        layouts.append(layout)
    return geo, layouts


def _without_tokens(line: Line, clean: LayoutLine) -> Line:
    """The raw line restricted to the segments that survived margin stripping."""
    segments = [s for s in line.segments if clean.x0 <= s.x0 and s.x1 <= clean.x1]
    return Line(line.page, line.y, line.size, segments or line.segments)
