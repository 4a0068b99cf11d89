"""The voice list: what the real engine offers, ids it accepts, and the `rehearsal voices` table."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from rehearsal.speech.voices import (
    Gender,
    VariantInfo,
    VoiceCatalog,
    VoiceInfo,
    format_voice_table,
    load_catalog,
    mbrola_voice_installed,
    split_voice_id,
    voices_from_engine,
)
from tests.speech.wav_tools import needs_espeak


@needs_espeak
def test_the_engine_offers_english_voices_and_gendered_variants(catalog: VoiceCatalog) -> None:
    ids = {v.id for v in catalog.voices}
    assert {"gmw/en", "gmw/en-us"} <= ids
    assert len(ids) == len(catalog.voices)
    assert len(catalog.voices) > 50
    variants = {v.id: v.gender for v in catalog.variants}
    assert variants["f3"] is Gender.FEMALE
    assert variants["m3"] is Gender.MALE
    if shutil.which("mbrola") is None:
        assert not [i for i in ids if i.rsplit("/", 1)[-1].startswith("mb-")]


@needs_espeak
def test_load_catalog_without_an_engine_starts_one(catalog: VoiceCatalog) -> None:
    assert load_catalog() == catalog


@needs_espeak
def test_voice_ids_are_checked_and_spelt_as_the_engine_lists_them(catalog: VoiceCatalog) -> None:
    assert catalog.check("gmw/en-us") is None
    assert catalog.check("gmw/en-us+f3") is None
    assert "unknown voice 'xx/none'" in (catalog.check("xx/none") or "")
    assert "unknown voice variant 'nope'" in (catalog.check("gmw/en-us+nope") or "")
    assert catalog.canonical("GMW/EN-US+alex") == "gmw/en-us+Alex"
    with pytest.raises(ValueError, match="unknown voice"):
        catalog.canonical("xx/none")
    assert catalog.gender_of("gmw/en-us+f3") is Gender.FEMALE
    assert catalog.gender_of("gmw/en-us+m3") is Gender.MALE


@needs_espeak
def test_language_match_puts_the_general_accents_first(catalog: VoiceCatalog) -> None:
    english = catalog.for_language("en")
    assert english
    assert all(v.language.startswith("en") for v in english)
    assert {v.id for v in english[:2]} == {"gmw/en", "gmw/en-us"}
    assert catalog.for_language("en-US")[0].id == "gmw/en-us"
    assert catalog.for_language("xx") == []


@needs_espeak
def test_the_voice_table_lists_every_voice_and_variant(catalog: VoiceCatalog) -> None:
    table = format_voice_table(catalog)
    lines = table.splitlines()
    assert lines[0] == f"Voices ({len(catalog.voices)}):"
    assert lines[1].split() == ["ID", "LANGUAGE", "GENDER", "NAME"]
    assert any(line.split()[:2] == ["gmw/en-us", "en-us"] for line in lines)
    assert f"Variants ({len(catalog.variants)}): add one to a voice id" in table
    assert any(line.split()[:2] == ["f3", "female"] for line in lines)
    assert len(lines) == len(catalog.voices) + len(catalog.variants) + 5
    # The installed list starts with the same system voices; Flite's and Festival's follow.
    assert format_voice_table().startswith(table)


def test_the_voice_table_lists_clearer_voices_best_first() -> None:
    catalog = VoiceCatalog(
        (
            VoiceInfo("x/one", "One", "xx", None),
            VoiceInfo("flite:kal", "Flite KAL", "en-us", Gender.MALE, backend="flite"),
            VoiceInfo("flite:slt", "Flite SLT", "en-us", Gender.FEMALE, backend="flite"),
        ),
        scores=(("flite:slt", 0.84), ("flite:kal", 0.65)),
    )
    assert format_voice_table(catalog).splitlines()[3:] == [
        "",
        "Clearer voices (2), best first (clarity: measured word accuracy):",
        "  ID         LANGUAGE  GENDER  CLARITY  NAME",
        "  flite:slt  en-us     female  0.84     Flite SLT",
        "  flite:kal  en-us     male    0.65     Flite KAL",
    ]


def test_the_voice_table_without_variants() -> None:
    catalog = VoiceCatalog((VoiceInfo("x/one", "One", "xx", None),))
    assert format_voice_table(catalog).splitlines() == [
        "Voices (1):",
        "  ID     LANGUAGE  GENDER  NAME",
        "  x/one  xx        -       One",
    ]


def test_split_voice_id() -> None:
    assert split_voice_id("gmw/en-us+f3") == ("gmw/en-us", "f3")
    assert split_voice_id("gmw/en-us") == ("gmw/en-us", None)


def test_mbrola_voices_are_dropped_unless_mbrola_can_speak_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    listed = [
        SimpleNamespace(id="gmw/en-us", name="English", languages=["en-us"], gender="Male"),
        SimpleNamespace(id="mb/mb-en1", name="en1", languages=["en"], gender="Female"),
        SimpleNamespace(id="gmw/en-us", name="duplicate", languages=["en-us"], gender=None),
    ]
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert [v.id for v in voices_from_engine(listed)] == ["gmw/en-us"]
    assert not mbrola_voice_installed("mb-en1", [tmp_path])

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/mbrola")
    assert not mbrola_voice_installed("mb-en1", [tmp_path])  # program, but no database
    (tmp_path / "en1").mkdir()
    assert mbrola_voice_installed("mb/mb-en1", [tmp_path])


def test_catalog_without_variant_lookups() -> None:
    catalog = VoiceCatalog(
        (VoiceInfo("a/x", "X", "xx", Gender.MALE),), (VariantInfo("f1", "F", Gender.FEMALE),)
    )
    assert catalog.variant("a/x") is None
    assert catalog.gender_of("a/x") is Gender.MALE
    assert catalog.gender_of("a/x+F1") is Gender.FEMALE
    assert catalog.gender_of("b/y") is None
