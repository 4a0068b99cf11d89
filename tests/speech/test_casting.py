"""Casting: one distinct voice per character, settings the store can keep as JSON."""

from __future__ import annotations

import itertools
import json
import math

import pytest

from rehearsal.speech.casting import (
    VoiceSettings,
    cast_characters,
    casting_from_dict,
    casting_to_dict,
    describe,
    preview_text,
)
from rehearsal.speech.voices import Gender, VoiceCatalog, VoiceInfo, split_voice_id
from tests.speech.wav_tools import needs_espeak

CHARACTERS = ["ANNA", "BEN", "CLARA", "DAN", "EVE", "FRANK"]


def test_settings_round_trip_through_json() -> None:
    settings = VoiceSettings("gmw/en-us+f3", rate=190, pitch=62, volume=0.8)
    data = json.loads(json.dumps(settings.to_dict()))
    assert VoiceSettings.from_dict(data) == settings
    assert VoiceSettings.from_dict({}) == VoiceSettings()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rate", 10, "rate must be between 80 and 450"),
        ("rate", True, "rate must be a number"),
        ("pitch", 120, "pitch must be between 0 and 99"),
        ("pitch", math.nan, "pitch must be between"),
        ("volume", 3.0, "volume must be between 0.0 and 1.5"),
        ("volume", "loud", "volume must be a number"),
        ("voice_id", "  ", "voice_id must be a non-empty string"),
    ],
)
def test_bad_settings_name_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        VoiceSettings.from_dict({field: value})


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown voice setting"):
        VoiceSettings.from_dict({"voice_id": "gmw/en", "speed": 3})
    with pytest.raises(ValueError, match="must be an object"):
        VoiceSettings.from_dict([1, 2])  # type: ignore[arg-type]


def test_adjusted_clamps_to_what_the_engine_takes() -> None:
    settings = VoiceSettings(rate=400, pitch=95, volume=1.2)
    louder = settings.adjusted(rate_factor=2.0, volume_factor=2.0, pitch_offset=20)
    assert (louder.rate, louder.pitch, louder.volume) == (450, 99, 1.5)
    softer = settings.adjusted(rate_factor=0.1, volume_factor=0.0, pitch_offset=-200)
    assert (softer.rate, softer.pitch, softer.volume) == (80, 0, 0.0)


def test_a_stored_casting_with_a_bad_row_keeps_the_good_ones() -> None:
    good = VoiceSettings("gmw/en-us+m3")
    data = casting_to_dict({"ANNA": good}) | {"BEN": {"rate": 5}, "CLARA": "nonsense"}
    casting, problems = casting_from_dict(json.loads(json.dumps(data)))
    assert casting == {"ANNA": good}
    assert len(problems) == 2
    assert problems[0].startswith("BEN: rate must be between")
    assert casting_from_dict([])[1] == ["casting must be an object, not list"]  # type: ignore[arg-type]


@needs_espeak
def test_every_character_gets_a_distinct_voice(catalog: VoiceCatalog) -> None:
    casting = cast_characters(CHARACTERS, catalog)
    assert list(casting) == CHARACTERS
    voice_ids = [s.voice_id for s in casting.values()]
    assert len(set(voice_ids)) == len(CHARACTERS)
    for voice_id in voice_ids:
        assert catalog.check(voice_id) is None
        assert catalog.voice(voice_id) in catalog.for_language("en")
    genders = [catalog.gender_of(v) for v in voice_ids]
    assert genders == [Gender.MALE, Gender.FEMALE] * 3
    for before, after in itertools.pairwise(voice_ids):
        assert split_voice_id(before)[0] != split_voice_id(after)[0]  # accent changes too
    assert cast_characters(CHARACTERS, catalog) == casting  # same cast every time


@needs_espeak
def test_gender_hints_and_existing_choices_are_respected(catalog: VoiceCatalog) -> None:
    kept = VoiceSettings("gmw/en-gb-x-rp+f2", rate=150)
    broken = VoiceSettings("gone/voice")
    casting = cast_characters(
        CHARACTERS,
        catalog,
        genders={"ANNA": Gender.FEMALE, "CLARA": Gender.FEMALE, "EVE": Gender.FEMALE},
        existing={"BEN": kept, "DAN": broken},
    )
    assert casting["BEN"] == kept
    assert casting["DAN"].voice_id != "gone/voice"
    for name in ("ANNA", "CLARA", "EVE"):
        assert catalog.gender_of(casting[name].voice_id) is Gender.FEMALE
    assert len({s.voice_id for s in casting.values()}) == len(CHARACTERS)


@needs_espeak
def test_a_huge_cast_still_gets_distinct_settings(catalog: VoiceCatalog) -> None:
    names = [f"EXTRA {n}" for n in range(150)]
    casting = cast_characters(names, catalog)
    assert len(set(casting.values())) == 150


def test_without_variants_the_language_voices_are_used() -> None:
    catalog = VoiceCatalog(
        (VoiceInfo("a/en-gb", "GB", "en-gb"), VoiceInfo("a/en-us", "US", "en-us")), ()
    )
    casting = cast_characters(["X", "Y", "Z"], catalog)
    assert [s.voice_id for s in casting.values()][:2] in (
        ["a/en-gb", "a/en-us"],
        ["a/en-us", "a/en-gb"],
    )
    assert len(set(casting.values())) == 3


def test_preview_and_description() -> None:
    assert (
        preview_text("  LADY MACBETH ") == "Hello, I'm Lady Macbeth. Shall we take it from the top?"
    )
    catalog = VoiceCatalog((VoiceInfo("gmw/en-us", "English (America)", "en-us"),))
    label = describe(VoiceSettings("gmw/en-us+f3", rate=180, volume=0.5), catalog)
    assert label == "English (America), f3 · 180 wpm · pitch 50 · volume 0.5"
