"""Finding a speech model for the script's language; pronouncing unknown names."""

from __future__ import annotations

from pathlib import Path

from rehearsal.listen.models import bundled_model_root, find_model, language_support
from rehearsal.listen.pronounce import PronunciationDictionary, letter_to_sound


def make_model(root: Path, tag: str) -> Path:
    """A model folder in the layout of the CMU Sphinx downloads (files need only exist)."""
    folder = root / tag
    acoustic = folder / tag
    acoustic.mkdir(parents=True)
    for name in ("mdef", "means", "variances", "transition_matrices", "feat.params"):
        (acoustic / name).write_text("x")
    (folder / f"{tag}.dict").write_text("bonjour b on j u r\n")
    (folder / f"{tag}.lm.bin").write_bytes(b"x")
    (folder / f"{tag}-phone.lm.bin").write_bytes(b"x")
    return folder


def test_the_wheel_model_serves_english_in_any_region() -> None:
    assert bundled_model_root() is not None
    for tag in ("en", "en-US", "en_GB"):
        model = find_model(tag)
        assert model is not None
        assert model.language == "en-us"
        assert (model.acoustic / "mdef").is_file()
        assert model.dictionary.name == "cmudict-en-us.dict"
        assert model.language_model is not None
        assert "phone" not in model.language_model.name


def test_an_installed_model_is_used_when_the_language_matches(tmp_path: Path) -> None:
    make_model(tmp_path, "fr-fr")
    support = language_support("fr", [tmp_path])
    assert support.recognises_words
    assert support.message is None
    assert support.model is not None
    assert support.model.acoustic == tmp_path / "fr-fr" / "fr-fr"
    assert support.model.language_model == tmp_path / "fr-fr" / "fr-fr.lm.bin"


def test_a_region_match_is_preferred(tmp_path: Path) -> None:
    make_model(tmp_path, "es-es")
    make_model(tmp_path, "es-mx")
    model = find_model("es_MX", [tmp_path])
    assert model is not None
    assert model.language == "es-mx"


def test_other_languages_fall_back_to_the_voice_with_one_message(tmp_path: Path) -> None:
    (tmp_path / "de-de").mkdir()  # an incomplete model is no model
    support = language_support("de", [tmp_path, tmp_path / "missing"])
    assert not support.recognises_words
    assert support.message is not None
    assert "(de)" in support.message
    assert "voice only" in support.message


def test_names_missing_from_the_dictionary_get_a_pronunciation() -> None:
    model = find_model("en")
    assert model is not None
    dictionary = PronunciationDictionary(model.dictionary)
    assert "marcus" in dictionary
    phones, guessed = dictionary.pronunciations("okonkwo")
    assert guessed
    assert phones == ["AA K AA N K W AA"]
    assert dictionary.pronunciations("door") == (["D AO R"], False)
    text = dictionary.subset(["read", "okonkwo"])
    assert "read(2) " in text
    assert "okonkwo AA K AA N K W AA" in text


def test_letter_to_sound_follows_english_spelling() -> None:
    assert letter_to_sound("Jane") == "JH EY N"
    assert letter_to_sound("Cecily") == "S EH S IH L IY"
    assert letter_to_sound("Thackery") == "TH AE K ER IY"
    assert letter_to_sound("Brixton") == "B R IH K S T AA N"
    assert letter_to_sound("123") == ""
