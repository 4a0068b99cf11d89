"""Export names: the casting convention, a pattern of the actor's own, and safe file names."""

from __future__ import annotations

from datetime import date

import pytest

from rehearsal.tape.naming import DEFAULT_TEMPLATE, export_name, template_error

DAY = date(2026, 3, 14)


def _name(template: str = DEFAULT_TEMPLATE, **fields: str) -> str:
    values = {"name": "Jane Doe", "role": "Ophelia", "project": "Hamlet", **fields}
    return export_name(template, take=2, date=DAY, **values)


def test_the_usual_convention() -> None:
    assert _name() == "JaneDoe_Ophelia_Hamlet_Take2.mp4"


def test_the_default_is_the_one_settings_start_with() -> None:
    prefs = pytest.importorskip("rehearsal.ui.tape.tape_prefs")  # absent in the core-only run
    assert prefs.DEFAULT_NAME_TEMPLATE == DEFAULT_TEMPLATE


def test_a_pattern_of_the_actors_own() -> None:
    assert _name("{role} - {name} - {date} - T{take:02d}") == (
        "Ophelia - JaneDoe - 2026-03-14 - T02.mp4"
    )


def test_empty_fields_leave_no_doubled_separators() -> None:
    assert _name(project="", role="") == "JaneDoe_Take2.mp4"
    assert _name(name="", role="", project="") == "Take2.mp4"


def test_unsafe_characters_and_folders_are_removed() -> None:
    name = _name(name="../../etc/passwd", role='Lady "M"?', project="A:B|C*")
    assert name == "etcpasswd_LadyM_ABC_Take2.mp4"


def test_accents_stay_and_reserved_names_are_avoided() -> None:
    assert _name(name="Zoë Brontë") == "ZoëBrontë_Ophelia_Hamlet_Take2.mp4"
    assert export_name("{name}{take}", name="COM", role="", project="", take=1, date=DAY) == (
        "_COM1.mp4"
    )


def test_a_long_name_is_cut_on_a_character_boundary() -> None:
    name = _name(project="é" * 400)
    assert len(name.encode("utf-8")) <= 160
    name.encode("utf-8").decode("utf-8")


def test_an_invalid_pattern_falls_back_to_the_convention() -> None:
    assert _name("{nom}") == "JaneDoe_Ophelia_Hamlet_Take2.mp4"


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("{name", "unmatched brace"),
        ("{nom}_{take}", "{nom}"),
        ("{name!r}_{take}", "{name}"),
        ("{name:>10}_{take}", "{name:>10}"),
        ("{take:zz}", "{take:zz}"),
        ("{name}_{role}", "every take gets the same name"),
        ("{}", "{}"),
    ],
)
def test_pattern_errors_say_what_is_wrong(template: str, words: str) -> None:
    error = template_error(template)
    assert error is not None
    assert words in error


@pytest.mark.parametrize("template", [DEFAULT_TEMPLATE, "{date}_{name}", "{name}_T{take:03d}"])
def test_good_patterns_pass(template: str) -> None:
    assert template_error(template) is None
