"""The PDF importer on PDFs laid out like real sides, on broken PDFs, and on the corpus.

The PDFs are made here (see :mod:`tests.script.pdf_factory`) from scripts in the
``rehearsal parse --json`` shape, so each test can compare what it imports with what went
into the PDF, in several exporters' layouts.
"""

from __future__ import annotations

import contextlib
import json
import threading
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.import_pdf import NO_DIALOGUE_WARNING, import_bytes
from rehearsal.script.model import Dialogue, ElementKind, Script, TextElement
from rehearsal.script.pdf_classify import join_lines, paren_balance
from rehearsal.script.pdf_layout import is_cue_text, is_margin_token
from rehearsal.script.pdf_text import extract
from rehearsal.script.serialize import script_to_dict
from tests.corpus import corpus_files, diff_report, load_scorer, score_file
from tests.script import pdf_factory as pf
from tests.script.pdf_factory import act, dlg, scene, script, trans

LONG_SPEECH = (
    "I have been thinking about what you said last night, about the house and the "
    "garden and the way the light comes in through the kitchen window in the morning, "
    "and I have decided that you were right all along, even about the roses, which I "
    "never wanted to admit. So I am staying. I am staying here with you and the dog and "
    "the leaking roof, and we will fix it together, one tile at a time, until it is done."
)


def sides() -> dict[str, Any]:
    """Three pages of sides: headings, action, parentheticals, a transition, long speeches."""
    filler = " ".join(["The rain keeps falling on the tin roof of the porch."] * 5)
    return script(
        scene(
            "INT. KITCHEN - NIGHT",
            act("MARY (40s) stands at the sink. JOHN enters, soaked."),
            dlg("MARY", "You're late."),
            dlg("JOHN", "(shaking off the rain)", "The road was flooded. I had to go round."),
            dlg("MARY", "You could have called.", "(beat)", "You never call."),
            act(filler),
            dlg("JOHN", "I tried. The line was dead.", ext="O.S."),
            trans("CUT TO:"),
            number="12",
        ),
        scene(
            "EXT. PORCH - CONTINUOUS",
            act(filler),
            act(filler),
            dlg("McCABE", "Evening, folks. Mind if I come in out of this?"),
            dlg("MARY", "(to John, quietly)", "Who is he?"),
            act(filler),
            dlg("JOHN", LONG_SPEECH),
            dlg("MARY", "Then stay."),
            number="13A",
        ),
    )


def blocks(data: dict[str, Any] | Script) -> list[tuple[str, bool, tuple[tuple[str, str], ...]]]:
    """Dialogue blocks as the corpus scorer compares them (NFKC, whitespace collapsed)."""
    doc = script_to_dict(data) if isinstance(data, Script) else data

    def norm(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).split())

    return [
        (
            el["character"].upper(),
            bool(el.get("dual")),
            tuple((p["type"], norm(p["text"])) for p in el["content"] if norm(p["text"])),
        )
        for sc in doc["scenes"]
        for el in sc["elements"]
        if el["type"] == "dialogue"
    ]


def all_text(result: Script) -> str:
    """Every piece of text the import produced: headings, elements and dialogue parts."""
    pieces: list[str] = []
    for sc in result.scenes:
        pieces.append(sc.heading or "")
        for el in sc.elements:
            if isinstance(el, Dialogue):
                pieces.append(el.character)
                pieces.extend(p.text for p in el.parts)
            else:
                pieces.append(el.text)
    return "\n".join(pieces)


def pdf_text(data: bytes) -> str:
    """The raw lines of a PDF, to check that a test PDF really contains what it tests."""
    doc = extract(data, lambda _: None)
    return "\n".join(line.text for page in doc.pages for line in page.lines)


