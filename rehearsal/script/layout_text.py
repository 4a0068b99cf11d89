"""Screenplays saved as plain text with their page layout: indents written in spaces.

A screenplay copied out of a PDF, saved by a PDF-to-text converter or downloaded from a
script library keeps the printed page: the cue some twenty spaces in, the speech ten, the
parenthetical between them, ``(MORE)`` / ``NAME (CONT'D)`` across page breaks, page numbers,
``CONTINUED:`` and scene numbers in the margins, often a form feed between pages. Read as a
stage play or as Fountain, that furniture lands inside speeches and the scene headings go
unseen when they are indented. The PDF importer already reads exactly this page, learning
the indents per file, so the text is handed to it as a page of fixed-width glyphs: a
column is a Courier cell, a line a baseline.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from rehearsal.script.model import Script, SourceFormat

if TYPE_CHECKING:  # the PDF reader (and pdfium) loads only when a layout is read
    from rehearsal.script.pdf_text import DocumentText, Line

#: The cell of 12-point Courier, the type every screenplay is set in (points).
_CELL = 7.2
_PITCH = 12.0
_WORD = re.compile(r"\S+")
#: A scene heading in capitals, maybe numbered: ``12  INT. SIGNAL BOX - NIGHT``.
_HEADING = re.compile(
    r"^(?:[A-Z]?\d+[A-Z]?\.?\s+)?(?:INT|EXT|EST|INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|I\s*/\s*E)"
    r"[. /][^a-z]*$"
)
#: A cue: capitals with a letter (``MRS. SMITH-JONES``, ``GUARD #2``), then any extensions.
_CUE = re.compile(r"^(?=[^(]*[A-Z])[^a-z()]{1,40}(?:\([^()]*\)\s*)*$")
#: Columns of space that part two segments (a scene number from its heading), as the
#: PDF reader parts them at a gap of more than two and a half characters.
_SEGMENT_GAP = 3
#: A cue stands at least this many columns in, and its speech at least this much less far.
_CUE_COLUMN = 15
_CUE_STEP = 4
#: Fountain's own markup, which no printed page has: a dual-dialogue caret, notes, the
#: boneyard, sections, page breaks, lyrics, forced cues and transitions, centred text.
_FOUNTAIN_MARKUP = re.compile(r"\[\[|/\*|\^[ \t]*$|^[ \t]*(?:#|===|~|@|>)", re.MULTILINE)
#: Cue-and-speech pairs that make a page layout, not an accident of a play's centring.
_MIN_PAIRS = 2
#: A text this large is no sides: the look for the layout reads at most this much.
_SAMPLE = 200_000


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def is_layout_screenplay(text: str) -> bool:
    """Whether ``text`` is a screenplay page written out in spaces.

    Two things together say so, and neither alone: a scene heading in capitals
    (``INT. HOUSE - DAY``, maybe indented or numbered), which a stage play never has; and
    cues standing well in from the margin with their speech on the very next line, less far
    in, which Fountain (whose elements start at the margin) never writes. Writers do pad
    a Fountain file's cues with tabs, though, and its markup tells that file apart: it
    means ``^`` and ``[[…]]`` to be read as Fountain.
    """
    sample = text[:_SAMPLE]
    if _FOUNTAIN_MARKUP.search(sample):
        return False
    lines = sample.expandtabs(8).split("\n")
    heading = False
    pairs = 0
    for above, below in itertools.pairwise(lines):
        stripped = above.strip().strip("\f")
        if not heading and _HEADING.match(stripped):
            heading = True
        if not below.strip() or not stripped:
            continue
        cue_at, speech_at = _indent(above), _indent(below)
        if (
            cue_at >= _CUE_COLUMN
            and _CUE_STEP <= cue_at - speech_at <= cue_at
            and _CUE.match(stripped)
        ):
            pairs += 1
        if heading and pairs >= _MIN_PAIRS:
            return True
    return False


def _line(page: int, row: int, text: str) -> Line | None:
    """One text line as a printed line: a word per run of non-space, a segment per run of
    words without a wide gap."""
    from rehearsal.script.pdf_text import Line, Segment, Word

    segments: list[Segment] = []
    words: list[Word] = []
    end = -_SEGMENT_GAP
    for match in _WORD.finditer(text):
        if words and match.start() - end >= _SEGMENT_GAP:
            segments.append(Segment.of(words))
            words = []
        words.append(Word(match.start() * _CELL, match.end() * _CELL, match.group()))
        end = match.end()
    if words:
        segments.append(Segment.of(words))
    if not segments:
        return None
    return Line(page, (row + 1) * _PITCH, _PITCH, segments)


def document(text: str) -> DocumentText:
    """The text as pages of fixed-width glyphs; a form feed starts a new page."""
    from rehearsal.script.pdf_text import DocumentText, PageText

    pages: list[PageText] = []
    for chunk in text.expandtabs(8).split("\f"):
        if not chunk.strip():
            continue  # a form feed at the end, or two in a row
        index = len(pages)
        rows = chunk.split("\n")
        width = max(612.0, (max(len(row) for row in rows) + 8) * _CELL)
        page = PageText(index, width, (len(rows) + 6) * _PITCH)
        page.lines = [line for row, raw in enumerate(rows) if (line := _line(index, row, raw))]
        page.glyphs = sum(len(raw.strip()) for raw in rows)
        pages.append(page)
    return DocumentText(pages, _PITCH, _CELL)


def import_layout_text(text: str) -> Script:
    """Read a screenplay page written in spaces the way its PDF would be read."""
    # Imported here: the PDF reader's rules are not needed for the usual play text.
    from rehearsal.script.import_pdf import classify

    script = classify(document(text))
    script.format = SourceFormat.TEXT
    return script
