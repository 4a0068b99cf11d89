"""PDF files as a whole: not a script, locked or broken, long, in threads, the corpus.

A PDF that is no screenplay imports with a warning; a password, a missing text layer, an
unreadable font, truncation or random damage each give one clear message and nothing else;
progress is reported per page and cancelling stops the import; imports run in parallel
threads; a feature-length script imports whole; and the shared corpus scores at least 99 %,
also when its scripts are rendered in other layouts. A PDF with one damaged page is in
``test_pdf_damage.py``.
"""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.import_pdf import NO_DIALOGUE_WARNING, import_bytes
from rehearsal.script.pdf_text import extract
from rehearsal.script.serialize import script_to_dict
from tests.corpus import corpus_files, diff_report, load_scorer, score_file
from tests.script import pdf_factory as pf
from tests.script.pdf_factory import act, dlg, scene, script
from tests.script.support.pdf import all_text, blocks, sides

# -- not a screenplay, broken PDFs ------------------------------------------------------------


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


_FUZZ_SEED = pf.render(
    script(scene("INT. ROOM - DAY", act("A chair."), dlg("ANN", "(sighs)", "Sit."))),
    pf.layout(scene_numbers=True),
)


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


# -- progress, cancelling, threads ------------------------------------------------------------


def pdf_text_pages(data: bytes) -> int:
    return len(extract(data, lambda _: None).pages)


def test_progress_is_reported_per_page_and_ends_at_one() -> None:
    seen: list[float] = []
    data = pf.render(sides())
    pages = pdf_text_pages(data)
    import_bytes(data, seen.append)
    assert len(seen) >= pages
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


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


# -- the shared corpus ------------------------------------------------------------------------


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
