"""The script model: character order, line counts and the JSON round trip."""

from __future__ import annotations

from rehearsal.script.model import (
    Dialogue,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)
from rehearsal.script.serialize import script_from_dict, script_to_dict


def _speech(name: str, text: str, paren: str | None = None) -> Dialogue:
    parts = [Part(PartKind.PARENTHETICAL, paren)] if paren else []
    parts.append(Part(PartKind.SPEECH, text))
    return Dialogue(character=name, parts=parts)


def _script() -> Script:
    return Script(
        format=SourceFormat.FOUNTAIN,
        title="Test",
        scenes=[
            Scene(
                heading="INT. KITCHEN - NIGHT",
                number="1",
                elements=[
                    TextElement(ElementKind.ACTION, "Rain on the window."),
                    _speech("BOB", "You came back.", "(quietly)"),
                    _speech("ANNA", "I forgot my keys."),
                    _speech("BOB", "Liar."),
                ],
            ),
            Scene(elements=[TextElement(ElementKind.SECTION, "Act Two", level=1)]),
            Scene(elements=[_speech("CARL", "Anyone home?")]),
        ],
    )


def test_characters_are_in_order_of_first_speech() -> None:
    assert _script().characters == ["BOB", "ANNA", "CARL"]


def test_line_counts_count_dialogue_elements() -> None:
    counts = _script().line_counts()
    assert counts == {"BOB": 2, "ANNA": 1, "CARL": 1}


def test_speech_leaves_out_parentheticals() -> None:
    assert _speech("BOB", "Hello.", "(beat)").speech == "Hello."


def test_json_has_the_parse_format_shape() -> None:
    data = script_to_dict(_script())
    assert data["format"] == "fountain"
    assert data["characters"] == ["BOB", "ANNA", "CARL"]
    first = data["scenes"][0]
    assert first["heading"] == "INT. KITCHEN - NIGHT"
    assert first["number"] == "1"
    assert first["elements"][1] == {
        "type": "dialogue",
        "character": "BOB",
        "extension": None,
        "dual": False,
        "content": [
            {"type": "parenthetical", "text": "(quietly)"},
            {"type": "speech", "text": "You came back."},
        ],
    }
    assert data["scenes"][1]["elements"][0] == {"type": "section", "text": "Act Two", "level": 1}


def test_json_round_trip_keeps_everything_scored() -> None:
    script = _script()
    again = script_from_dict(script_to_dict(script))
    assert script_to_dict(again) == script_to_dict(script)
    assert again.scenes[1].elements[0] == TextElement(ElementKind.SECTION, "Act Two", 1)
