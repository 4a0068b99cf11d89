"""Turning a script line and a recogniser's output into comparable words.

Both sides go through the same normalisation so that "Don't!" in the script and "don't" from
the recogniser meet: lower case, punctuation gone, digits spelled out the way an actor says
them ("42" → "forty two"), hyphenated words split. Contractions are kept as written, because
the pronunciation dictionary knows them and an actor says them as such; the comparison
decides separately whether "do not" may stand for "don't".
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def word_list(text: str) -> tuple[str, ...]:
    """The words of a whitespace-separated list written as one string (easier to read)."""
    return tuple(text.split())


_ONES = word_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = word_list("_ _ twenty thirty forty fifty sixty seventy eighty ninety")

#: Words an actor may drop, add or swap without changing what the line says ("close").
MINOR_WORDS = frozenset(
    word_list(
        """a an the and but or so oh ah well just now then yes yeah um uh like really very
        of to in on at for with by from as is are was were be been am i'm it it's that this
        there here do does did even too also still okay ok hey"""
    )
)

#: Function words that carry no meaning of their own ("paraphrase" ignores them).
FUNCTION_WORDS = MINOR_WORDS | frozenset(
    word_list(
        """i me my mine we us our you your yours he him his she her hers they them their it its
    what which who whom whose this that these those am is are was were be being been have
    has had having do does did will would shall should can could may might must not
    if because until while about against between through during before after above below
    again further once all any both each few more most other some such only own same than
    s t don't can't won't isn't aren't wasn't weren't didn't doesn't haven't hasn't i'll
    you're we're they're i've you've i'd you'd he's she's let's that's what's there's"""
    )
)

#: Contractions and the words they stand for; "close" treats them as the same.
CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "ain't": ("is", "not"),
    "aren't": ("are", "not"),
    "can't": ("cannot",),
    "cannot": ("can", "not"),
    "couldn't": ("could", "not"),
    "didn't": ("did", "not"),
    "doesn't": ("does", "not"),
    "don't": ("do", "not"),
    "hadn't": ("had", "not"),
    "hasn't": ("has", "not"),
    "haven't": ("have", "not"),
    "isn't": ("is", "not"),
    "mustn't": ("must", "not"),
    "shouldn't": ("should", "not"),
    "wasn't": ("was", "not"),
    "weren't": ("were", "not"),
    "won't": ("will", "not"),
    "wouldn't": ("would", "not"),
    "i'm": ("i", "am"),
    "i'd": ("i", "would"),
    "i'll": ("i", "will"),
    "i've": ("i", "have"),
    "you're": ("you", "are"),
    "you'll": ("you", "will"),
    "you've": ("you", "have"),
    "you'd": ("you", "would"),
    "he's": ("he", "is"),
    "he'll": ("he", "will"),
    "he'd": ("he", "would"),
    "she's": ("she", "is"),
    "she'll": ("she", "will"),
    "she'd": ("she", "would"),
    "it's": ("it", "is"),
    "it'll": ("it", "will"),
    "we're": ("we", "are"),
    "we'll": ("we", "will"),
    "we've": ("we", "have"),
    "we'd": ("we", "would"),
    "they're": ("they", "are"),
    "they'll": ("they", "will"),
    "they've": ("they", "have"),
    "they'd": ("they", "would"),
    "that's": ("that", "is"),
    "there's": ("there", "is"),
    "what's": ("what", "is"),
    "who's": ("who", "is"),
    "where's": ("where", "is"),
    "let's": ("let", "us"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
}

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d+$")


def number_words(value: int) -> list[str]:
    """Say a whole number as words, up to the millions an actor might read out."""
    if value < 20:
        return [_ONES[value]]
    if value < 100:
        tens, ones = divmod(value, 10)
        return [_TENS[tens]] + ([_ONES[ones]] if ones else [])
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return [_ONES[hundreds], "hundred"] + (number_words(rest) if rest else [])
    if 1100 <= value < 2000 and value % 100:  # years: "nineteen eighty four"
        high, low = divmod(value, 100)
        return number_words(high) + (number_words(low) if low >= 10 else ["oh", _ONES[low]])
    for size, name in ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand")):
        if value >= size:
            high, rest = divmod(value, size)
            return number_words(high) + [name] + (number_words(rest) if rest else [])
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class Word:
    """One spoken word of a line and the written word it came from (for display)."""

    text: str
    source: int  # index of the written token in the line


def split_words(text: str) -> list[str]:
    """The written words of ``text`` as printed, punctuation removed ("Don't," → "Don't")."""
    return [m.group(0).replace("’", "'") for m in _TOKEN.finditer(text)]


def spoken_words(text: str) -> list[Word]:
    """The words an actor says for ``text``: lower case, numbers spelled out."""
    result: list[Word] = []
    for index, token in enumerate(split_words(text)):
        lower = token.lower()
        if _NUMBER.match(lower) and len(lower) <= 12:
            result.extend(Word(w, index) for w in number_words(int(lower)))
        else:
            result.append(Word(lower, index))
    return result


def normalise(text: str) -> list[str]:
    """Just the spoken words of ``text``."""
    return [w.text for w in spoken_words(text)]
