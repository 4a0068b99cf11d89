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
    clear_voices,
    describe,
    preview_text,
    sample_lines,
)
from rehearsal.speech.voices import (
    Gender,
    VariantInfo,
    VoiceCatalog,
    VoiceInfo,
    split_voice_id,
)
from tests.speech.wav_tools import needs_espeak

CLEAR_CATALOG = VoiceCatalog(
    voices=(
        VoiceInfo("gmw/en-us", "English (America)", "en-us", Gender.MALE),
        VoiceInfo("gmw/en", "English (Great Britain)", "en-gb", Gender.MALE),
        VoiceInfo("flite:kal", "Flite KAL", "en-us", Gender.MALE, backend="flite"),
        VoiceInfo("flite:rms", "Flite RMS", "en-us", Gender.MALE, backend="flite"),
        VoiceInfo("flite:slt", "Flite SLT", "en-us", Gender.FEMALE, backend="flite"),
        VoiceInfo("flite:new", "Flite new voice", "en-us", None, backend="flite"),
        VoiceInfo(
            "festival:cmu_us_slt_arctic_hts",
            "Festival SLT",
            "en-us",
            Gender.FEMALE,
            backend="festival",
        ),
    ),
    variants=(
        VariantInfo("f3", "female3", Gender.FEMALE),
        VariantInfo("m3", "male3", Gender.MALE),
    ),
    scores=(
        ("flite:kal", 0.65),
        ("flite:rms", 0.84),
        ("flite:slt", 0.78),
        ("festival:cmu_us_slt_arctic_hts", 0.80),
        ("gmw/en-us", 0.17),
    ),
)

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


def test_the_clearest_voices_are_cast_first_then_espeak_variants() -> None:
    assert clear_voices(CLEAR_CATALOG, "en", Gender.MALE) == [
        "flite:rms",  # 0.84
        "flite:kal",  # 0.65
        "flite:new",  # unmeasured, of no known gender: after the measured ones
    ]
    assert clear_voices(CLEAR_CATALOG, "en", Gender.FEMALE) == [
        "festival:cmu_us_slt_arctic_hts",
        "flite:slt",
        "flite:new",
    ]
    names = [f"C{n}" for n in range(8)]
    cast = cast_characters(names, CLEAR_CATALOG)
    voices = [cast[n].voice_id for n in names]
    # Alternating male/female: each side takes its clear voices best first.
    assert voices[:6] == [
        "flite:rms",
        "festival:cmu_us_slt_arctic_hts",
        "flite:kal",
        "flite:slt",
        "flite:new",
        "gmw/en-us+f3",  # flite:new is taken, so the next woman gets an eSpeak variant
    ]
    assert all("+" in v for v in voices[6:])  # then eSpeak voices with variants
    assert len(set(voices)) == len(voices)
    assert all(CLEAR_CATALOG.check(v) is None for v in voices)


def test_a_stored_espeak_voice_is_kept_when_clearer_ones_appear() -> None:
    kept = VoiceSettings("gmw/en-us+m3")
    cast = cast_characters(["A", "B"], CLEAR_CATALOG, existing={"A": kept})
    assert cast["A"] == kept
    assert cast["B"].voice_id == "flite:rms"  # the first uncast character


def test_preview_says_a_line_of_the_script() -> None:
    assert preview_text("ANNA", "Where were you last night?") == "Where were you last night?"
    assert preview_text("ANNA", "...") == "Hello, I'm Anna. Shall we take it from the top?"
    long = " ".join(["word"] * 60)
    assert preview_text("ANNA", long) == " ".join(["word"] * 40) + " …"
    lines = sample_lines(
        [
            ("ANNA", "No."),
            ("BOB", "I have been waiting here since the last train left."),
            ("ANNA", "Then you should have called me before you came."),
            ("ANNA", "And another thing I wanted to tell you about."),
            ("CAL", "Yes."),
        ]
    )
    assert lines == {
        "ANNA": "Then you should have called me before you came.",
        "BOB": "I have been waiting here since the last train left.",
        "CAL": "Yes.",
    }
