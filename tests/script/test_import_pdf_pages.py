"""The PDF importer on what pages add to sides: furniture, marks and page breaks.

Watermarks (diagonal, faint, huge letters), headers with the actor's name and date, footers,
scene numbers in both margins, revision asterisks and line numbers are dropped or go where
they belong; (MORE)/(CONT'D) join a speech across a page break, with or without the marks,
and sides cut from a script may start mid-speech; cover and cast pages are not dialogue.
The PDFs are made here (see :mod:`tests.script.pdf_factory`), so each test can compare what
it imports with what went into the PDF.
"""

from __future__ import annotations

from typing import Any

from rehearsal.script.import_pdf import import_bytes
from rehearsal.script.pdf_text import extract
from tests.script import pdf_factory as pf
from tests.script.pdf_factory import act, dlg, scene, script
from tests.script.support.pdf import LONG_SPEECH, all_text, blocks, pdf_text, sides

# -- watermarks, headers and footers ----------------------------------------------------------


def test_diagonal_grey_watermark_is_dropped() -> None:
    source = sides()
    data = pf.render(source, pf.layout(watermark="JANE ACTOR"))
    assert "JANE ACTOR" in pdf_text_all_glyphs(data)
    result = import_bytes(data)
    assert "JANE" not in all_text(result)
    assert blocks(result) == blocks(source)