# -- layouts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "layout",
    [pf.FINAL_DRAFT, pf.SCREENPLAIN, pf.CUE_AT_ACTION, pf.A4_LAYOUT],
    ids=["final-draft", "screenplain", "cue-at-action-indent", "a4"],
)
def test_each_layout_imports_every_speech_exactly(layout: pf.Layout) -> None:
    source = sides()
    result = import_bytes(pf.render(source, layout))
    assert blocks(result) == blocks(source)
    assert [s.heading for s in result.scenes] == ["INT. KITCHEN - NIGHT", "EXT. PORCH - CONTINUOUS"]
    assert result.characters == ["MARY", "JOHN", "MCCABE"]
    assert result.warnings == []


def test_extensions_and_transitions_are_kept() -> None:
    result = import_bytes(pf.render(sides(), pf.FINAL_DRAFT))
    dialogues = list(result.dialogues())
    assert dialogues[3].character == "JOHN"
    assert dialogues[3].extension == "O.S."
    kinds = [e.kind for e in result.scenes[0].elements if isinstance(e, TextElement)]
    assert ElementKind.TRANSITION in kinds


def test_content_stream_order_does_not_matter() -> None:
    source = sides()
    reversed_pdf = pf.render(source, pf.layout(reverse_stream=True))
    assert blocks(import_bytes(reversed_pdf)) == blocks(source)


# -- page furniture and marks -------------------------------------------------------------


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


def test_omitted_scene_keeps_its_number() -> None:
    source = sides()
    source["scenes"].insert(1, scene("OMITTED", number="12A"))
    result = import_bytes(pf.render(source, pf.layout(scene_numbers=True)))
    assert [(s.number, s.heading) for s in result.scenes][1] == ("12A", "OMITTED")
    assert blocks(result) == blocks(source)


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


def test_dual_dialogue_in_two_columns_reads_left_then_right() -> None:
    source = script(
        scene(
            "INT. STAGE - NIGHT",
            dlg(
                "ANNA", "Stop right there, both of you, or I will scream the house down!", dual=True
            ),
            dlg(
                "BORIS",
                "(shouting)",
                "I will not stop for anyone, not ever, not for you!",
                dual=True,
            ),
            dlg("ANNA", "Fine."),
        )
    )
    close_columns = {"dual_left": (2.0, 1.5), "dual_right": (4.6, 4.3), "dual_chars": 26}
    for lay in (
        pf.FINAL_DRAFT,
        pf.layout(reverse_stream=True, line_numbers=True),
        pf.SCREENPLAIN,
        pf.layout(**close_columns),
    ):
        result = import_bytes(pf.render(source, lay))
        assert blocks(result) == blocks(source)


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


def test_underline_and_fake_bold_do_not_leak_into_the_text() -> None:
    source = sides()
    result = import_bytes(pf.render(source, pf.layout(underline_cues=True, bold_headings=True)))
    assert "_" not in all_text(result)
    assert result.scenes[0].heading == "INT. KITCHEN - NIGHT"
    assert blocks(result) == blocks(source)


def test_mixed_case_cue_at_the_cue_indent_is_a_cue() -> None:
    source = sides()
    source["scenes"][1]["elements"].append(dlg("Han", "Is anybody home?", ext="O.S."))
    result = import_bytes(pf.render(source, pf.FINAL_DRAFT))
    assert list(result.dialogues())[-1].character == "HAN"


@pytest.mark.skipif(not pf.MONO_TTF.exists(), reason="DejaVu Sans Mono is not installed")
def test_embedded_font_with_accents_and_cyrillic() -> None:
    source = script(
        scene("INT. CAFÉ - DAY", dlg("JOSÉ", "¿Qué tal?"), dlg("МАША", "Привет, Хосе.")),
    )
    result = import_bytes(pf.render(source, pf.layout(font="DejaVuSansMono")))
    assert blocks(result) == blocks(source)


