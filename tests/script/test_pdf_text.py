"""Reading glyphs out of a PDF: word spaces in proportional type, bold and italic flags.

The PDFs are drawn here with reportlab, so each test knows exactly which font and which
spacing every word was printed with.
"""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from rehearsal.script.pdf_text import Line, extract


def _lines(data: bytes) -> list[Line]:
    doc = extract(data, lambda fraction: None)
    return [line for page in doc.pages for line in page.lines]


def _pdf_with_title_and_run_in_line() -> bytes:
    """A Courier body (wide cells) under a small bold Times title; a run-in speech line."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=True)
    pdf.setFont("Times-Bold", 8)
    pdf.drawCentredString(300, 750, "THE TRAGEDY OF HAMLET")
    pdf.setFont("Courier", 12)
    for row in range(30):
        pdf.drawString(72, 700 - 14 * row, "Who's there? Nay, answer me: stand, and unfold.")
    text = pdf.beginText(72, 180)
    text.setFont("Helvetica-Bold", 11)
    text.textOut("HAMLET. ")
    text.setFont("Helvetica-Oblique", 11)
    text.textOut("Aside.")
    text.setFont("Helvetica", 11)
    text.textOut(" A little more than kin")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_words_in_small_proportional_type_keep_their_spaces() -> None:
    # The title's spaces are narrower than a third of the body's Courier cell.
    lines = _lines(_pdf_with_title_and_run_in_line())
    assert lines[0].text == "THE TRAGEDY OF HAMLET"


def test_words_carry_the_bold_and_italic_of_their_font() -> None:
    last = _lines(_pdf_with_title_and_run_in_line())[-1]
    words = [(w.text, w.bold, w.italic) for s in last.segments for w in s.words]
    assert words[:3] == [("HAMLET.", True, False), ("Aside.", False, True), ("A", False, False)]
    assert last.text == "HAMLET. Aside. A little more than kin"


def test_tight_word_spacing_is_still_a_space() -> None:
    """Justified or condensed setting: word spaces squeezed to half the font's space."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=True)
    for row in range(20):
        text = pdf.beginText(72, 700 - 14 * row)
        text.setFont("Helvetica", 10)
        text.setWordSpace(-1.4)
        text.textOut("The rest is silence, and the readiness is all.")
        pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    assert _lines(out.getvalue())[0].text == "The rest is silence, and the readiness is all."
