"""Deciding for a whole play text which cue-shaped lines are speakers."""

from __future__ import annotations

from rehearsal.script.play_speakers import find_speakers


def speakers(text: str, excluded: set[int] | None = None) -> dict[int, str]:
    lines = [line.strip() for line in text.split("\n")]
    indents = [len(line) - len(line.lstrip()) for line in text.split("\n")]
    found = find_speakers(lines, indents, set(), {}, excluded or set())
    return {index: cue.key for index, cue in found.items()}


def test_recurring_capital_names_and_a_once_only_speaker_among_them() -> None:
    text = "ANNA. One.\nBORIS. Two.\nANNA. Three.\nMESSENGER. News!\nBORIS. Four."
    assert speakers(text) == {0: "ANNA", 1: "BORIS", 2: "ANNA", 3: "MESSENGER", 4: "BORIS"}


def test_a_shouted_line_is_not_a_once_only_speaker() -> None:
    text = "ANNA. One.\nBORIS. Two.\nANNA. Three.\nSTOP IT. NOW.\nBORIS. Four."
    assert 3 not in speakers(text)


def test_colon_labels_need_to_recur() -> None:
    text = "Reminder: fast.\nJo: Ready?\nSam: Ready.\nJo: Go.\nSam: Gone.\nJo: Good."
    assert speakers(text) == {1: "JO", 2: "SAM", 3: "JO", 4: "SAM", 5: "JO"}


def test_title_case_cues_need_a_file_that_uses_them() -> None:
    # In a play of capital cues, "Tom." at the start of a speech line is an address.
    text = "ANNA. Listen,\nTom. Come here.\nBORIS. No.\nANNA. Tom. Please.\nBORIS. No.\nTom. Stop."
    assert set(speakers(text).values()) == {"ANNA", "BORIS"}


def test_excluded_lines_are_not_read() -> None:
    text = "ANNA: a nurse\nANNA: Hello.\nBORIS: Hi.\nANNA: Bye.\nBORIS: Bye."
    assert 0 not in speakers(text, excluded={0})


def test_a_list_of_names_is_not_a_run_of_cues() -> None:
    text = "ANNA\nBORIS\nCLARA\n\nANNA\nHello.\nBORIS\nHi.\nANNA\nBye."
    assert speakers(text) == {4: "ANNA", 6: "BORIS", 8: "ANNA"}
