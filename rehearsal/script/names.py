"""When two character names are probably one person, and when they are not.

An import that reads a cue twice in different ways (``MARY``/``MARRY``, ``DR. SMITH``/
``DR SMITH``, ``MARY``/``MARY V.O.``) splits one role in two, and the actor picking a
role sees half their lines. But scripts are full of real pairs that look alike (``MAN``/
``MAN 2``, ``GUARD 1``/``GUARD 2``, ``BOB``/``ROB``, ``ANNA``/``ANNE``), and flagging those
would teach the actor to ignore the check. The rules, in order:

1. Names equal once punctuation, spacing, case and accents are ignored are the same name
   printed two ways (``DR. SMITH``/``DR SMITH``), as are names that differ only by an
   extension printed without brackets (``MARY V.O.``).
2. Names that differ only by a number (``GUARD 1``/``GUARD 2``, ``MAN``/``MAN 2``) are
   different people: that is how scripts number them.
3. Otherwise names of at least :data:`MIN_LENGTH` letters whose edit distance (a swap of
   two neighbouring letters counting once) is at most a fifth of the longer name look like
   a misspelling (``MARY``/``MARRY``, ``KATHERINE``/``KATHRINE``), but only when one of them
   is rare beside the other: two names that both speak often are two characters the writer
   named alike (``JANE``/``JANET``). Shorter names (``BOB``/``ROB``) differ by one letter
   far too often to say anything, and a nickname (``JOHN``/``JOHNNY``) is a deliberate
   second name, too far apart to flag.
"""

from __future__ import annotations

import enum
import re
import unicodedata

#: Names shorter than this (in letters and digits) are never compared by spelling.
MIN_LENGTH = 4
#: The most edits, as a share of the longer name, that still look like a misspelling.
MAX_EDIT_SHARE = 0.2

_EXTENSIONS = {"VO", "OS", "OC", "CONTD", "CONT", "OSV", "VOICE", "FILTERED", "ONPHONE"}
_NUMBER = re.compile(r"^#?\d+[A-Z]?$|^[IVX]+$")
_DIGITS = re.compile(r"\d+|\D+")
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*", re.UNICODE)


class Likeness(enum.Enum):
    """How two names relate."""

    DIFFERENT = "different"
    SAME_PRINTED_TWICE = "same"  # rule 1
    MISSPELT = "misspelt"  # rule 3


def key(name: str) -> str:
    """A name without accents, punctuation, spaces or case: what rule 1 compares."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if ch.isalnum()).casefold()


def tokens(name: str) -> list[str]:
    """The words of a name, upper-cased, without the dots of ``V.O.`` and ``DR.``.

    A number stuck to a word is a word of its own, so ``COP2`` numbers a ``COP``.
    """
    words = (key(t).upper() for t in _TOKEN.findall(name))
    return [part for word in words for part in _DIGITS.findall(word)]


def without_numbers(name: str) -> list[str]:
    """The words of a name that are not numbers (``GUARD 2`` is ``GUARD``)."""
    return [t for t in tokens(name) if not _NUMBER.match(t)]


def _without_extension(words: list[str]) -> list[str]:
    while len(words) > 1 and words[-1] in _EXTENSIONS:
        words = words[:-1]
    return words


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or ``limit + 1`` as soon as it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def likeness(a: str, b: str) -> Likeness:
    """Which rule of the module docstring, if any, says ``a`` and ``b`` are one person.

    The counts of speeches are left to the caller (rule 3's "one of them is rare").
    """
    if a == b:
        return Likeness.DIFFERENT
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return Likeness.DIFFERENT
    if ka == kb:
        return Likeness.SAME_PRINTED_TWICE
    wa, wb = tokens(a), tokens(b)
    if _without_extension(wa) == _without_extension(wb):
        return Likeness.SAME_PRINTED_TWICE
    if without_numbers(a) == without_numbers(b):
        return Likeness.DIFFERENT  # GUARD 1 / GUARD 2, MAN / MAN 2
    if any(_NUMBER.match(t) for t in wa + wb):
        return Likeness.DIFFERENT  # a number makes a different person on purpose
    longest = max(len(ka), len(kb))
    if min(len(ka), len(kb)) < MIN_LENGTH:
        return Likeness.DIFFERENT
    limit = int(longest * MAX_EDIT_SHARE)
    if limit and edit_distance(ka, kb, limit) <= limit:
        return Likeness.MISSPELT
    return Likeness.DIFFERENT
