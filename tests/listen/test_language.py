"""Guessing a script's language for the speech model."""

from __future__ import annotations

from rehearsal.listen.language import guess_language
from rehearsal.listen.models import language_support

ENGLISH = "I told you already, Marcus, the keys are in the blue drawer by the door. " * 5
FRENCH = "Je ne sais pas ce que tu veux dire, elle est dans la cuisine avec les enfants. " * 5
GERMAN = "Ich weiß nicht, was du willst, sie ist mit dem Hund in der Küche und wir warten. " * 5


def test_the_commonest_words_tell_the_language() -> None:
    assert guess_language([ENGLISH]) == "en"
    assert guess_language([FRENCH]) == "fr"
    assert guess_language(GERMAN.split(". ")) == "de"


def test_too_few_words_are_taken_as_english() -> None:
    assert guess_language(["Hola."]) == "en"
    assert guess_language([]) == "en"


def test_a_french_script_without_a_model_listens_for_the_voice_only() -> None:
    support = language_support(guess_language([FRENCH]))
    assert not support.recognises_words
    assert support.message is not None
    assert "(fr)" in support.message
