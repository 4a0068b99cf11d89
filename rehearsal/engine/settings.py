"""What an actor can tune about a run: how the app waits for them and how the partner paces in.

One frozen, validated object so the UI can persist it per script as a plain dict and the
engine never sees a half-valid combination (a negative response time would make the
partner talk over the actor). Ranges follow what the rehearsal screen offers.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from rehearsal.engine.lines import Beat, BeatKind


class WaitMode(enum.StrEnum):
    """How the engine learns that the actor has finished a line."""

    KEY = "key"
    """The actor presses a key (Space, →, a foot pedal sending a key)."""
    TIMED = "timed"
    """A deadline derived from the line's length at the actor's words per minute."""
    VOICE = "voice"
    """Microphone levels: speech, then a silence tail."""
    WORDS = "words"
    """Follow my words: speech recognition hears the end of the line (a held beat inside
    it does not count) and reports it with :class:`~rehearsal.engine.events.LineHeard`."""


STRICTNESS_LEVELS = ("exact", "close", "paraphrase")
"""How closely the heard words must match the script (see :mod:`rehearsal.listen.compare`)."""


# field name -> (lowest, highest) accepted value
_RANGES: dict[str, tuple[float, float]] = {
    "response_seconds": (0.0, 2.0),
    "words_per_minute": (40.0, 400.0),
    "timed_extra_seconds": (0.0, 30.0),
    "timed_min_seconds": (0.0, 30.0),
    "voice_threshold": (0.0, 1.0),
    "voice_tail_seconds": (0.1, 5.0),
    "voice_min_speech_seconds": (0.0, 2.0),
    "beat_seconds": (0.0, 5.0),
    "pause_seconds": (0.0, 10.0),
    "partner_words_per_minute": (40.0, 600.0),
    "note_hold_seconds": (0.0, 30.0),
    "loop_gap_seconds": (0.1, 30.0),
    "listen_give_up_seconds": (1.0, 15.0),
    "prompt_words": (1, 10),
}


@dataclass(frozen=True, slots=True)
class RehearsalSettings:
    """Tunable behaviour of a run; invalid values raise ``ValueError`` naming the field.

    ``speech=False`` is the text-only fallback for machines without a working voice: the
    engine then times partner lines itself at ``partner_words_per_minute`` instead of
    waiting for the speech layer's ``partner_finished``.
    """

    wait_mode: WaitMode = WaitMode.KEY
    response_seconds: float = 0.5
    words_per_minute: float = 150.0
    timed_extra_seconds: float = 1.0
    timed_min_seconds: float = 1.5
    voice_threshold: float = 0.45
    voice_tail_seconds: float = 0.8
    voice_min_speech_seconds: float = 0.2
    beat_seconds: float = 1.0
    pause_seconds: float = 2.0
    speech: bool = True
    partner_words_per_minute: float = 170.0
    note_hold_seconds: float = 2.0
    loop_gap_seconds: float = 1.0
    listen_give_up_seconds: float = 4.0
    listen_strictness: str = "close"
    listen_live: bool = False
    prompt_words: int = 3

    def __post_init__(self) -> None:
        if not isinstance(self.wait_mode, WaitMode):
            try:
                object.__setattr__(self, "wait_mode", WaitMode(self.wait_mode))
            except ValueError:
                modes = ", ".join(m.value for m in WaitMode)
                raise ValueError(
                    f"wait_mode must be one of {modes}, not {self.wait_mode!r}"
                ) from None
        if self.listen_strictness not in STRICTNESS_LEVELS:
            levels = ", ".join(STRICTNESS_LEVELS)
            raise ValueError(
                f"listen_strictness must be one of {levels}, not {self.listen_strictness!r}"
            )
        for name, (low, high) in _RANGES.items():
            value = getattr(self, name)
            if not isinstance(value, int | float) or not low <= value <= high:
                raise ValueError(f"{name} must be between {low:g} and {high:g}, not {value!r}")

    def beat_duration(self, beat: Beat) -> float:
        """Seconds a ``(beat)``/``(pause)`` mark holds the scene: a long pause is two pauses."""
        base = {
            BeatKind.BEAT: self.beat_seconds,
            BeatKind.PAUSE: self.pause_seconds,
            BeatKind.LONG_PAUSE: 2 * self.pause_seconds,
        }[beat.kind]
        return base * beat.count

    def with_changes(self, **changes: Any) -> RehearsalSettings:
        """A validated copy: the UI changes one slider at a time."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-friendly values, for the per-script settings the store keeps."""
        data = asdict(self)
        data["wait_mode"] = self.wait_mode.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RehearsalSettings:
        """Settings from stored values; unknown keys (from a newer version) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})