def test_line_ending_in_a_hyphen_joins_the_word() -> None:
    speech = "It is a well-known, old-fashioned, never-ending, much-loved story of ours."
    source = script(scene("INT. DEN - DAY", dlg("ANN", speech)))
    data = pf.render(source, pf.layout(hyphen_wrap=True, dialogue_chars=14))
    assert any(line.endswith("-") for line in pdf_text(data).splitlines())
    assert blocks(import_bytes(data)) == blocks(source)


def test_hyphenated_words_and_wrapped_speech_are_joined() -> None:
    assert join_lines(["a well-", "known fact"]) == "a well-known fact"
    assert join_lines(["I was--", "no."]) == "I was-- no."
    assert join_lines(["one ", " two"]) == "one two"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("MARY", True),
        ("MARY (V.O.)", True),
        ("McCABE", True),
        ("DR. JONES", True),
        ("R2D2", True),
        ("1984", False),
        ("STOP!", False),
        ("CUT TO:", False),
        ("Mary walks in.", False),
        ("(quietly)", False),
    ],
)
def test_cue_text(text: str, cue: bool) -> None:
    assert is_cue_text(text) is cue


@pytest.mark.parametrize(
    ("text", "token"),
    [("12", True), ("A12.", True), ("I-1-A", True), ("*", True), ("MARY", False), ("TEST2", False)],
)
def test_margin_tokens(text: str, token: bool) -> None:
    assert is_margin_token(text) is token


def test_paren_balance() -> None:
    assert paren_balance("(looking at") == (1, False)
    assert paren_balance("(beat) Then he left.") == (0, True)
    assert paren_balance("(beat)") == (0, False)


# -- not a screenplay, broken PDFs ---------------------------------------------------------


def test_pdf_that_is_not_a_screenplay_imports_with_a_warning() -> None:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    form = canvas.Canvas(out)
    form.setFont("Helvetica", 9)
    for row in range(30):
        form.drawString(50, 780 - 24 * row, f"Line {row + 1}: Total income from all sources")
        form.drawString(420, 780 - 24 * row, f"{row * 1234.5:,.2f}")
    form.showPage()
    form.save()
    result = import_bytes(out.getvalue())
    assert NO_DIALOGUE_WARNING in result.warnings
    assert "Total income" in all_text(result)


def test_password_protected_pdf_says_so() -> None:
    with pytest.raises(ScriptImportError, match="password-protected"):
        import_bytes(pf.encrypted_pdf(sides()))


def test_pdf_with_only_an_owner_password_imports() -> None:
    source = sides()
    assert blocks(import_bytes(pf.encrypted_pdf(source, user_password=""))) == blocks(source)


def test_pdf_without_text_says_ocr_is_not_supported() -> None:
    with pytest.raises(ScriptImportError, match=r"no text layer.*OCR is not supported"):
        import_bytes(pf.drawing_only_pdf())


def test_pdf_whose_font_has_no_unicode_map_is_refused() -> None:
    with pytest.raises(ScriptImportError, match="no readable text layer"):
        import_bytes(pf.garbled_pdf())


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf_is_damaged(keep: float) -> None:
    data = pf.render(sides())
    with pytest.raises(ScriptImportError, match="damaged or truncated"):
        import_bytes(data[: int(len(data) * keep)])


def test_zero_pages_and_not_a_pdf() -> None:
    with pytest.raises(ScriptImportError, match="no pages"):
        import_bytes(pf.zero_page_pdf())
    with pytest.raises(ScriptImportError, match="not a PDF"):
        import_bytes(b"Just some text, not a PDF at all.")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 255), st.sampled_from(["set", "cut", "insert"])),
        min_size=1,
        max_size=8,
    )
)
def test_mutated_pdf_bytes_only_raise_the_import_error(
    edits: list[tuple[float, int, str]],
) -> None:
    data = bytearray(_FUZZ_SEED)
    for where, value, how in edits:
        at = int(where * (len(data) - 1))
        if how == "set":
            data[at] = value
        elif how == "cut":
            del data[at : at + value]
        else:
            data[at:at] = bytes([value]) * 3
    with contextlib.suppress(ScriptImportError):
        import_bytes(bytes(data))


