"""Cue normalisation: one character per person, however the sides spell the cue."""

from __future__ import annotations

import pytest

from rehearsal.script.cues import collapse_whitespace, has_letter, is_contd, split_cue


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("MARY", ("MARY", None)),
        ("Mary", ("MARY", None)),
        ("MARY (CONT'D)", ("MARY", None)),
        ("MARY (CONT’D)", ("MARY", None)),
        ("MARY (CONTINUING)", ("MARY", None)),
        ("MARY (V.O.)", ("MARY", "V.O.")),
        ("MARY (V.O.) (CONT'D)", ("MARY", "V.O.")),
        ("MARY (CONT'D) (O.S.)", ("MARY", "O.S.")),
        ("  DR.  JONES  (ON PHONE) ", ("DR. JONES", "ON PHONE")),
        ("JOSÉ", ("JOSÉ", None)),
        ("маша", ("МАША", None)),
        ("O'MALLEY", ("O'MALLEY", None)),
        ("R2D2", ("R2D2", None)),
        ("McCABE (O.C.)", ("MCCABE", "O.C.")),
        ("BOB (V.O", ("BOB", None)),
        ("ジョン（V.O.）", ("ジョン", "V.O.")),
        ("约翰 （O.S.）（CONT'D）", ("约翰", "O.S.")),
        ("김철수（V.O.", ("김철수", None)),
    ],
)
def test_split_cue(raw: str, expected: tuple[str, str | None]) -> None:
    assert split_cue(raw) == expected


def test_contd_spellings() -> None:
    assert all(is_contd(s) for s in ["CONT'D", "cont'd", "CONT’D", "CONTD", "CONTINUING"])
    assert not is_contd("V.O.")


def test_a_cue_needs_a_letter() -> None:
    assert has_letter("R2D2")
    assert not has_letter("1984")


def test_collapse_whitespace_joins_soft_wraps() -> None:
    assert collapse_whitespace("  one\n  two\t three ") == "one two three"
