"""Line hiding levels: how much of the actor's own lines the screen shows."""

from __future__ import annotations

import pytest

from rehearsal.engine.hiding import HIDDEN, HideLevel, LineHider, first_letters, hide_text
from rehearsal.engine.lines import build_lines
from rehearsal.script.model import PartKind
from tests.engine.builders import dlg, kitchen, scene, script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don't go, Mary!", "D g, M!"),
        ("Well... twenty-one?", "W... t-o?"),
        ("Élodie said “no”.", "É s “n”."),
        ("I never (beat) said that.", "I n (beat) s t."),
        ("", ""),
    ],
)
def test_first_letters_keep_punctuation_and_marks(text: str, expected: str) -> None:
    assert first_letters(text) == expected


def test_levels_on_one_text() -> None:
    text = "Out where, John? Tell me."
    assert hide_text(text, HideLevel.FULL) == text
    assert hide_text(text, HideLevel.FIRST_WORDS, 2) == f"Out where, {HIDDEN}"
    assert hide_text(text, HideLevel.FIRST_WORDS, 9) == text
    assert hide_text(text, HideLevel.CUE_ONLY) == HIDDEN


def test_first_words_count_across_parts_and_keep_parentheticals() -> None:
    line = build_lines(
        script(scene(dlg("MARY", "I called you.", "(turns away)", "Six times."))), "MARY"
    )[0]
    hider = LineHider(HideLevel.FIRST_WORDS, words=2)
    assert [p.text for p in hider.parts(line)] == [f"I called {HIDDEN}", "(turns away)", HIDDEN]
    assert hider.text(line) == f"I called {HIDDEN} {HIDDEN}"


def test_partner_lines_are_always_shown_in_full() -> None:
    lines = build_lines(kitchen(), "MARY")
    hider = LineHider(HideLevel.CUE_ONLY)
    assert hider.text(lines[1]) == "Out."
    assert hider.text(lines[0]) == HIDDEN


def test_per_line_override_and_reveal() -> None:
    lines = build_lines(kitchen(), "MARY")
    own = lines[4]
    hider = LineHider(HideLevel.CUE_ONLY)
    hider.set_override(own.id, HideLevel.FIRST_LETTERS)
    assert hider.level_for(own) is HideLevel.FIRST_LETTERS
    assert hider.level_for(lines[0]) is HideLevel.CUE_ONLY
    parts = hider.parts(own)
    assert (parts[0].kind, parts[0].text) == (PartKind.PARENTHETICAL, "(quietly)")
    assert parts[1].text == "I c y s t."
    assert hider.toggle_reveal(own.id) is True
    assert hider.text(own) == "I called you six times."
    assert hider.toggle_reveal(own.id) is False
    hider.reveal(own.id)
    hider.clear_reveals()
    assert hider.level_for(own) is HideLevel.FIRST_LETTERS
    hider.set_override(own.id, None)
    assert hider.level_for(own) is HideLevel.CUE_ONLY


def test_session_level_changes_apply_to_every_own_line() -> None:
    lines = build_lines(kitchen(), "MARY")
    hider = LineHider()
    assert hider.text(lines[0]) == "Where were you?"
    hider.level = HideLevel.FIRST_LETTERS
    assert [hider.text(line) for line in lines if line.own] == [
        "W w y?",
        "O w, J?",
        "I c y s t.",
        "H w?",
    ]


def test_first_words_needs_a_word() -> None:
    with pytest.raises(ValueError, match="at least 1 word"):
        LineHider(HideLevel.FIRST_WORDS, words=0)


def test_action_lines_without_parts_are_shown_in_full() -> None:
    line = build_lines(kitchen(), "MARY", include_actions=True)[0]
    assert LineHider(HideLevel.CUE_ONLY).text(line) == line.text


def test_a_reveal_lasts_until_the_line_is_passed() -> None:
    lines = build_lines(kitchen(), "MARY")
    own = [line for line in lines if line.own]
    hider = LineHider(HideLevel.CUE_ONLY)
    hider.reveal(own[1].id)  # asked for on the partner's line just before it
    hider.conceal_passed(lines[1].id)
    assert hider.text(own[1]) == "Out where, John?"
    hider.conceal_passed(own[1].id)  # the run reaches the revealed line
    assert hider.text(own[1]) == "Out where, John?"
    following = lines[lines.index(own[1]) + 1]
    assert hider.conceal_passed(following.id) is True  # and leaves it
    assert hider.text(own[1]) == HIDDEN
    assert hider.conceal_passed(following.id) is False  # nothing left to hide


def test_going_back_keeps_the_reveal() -> None:
    lines = build_lines(kitchen(), "MARY")
    own = [line for line in lines if line.own]
    hider = LineHider(HideLevel.CUE_ONLY)
    hider.reveal(own[1].id)
    assert hider.conceal_passed(lines[0].id) is False  # the actor went back for the cue
    assert hider.text(own[1]) == "Out where, John?"
