"""Render screenplays to PDF the way screenwriting programs lay them out, for the PDF tests.

A script is given in the ``rehearsal parse --json`` shape (scenes of elements), so the same
data can be rendered in several layouts and the import compared with what went in. A
:class:`Layout` holds one program's indents and page furniture; the presets follow Final
Draft, screenplain and a program that puts cues at the action indent. Options add what real
sides carry: running headers with the actor's name and date, page numbers, scene numbers in
both margins, revision asterisks, line numbers, ``(MORE)``/``(CONT'D)`` page breaks, a cover
page, diagonal or faint watermarks, and a content stream that is not in reading order.
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

INCH = 72.0
MONO_TTF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")


@dataclass(frozen=True)
class Layout:
    """Where one program puts each kind of line; x in inches from the left page edge."""

    page: tuple[float, float] = LETTER
    font: str = "Courier"
    size: float = 12.0
    top: float = 1.0
    bottom: float = 1.0
    action: float = 1.5
    action_chars: int = 60
    cue: float = 3.7
    dialogue: float = 2.5
    dialogue_chars: int = 35
    paren: float = 3.1
    paren_chars: int = 25
    transition_right: float = 7.5
    blank_before_heading: int = 1
    page_numbers: bool = True
    more_contd: bool = False
    writer_contd: bool = False
    scene_numbers: bool = False
    header: str | None = None
    footer: str | None = None
    watermark: str | None = None
    faint_watermark: str | None = None
    letter_watermark: str | None = None
    revised: frozenset[int] = frozenset()
    line_numbers: bool = False
    cover: dict[str, str] | None = None
    reverse_stream: bool = False
    dual_left: tuple[float, float] = (2.0, 1.5)  # cue, speech
    dual_right: tuple[float, float] = (5.2, 4.5)
    dual_chars: int = 26
    underline_cues: bool = False
    bold_headings: bool = False
    hyphen_wrap: bool = False
    cast: tuple[tuple[str, int], ...] = ()  # a character index page: (name, speeches)
    cast_title: str = "CHARACTERS"
    double_spaced: bool = False  # multi-camera: a blank line between the lines of a speech
    blank_after_cue: bool = False  # ... and between the cue and the speech
    underline_headings: bool = False  # scene headings and centred act/scene headers
    cue_numbers: str | None = None  # "left" (``12 STEEL``) or "right" (``STEEL 12``)


#: Final Draft's multi-camera template: double-spaced speeches, narrower speech column,
#: underlined headings (the scripts themselves put action in capitals).
MULTI_CAM = Layout(
    action=1.5,
    action_chars=55,
    cue=4.0,
    dialogue=2.75,
    dialogue_chars=34,
    paren=3.4,
    double_spaced=True,
    underline_headings=True,
    more_contd=True,
)
FINAL_DRAFT = Layout(
    action=1.25,
    dialogue=2.56,
    paren=3.25,
    cue=3.75,
    more_contd=True,
    blank_before_heading=2,
    action_chars=61,
)
SCREENPLAIN = Layout(action=1.5, dialogue=2.4, paren=2.8, cue=3.4, action_chars=55)
CUE_AT_ACTION = Layout(action=1.0, cue=1.0, paren=2.0, dialogue=2.6, dialogue_chars=45)
A4_LAYOUT = replace(FINAL_DRAFT, page=A4, action=1.5, dialogue=2.5, paren=3.1, cue=3.7)


_UNDERLINED = re.compile(r"^(?:INT\.|EXT\.|ACT |END OF ACT |SCENE |COLD OPEN|TAG$)")


def layout(base: Layout = FINAL_DRAFT, **changes: Any) -> Layout:
    """A preset with some options changed."""
    return replace(base, **changes)


# -- building scripts in the JSON shape ---------------------------------------------------


def dlg(name: str, *parts: str, ext: str | None = None, dual: bool = False) -> dict[str, Any]:
    """A dialogue element; parts starting with ``(`` and ending with ``)`` are parentheticals."""
    content = [
        {"type": "parenthetical" if p.startswith("(") and p.endswith(")") else "speech", "text": p}
        for p in parts
    ]
    return {
        "type": "dialogue",
        "character": name,
        "extension": ext,
        "dual": dual,
        "content": content,
    }


def act(text: str) -> dict[str, Any]:
    return {"type": "action", "text": text}


def trans(text: str) -> dict[str, Any]:
    return {"type": "transition", "text": text}


def scene(
    heading: str | None, *elements: dict[str, Any], number: str | None = None
) -> dict[str, Any]:
    return {"heading": heading, "number": number, "elements": list(elements)}


def script(*scenes: dict[str, Any]) -> dict[str, Any]:
    return {"title": None, "format": "pdf", "scenes": list(scenes)}


# -- rendering --------------------------------------------------------------------------


@dataclass
class _Row:
    """One printed line: its x (points), text, and what to print in the margins."""

    x: float
    text: str
    right_align: bool = False
    number: str | None = None
    star: bool = False
    line_no: bool = False
    cells: list[tuple[float, str]] = field(default_factory=list)  # extra text on the line


@dataclass
class _Chunk:
    """Rows that belong together (an element), with blank lines before it."""

    rows: list[_Row | None]
    blank_before: int
    dialogue: dict[str, Any] | None = None
    cue_x: float = 0.0
    keep_with_next: bool = False


def _wrap(text: str, width: int, hyphens: bool = False) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=hyphens) or [""]


def _cue_text(el: dict[str, Any], contd: bool) -> str:
    cue = str(el["character"])
    if el.get("extension"):
        cue += f" ({el['extension']})"
    if contd:
        cue += " (CONT'D)"
    return cue


def _dialogue_rows(
    el: dict[str, Any],
    lay: Layout,
    cue_x: float,
    dlg_x: float,
    paren_x: float,
    dlg_chars: int,
    paren_chars: int,
    contd: bool,
) -> list[_Row]:
    cue = _cue_text(el, contd)
    if lay.cue_numbers and "take" in el:
        cue = f"{el['take']} {cue}" if lay.cue_numbers == "left" else f"{cue} {el['take']}"
    rows = [_Row(cue_x, cue, line_no=True)]
    for part in el["content"]:
        if part["type"] == "parenthetical":
            for i, text in enumerate(_wrap(part["text"], paren_chars)):
                rows.append(_Row(paren_x + (lay.size * 0.6 if i else 0.0), text))
        else:
            rows.extend(
                _Row(dlg_x, text) for text in _wrap(part["text"], dlg_chars, lay.hyphen_wrap)
            )
    return rows


def _double_spaced(rows: list[_Row], lay: Layout) -> list[_Row | None]:
    """A multi-camera speech: a blank line after every line of it but the last."""
    spaced: list[_Row | None] = [rows[0]] + ([None] if lay.blank_after_cue else [])
    for row in rows[1:]:
        spaced.extend([row, None])
    return spaced[:-1] if len(spaced) > 1 and spaced[-1] is None else spaced


def _chunks(data: dict[str, Any], lay: Layout) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    index = 0
    cw = lay.size * 0.6
    for sc in data["scenes"]:
        last_speaker: str | None = None
        if sc.get("heading"):
            row = _Row(lay.action * INCH, sc["heading"], number=sc.get("number"))
            chunks.append(
                _Chunk([row], lay.blank_before_heading if chunks else 0, keep_with_next=True)
            )
        elements = sc["elements"]
        i = 0
        while i < len(elements):
            el = elements[i]
            star = index in lay.revised
            index += 1
            if el["type"] == "dialogue" and el.get("dual") and i + 1 < len(elements):
                chunks.append(_dual_chunk(el, elements[i + 1], lay))
                last_speaker = elements[i + 1]["character"]
                i += 2
                continue
            if el["type"] == "dialogue":
                contd = lay.writer_contd and last_speaker == el["character"]
                rows = _dialogue_rows(
                    el,
                    lay,
                    lay.cue * INCH,
                    lay.dialogue * INCH,
                    lay.paren * INCH,
                    lay.dialogue_chars,
                    lay.paren_chars,
                    contd,
                )
                spaced: list[_Row | None] = (
                    _double_spaced(rows, lay) if lay.double_spaced else list(rows)
                )
                chunk = _Chunk(spaced, 1, dialogue=el, cue_x=lay.cue * INCH)
                last_speaker = el["character"]
            elif el["type"] == "transition":
                right = lay.transition_right * INCH
                chunk = _Chunk([_Row(right - len(el["text"]) * cw, el["text"])], 1)
            elif el["type"] == "centered":
                x = (lay.page[0] - len(el["text"]) * cw) / 2
                chunk = _Chunk([_Row(x, el["text"])], 1)
            elif el["type"] in ("action", "lyric"):
                chunk = _Chunk(
                    [_Row(lay.action * INCH, t) for t in _wrap(el["text"], lay.action_chars)], 1
                )
            else:
                i += 1
                continue
            for spot in chunk.rows:
                if spot is not None:
                    spot.star = star
            chunks.append(chunk)
            i += 1
    return chunks


def _dual_chunk(left: dict[str, Any], right: dict[str, Any], lay: Layout) -> _Chunk:
    (lc, ld), (rc, rd) = lay.dual_left, lay.dual_right
    cols = [
        _dialogue_rows(left, lay, lc * INCH, ld * INCH, ld * INCH + 18, lay.dual_chars, 20, False),
        _dialogue_rows(right, lay, rc * INCH, rd * INCH, rd * INCH + 18, lay.dual_chars, 20, False),
    ]
    rows: list[_Row | None] = []
    for a, b in zip(cols[0] + [None] * len(cols[1]), cols[1] + [None] * len(cols[0]), strict=False):
        if a is None and b is None:
            break
        if a is None:
            assert b is not None
            rows.append(b)
        else:
            if b is not None:
                a.cells.append((b.x, b.text))
            rows.append(a)
    return _Chunk(rows, 1)


def _paginate(chunks: list[_Chunk], lay: Layout) -> list[list[_Row | None]]:
    """Pages of rows (None is a blank line), splitting speeches with (MORE)/(CONT'D)."""
    per_page = int((lay.page[1] - (lay.top + lay.bottom) * INCH) // lay.size)
    pages: list[list[_Row | None]] = [[]]
    for n, chunk in enumerate(chunks):
        page = pages[-1]
        blank = chunk.blank_before if page else 0
        need = blank + len(chunk.rows) + (1 if chunk.keep_with_next and n + 1 < len(chunks) else 0)
        if len(page) + need <= per_page:
            page.extend([None] * blank)
            page.extend(chunk.rows)
            continue
        room = per_page - len(page) - blank
        if chunk.dialogue is not None and lay.more_contd and room >= 3:
            first, rest = chunk.rows[: room - 1], chunk.rows[room - 1 :]
            page.extend([None] * blank)
            page.extend([*first, _Row(chunk.cue_x, "(MORE)")])
            cue = _cue_text(chunk.dialogue, False) + " (CONT'D)"
            pages.append([_Row(chunk.cue_x, cue), *rest])
        elif chunk.dialogue is not None and not lay.more_contd and room >= 3:
            page.extend([None] * blank)
            page.extend(chunk.rows[:room])
            pages.append(list(chunk.rows[room:]))
        else:
            pages.append(list(chunk.rows))
    return pages


def render(data: dict[str, Any], lay: Layout = FINAL_DRAFT, encrypt: Any = None) -> bytes:
    """The PDF bytes of ``data`` laid out by ``lay`` (``encrypt``: a reportlab encryption)."""
    font = lay.font
    if font == "DejaVuSansMono":
        pdfmetrics.registerFont(TTFont(font, str(MONO_TTF)))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=lay.page, invariant=True, encrypt=encrypt)
    width, height = lay.page
    if lay.cover:
        _cover(pdf, lay)
    if lay.cast:
        _cast_page(pdf, lay)
    line_no = 0
    for number, rows in enumerate(_paginate(_chunks(data, lay), lay), start=1):
        if lay.watermark and number % 2:
            _watermark(pdf, lay)  # drawn first on odd pages, last on even pages
        draws: list[tuple[float, float, str]] = []
        for i, row in enumerate(rows):
            if row is None:
                continue
            y = height - lay.top * INCH - lay.size * (i + 1) + 3
            draws.append((row.x, y, row.text))
            draws.extend((x, y, text) for x, text in row.cells)
            if row.number and lay.scene_numbers:
                draws.append(((lay.action - 0.6) * INCH, y, row.number))
                draws.append((7.4 * INCH, y, row.number))
            if row.star:
                draws.append((7.75 * INCH, y, "*"))
            if row.line_no and lay.line_numbers:
                line_no += 1
                draws.append((0.5 * INCH, y, str(line_no)))
        if lay.page_numbers and number > 1:
            draws.append(
                (width - 1.0 * INCH - 7.2 * len(f"{number}."), height - 0.5 * INCH, f"{number}.")
            )
        if lay.header:
            draws.append((1.0 * INCH, height - 0.5 * INCH, lay.header))
        if lay.footer:
            draws.append((1.0 * INCH, 0.5 * INCH, lay.footer))
        if lay.reverse_stream:
            draws.reverse()
        pdf.setFont(font, lay.size)
        for x, y, text in draws:
            pdf.drawString(x, y, text)
            if lay.underline_cues and text.isupper() and len(text) < 30 and x > 3 * INCH:
                pdf.drawString(x, y, "_" * len(text))
            if lay.bold_headings and text.startswith(("INT.", "EXT.")):
                pdf.drawString(x + 0.4, y, text)
            if lay.underline_headings and _UNDERLINED.match(text):
                pdf.line(x, y - 2, x + pdf.stringWidth(text, font, lay.size), y - 2)
        if lay.faint_watermark or lay.letter_watermark or (lay.watermark and not number % 2):
            _watermark(pdf, lay)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _watermark(pdf: canvas.Canvas, lay: Layout) -> None:
    width, height = lay.page
    pdf.saveState()
    if lay.watermark:
        pdf.translate(width / 2, height / 2)
        pdf.rotate(45)
        pdf.setFont("Helvetica-Bold", 54)
        pdf.setFillGray(0.85)
        pdf.drawCentredString(0, 0, lay.watermark)
    if lay.faint_watermark:
        pdf.setFont("Courier", lay.size)
        pdf.setFillColorRGB(0.75, 0.75, 0.78)
        for k in range(6):
            pdf.drawString(2.0 * INCH, height - (2 + 1.5 * k) * INCH - 6, lay.faint_watermark)
    if lay.letter_watermark:
        pdf.setFont("Helvetica", 120)
        pdf.setFillColorRGB(0, 0, 0, alpha=0.25)
        for k, letter in enumerate(lay.letter_watermark):
            pdf.drawString((1.5 + k) * INCH, height / 2, letter)
    pdf.restoreState()


def _cover(pdf: canvas.Canvas, lay: Layout) -> None:
    assert lay.cover is not None
    width, height = lay.page
    pdf.setFont(lay.font, lay.size)
    y = height - 3.5 * INCH
    for key in ("Title", "Credit", "Author"):
        if key in lay.cover:
            pdf.drawCentredString(width / 2, y, lay.cover[key])
            y -= 2 * lay.size
    y = 1.5 * INCH
    for line in lay.cover.get("Contact", "").splitlines():
        pdf.drawString(lay.action * INCH, y, line)
        y -= lay.size
    pdf.showPage()


def _cast_page(pdf: canvas.Canvas, lay: Layout) -> None:
    """A character index: names at the cue indent with their number of speeches."""
    width, height = lay.page
    pdf.setFont(lay.font, lay.size)
    pdf.drawCentredString(width / 2, height - lay.top * INCH - lay.size, lay.cast_title)
    for i, (name, count) in enumerate(lay.cast):
        y = height - lay.top * INCH - lay.size * (i + 3)
        pdf.drawString(lay.cue * INCH, y, name)
        pdf.drawString(lay.cue * INCH + 2.0 * INCH, y, str(count))
    pdf.showPage()


def drawing_only_pdf() -> bytes:
    """A one-page PDF with shapes and no text at all, like a scan without OCR."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=LETTER, invariant=True)
    for k in range(20):
        pdf.rect(72, 720 - 30 * k, 400 - 10 * k, 12, fill=1)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def encrypted_pdf(data: dict[str, Any], user_password: str = "secret") -> bytes:
    """``data`` rendered with encryption; an empty user password only restricts copying."""
    encryption = StandardEncryption(user_password, ownerPassword="owner", canCopy=0)
    return render(data, FINAL_DRAFT, encrypt=encryption)


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file from numbered object bodies (1 is the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def zero_page_pdf() -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def garbled_pdf() -> bytes:
    """Text in a font whose glyph names map to no Unicode characters (no ToUnicode map)."""
    names = b" ".join(b"/g%d" % k for k in range(32, 127))
    stream = b"".join(
        b"BT /F1 12 Tf 108 %d Td (MARY Where have you been all this time?) Tj ET\n" % (720 - 14 * k)
        for k in range(30)
    )
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /F0 /FirstChar 32 /LastChar 126 "
            b"/Widths ["
            + b"600 " * 95
            + b"] /Encoding << /Type /Encoding /Differences [32 "
            + names
            + b"] >> >>",
        ]
    )
