"""A script's language, guessed from its words, to pick the speech model to listen with.

Scripts carry no language tag, and the actor should not have to set one: the share of a
language's commonest short words among a script's words tells English from French,
German, Spanish, Italian or Portuguese reliably after a page or so. A script too short to
tell is taken as English, the language recognised out of the box.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_COMMON = {
    "en": "the and you to of a is it that i not what in me my this be have are was we do",
    "fr": "le la les et de des un une est je tu vous pas que qui il elle ne ce dans pour",
    "de": "der die das und ich du nicht ist ein eine zu mit sie er es wir was den dem",
    "es": "el la los las y de que no es un una yo tu por con para lo se qué está",
    "it": "il la che di e non un una è io tu per con sono mi ti lo gli ma cosa",
    "pt": "o a os as e de que não é um uma eu você por com para se do da está",
}
_WORDS = {tag: set(words.split()) for tag, words in _COMMON.items()}
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MIN_WORDS = 40


def guess_language(texts: Iterable[str]) -> str:
    """The language tag ("en", "fr"…) whose common words the texts use most."""
    counts = dict.fromkeys(_WORDS, 0)
    total = 0
    for text in texts:
        for token in _TOKEN.findall(text.lower()):
            total += 1
            for tag, words in _WORDS.items():
                if token in words:
                    counts[tag] += 1
    if total < MIN_WORDS:
        return "en"
    best = max(counts, key=lambda tag: (counts[tag], tag == "en"))
    return best if counts[best] > 0 else "en"
