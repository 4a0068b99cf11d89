"""The PDF importer on the layouts that writing programs export sides in.

Final Draft, Screenplain, cues at the action indent and A4 pages; content streams in any
order; dual dialogue in two columns; underlined cues and fake bold; accents and Cyrillic in
an embedded font; hyphens at line ends; and the small rules that read a line's shape (cue
text, margin tokens, open parentheses). The PDFs are made here (see
:mod:`tests.script.pdf_factory`) from scripts in the ``rehearsal parse --json`` shape, so
each test can compare what it imports with what went into the PDF.
"""

from __future__ import annotations

from typing import Any

import pytest

from rehearsal.script.import_pdf import import_bytes
from rehearsal.script.model import ElementKind, TextElement
from rehearsal.script.pdf_classify import join_lines, paren_balance
from rehearsal.script.pdf_layout import is_cue_text, is_margin_token
from tests.script import pdf_factory as pf
from tests.script.pdf_factory import dlg, scene, script
from tests.script.support.pdf import all_text, blocks, pdf_text, sides

# -- layouts ----------------------------------------------------------------------------------


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
    close_columns: dict[str, Any] = {
        "dual_left": (2.0, 1.5),
        "dual_right": (4.6, 4.3),
        "dual_chars": 26,
    }
    for lay in (
        pf.FINAL_DRAFT,
        pf.layout(reverse_stream=True, line_numbers=True),
        pf.SCREENPLAIN,
        pf.layout(**close_columns),
    ):
        result = import_bytes(pf.render(source, lay))
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


# -- the shape of a line ----------------------------------------------------------------------


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
