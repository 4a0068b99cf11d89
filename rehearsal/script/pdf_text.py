"""Characters with positions out of a PDF, grouped into printed lines.

The content stream of a PDF is not in reading order (dual dialogue may come right column
first, a header may be drawn last), so nothing here trusts it: every glyph is taken with its
origin and advance from pdfium, then grouped into lines by baseline and into *segments* by
wide horizontal gaps, which is what lets the layout step see scene numbers in the margins and
the two columns of dual dialogue as separate pieces.

Glyphs that are not part of the script are dropped here, where their drawing attributes are
still known: rotated text (diagonal watermarks), translucent or light-grey text (faint
watermarks), and underscores or duplicate glyphs printed over a word (fake underline/bold).

pdfium is not thread-safe, and the GUI imports in a worker thread, so every call into it holds
:data:`PDFIUM_LOCK`.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import operator
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from rehearsal.script.errors import ScriptImportError
from rehearsal.script.pdf_style import FontInfo, TextStyle, fast, style_of

#: pdfium keeps global state; one import at a time touches it.
PDFIUM_LOCK = threading.Lock()

ENCRYPTED_MESSAGE = (
    "this is a password-protected PDF; open it with its password and save or print an "
    "unprotected copy to import"
)
DAMAGED_MESSAGE = "the PDF is damaged or truncated and cannot be read"
NO_TEXT_MESSAGE = "this PDF has no text layer (a scanned document?); OCR is not supported yet"
GARBLED_MESSAGE = (
    "this PDF has no readable text layer (its fonts do not map to characters); "
    "OCR is not supported yet"
)

#: Text turned further than this (degrees) from the page's main direction is a watermark.
_MAX_TILT = 3.0


@dataclass(slots=True)
class Word:
    """Glyphs with no gap between them, and where they stand (points).

    ``bold``/``italic`` come from the font of most of its glyphs: run-in stage plays set
    the speaker's name in bold and their directions in italics, with nothing else to tell.
    """

    x0: float
    x1: float
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(slots=True)
class Segment:
    """A run of words on one line with no wide gap inside; ``x0``/``x1`` in points.

    The words are kept so that two dual-dialogue columns printed close together can still
    be cut apart where the columns meet.
    """

    x0: float
    x1: float
    text: str
    words: list[Word] = field(default_factory=list)

    @classmethod
    def of(cls, words: list[Word]) -> Segment:
        return cls(words[0].x0, words[-1].x1, " ".join(w.text for w in words), words)


@dataclass(slots=True)
class Line:
    """One printed line: its baseline (points from the page top) and its segments, left to right.

    ``size`` is the font size of most of its glyphs; it tells a title or a huge watermark
    letter from body text.
    """

    page: int
    y: float
    size: float
    segments: list[Segment]

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def text(self) -> str:
        return "   ".join(s.text for s in self.segments)


@dataclass(slots=True)
class PageText:
    """The lines of one page and what is known about text it could not read."""

    index: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    glyphs: int = 0
    unreadable: int = 0
    has_images: bool = False
    empty: bool = False  # no page object at all: a blank page or unreadable content

    @property
    def garbled(self) -> bool:
        """Mostly glyphs with no Unicode meaning: a CID font without a ToUnicode map."""
        return self.glyphs > 0 and self.unreadable > 0.3 * self.glyphs


@dataclass(slots=True)
class DocumentText:
    """All pages, plus the body font size and character width learned from the whole file."""

    pages: list[PageText]
    body_size: float
    char_width: float
    failed_pages: list[int] = field(default_factory=list)


# A glyph as extracted: x, baseline y (PDF space), right edge, character, style key, and
# whether the text stream had a space (printed, or made up by pdfium from the font's own
# space width) just before it.
_Glyph = tuple[float, float, float, str, int, bool]


def _is_unreadable(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or code == 0xFFFD or 0xE000 <= code <= 0xF8FF


#: pdfium reports a hyphen that ends a line as one of these; it is printed as "-".
_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})
_X_OF_GLYPH = operator.itemgetter(0)
_STYLE_OF_GLYPH = operator.itemgetter(4)
_NON_SPACE = re.compile(r"\S+")
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd\ue000-\uf8ff]")


_DOUBLE_P = ctypes.POINTER(ctypes.c_double)
_get_object = fast("FPDFText_GetTextObject", ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_get_origin = fast(
    "FPDFText_GetCharOrigin", ctypes.c_int, ctypes.c_void_p, ctypes.c_int, _DOUBLE_P, _DOUBLE_P
)
_get_box = fast(
    "FPDFText_GetLooseCharBox",
    ctypes.c_int,
    ctypes.c_void_p,
    ctypes.c_int,
    ctypes.POINTER(pdfium_c.FS_RECTF),
)


def _page_glyphs(
    textpage_ptr: Any,
    local: dict[int, int],
    table: list[TextStyle],
    fonts: dict[int, FontInfo],
    page: PageText,
) -> list[_Glyph]:
    """Every real glyph of a page (pdfium's generated spaces and line ends left out).

    Each glyph is keyed by its text object's style, an index into ``table``; ``local`` maps
    this page's text objects to it, so each object is looked at once.
    """
    count = pdfium_c.FPDFText_CountChars(textpage_ptr)
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage_ptr, 0, count, buffer)
    text = bytes(buffer)[: max(0, written - 1) * 2].decode("utf-16-le", "replace")
    if len(text) != count:  # surrogate pairs: fall back to one call per glyph
        text = "".join(
            chr(pdfium_c.FPDFText_GetUnicode(textpage_ptr, i) or 0xFFFD) for i in range(count)
        )
    textpage = ctypes.cast(textpage_ptr, ctypes.c_void_p).value or 0
    text = text.translate(_HYPHENS)
    check_chars = _UNREADABLE.search(text) is not None
    origin_x, origin_y = ctypes.c_double(0.0), ctypes.c_double(0.0)
    px, py = ctypes.byref(origin_x), ctypes.byref(origin_y)
    box = pdfium_c.FS_RECTF()
    pbox = ctypes.byref(box)
    glyphs: list[_Glyph] = []
    append = glyphs.append
    visible = unreadable = 0
    # A word's glyphs nearly always come from one text object: ask pdfium for the object
    # of its first and last glyph, and of every glyph only when the two differ.
    for word in _NON_SPACE.finditer(text):
        first, end = word.span()
        first_obj = _get_object(textpage, first)
        same = end - first == 1 or _get_object(textpage, end - 1) == first_obj
        spaced = first > 0
        key = local.get(first_obj) if same and first_obj else None
        if key is not None and not check_chars and table[key].upright:
            # The usual word: one known, upright, readable object; only the boxes to read.
            visible += end - first
            if table[key].unmapped:
                unreadable += end - first
                continue
            for index in range(first, end):
                _get_box(textpage, index, pbox)
                append((box.left, box.bottom, box.right, text[index], key, spaced))
                spaced = False
            continue
        for index in range(first, end):
            ch = text[index]
            obj = first_obj if same else _get_object(textpage, index)
            if not obj:
                continue
            key = local.get(obj)
            if key is None:
                key = local[obj] = len(table)
                table.append(style_of(obj, textpage, index, fonts))
            style = table[key]
            visible += 1
            if style.unmapped or (check_chars and _is_unreadable(ch)):
                unreadable += 1
                continue
            _get_box(textpage, index, pbox)
            if style.upright:
                # The loose box spans the advance and the font's descent to ascent, the same
                # for every glyph of a font, so its bottom serves as the baseline.
                append((box.left, box.bottom, box.right, ch, key, spaced))
            else:
                _get_origin(textpage, index, px, py)
                advance = max(box.right - box.left, box.top - box.bottom)
                append((origin_x.value, origin_y.value, origin_x.value + advance, ch, key, spaced))
            spaced = False
    page.glyphs += visible
    page.unreadable += unreadable
    return glyphs


def _rotate_to_text_frame(glyphs: list[_Glyph], turn: int, width: float, height: float) -> None:
    """Express positions in the frame of text turned by ``turn`` quarter turns (in place)."""
    for i, (x, y, right, ch, key, spaced) in enumerate(glyphs):
        advance = right - x
        if turn == 1:  # text runs upwards
            nx, ny = y, width - x
        elif turn == 2:
            nx, ny = width - x, height - y
        else:  # turn == 3, text runs downwards
            nx, ny = height - y, x
        glyphs[i] = (nx, ny, nx + abs(advance), ch, key, spaced)


def open_document(data: bytes) -> pdfium.PdfDocument:
    """Open ``data`` or raise a :class:`ScriptImportError` that says what is wrong."""
    if b"%PDF-" not in data[:1024]:
        raise ScriptImportError("this is not a PDF file (it has no %PDF header)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ScriptImportError(_open_failure(data, getattr(exc, "err_code", None))) from None


def _open_failure(data: bytes, code: int | None) -> str:
    """Why pdfium refused ``data``; its error code is global and may be left over from an
    earlier file, so the bytes confirm it."""
    encrypted = re.search(rb"/Encrypt\s", data) is not None
    if code == pdfium_c.FPDF_ERR_PASSWORD and encrypted:
        return ENCRYPTED_MESSAGE
    if code == pdfium_c.FPDF_ERR_SECURITY and encrypted:
        return "this PDF is protected with an unsupported security handler"
    if re.search(rb"/Count\s+0\b", data) and not re.search(rb"/Count\s+[1-9]", data):
        return "the PDF has no pages"
    return DAMAGED_MESSAGE


def extract(data: bytes, progress: Callable[[float], None]) -> DocumentText:
    """Read every page's glyphs, learn the body font, and build lines.

    ``progress`` is called with the fraction of pages read; it may raise to cancel, and
    the document is closed on the way out either way.
    """
    with PDFIUM_LOCK:
        document = open_document(data)
        try:
            pages, glyph_lists, styles, failed = _read_pages(document, progress)
        finally:
            document.close()
    body_size, char_width = _body_metrics(glyph_lists, styles)
    for page, glyphs in zip(pages, glyph_lists, strict=True):
        page.lines = build_lines(page, glyphs, styles, body_size, char_width)
    return DocumentText(pages, body_size, char_width, failed)


def _read_pages(
    document: pdfium.PdfDocument, progress: Callable[[float], None]
) -> tuple[list[PageText], list[list[_Glyph]], list[TextStyle], list[int]]:
    try:
        total = len(document)
    except pdfium.PdfiumError:
        raise ScriptImportError(DAMAGED_MESSAGE) from None
    if total <= 0:
        raise ScriptImportError("the PDF has no pages")
    pages: list[PageText] = []
    glyph_lists: list[list[_Glyph]] = []
    styles: list[TextStyle] = []
    fonts: dict[int, FontInfo] = {}
    failed: list[int] = []
    for index in range(total):
        page_ptr = pdfium_c.FPDF_LoadPage(document.raw, index)
        if not page_ptr:
            failed.append(index + 1)
            progress((index + 1) / total)
            continue
        try:
            width = pdfium_c.FPDF_GetPageWidthF(page_ptr)
            height = pdfium_c.FPDF_GetPageHeightF(page_ptr)
            page = PageText(index, width, height)
            textpage = pdfium_c.FPDFText_LoadPage(page_ptr)
            glyphs: list[_Glyph] = []
            # Object addresses are reused by pdfium after the page closes: per page only.
            local: dict[int, int] = {}
            if textpage:
                try:
                    glyphs = _page_glyphs(textpage, local, styles, fonts, page)
                finally:
                    pdfium_c.FPDFText_ClosePage(textpage)
            if not glyphs:  # only a page without text needs to say why
                page.has_images, page.empty = _has_images(page_ptr)
            glyphs = _keep_script_glyphs(glyphs, set(local.values()), styles, page)
            pages.append(page)
            glyph_lists.append(glyphs)
        finally:
            pdfium_c.FPDF_ClosePage(page_ptr)
        progress((index + 1) / total)
    if not pages:
        raise ScriptImportError(DAMAGED_MESSAGE)
    return pages, glyph_lists, styles, failed


def _keep_script_glyphs(
    glyphs: list[_Glyph], used: set[int], table: list[TextStyle], page: PageText
) -> list[_Glyph]:
    """Drop watermark glyphs (hidden, or turned away from the page's main direction)."""
    if all(table[k].upright and not table[k].hidden for k in used):
        return glyphs  # the usual page: nothing turned, nothing faint
    per_key = Counter(g[4] for g in glyphs)
    angles: Counter[int] = Counter()
    for key, count in per_key.items():
        angles[_quarter_turn(table[key].angle)] += count
    main_turn = angles.most_common(1)[0][0] if angles else 0
    main_angle = main_turn * 90.0
    kept_keys: set[int] = set()
    for key in per_key:
        style = table[key]
        tilt = abs((style.angle - main_angle + 180.0) % 360.0 - 180.0)
        if not style.hidden and tilt <= _MAX_TILT:
            kept_keys.add(key)
    kept = [g for g in glyphs if g[4] in kept_keys]
    if main_turn:
        _rotate_to_text_frame(kept, main_turn, page.width, page.height)
        if main_turn % 2:
            page.width, page.height = page.height, page.width
    return kept


def _quarter_turn(angle: float) -> int:
    return round((angle % 360.0) / 90.0) % 4


def _has_images(page_ptr: ctypes.c_void_p) -> tuple[bool, bool]:
    """Whether the page draws an image, and whether it draws nothing at all."""
    count = pdfium_c.FPDFPage_CountObjects(page_ptr)
    for i in range(min(count, 2000)):
        obj = pdfium_c.FPDFPage_GetObject(page_ptr, i)
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True, False
    return False, count <= 0


def _body_metrics(glyph_lists: list[list[_Glyph]], styles: list[TextStyle]) -> tuple[float, float]:
    """The most common font size and the typical advance of a body glyph."""
    per_style: Counter[int] = Counter()
    for glyphs in glyph_lists:
        per_style.update(map(_STYLE_OF_GLYPH, glyphs))
    sizes: Counter[float] = Counter()
    for index, count in per_style.items():
        sizes[round(styles[index].size * 2) / 2] += count
    if not sizes:
        return 12.0, 7.2
    body = sizes.most_common(1)[0][0] or 12.0
    body_styles = {i for i, style in enumerate(styles) if abs(style.size - body) < 0.5}
    advances = sorted(
        g[2] - g[0]
        for glyphs in glyph_lists[:20]
        for g in glyphs[:2000]
        if g[3] != " " and g[4] in body_styles and g[2] > g[0]
    )
    width = advances[len(advances) // 2] if advances else body * 0.6
    return body, max(width, body * 0.3)


def build_lines(
    page: PageText,
    glyphs: list[_Glyph],
    styles: list[TextStyle],
    body_size: float,
    char_width: float,
) -> list[Line]:
    """Group glyphs into lines (by baseline) and segments (split at wide gaps)."""
    if not glyphs:
        return []
    # Rows by baseline, top down: a baseline within the tolerance of a row's first one
    # joins it. The distinct baselines are few, so they are grouped, not the glyphs.
    tolerance = body_size * 0.35
    row_of: dict[float, int] = {}
    anchor = math.inf
    count = 0
    for y in sorted({g[1] for g in glyphs}, reverse=True):
        if anchor - y > tolerance:
            anchor = y
            count += 1
        row_of[y] = count - 1
    rows: list[list[_Glyph]] = [[] for _ in range(count)]
    for glyph in glyphs:
        rows[row_of[glyph[1]]].append(glyph)
    lines: list[Line] = []
    for row in rows:
        row.sort(key=_X_OF_GLYPH)
        segments = _segments(row, char_width, styles)
        if not segments:
            continue
        key = row[len(row) // 2][4]
        if key != row[0][4] or key != row[-1][4]:
            key = Counter(g[4] for g in row).most_common(1)[0][0]
        size = round(styles[key].size * 2) / 2
        baseline = row[0][1]
        lines.append(Line(page.index, page.height - baseline, size, segments))
    return lines


def _without_underline(row: list[_Glyph]) -> list[_Glyph]:
    """Drop ``_`` glyphs printed over words to underline them (most of them overlap text)."""
    letters = [g[0] for g in row if g[3] not in " _"]
    if not letters:
        return row
    underscores = [g for g in row if g[3] == "_"]
    over = 0
    for x, _, right, _, _, _ in underscores:
        i = bisect.bisect_left(letters, x - (right - x) * 0.5)
        if i < len(letters) and abs(letters[i] - x) < (right - x) * 0.5:
            over += 1
    if over * 2 < len(underscores):
        return row
    return [g for g in row if g[3] != "_"]


def _segments(row: list[_Glyph], char_width: float, styles: list[TextStyle]) -> list[Segment]:
    """Text of a baseline, split into words and where the gap is a column gap into segments.

    A word ends at a gap wider than a sliver of a body character, or at any visible gap
    where the text stream has a space: pdfium makes up spaces from each font's own space
    width, which is what keeps words apart in tightly set proportional type.
    """
    if "_" in "".join([g[3] for g in row]):
        row = _without_underline(row)
    split_gap = char_width * 2.6
    space_gap = char_width * 0.3
    segments: list[Segment] = []
    words: list[Word] = []
    chars: list[str] = []
    keys: list[int] = []
    start = last_right = 0.0
    last_x = -1e9
    last_char = ""
    for x, _, right, ch, key, spaced in row:
        if chars and x < last_right - (last_right - last_x) * 0.5:
            # Overprinted: a fake-bold duplicate or an underline drawn with "_" glyphs.
            if ch == last_char or ch == "_":
                continue
            if last_char == "_":
                chars[-1] = ch
                last_char, last_x, last_right = ch, x, max(right, last_right)
                continue
        gap = x - last_right
        if chars and (gap > space_gap or (spaced and gap > styles[key].size * 0.06)):
            if len(keys) == 1:
                style = styles[keys[0]]
                words.append(Word(start, last_right, "".join(chars), style.bold, style.italic))
            else:
                words.append(_word(start, last_right, chars, keys, styles))
            chars, keys = [], []
            if gap >= split_gap or (ch == "*" and gap >= char_width * 1.4):
                # A revision asterisk in the margin stands apart even when close to the text.
                segments.append(Segment.of(words))
                words = []
        if not chars:
            start = x
            keys.append(key)
        elif key != keys[-1]:
            keys.append(key)
        chars.append(ch)
        last_char, last_x, last_right = ch, x, (right if right > x else x)
    if chars:
        words.append(_word(start, last_right, chars, keys, styles))
    if words:
        segments.append(Segment.of(words))
    return segments


def _word(x0: float, x1: float, chars: list[str], keys: list[int], styles: list[TextStyle]) -> Word:
    """A word in the type style of its first glyphs' text object, or, when it is set in two
    (``HAMLET.`` with a roman full stop), in whichever styles most of ``keys`` carry."""
    if len(keys) == 1:
        style = styles[keys[0]]
        return Word(x0, x1, "".join(chars), style.bold, style.italic)
    bold = sum(styles[k].bold for k in keys) * 2 >= len(keys) and styles[keys[0]].bold
    italic = sum(styles[k].italic for k in keys) * 2 >= len(keys) and styles[keys[0]].italic
    return Word(x0, x1, "".join(chars), bold, italic)