def pdf_text_all_glyphs(data: bytes) -> str:
    """Every glyph pdfium reads, watermarks included (the factory really drew it)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_faint_and_huge_letter_watermarks_are_dropped() -> None:
    source = sides()
    lay = pf.layout(faint_watermark="CONFIDENTIAL COPY JANE", letter_watermark="DRAFT")
    result = import_bytes(pf.render(source, lay))
    text = all_text(result)
    assert "CONFIDENTIAL" not in text
    assert "DRAFT" not in text
    assert blocks(result) == blocks(source)


def test_header_with_actor_name_and_date_and_footer_are_dropped() -> None:
    source = sides()
    lay = pf.layout(header="JANE ACTOR - 05/12/2024", footer="Property of Big Studio")
    result = import_bytes(pf.render(source, lay))
    text = all_text(result)
    assert "JANE ACTOR" not in text
    assert "Big Studio" not in text
    assert blocks(result) == blocks(source)


def test_header_on_single_page_sides_is_dropped() -> None:
    source = script(scene("INT. CAR - DAY", dlg("MARY", "Drive."), dlg("JOHN", "Where?")))
    result = import_bytes(pf.render(source, pf.layout(header="Sides for JANE ACTOR 3/4/25")))
    assert "JANE" not in all_text(result)
    assert blocks(result) == blocks(source)


# -- numbers and revision marks ---------------------------------------------------------------


def test_scene_numbers_in_both_margins_go_to_the_scene() -> None:
    source = sides()
    data = pf.render(source, pf.layout(scene_numbers=True))
    assert "13A" in pdf_text(data)
    result = import_bytes(data)
    assert [(s.number, s.heading) for s in result.scenes] == [
        ("12", "INT. KITCHEN - NIGHT"),
        ("13A", "EXT. PORCH - CONTINUOUS"),
    ]


def test_revision_asterisks_and_cue_line_numbers_are_dropped() -> None:
    source = sides()
    lay = pf.layout(revised=frozenset(range(12)), line_numbers=True)
    data = pf.render(source, lay)
    assert "*" in pdf_text(data)
    result = import_bytes(data)
    assert "*" not in all_text(result)
    assert blocks(result) == blocks(source)


def test_omitted_scene_keeps_its_number() -> None:
    source = sides()
    source["scenes"].insert(1, scene("OMITTED", number="12A"))
    result = import_bytes(pf.render(source, pf.layout(scene_numbers=True)))
    assert [(s.number, s.heading) for s in result.scenes][1] == ("12A", "OMITTED")
    assert blocks(result) == blocks(source)


# -- page breaks ------------------------------------------------------------------------------


def speech_across_page_break(lay: pf.Layout) -> tuple[dict[str, Any], bytes]:
    """Sides whose long speech starts near the foot of page one (found by trying lengths)."""
    for lines in range(30, 60):
        source = script(
            scene(
                "INT. KITCHEN - NIGHT",
                act(" ".join(["Rain."] * 10 * lines)),
                dlg("JOHN", LONG_SPEECH),
                dlg("MARY", "Then stay."),
            )
        )
        data = pf.render(source, lay)
        doc = extract(data, lambda _: None)
        if len(doc.pages) > 1 and "stay" in " ".join(ln.text for ln in doc.pages[0].lines):
            continue  # the whole speech still fits on page one
        if len(doc.pages) > 1 and "I have been" in " ".join(ln.text for ln in doc.pages[0].lines):
            return source, data
    raise AssertionError("no length puts the speech across the page break")


def test_more_and_contd_across_a_page_break_make_one_speech() -> None:
    source, data = speech_across_page_break(pf.FINAL_DRAFT)
    raw = pdf_text(data)
    assert "(MORE)" in raw
    assert "JOHN (CONT'D)" in raw
    result = import_bytes(data)
    long_ones = [d for d in result.dialogues() if d.speech.startswith("I have been thinking")]
    assert len(long_ones) == 1
    assert long_ones[0].speech == LONG_SPEECH
    assert blocks(result) == blocks(source)


def test_speech_continuing_after_a_page_break_without_marks() -> None:
    source, data = speech_across_page_break(pf.layout(more_contd=False, header="JANE 1/5/25"))
    assert "(MORE)" not in pdf_text(data)
    assert blocks(import_bytes(data)) == blocks(source)


def test_sides_cut_from_a_script_start_mid_speech() -> None:
    import io

    import pypdfium2 as pdfium

    _, data = speech_across_page_break(pf.layout(more_contd=False))
    whole = pdfium.PdfDocument(data)
    cut = pdfium.PdfDocument.new()
    cut.import_pages(whole, [1])
    out = io.BytesIO()
    cut.save(out)
    cut.close()
    whole.close()
    result = import_bytes(out.getvalue())
    # The second half of the speech has no cue on this page: kept as text, not lost.
    assert "until it is done" in all_text(result)
    assert blocks(result) == [("MARY", False, (("speech", "Then stay."),))]


def test_contd_added_by_the_writing_program_is_not_an_extension() -> None:
    source = script(
        scene(
            "INT. HALL - DAY",
            dlg("MARY", "Wait."),
            act("She picks up the letter."),
            dlg("MARY", "This is yours."),
        )
    )
    data = pf.render(source, pf.layout(writer_contd=True))
    assert "MARY (CONT'D)" in pdf_text(data)
    dialogues = list(import_bytes(data).dialogues())
    assert [(d.character, d.extension) for d in dialogues] == [("MARY", None), ("MARY", None)]


# -- pages that are not the script ------------------------------------------------------------


def test_cover_page_gives_the_title_and_no_dialogue() -> None:
    source = sides()
    cover = {
        "Title": "THE LEAKING ROOF",
        "Credit": "written by",
        "Author": "Sam Writer",
        "Contact": "Agent Name\n555-0100",
    }
    result = import_bytes(pf.render(source, pf.layout(cover=cover)))
    assert result.title == "THE LEAKING ROOF"
    assert "Agent Name" not in all_text(result)
    assert blocks(result) == blocks(source)


def test_character_index_page_is_not_dialogue() -> None:
    source = sides()
    lay = pf.layout(cast=(("MARY", 4), ("JOHN", 3), ("McCABE", 1)))
    data = pf.render(source, lay)
    assert "CHARACTERS" in pdf_text(data)
    result = import_bytes(data)
    assert "CHARACTERS" not in all_text(result)
    assert blocks(result) == blocks(source)
