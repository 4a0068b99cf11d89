"""The recogniser's expectations for one line: a small language model built in code.

pocketsphinx with its general English model gets about one word in five right on eSpeak's
voices and runs at a quarter of real time; told what the actor is about to say it gets
nearly all of them at a twentieth. The model written here is a bigram ARPA model in three
tiers, the order the actor's words are likely to come from:

1. **the expected line**: its words get most of the unigram mass, and each word of the line
   strongly predicts the next ("the keys" → "are"), so the line is the easiest path;
2. **the rest of the scene**: every other word of the scene (the actor may jump ahead,
   or say a partner's word), with weaker bigrams along its lines;
3. **open vocabulary**: a few hundred of the most common English words, so that a wrong
   line or an ad-lib comes out as other words instead of being forced onto the script.

The choice and the numbers behind it are in ``rehearsal/listen/recognizer.py``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rehearsal.listen.words import normalise, word_list

COMMON_WORDS = word_list(
    """the be to of and a in that have i it for not on with he as you do at this but his by
    from they we say her she or an will my one all would there their what so up out if
    about who get which go me when make can like time no just him know take people into
    year your good some could them see other than then now look only come its over think
    also back after use two how our work first well way even new want because any these
    give day most us is are was were been has had did said got made went going yes yeah
    okay oh hey here where why right really very much more little never always something
    nothing thing things man woman friend home house money night morning car door room
    love life mother father mom dad sorry thank thanks please tell told ask asked feel
    let put keep leave left call talk need mean happen happened maybe sure course guess
    again still already tomorrow today tonight every everything anything someone nobody
    long old big great bad same last next down off away before through around down told
    wait stop listen help find found try tried stay start play run walk hear heard saw
    seen understand remember forget believe care kill dead alive hand head eyes face
    water fire school job work job phone table bed window city street world"""
)

#: Shares of the unigram probability mass for the three tiers.
LINE_SHARE, SCENE_SHARE, OPEN_SHARE = 0.55, 0.30, 0.15
#: Probability that a word of the expected line is followed by the next one.
LINE_NEXT = 0.95
#: The same along the scene's other lines.
SCENE_NEXT = 0.2
#: Unigram share of a call word ("line"), and the chance an utterance starts with it.
CALL_SHARE, CALL_START = 0.1, 0.3


@dataclass(frozen=True)
class Vocabulary:
    """The words of one listening task, in their tiers."""

    line: tuple[str, ...]
    scene: tuple[tuple[str, ...], ...]
    open: tuple[str, ...] = COMMON_WORDS
    calls: tuple[str, ...] = ()
    """Words said on their own to ask something ("line"): a whole utterance of one word."""

    @classmethod
    def for_line(
        cls, line: str, scene_lines: Iterable[str] = (), calls: Iterable[str] = ()
    ) -> Vocabulary:
        words = tuple(normalise(line))
        scene = tuple(t for t in (tuple(normalise(s)) for s in scene_lines) if t)
        return cls(words, scene, calls=tuple(calls))

    def all_words(self) -> list[str]:
        seen: dict[str, None] = {}
        for word in (*self.line, *(w for s in self.scene for w in s), *self.open, *self.calls):
            seen.setdefault(word, None)
        return list(seen)

    def arpa(self, tiers: Sequence[str] = ("line", "scene", "open")) -> str:
        """The model as ARPA text; ``tiers`` leaves some out (for measuring the options)."""
        groups = {
            "line": (set(self.line), LINE_SHARE),
            "scene": ({w for s in self.scene for w in s}, SCENE_SHARE),
            "open": (set(self.open), OPEN_SHARE),
        }
        prob: dict[str, float] = {}
        for tier in tiers:
            words, share = groups[tier]
            for word in words:
                prob[word] = prob.get(word, 0.0) + share / max(1, len(words))
        total = sum(prob.values()) or 1.0
        bigrams: dict[tuple[str, str], float] = {}
        chains: list[tuple[tuple[str, ...], float]] = []
        if "scene" in tiers:
            chains.extend((s, SCENE_NEXT) for s in self.scene)
        if "line" in tiers and self.line:
            chains.append((self.line, LINE_NEXT))
        for chain, p in chains:
            seq = ("<s>", *chain, "</s>")
            for a, b in itertools.pairwise(seq):
                bigrams[(a, b)] = max(bigrams.get((a, b), 0.0), p)
        for call in self.calls:  # alone in its utterance, and likely there
            prob[call] = prob.get(call, 0.0) + CALL_SHARE
            bigrams[("<s>", call)] = max(bigrams.get(("<s>", call), 0.0), CALL_START)
            bigrams[(call, "</s>")] = LINE_NEXT

        def lg(value: float) -> str:
            return f"{math.log10(value):.4f}"

        unigrams = [("<s>", -99.0), ("</s>", math.log10(0.05))]
        unigrams += [(w, math.log10(0.95 * p / total)) for w, p in sorted(prob.items())]
        lines = ["\\data\\", f"ngram 1={len(unigrams)}", f"ngram 2={len(bigrams)}", ""]
        lines.append("\\1-grams:")
        lines += [f"{p:.4f} {w} {lg(0.5)}" for w, p in unigrams]
        lines += ["", "\\2-grams:"]
        lines += [f"{lg(p)} {a} {b}" for (a, b), p in sorted(bigrams.items())]
        lines += ["", "\\end\\", ""]
        return "\n".join(lines)
