"""What you said against what is written: word-level alignment and accuracy.

The heard words are aligned with the line by edit distance (Levenshtein over words,
preferring a match to any edit), which gives the three kinds of difference an actor cares
about: words *missed* (in the script, not said), *changed* (said something else in their
place) and *added* (said, not in the script). Accuracy is the share of the line's words said
in order — the matches of that alignment — so saying the words out of order costs.

Three strictness levels, because a Shakespeare text and a sitcom audition are held to
different standards:

- ``exact``: every word as written (case and punctuation aside).
- ``close``: minor words (articles, "oh", "well", "just"…) may be dropped, added or swapped;
  a contraction equals its expansion ("don't" = "do not"); digits equal their words.
- ``paraphrase``: only the meaning words count (function words are ignored and endings
  such as -s/-ed/-ing may differ), still in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from rehearsal.listen.words import (
    CONTRACTIONS,
    FUNCTION_WORDS,
    MINOR_WORDS,
    Word,
    split_words,
    spoken_words,
)

Status = Literal["ok", "missed", "changed", "prompted"]
"""``prompted``: said, but only after "Line?" revealed it, so it does not count as known."""


class Strictness(StrEnum):
    EXACT = "exact"
    CLOSE = "close"
    PARAPHRASE = "paraphrase"


@dataclass(frozen=True)
class WordResult:
    """One written word of the line and how it was said."""

    word: str
    status: Status
    heard: str | None = None  # what was said in its place, for ``changed``
    counted: bool = True  # False for words this strictness ignores


@dataclass(frozen=True)
class Comparison:
    words: tuple[WordResult, ...]
    added: tuple[str, ...]
    accuracy: float
    strictness: Strictness

    @property
    def reached_end(self) -> bool:
        """Whether the actor got to the end of the line (its last counted word was said).

        A last word said differently counts only when most of the line was there (70 %),
        so a wrong line, or a stretch of noise heard as words, whose last word happens to
        line up with the script's does not end it.
        """
        counted = [w for w in self.words if w.counted] or list(self.words)
        if not counted:
            return True
        last = counted[-1]
        return last.status == "ok" or (last.status == "changed" and self.accuracy >= 0.7)

    def differing(self) -> tuple[str, ...]:
        """The words said differently, in line order, as the history keeps them:
        ``-word`` missed, ``word>heard`` changed, ``?word`` prompted, then ``+word`` added."""
        marks = {"missed": "-{w}", "changed": "{w}>{h}", "prompted": "?{w}"}
        out = [
            marks[r.status].format(w=r.word, h=r.heard or "?")
            for r in self.words
            if r.counted and r.status != "ok"
        ]
        return (*out, *(f"+{w}" for w in self.added))

    def with_prompts(self, revealed: set[int]) -> Comparison:
        """This comparison with the written words at ``revealed`` (indexes) given by a
        prompt: said or not, they are not known, so they count against the accuracy."""
        if not revealed:
            return self
        words = tuple(
            WordResult(w.word, "prompted", None, w.counted) if i in revealed else w
            for i, w in enumerate(self.words)
        )
        considered = [w for w in words if w.counted] or list(words)
        accuracy = sum(w.status == "ok" for w in considered) / len(considered)
        return Comparison(words, self.added, accuracy, self.strictness)

    def said_up_to(self) -> int:
        """How many written words the actor has got through: one past the last said."""
        said = [i for i, w in enumerate(self.words) if w.status in ("ok", "changed")]
        return said[-1] + 1 if said else 0

    def to_dict(self) -> dict[str, object]:
        """The JSON shape used by ``rehearsal listen --json`` and the history."""
        return {
            "accuracy": round(self.accuracy, 3),
            "strictness": self.strictness.value,
            "words": [
                {"word": w.word, "status": w.status}
                | ({"heard": w.heard} if w.heard is not None else {})
                | ({} if w.counted else {"counted": False})
                for w in self.words
            ],
            "added": list(self.added),
        }


def _stem(word: str) -> str:
    """A crude stem, enough to let "houses" stand for "house" in a paraphrase."""
    word = _plain(word)
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _plain(word: str) -> str:
    """A word without apostrophes: recognisers write "its" for "it's", "dont" for "don't"."""
    return word.replace("'", "")


#: Contractions written without the apostrophe, as recognisers spell some of them; words
#: that are also ordinary words ("well", "were", "shed") are left alone.
_PLAIN_CONTRACTIONS = {
    _plain(k): v
    for k, v in CONTRACTIONS.items()
    if _plain(k)
    not in {"well", "were", "shell", "hell", "wed", "ill", "id", "hed", "shed", "cannot"}
}


def _expand(words: Sequence[Word]) -> list[Word]:
    out: list[Word] = []
    for w in words:
        parts = CONTRACTIONS.get(w.text) or _PLAIN_CONTRACTIONS.get(w.text, (w.text,))
        out.extend(Word(part, w.source) for part in parts)
    return out


def _unlike(a: str, b: str) -> int:
    """0 when two different words start alike ("drawer"/"door"), else 1: a tie-breaker."""
    return 0 if a[:1] == b[:1] else 1


def _align(script: Sequence[str], heard: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Pairs (script index, heard index) of a minimal word edit path; None marks a gap.

    Among paths with the fewest edits the one with the most matches wins, so "old houses
    well" against "the old house" keeps "old" matched instead of shifting every word; after
    that, a substitution pairs words that start alike ("drawer" said as "door").
    """
    n, m = len(script), len(heard)
    # cost[i][j] = (edits, -matches, unlike pairs) for script[:i] against heard[:j]
    cost = [[(0, 0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = (i, 0, 0)
    for j in range(1, m + 1):
        cost[0][j] = (j, 0, 0)

    def diagonal(i: int, j: int) -> tuple[int, int, int]:
        e, k, u = cost[i - 1][j - 1]
        if script[i - 1] == heard[j - 1]:
            return (e, k - 1, u)
        return (e + 1, k, u + _unlike(script[i - 1], heard[j - 1]))

    for i in range(1, n + 1):
        for j in range(1, m + 1):
            up, left = cost[i - 1][j], cost[i][j - 1]
            cost[i][j] = min(
                diagonal(i, j), (up[0] + 1, up[1], up[2]), (left[0] + 1, left[1], left[2])
            )
    path: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == diagonal(i, j):
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == (cost[i - 1][j][0] + 1, *cost[i - 1][j][1:]):
            path.append((i - 1, None))
            i -= 1
        else:
            path.append((None, j - 1))
            j -= 1
    path.reverse()
    return path


def compare(line: str, heard: Sequence[str] | str, strictness: Strictness | str) -> Comparison:
    """Compare the words heard with the written ``line`` at the given strictness."""
    strictness = Strictness(strictness)
    written = split_words(line)
    script = spoken_words(line)
    heard_words = spoken_words(heard if isinstance(heard, str) else " ".join(heard))
    if strictness is not Strictness.EXACT:
        script, heard_words = _expand(script), _expand(heard_words)
    keys: dict[Strictness, Callable[[str], str]] = {
        Strictness.EXACT: str,
        Strictness.CLOSE: _plain,
        Strictness.PARAPHRASE: _stem,
    }
    key = keys[strictness]
    path = _align([key(w.text) for w in script], [key(w.text) for w in heard_words])

    ignored = MINOR_WORDS if strictness is Strictness.CLOSE else FUNCTION_WORDS
    per_source: dict[int, list[str | None]] = {}  # heard word per script token (None: missed)
    statuses: dict[int, list[Status]] = {}
    added: list[str] = []
    for s, h in path:
        if s is None:
            assert h is not None
            word = heard_words[h].text
            if strictness is Strictness.EXACT or word not in ignored:
                added.append(word)
            continue
        source = script[s].source
        if h is None:
            status: Status = "missed"
        elif key(script[s].text) == key(heard_words[h].text):
            status = "ok"
        else:
            status = "changed"
        statuses.setdefault(source, []).append(status)
        per_source.setdefault(source, []).append(None if h is None else heard_words[h].text)

    results: list[WordResult] = []
    for index, text in enumerate(written):
        parts = statuses.get(index, ["ok"])
        lower = text.lower()
        minor = all(t.text in ignored for t in script if t.source == index)
        counted = strictness is Strictness.EXACT or not minor
        if all(p == "ok" for p in parts):
            status = "ok"
        elif all(p == "missed" for p in parts):
            status = "missed"
        else:
            status = "changed"
        heard_here = " ".join(h for h in per_source.get(index, []) if h is not None)
        results.append(
            WordResult(
                word=text,
                status=status,
                heard=heard_here if status == "changed" and heard_here != lower else None,
                counted=counted,
            )
        )
    considered = [r for r in results if r.counted] or results
    accuracy = sum(r.status == "ok" for r in considered) / len(considered) if considered else 1.0
    return Comparison(tuple(results), tuple(added), accuracy, strictness)
