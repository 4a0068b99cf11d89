"""Import screenplay sides from a PDF, as actors receive them.

Three steps, each in its own module: :mod:`~rehearsal.script.pdf_text` reads glyphs with
their positions (fast, through pdfium) and drops watermarks; :mod:`~rehearsal.script.pdf_layout`
learns this file's geometry and removes page furniture and margin marks;
:mod:`~rehearsal.script.pdf_classify` learns the dialogue indents and builds the script.
This module ties them together, recognises a cover page, and turns every way a PDF can be
unreadable into one clear :class:`ScriptImportError`.
"""

from __future__ import annotations

import itertools
import re

from rehearsal.script.errors import ScriptImportError
from rehearsal.script.importer import ProgressCallback, report
from rehearsal.script.model import Script
from rehearsal.script.pdf_classify import (
    Classifier,
    Indents,
    blocks_of,
    double_spaced,
    learn_indents,
)
from rehearsal.script.pdf_cue_numbers import strip_cue_numbers
from rehearsal.script.pdf_layout import (
    HEADING,
    DualBlock,
    Geometry,
    LayoutLine,
    PageLayout,
    analyse,
    is_cue_text,
)
from rehearsal.script.pdf_text import GARBLED_MESSAGE, NO_TEXT_MESSAGE, DocumentText, extract

#: Share of the progress bar given to reading pages; layout and classification are quick.
_READ_SHARE = 0.9
_WRITTEN_BY = re.compile(r"^(?:written\s+)?by\b|^(?:screenplay|teleplay|story)\b", re.I)
#: How far (points) a screenplay's speech stands in from its action, at the least.
_SPEECH_STEP = 0.7 * 72
NO_DIALOGUE_WARNING = "no dialogue was found; this PDF may not be a screenplay"


def import_bytes(data: bytes, progress: ProgressCallback | None = None) -> Script:
    """Read a PDF's text with positions and classify every line by this file's layout.

    Raises :class:`ScriptImportError` for encrypted, damaged, empty or text-less PDFs;
    :class:`~rehearsal.script.errors.ImportCancelled` from ``progress`` passes through.
    """
    doc = extract(data, lambda fraction: report(progress, fraction * _READ_SHARE))
    warnings = _check_text(doc)
    try:
        script = classify(doc)
    except (ValueError, IndexError, KeyError, ArithmeticError) as exc:
        raise ScriptImportError(
            f"the layout of this PDF could not be read ({type(exc).__name__})"
        ) from None
    script.warnings.extend(warnings)
    if not any(True for _ in script.dialogues()):
        script.warnings.append(NO_DIALOGUE_WARNING)
    report(progress, 1.0)
    return script


def _check_text(doc: DocumentText) -> list[str]:
    """Refuse a PDF without usable text; warn about single pages without it."""
    readable = [p for p in doc.pages if p.lines and not p.garbled]
    if not readable:
        if any(p.garbled for p in doc.pages):
            raise ScriptImportError(GARBLED_MESSAGE)
        raise ScriptImportError(NO_TEXT_MESSAGE)
    warnings = [f"page {n} is damaged and was skipped" for n in doc.failed_pages]
    for page in doc.pages:
        if page.garbled:
            warnings.append(
                f"page {page.index + 1}: the text cannot be decoded (a font without a "
                "character map); the page was skipped"
            )
            page.lines = []
        elif page.empty:
            warnings.append(
                f"page {page.index + 1} has nothing that could be read (damaged or blank) "
                "and was skipped"
            )
        elif not page.lines and page.has_images:
            warnings.append(
                f"page {page.index + 1} has no text layer (a scanned page?) and was skipped; "
                "OCR is not supported yet"
            )
    return warnings


