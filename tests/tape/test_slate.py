"""The slate's card lines, its spoken words and what it still lacks."""

from __future__ import annotations

from rehearsal.tape.slate import SlateInfo


def test_a_full_slate() -> None:
    slate = SlateInfo("Jane Doe", "Ophelia", "Hamlet", agency="Stage Left", height="5'7\"")
    assert slate.card_lines() == [
        "Jane Doe",
        "Role: Ophelia",
        "Project: Hamlet",
        "Agency: Stage Left",
        "Height: 5'7\"",
    ]
    assert slate.spoken() == (
        "Hi, I'm Jane Doe. I'm with Stage Left. I'll be reading for the role of Ophelia in Hamlet."
    )
    assert slate.missing() == []


def test_empty_fields_are_left_out_and_named() -> None:
    slate = SlateInfo("  Jane   Doe ", "Ophelia", "")
    assert slate.card_lines() == ["Jane Doe", "Role: Ophelia"]
    assert slate.spoken() == "Hi, I'm Jane Doe. I'll be reading for the role of Ophelia."
    assert slate.missing() == ["project"]
    assert SlateInfo("", "", "").missing() == ["name", "role", "project"]
    assert SlateInfo("", "", "").spoken() == ""


def test_the_ui_translates_the_labels() -> None:
    calls: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        calls.append((context, text))
        return text.replace("Role", "Rôle")

    assert SlateInfo("Jeanne", "Ophélie", "")
    assert SlateInfo("Jeanne", "Ophélie", "").card_lines(translate) == ["Jeanne", "Rôle: Ophélie"]
    assert calls == [("Slate", "Role: {role}")]
