"""Recognising the actor's words with pocketsphinx, biased to the script.

Measured choice (``benchmarks/bench_listen.py --options``: four lines of a scene spoken by
eSpeak NG in five voices; "right" is the word accuracy at the ``close`` level, "wrong" the
accuracy a *different* line scores against the expected one — it should stay low, or a
wrong line would pass as the right one; real-time factor on one core):

==============================================  =====  =====  =====
search                                          right  wrong  RTF
==============================================  =====  =====  =====
open vocabulary (the wheel's general en-us LM)  0.33   0.05   0.27
keyword spotting (each word of the line)        0.55   0.26   0.07
JSGF: the line, each word optional, between
a garbage loop of 10 common words               0.65   0.12   0.82
bigram model of the line alone                  0.79   0.27   0.07
line + scene + common words (chosen)            0.78   0.11   0.08
==============================================  =====  =====  =====

The three-tier bigram model (:mod:`rehearsal.listen.vocabulary`) is as accurate as a model
that knows only the line, but lets a wrong line come out as other words, which is what
makes "what you said" honest. A JSGF garbage loop grows slow fast (40 words: three times
real time). The RTF above includes building a decoder per recording; in the pipeline,
where one decoder serves every line, it is 0.05.

Words missing from the dictionary get a letter-to-sound pronunciation
(:mod:`rehearsal.listen.pronounce`) before the model is loaded, because pocketsphinx
refuses a language model with words it cannot pronounce.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from rehearsal.listen.audio import SAMPLE_RATE, Pcm
from rehearsal.listen.models import SpeechModel
from rehearsal.listen.pronounce import PronunciationDictionary
from rehearsal.listen.vocabulary import COMMON_WORDS, Vocabulary


@contextmanager
def _temporary(text: str, suffix: str) -> Iterator[str]:
    """A temporary file holding ``text`` (pocketsphinx reads dictionaries and models only
    from files), removed afterwards."""
    handle, path = tempfile.mkstemp(suffix=suffix, prefix="rehearsal-listen-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        yield path
    finally:
        os.unlink(path)


#: ``tiers``: the line, the scene, common words (the default); ``line``: the line alone;
#: ``open``: the model's general English language model (kept for measuring).
Search = Literal["tiers", "line", "open"]


class RecognitionUnavailableError(RuntimeError):
    """pocketsphinx or its model cannot be loaded."""


def _clean(hypothesis: str) -> list[str]:
    """Words of a hypothesis without fillers and alternate-pronunciation marks."""
    words = []
    for word in hypothesis.split():
        if word.startswith(("<", "[", "+")):
            continue
        words.append(word.split("(")[0])
    return words


class Recognizer:
    """One pocketsphinx decoder, re-targeted at each line with :meth:`expect`.

    Audio is fed in utterances (one per stretch of speech between pauses): the decoder's
    final pass at the end of an utterance is more accurate than its running guess, and a
    pause is exactly when the line-end decision needs the words.
    """

    def __init__(self, model: SpeechModel, search: Search = "tiers") -> None:
        try:
            import pocketsphinx
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise RecognitionUnavailableError(f"pocketsphinx is not installed: {exc}") from exc
        self._ps = pocketsphinx
        self.search = search
        self.added_words: dict[str, str] = {}
        self._in_utterance = False
        try:
            self.dictionary = PronunciationDictionary(model.dictionary)
        except OSError as exc:
            raise RecognitionUnavailableError(f"the dictionary cannot be read: {exc}") from exc
        open_search = search == "open" and model.language_model is not None
        with _temporary(self.dictionary.subset(COMMON_WORDS), ".dict") as small:
            config = pocketsphinx.Config(
                hmm=str(model.acoustic),
                dict=str(model.dictionary) if open_search else small,
                lm=str(model.language_model) if open_search else None,
                samprate=SAMPLE_RATE,
                loglevel="FATAL",
            )
            try:
                self._decoder = pocketsphinx.Decoder(config)
            except (RuntimeError, ValueError) as exc:
                raise RecognitionUnavailableError(
                    f"the speech model cannot be loaded: {exc}"
                ) from exc

    def expect(self, vocabulary: Vocabulary) -> None:
        """Listen for this line next (ends any utterance in progress).

        Loads a dictionary of just this line's vocabulary (guessing the pronunciation of
        words it lacks) and the line's language model: a few milliseconds.
        """
        if self.search == "open":
            return
        self.finish()
        tiers = ("line",) if self.search == "line" else ("line", "scene", "open")
        words = [w for w in vocabulary.all_words() if w]
        for word in words:
            phones, guessed = self.dictionary.pronunciations(word)
            if guessed and phones:
                self.added_words[word] = phones[0]
        known = {w for w in words if self.dictionary.pronunciations(w)[0]}
        vocab = Vocabulary(
            tuple(w for w in vocabulary.line if w in known),
            tuple(tuple(w for w in s if w in known) for s in vocabulary.scene),
            tuple(w for w in vocabulary.open if w in known),
            tuple(w for w in vocabulary.calls if w in known),
        )
        with _temporary(self.dictionary.subset(vocab.all_words()), ".dict") as dict_path:
            self._decoder.load_dict(dict_path, None, None)
        with _temporary(vocab.arpa(tiers), ".arpa") as lm_path:
            model = self._ps.NGramModel(self._decoder.config, self._decoder.logmath, lm_path)
        self._decoder.add_lm("line", model)
        self._decoder.activate_search("line")

    def feed(self, pcm: Pcm) -> None:
        if not self._in_utterance:
            self._decoder.start_utt()
            self._in_utterance = True
        self._decoder.process_raw(pcm.astype("<i2").tobytes(), False, False)

    def partial(self) -> list[str]:
        """The running guess for the current utterance (for a live word-follow)."""
        if not self._in_utterance:
            return []
        hyp = self._decoder.hyp()
        return _clean(hyp.hypstr) if hyp is not None else []

    def finish(self) -> list[str]:
        """End the current utterance and return its words (none if none was running)."""
        if not self._in_utterance:
            return []
        self._decoder.end_utt()
        self._in_utterance = False
        hyp = self._decoder.hyp()
        return _clean(hyp.hypstr) if hyp is not None else []
