"""The listening pipeline: PCM chunks in, voice events, words and the line's end out.

One :class:`Listener` per line the actor speaks. Each chunk goes to voice activity; while
the actor speaks it also goes to the recogniser (with the 0.3 s before the voice began, so
the first consonant is not cut); at each pause the recogniser's utterance is finished, the
words so far are compared with the line, and the line-end state machine decides whether
the partner comes in. Time is the audio's own (samples consumed), so a recording fed as
fast as the CPU allows gets the same decisions, at the same audio times, as a microphone.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from rehearsal.listen.activity import FrameDetector, VoiceActivity, make_detector
from rehearsal.listen.audio import SAMPLE_RATE, Pcm
from rehearsal.listen.compare import Comparison, Strictness, compare
from rehearsal.listen.line_end import LineEnd, LineEndDetector, LineEndSettings
from rehearsal.listen.recognizer import Recognizer
from rehearsal.listen.vocabulary import Vocabulary
from rehearsal.listen.words import normalise, split_words

PRE_ROLL_SECONDS = 0.3
PROMPT_WORD = "line"
"""Said alone while the partner waits, it asks for the next words ("Line?", as on set)."""


@dataclass
class ListenResult:
    """What one line's listening found, in seconds of audio from the cue's end."""

    line: str
    heard: list[str] = field(default_factory=list)
    comparison: Comparison | None = None
    speech_start: float | None = None
    line_end: LineEnd | None = None

    @property
    def pickup(self) -> float | None:
        return self.speech_start

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"line": self.line, "heard": " ".join(self.heard)}
        if self.comparison is not None:
            data |= self.comparison.to_dict()
        else:
            data |= {"accuracy": None, "words": None, "added": None}
        data |= {
            "speech_start": None if self.speech_start is None else round(self.speech_start, 3),
            "pickup": None if self.pickup is None else round(self.pickup, 3),
            "line_end_at": None if self.line_end is None else round(self.line_end.at, 3),
            "complete": None if self.line_end is None else self.line_end.complete,
            "line_end_reason": None if self.line_end is None else self.line_end.reason,
        }
        return data


class Listener:
    """Listens to the actor saying one line, starting at the end of the partner's cue.

    ``recognizer=None`` is voice-only listening (a language without a model, or the
    microphone-level mode): the line ends after a silence, and no words are known.
    """

    def __init__(
        self,
        line: str,
        recognizer: Recognizer | None,
        *,
        scene_lines: Iterable[str] = (),
        strictness: Strictness = Strictness.CLOSE,
        settings: LineEndSettings | None = None,
        detector: FrameDetector | None = None,
    ) -> None:
        self.line = line
        self.strictness = strictness
        self.recognizer = recognizer
        self.activity = VoiceActivity(detector or make_detector("webrtc"))
        self._samples = 0
        self.line_end = LineEndDetector(self._now, settings, words=recognizer is not None)
        self._pre_roll: deque[Pcm] = deque()
        self._pre_roll_samples = 0
        self.heard: list[str] = []
        self.comparison: Comparison | None = None
        self.revealed: set[int] = set()
        self.asked = 0  # "line" heard on its own: prompts asked by voice, not yet answered
        self._written = split_words(line)
        if recognizer is not None:
            recognizer.expect(Vocabulary.for_line(line, scene_lines, calls=(PROMPT_WORD,)))

    def _now(self) -> float:
        return self._samples / SAMPLE_RATE

    def feed(self, chunk: Pcm) -> LineEnd | None:
        """Take the next chunk; returns the line's end once it is decided."""
        was_speaking = self.activity.speaking
        self._samples += len(chunk)
        self._remember(chunk)
        for event in self.activity.feed(chunk):
            if event.kind == "start":
                self.line_end.voice_started(event.at)
                if self.recognizer is not None:
                    self.recognizer.feed(np.concatenate(list(self._pre_roll)))
            else:
                if self.recognizer is not None:
                    if was_speaking:
                        self.recognizer.feed(chunk)
                    self._take_words(self.recognizer.finish())
                self.line_end.voice_stopped(event.at)
            was_speaking = False  # this chunk has been fed, whichever event came
        if was_speaking and self.recognizer is not None:
            self.recognizer.feed(chunk)
        return self.line_end.poll()

    def _remember(self, chunk: Pcm) -> None:
        self._pre_roll.append(chunk)
        self._pre_roll_samples += len(chunk)
        while self._pre_roll_samples - len(self._pre_roll[0]) >= PRE_ROLL_SECONDS * SAMPLE_RATE:
            self._pre_roll_samples -= len(self._pre_roll.popleft())

    def _take_words(self, words: list[str]) -> None:
        if words == [PROMPT_WORD] and not self._expects_prompt_word():
            self.asked += 1  # "Line?": a request, not part of the line
            words = []
        self.heard.extend(words)
        self.comparison = compare(self.line, self.heard, self.strictness).with_prompts(
            self.revealed
        )
        end_check = compare(self.line, self.heard, Strictness.CLOSE)
        self.line_end.heard(end_check.reached_end)

    def _expects_prompt_word(self) -> bool:
        """Whether "line" is the next word of the script (then it is the line, not a call)."""
        upcoming = self._written[self.said_up_to() : self.said_up_to() + 1]
        return bool(upcoming) and normalise(upcoming[0]) == [PROMPT_WORD]

    def said_up_to(self) -> int:
        """Written words got through so far (said, or revealed by a prompt)."""
        done = compare(self.line, self.heard, Strictness.CLOSE).said_up_to() if self.heard else 0
        return max(done, max(self.revealed, default=-1) + 1)

    def prompt(self, count: int) -> list[str]:
        """Reveal the next ``count`` written words after where the actor has got to.

        They count against the accuracy even if said afterwards; returns them as written
        (empty at the end of the line).
        """
        start = self.said_up_to()
        shown = list(range(start, min(len(self._written), start + max(0, count))))
        self.revealed.update(shown)
        if self.comparison is not None:
            self.comparison = compare(self.line, self.heard, self.strictness).with_prompts(
                self.revealed
            )
        return [self._written[i] for i in shown]

    def partial_words(self) -> list[str]:
        """The words heard so far, including the running guess (for following along)."""
        live = self.recognizer.partial() if self.recognizer is not None else []
        return [*self.heard, *live]

    def finish(self) -> ListenResult:
        """Close the line: the last utterance's words and everything found."""
        if self.recognizer is not None:
            words = self.recognizer.finish()
            if words or self.comparison is None:
                self._take_words(words)
            elif self.revealed and self.comparison is not None:
                self.comparison = self.comparison.with_prompts(self.revealed)
        return ListenResult(
            line=self.line,
            heard=list(self.heard),
            comparison=self.comparison,
            speech_start=self.line_end.speech_start,
            line_end=self.line_end.result,
        )
