"""Pronunciations for words the dictionary lacks, so names in a script can be recognised.

The pocketsphinx 5 wheel ships the CMU dictionary (about 134 000 words) but no
grapheme-to-phoneme model, and nothing may be downloaded. Script words outside the
dictionary are mostly names ("Siobhan", "Okonkwo", "Marisol"), so this module spells them
with English letter-to-sound rules: the longest matching letter group wins ("tch" before
"ch" before "c"), with the usual context rules (a soft "c"/"g" before e/i/y, a silent final
"e", "y" as a vowel after a consonant). The result is not a linguist's transcription, but
the recogniser only needs it closer to what is said than any other word in the small
per-line vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

VOWELS = set("aeiouy")

# Letter groups, longest first within each start letter; ARPAbet phones without stress.
_GROUPS: dict[str, str] = {
    "tch": "CH",
    "sch": "S K",
    "igh": "AY",
    "ough": "AO",
    "augh": "AO",
    "eigh": "EY",
    "tion": "SH AH N",
    "sion": "ZH AH N",
    "ch": "CH",
    "sh": "SH",
    "th": "TH",
    "ph": "F",
    "wh": "W",
    "gh": "G",
    "ck": "K",
    "ng": "NG",
    "qu": "K W",
    "kn": "N",
    "wr": "R",
    "ee": "IY",
    "ea": "IY",
    "ie": "IY",
    "ei": "EY",
    "ai": "EY",
    "ay": "EY",
    "oa": "OW",
    "oe": "OW",
    "oo": "UW",
    "ou": "AW",
    "ow": "OW",
    "oi": "OY",
    "oy": "OY",
    "au": "AO",
    "aw": "AO",
    "ue": "UW",
    "ew": "UW",
    "ar": "AA R",
    "er": "ER",
    "ir": "ER",
    "ur": "ER",
    "or": "AO R",
}
_SINGLE: dict[str, str] = {
    "a": "AE",
    "b": "B",
    "c": "K",
    "d": "D",
    "e": "EH",
    "f": "F",
    "g": "G",
    "h": "HH",
    "i": "IH",
    "j": "JH",
    "k": "K",
    "l": "L",
    "m": "M",
    "n": "N",
    "o": "AA",
    "p": "P",
    "q": "K",
    "r": "R",
    "s": "S",
    "t": "T",
    "u": "AH",
    "v": "V",
    "w": "W",
    "x": "K S",
    "y": "Y",
    "z": "Z",
}
_LONGEST = max(len(g) for g in _GROUPS)


def letter_to_sound(word: str) -> str:
    """A pronunciation in the dictionary's phone set for ``word`` (letters only are used).

    Returns an empty string for a word without letters.
    """
    letters = "".join(c for c in word.lower() if "a" <= c <= "z")
    if len(letters) > 2 and letters.endswith("e") and letters[-2] not in VOWELS:
        letters = letters[:-1]  # silent final e: "marie" keeps it, "jane" drops it
        silent_e = True
    else:
        silent_e = False
    phones: list[str] = []
    i = 0
    while i < len(letters):
        for size in range(min(_LONGEST, len(letters) - i), 1, -1):
            group = letters[i : i + size]
            if group in _GROUPS:
                phones.extend(_GROUPS[group].split())
                i += size
                break
        else:
            letter = letters[i]
            following = letters[i + 1] if i + 1 < len(letters) else ""
            previous = letters[i - 1] if i else ""
            if letter == following and letter not in VOWELS:
                i += 1  # a double consonant is one sound
                continue
            if letter in "cg" and following in ("e", "i", "y"):
                phones.append("S" if letter == "c" else "JH")
            elif letter == "y" and previous and previous not in VOWELS:
                phones.append("IY" if i == len(letters) - 1 else "IH")
            elif letter in "aeiou" and silent_e and i == len(letters) - 2:
                phones.append({"a": "EY", "e": "IY", "i": "AY", "o": "OW", "u": "UW"}[letter])
            elif letter == "s" and previous in VOWELS and following in VOWELS and previous:
                phones.append("Z")
            else:
                phones.extend(_SINGLE[letter].split())
            i += 1
    return " ".join(phones)


class PronunciationDictionary:
    """The model's pronunciation dictionary, held in memory to cut per-line ones from.

    pocketsphinx builds its search over every word in the loaded dictionary, which takes
    about 3 s for the 134 000-word CMU dictionary on each new line; a dictionary of just the
    line's vocabulary (a few hundred words) loads in milliseconds. Reading the file once
    costs about 0.15 s.
    """

    def __init__(self, path: Path) -> None:
        self.entries: dict[str, list[str]] = {}
        with path.open(encoding="utf-8", errors="replace") as file:
            for raw in file:
                word, _, phones = raw.strip().partition(" ")
                if word and phones:
                    base = word.split("(")[0]
                    self.entries.setdefault(base, []).append(phones.split("#")[0].strip())

    def __contains__(self, word: str) -> bool:
        return word in self.entries

    def pronunciations(self, word: str) -> tuple[list[str], bool]:
        """The word's pronunciations and whether they are guessed by letter-to-sound."""
        known = self.entries.get(word)
        if known:
            return known, False
        guess = letter_to_sound(word)
        return ([guess] if guess else []), True

    def subset(self, words: Iterable[str]) -> str:
        """Dictionary text for just ``words`` (alternates numbered as pocketsphinx expects)."""
        lines = []
        for word in dict.fromkeys(words):
            for index, phones in enumerate(self.pronunciations(word)[0]):
                lines.append(f"{word}({index + 1}) {phones}" if index else f"{word} {phones}")
        return "\n".join(lines) + "\n"
