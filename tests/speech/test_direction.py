"""Direction: parentheticals to delivery, beats to silence, respelt names; all plain data."""

from __future__ import annotations

import json

import pytest

from rehearsal.script.model import Part, PartKind
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import (
    DEFAULT_TABLE,
    NEUTRAL,
    Delivery,
    DirectionTable,
    Pause,
    Pronunciations,
    Utterance,
    plan_line,
    plan_text,
    plan_words,
)

VOICE = VoiceSettings("gmw/en-us+f3", rate=180, pitch=50, volume=0.8)


def paren(text: str) -> Part:
    return Part(PartKind.PARENTHETICAL, text)


def speech(text: str) -> Part:
    return Part(PartKind.SPEECH, text)


@pytest.mark.parametrize("word", ["(whispers)", "(whispering)", "(Whispered)", "(whisper)"])
def test_whispering_is_softer_in_every_inflection(word: str) -> None:
    delivery = DEFAULT_TABLE.delivery_for(word)
    assert delivery.volume < 0.5
    assert delivery.apply(VOICE).volume < VOICE.volume


@pytest.mark.parametrize("word", ["(shouting)", "(shouts)", "(yelling at him)", "(LOUDLY)"])
def test_shouting_is_louder_and_faster(word: str) -> None:
    applied = DEFAULT_TABLE.delivery_for(word).apply(VOICE)
    assert applied.volume > VOICE.volume
    assert applied.rate > VOICE.rate
    assert applied.pitch > VOICE.pitch


def test_unknown_and_partial_words_are_neutral() -> None:
    assert DEFAULT_TABLE.delivery_for("(to Anna)") == NEUTRAL
    assert DEFAULT_TABLE.delivery_for("(into the phone)") == NEUTRAL
    assert DEFAULT_TABLE.delivery_for("(the whisperer)") == NEUTRAL  # not an inflection
    assert NEUTRAL.apply(VOICE) is VOICE


def test_several_words_combine() -> None:
    both = DEFAULT_TABLE.delivery_for("(whispering, quickly)")
    whisper = DEFAULT_TABLE.delivery_for("(whispering)")
    assert both.volume == pytest.approx(whisper.volume)
    assert both.rate == pytest.approx(whisper.rate * 1.25)
    assert DEFAULT_TABLE.delivery_for("(under her breath)").volume < 1
    assert DEFAULT_TABLE.delivery_for("(breath)") == NEUTRAL  # a phrase matches whole


@pytest.mark.parametrize(
    ("direction", "seconds", "rest"),
    [
        ("(beat)", 1.0, ""),
        ("(a beat)", 1.0, ""),
        ("(two beats)", 2.0, ""),
        ("(pause)", 2.0, ""),
        ("(a long pause)", 3.0, ""),
        ("(short pause)", 1.0, ""),
        ("(silence)", 3.0, ""),
        ("(beat, then softly)", 1.0, "then softly"),
    ],
)
def test_beats_and_pauses(direction: str, seconds: float, rest: str) -> None:
    found = DEFAULT_TABLE.pause_for(direction)
    assert found is not None
    assert found[0] == pytest.approx(seconds)
    assert found[1] == rest


def test_non_pauses() -> None:
    assert DEFAULT_TABLE.pause_for("(beaten)") is None
    assert DEFAULT_TABLE.pause_for("(to the pause button)") is None


def test_a_parenthetical_governs_the_speech_after_it() -> None:
    plan = plan_line(
        [speech("Come here."), paren("(whispers)"), speech("They can hear us."), speech("Go.")],
        VOICE,
    )
    whisper = DEFAULT_TABLE.delivery_for("(whispers)").apply(VOICE)
    assert plan == (Utterance("Come here.", VOICE), Utterance("They can hear us. Go.", whisper))


def test_beats_become_pauses_inside_and_between_parts() -> None:
    plan = plan_line(
        [paren("(beat)"), speech("I never (pause) said that."), paren("(long pause)")], VOICE
    )
    assert plan == (
        Pause(1.0),
        Utterance("I never", VOICE),
        Pause(2.0),
        Utterance("said that.", VOICE),
        Pause(3.0),
    )
    assert plan_words(plan) == "I never said that."
    no_pauses = plan_line(
        [paren("(beat)"), speech("I never (pause) said that.")], VOICE, pauses=False
    )
    assert no_pauses == (Utterance("I never said that.", VOICE),)


