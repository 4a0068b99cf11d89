"""How long things take: the timed wait for the actor, text-only pacing, and the voice wait.

Kept apart from the state machine because these are the parts actors tune and argue with
("give me more time on the long speech"), so they are small pure functions and one small
detector that are easy to test on their own.
"""

from __future__ import annotations

from rehearsal.engine.lines import Beat, RehearsalLine, Speech
from rehearsal.engine.settings import RehearsalSettings


def speaking_seconds(words: int, words_per_minute: float) -> float:
    """How long ``words`` take at a pace; at least a moment even for a single word."""
    return max(0.4, words * 60.0 / words_per_minute)


def timed_wait_seconds(line: RehearsalLine, settings: RehearsalSettings) -> float:
    """The timed-mode allowance for the actor's line: its words at their pace, its written
    beats, and a grace margin; never less than the minimum so one-word lines are playable."""
    beats = sum(settings.beat_duration(c) for c in line.chunks if isinstance(c, Beat))
    words = sum(
        speaking_seconds(len(c.text.split()), settings.words_per_minute)
        for c in line.chunks
        if isinstance(c, Speech)
    )
    return max(settings.timed_min_seconds, words + beats + settings.timed_extra_seconds)


class VoiceDetector:
    """Speech followed by a silence tail, from a stream of microphone levels.

    A level at or above the threshold is speech, below is silence. A burst shorter than the
    minimum speech time (a cough, a chair) is forgotten when silence follows, so it cannot end
    the actor's turn. Once real speech was heard, the turn ends ``tail`` seconds after the last
    loud level: :attr:`deadline`.
    """

    def __init__(self, threshold: float, tail: float, min_speech: float) -> None:
        self.threshold = threshold
        self.tail = tail
        self.min_speech = min_speech
        self.reset()

    def reset(self) -> None:
        """Forget everything heard: a new turn starts."""
        self.onset: float | None = None
        self.last_loud: float | None = None
        self.confirmed = False

    def feed(self, level: float, now: float) -> None:
        """Take one level reading taken at ``now``."""
        if level >= self.threshold:
            if self.onset is None:
                self.onset = now
            self.last_loud = now
            if now - self.onset >= self.min_speech:
                self.confirmed = True
        elif not self.confirmed:
            self.onset = None
            self.last_loud = None

    def shift(self, seconds: float) -> None:
        """Move the remembered times on by a pause, so a pause is not heard as silence."""
        if self.onset is not None:
            self.onset += seconds
        if self.last_loud is not None:
            self.last_loud += seconds

    @property
    def deadline(self) -> float | None:
        """When the turn ends if nothing more is heard; None until real speech was heard."""
        if not self.confirmed or self.last_loud is None:
            return None
        return self.last_loud + self.tail