_FUZZ_SEED = pf.render(
    script(scene("INT. ROOM - DAY", act("A chair."), dlg("ANN", "(sighs)", "Sit."))),
    pf.layout(scene_numbers=True),
)


# -- progress, cancelling, threads ------------------------------------------------------------


def test_progress_is_reported_per_page_and_ends_at_one() -> None:
    seen: list[float] = []
    data = pf.render(sides())
    pages = pdf_text_pages(data)
    import_bytes(data, seen.append)
    assert len(seen) >= pages
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def pdf_text_pages(data: bytes) -> int:
    return len(extract(data, lambda _: None).pages)


def test_cancel_from_the_progress_callback_stops_the_import() -> None:
    data = pf.render(sides())
    calls: list[float] = []

    def cancel(fraction: float) -> None:
        calls.append(fraction)
        if len(calls) == 2:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_bytes(data, cancel)
    assert len(calls) == 2
    # The engine lock and the document were released: the next import works.
    assert blocks(import_bytes(data)) == blocks(sides())


def test_imports_in_parallel_threads_are_correct() -> None:
    data = pf.render(sides(), pf.layout(watermark="X", scene_numbers=True))
    expected = blocks(sides())
    results: list[Any] = []

    def work() -> None:
        for _ in range(3):
            results.append(blocks(import_bytes(data)))

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 9
    assert all(r == expected for r in results)


@pytest.mark.slow
def test_feature_length_screenplay_imports_whole() -> None:
    # Speed is measured by benchmarks/bench_pdf.py --feature, not asserted here.
    source = sides()
    source["scenes"] = [
        scene(f"INT. ROOM {i} - DAY", *sides()["scenes"][i % 2]["elements"], number=str(i))
        for i in range(170)
    ]
    data = pf.render(source, pf.layout(scene_numbers=True, header="JANE 1/2/24"))
    pages = pdf_text_pages(data)
    assert pages >= 100
    result = import_bytes(data)
    assert blocks(result) == blocks(source)


# -- the shared corpus ---------------------------------------------------------------------


def test_corpus_pdfs_score_at_least_99_percent(corpus_dir: Path) -> None:
    files = corpus_files(corpus_dir, ".pdf")
    assert files
    matched = total = 0
    for path in files:
        score, result = score_file(corpus_dir, path)
        matched += score.matched
        total += score.total + score.extra
        assert score.matched >= 0.99 * (score.total + score.extra), diff_report(
            corpus_dir, path, result
        )
    assert matched / total >= 0.99


@pytest.mark.parametrize(
    "layout",
    [
        pf.layout(
            scene_numbers=True,
            header="JANE ACTOR 05/12/24",
            watermark="JANE ACTOR",
            line_numbers=True,
            revised=frozenset(range(0, 400, 9)),
        ),
        pf.layout(pf.CUE_AT_ACTION, writer_contd=True, faint_watermark="Jane Actor copy"),
        pf.layout(pf.A4_LAYOUT, reverse_stream=True, underline_cues=True),
    ],
    ids=["final-draft-marked-up", "cue-at-action", "a4-reversed"],
)
def test_corpus_screenplays_rendered_in_other_layouts(corpus_dir: Path, layout: pf.Layout) -> None:
    scorer = load_scorer(corpus_dir)
    for name in ("jumpcut/gumshoe.fdx", "jumpcut/extranormal.fdx", "nyousefi/Dialogue.fountain"):
        truth = json.loads((corpus_dir / "truth" / f"{name}.json").read_text("utf-8"))
        result = script_to_dict(import_bytes(pf.render(truth, layout)))
        matched, total, extra, *_ = scorer.compare(truth, result)
        assert matched >= 0.99 * (total + extra), name