def test_a_beat_with_direction_after_it() -> None:
    plan = plan_line([paren("(beat, then shouting)"), speech("Out!")], VOICE)
    assert plan[0] == Pause(1.0)
    assert isinstance(plan[1], Utterance)
    assert plan[1].settings.volume > VOICE.volume


def test_parentheticals_are_read_only_when_asked() -> None:
    parts = [paren("(to Anna, quietly)"), speech("Sit down."), paren("(beat)")]
    assert plan_words(plan_line(parts, VOICE)) == "Sit down."
    narrator = VoiceSettings("gmw/en-gb-x-rp", rate=200)
    read = plan_line(parts, VOICE, read_parentheticals=True, narrator=narrator)
    assert read[0] == Utterance("to Anna, quietly", narrator)
    assert isinstance(read[1], Utterance)
    assert read[1].text == "Sit down."
    assert read[1].settings.volume < VOICE.volume
    assert read[2] == Pause(1.0)  # a beat is silence, never read


def test_nothing_to_say() -> None:
    assert plan_line([paren("(nods)")], VOICE) == ()
    assert plan_line([speech("...  --")], VOICE) == ()
    assert plan_line([paren("(beat)")], VOICE) == (Pause(1.0),)


def test_pronunciations_respell_whole_words_in_any_case() -> None:
    words = Pronunciations({"Siobhan": "Shiv-awn", "New York": "Noo Yawk", "Sio": "See-oh"})
    assert words.apply("SIOBHAN met Sio in new   york.") == "Shiv-awn met See-oh in Noo Yawk."
    assert words.apply("Siobhan's coat") == "Shiv-awn's coat"
    assert words.apply("Siobhanne") == "Siobhanne"
    plan = plan_text("Siobhan, wait.", VOICE, pronunciations=words)
    assert plan == (Utterance("Shiv-awn, wait.", VOICE),)
    words.remove("siobhan")
    assert words.apply("Siobhan") == "Siobhan"
    assert Pronunciations(words.to_dict()) == words
    assert len(words) == 2


def test_pronunciation_entries_must_have_letters() -> None:
    with pytest.raises(ValueError, match="needs a word"):
        Pronunciations({"  ": "x"})
    with pytest.raises(ValueError, match="must have letters"):
        Pronunciations({"Siobhan": "--"})


def test_the_table_is_editable_and_round_trips_through_json() -> None:
    edited = DirectionTable.from_dict(
        json.loads(json.dumps(DEFAULT_TABLE.to_dict()))
        | {"beat_seconds": 0.5}
        | {"deliveries": {"drunk": {"rate": 0.7, "pitch": -10}}}
    )
    assert edited.beat_seconds == 0.5
    assert edited.delivery_for("(drunk)") == Delivery(rate=0.7, pitch=-10)
    assert edited.delivery_for("(whispers)") == NEUTRAL
    assert DirectionTable.from_dict(DEFAULT_TABLE.to_dict()) == DEFAULT_TABLE
    plan = plan_line([paren("(drunk)"), speech("Hic."), paren("(beat)")], VOICE, table=edited)
    assert plan == (
        Utterance("Hic.", VOICE.adjusted(rate_factor=0.7, pitch_offset=-10)),
        Pause(0.5),
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"deliveries": {"x": {"rate": 0}}}, "the rule for 'x'"),
        ({"deliveries": {"x": {"pitch": 1.5}}}, "pitch must be a whole number"),
        ({"deliveries": {"x": 3}}, "must be an object"),
        ({"deliveries": []}, "deliveries must be an object"),
        ({"beat_seconds": -1}, "beat_seconds must be a number of at least 0"),
        ({"deliveries": {" ": {}}}, "needs a word"),
    ],
)
def test_bad_tables_name_the_problem(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DirectionTable.from_dict(data)


def test_plans_are_hashable_keys() -> None:
    first = plan_line([paren("(beat)"), speech("Hello.")], VOICE)
    again = plan_line([paren("(beat)"), speech("Hello.")], VOICE)
    assert {first: 1}[again] == 1