def classify(doc: DocumentText) -> Script:
    """The script on pages of positioned text: a PDF's, or a text file's laid out in spaces."""
    geo, layouts = analyse(doc)
    front = _front_matter(layouts, geo)
    body = layouts[len(front) :]
    blocks = blocks_of(body, geo, double=double_spaced(body, geo))
    indents = learn_indents(blocks, geo)
    width = max((page.width for page in body), default=doc.pages[0].width)
    classifier = Classifier(geo, indents, width)
    for block in blocks:
        classifier.feed(block)
    script = classifier.script()
    strip_cue_numbers(script)
    if not _screenplay_shaped(indents, geo):
        # Speech at the margin, or no cue standing alone: a stage play's page. (Imported
        # here: the play rules are not needed to start up for a screenplay.)
        from rehearsal.script.pdf_play import import_play_pdf

        play = import_play_pdf(layouts, geo)
        found = sum(1 for _ in play.dialogues())
        if found and found >= sum(1 for _ in script.dialogues()):
            return play
    if front:
        title, cover = _cover_text(front[0], geo)
        script.title = title
        if title:
            script.title_page["Title"] = title
        if cover:
            script.title_page["Cover"] = cover
    return script


def _screenplay_shaped(indents: Indents, geo: Geometry) -> bool:
    """Speeches set in from the action margin, as every screenplay format does, under
    more than one cue (a play's ``ACT I`` over a centred heading is one such pair)."""
    dialogue = indents.dialogue if indents.dialogue is not None else indents.parenthetical
    # A play's paragraph indent is at most half an inch; speech sits an inch in.
    step = max(4 * geo.char_width, _SPEECH_STEP)
    return dialogue is not None and dialogue >= geo.action_x + step and indents.votes >= 2


def _front_matter(layouts: list[PageLayout], geo: Geometry) -> list[PageLayout]:
    """Leading pages with no scene, no dialogue and little action: covers, cast lists."""
    front: list[PageLayout] = []
    for page in layouts[:3]:
        if len(front) == len(layouts) - 1:
            break
        lines = [item for item in page.items if isinstance(item, LayoutLine)]
        if any(isinstance(item, DualBlock) for item in page.items):
            break
        if any(HEADING.match(line.text) for line in lines):
            break
        prose = sum(
            1
            for line in lines
            if abs(line.x0 - geo.action_x) < geo.char_width and len(line.text) > 30
        )
        if lines and prose >= 0.4 * len(lines):
            break
        if _has_dialogue(lines, geo):
            break
        front.append(page)
    return front


def _has_dialogue(lines: list[LayoutLine], geo: Geometry) -> bool:
    """A cue-like line followed at once by a line at another, deeper indent."""
    for above, below in itertools.pairwise(lines):
        if (
            is_cue_text(above.text)
            and below.y - above.y <= geo.pitch * 1.5
            and abs(below.x0 - above.x0) >= geo.char_width
            and below.x0 > geo.action_x + geo.char_width
            and not is_cue_text(below.text)
        ):
            return True
    return False


def _cover_text(page: PageLayout, geo: Geometry) -> tuple[str | None, str]:
    """The title of a cover page (its largest, else first centred, text) and the rest."""
    lines = [item for item in page.items if isinstance(item, LayoutLine)]
    if not lines:
        return None, ""
    centre = page.width / 2
    centred = [line for line in lines if abs((line.x0 + line.x1) / 2 - centre) < 4 * geo.char_width]
    pool = centred or lines
    largest = max(line.size for line in pool)
    if largest > geo.body_size * 1.15:
        title_lines = [line for line in pool if line.size >= largest - 0.5]
    else:
        title_lines = []
        for line in pool:
            if _WRITTEN_BY.match(line.text) or (
                title_lines and line.y - title_lines[-1].y > 2 * geo.pitch
            ):
                break
            title_lines.append(line)
    title = " ".join(line.text.strip() for line in title_lines) or None
    rest = "\n".join(line.text.strip() for line in lines if line not in title_lines)
    return title, rest


__all__ = ["NO_DIALOGUE_WARNING", "import_bytes"]
