"""Direction in the voice: parentheticals shape delivery, beats become silence.

A line is planned before it is rendered: its parts become a :data:`LinePlan`, a tuple of
:class:`Utterance` (text plus the exact voice settings to say it with) and :class:`Pause`.
Planning is pure and cheap, and a plan is hashable, so the cache, the render-ahead queue and
the tests all key on the same value.

``(whispers)`` and ``(shouting)`` cannot change eSpeak's timbre, but rate, volume and pitch
carry most of it, so the :class:`DirectionTable` maps parenthetical words to a
:class:`Delivery` (factors and offsets on the character's settings); it is plain data the
actor can edit. A parenthetical governs the speech after it, as in a screenplay, until the
next one. ``(beat)`` / ``(pause)`` / ``(a long pause)`` become silence of a set length.
Parentheticals are not read aloud unless asked (``read_parentheticals``).

The :class:`Pronunciations` dictionary respells words before synthesis (``Siobhan`` ->
``Shiv-awn``); it is kept per script because names are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rehearsal import atomic_file
from rehearsal.script.model import Part, PartKind
from rehearsal.speech.casting import VoiceSettings


@dataclass(frozen=True, slots=True)
class Delivery:
    """A change of delivery: factors on rate and volume, an offset on pitch (0-99)."""

    rate: float = 1.0
    volume: float = 1.0
    pitch: int = 0

    def __post_init__(self) -> None:
        for name in ("rate", "volume"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 4:
                raise ValueError(f"delivery {name} must be a factor above 0 and up to 4")
        if isinstance(self.pitch, bool) or not isinstance(self.pitch, int):
            raise ValueError(f"delivery pitch must be a whole number, not {self.pitch!r}")
        if not -99 <= self.pitch <= 99:
            raise ValueError("delivery pitch must be between -99 and 99")

    def then(self, other: Delivery) -> Delivery:
        """Both deliveries at once: ``(whispering, quickly)``."""
        return Delivery(
            rate=self.rate * other.rate,
            volume=self.volume * other.volume,
            pitch=max(-99, min(99, self.pitch + other.pitch)),
        )

    def apply(self, settings: VoiceSettings) -> VoiceSettings:
        """The character's settings with this delivery, clamped to the engine's ranges."""
        if self == NEUTRAL:
            return settings
        return settings.adjusted(
            rate_factor=self.rate, volume_factor=self.volume, pitch_offset=self.pitch
        )


NEUTRAL = Delivery()

_SOFT = Delivery(rate=0.95, volume=0.6)
_LOUD = Delivery(rate=1.15, volume=1.3, pitch=12)
_ANGRY = Delivery(rate=1.1, volume=1.25, pitch=6)
_SAD = Delivery(rate=0.85, volume=0.85, pitch=-8)
_BRIGHT = Delivery(rate=1.1, pitch=10)
_TIRED = Delivery(rate=0.85, volume=0.8, pitch=-5)

DEFAULT_DELIVERIES: dict[str, Delivery] = {
    "whisper": Delivery(rate=0.9, volume=0.4, pitch=-6),
    "under breath": _SOFT,
    "under his breath": _SOFT,
    "under her breath": _SOFT,
    "under their breath": _SOFT,
    "aside": _SOFT,
    "quiet": _SOFT,
    "quietly": _SOFT,
    "soft": _SOFT,
    "softly": _SOFT,
    "murmur": _SOFT,
    "mutter": _SOFT,
    "gently": _SOFT,
    "shout": _LOUD,
    "yell": _LOUD,
    "scream": _LOUD,
    "bellow": _LOUD,
    "loud": _LOUD,
    "loudly": _LOUD,
    "angry": _ANGRY,
    "angrily": _ANGRY,
    "furious": _ANGRY,
    "furiously": _ANGRY,
    "snap": _ANGRY,
    "fast": Delivery(rate=1.25),
    "quick": Delivery(rate=1.25),
    "quickly": Delivery(rate=1.25),
    "rapid": Delivery(rate=1.25),
    "rapidly": Delivery(rate=1.25),
    "rush": Delivery(rate=1.25),
    "hurried": Delivery(rate=1.25),
    "slow": Delivery(rate=0.8),
    "slowly": Delivery(rate=0.8),
    "sad": _SAD,
    "sadly": _SAD,
    "tearful": _SAD,
    "cry": _SAD,
    "crying": _SAD,
    "sob": _SAD,
    "excited": _BRIGHT,
    "excitedly": _BRIGHT,
    "laugh": _BRIGHT,
    "cheerful": _BRIGHT,
    "cheerfully": _BRIGHT,
    "tired": _TIRED,
    "sleepy": _TIRED,
    "exhausted": _TIRED,
}
"""Parenthetical word or phrase -> delivery; inflections (-s, -ed, -ing) match too."""

_SUFFIXES = ("", "s", "es", "ed", "d", "ing", "ly")
_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3}
_PAUSE = re.compile(
    r"^\s*(?:(?P<count>a|one|two|three)\s+)?"
    r"(?:(?P<size>long|short|brief|slight|little)\s+)?"
    r"(?P<word>beat|pause|silence)s?\b[\s,;:.-]*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_INLINE_PAREN = re.compile(r"\(([^()]*)\)")
_SPACE = re.compile(r"\s+")


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.lower().split()]
    suffixes = "|".join(re.escape(s) for s in _SUFFIXES if s)
    last = f"{words[-1]}(?:{suffixes})?"
    return re.compile(r"(?<![\w'])" + r"\s+".join([*words[:-1], last]) + r"(?![\w'])")


@dataclass(frozen=True)
class DirectionTable:
    """The editable rules: deliveries by word, and how long a beat and a pause last.

    ``beat_seconds`` / ``pause_seconds`` default to the rehearsal settings' values so a
    rendered beat and an engine-timed beat agree.
    """

    deliveries: Mapping[str, Delivery] = field(default_factory=lambda: dict(DEFAULT_DELIVERIES))
    beat_seconds: float = 1.0
    pause_seconds: float = 2.0
    long_factor: float = 1.5
    short_factor: float = 0.5
    _patterns: list[tuple[str, re.Pattern[str]]] = field(
        init=False, repr=False, compare=False, default_factory=list
    )

    def __post_init__(self) -> None:
        for name in ("beat_seconds", "pause_seconds", "long_factor", "short_factor"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{name} must be a number of at least 0, not {value!r}")
        cleaned: dict[str, Delivery] = {}
        for phrase, delivery in self.deliveries.items():
            key = _SPACE.sub(" ", str(phrase)).strip().lower()
            if not key:
                raise ValueError("a delivery rule needs a word to match")
            if not isinstance(delivery, Delivery):
                raise ValueError(f"the rule for {key!r} is not a Delivery")
            cleaned[key] = delivery
        object.__setattr__(self, "deliveries", cleaned)
        # Longest phrase first, so "under breath" wins over a shorter overlapping rule.
        self._patterns.extend(
            (k, _phrase_pattern(k)) for k in sorted(cleaned, key=lambda k: (-len(k), k))
        )

    def delivery_for(self, direction: str) -> Delivery:
        """The combined delivery a parenthetical asks for; unknown words are neutral."""
        text = direction.strip().strip("()").lower()
        result = NEUTRAL
        for key, pattern in self._patterns:
            if pattern.search(text):
                text = pattern.sub(" ", text)
                result = result.then(self.deliveries[key])
        return result

    def pause_for(self, direction: str) -> tuple[float, str] | None:
        """``(seconds, rest)`` when a parenthetical starts with a beat, else None.

        ``rest`` is what follows the beat (``(beat, then softly)`` -> ``"then softly"``) so
        the delivery part still applies.
        """
        match = _PAUSE.match(direction.strip().strip("()"))
        if match is None:
            return None
        word = match.group("word").lower()
        seconds = self.beat_seconds if word == "beat" else self.pause_seconds
        size = (match.group("size") or "").lower()
        if size == "long" or word == "silence":
            seconds *= self.long_factor
        elif size:
            seconds *= self.short_factor
        seconds *= _COUNT_WORDS.get((match.group("count") or "a").lower(), 1)
        return seconds, match.group("rest").strip()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, for keeping an edited table."""
        return {
            "deliveries": {
                k: {"rate": d.rate, "volume": d.volume, "pitch": d.pitch}
                for k, d in self.deliveries.items()
            },
            "beat_seconds": self.beat_seconds,
            "pause_seconds": self.pause_seconds,
            "long_factor": self.long_factor,
            "short_factor": self.short_factor,
        }

    def save(self, path: Path) -> None:
        """Keep the table as JSON at ``path`` in one step; raises :class:`OSError`.

        Written atomically: a full disk mid-write leaves the old file (or none), never an
        empty one that would quietly send every later start back to the built-in rules.
        """
        atomic_file.write_text(path, json.dumps(self.to_dict(), indent=2))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DirectionTable:
        """Rebuild a stored table; bad values raise ValueError naming the rule."""
        deliveries: dict[str, Delivery] = {}
        raw = data.get("deliveries", DEFAULT_DELIVERIES)
        if not isinstance(raw, Mapping):
            raise ValueError("deliveries must be an object of word -> delivery")
        for key, value in raw.items():
            if isinstance(value, Delivery):
                deliveries[key] = value
                continue
            if not isinstance(value, Mapping):
                raise ValueError(f"the rule for {key!r} must be an object")
            try:
                deliveries[key] = Delivery(
                    rate=value.get("rate", 1.0),
                    volume=value.get("volume", 1.0),
                    pitch=value.get("pitch", 0),
                )
            except ValueError as exc:
                raise ValueError(f"the rule for {key!r}: {exc}") from None
        defaults = cls()
        return cls(
            deliveries=deliveries,
            beat_seconds=data.get("beat_seconds", defaults.beat_seconds),
            pause_seconds=data.get("pause_seconds", defaults.pause_seconds),
            long_factor=data.get("long_factor", defaults.long_factor),
            short_factor=data.get("short_factor", defaults.short_factor),
        )


class Pronunciations:
    """Respellings applied to spoken text: whole words, any case, longest entry first."""

    def __init__(self, entries: Mapping[str, str] | None = None) -> None:
        self._entries: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        for word, respelling in (entries or {}).items():
            self.set(word, respelling)

    def set(self, word: str, respelling: str) -> None:
        """Add or replace one entry; both sides must have letters in them."""
        key = _SPACE.sub(" ", word).strip()
        value = _SPACE.sub(" ", respelling).strip()
        if not any(c.isalnum() for c in key):
            raise ValueError(f"a pronunciation needs a word to respell, not {word!r}")
        if not any(c.isalnum() for c in value):
            raise ValueError(f"the respelling of {key!r} must have letters in it")
        self._entries[key.lower()] = value
        self._pattern = None

    def remove(self, word: str) -> None:
        self._entries.pop(_SPACE.sub(" ", word).strip().lower(), None)
        self._pattern = None

    def apply(self, text: str) -> str:
        """``text`` with every entry respelt."""
        if not self._entries:
            return text
        if self._pattern is None:
            alternatives = "|".join(
                r"\s+".join(re.escape(w) for w in key.split())
                for key in sorted(self._entries, key=lambda k: (-len(k), k))
            )
            self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        return self._pattern.sub(lambda m: self._entries[_SPACE.sub(" ", m[0]).lower()], text)

    def to_dict(self) -> dict[str, str]:
        return dict(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pronunciations) and self._entries == other._entries

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Utterance:
    """Text said in one go with exactly these settings."""

    text: str
    settings: VoiceSettings


@dataclass(frozen=True, slots=True)
class Pause:
    """Silence inside a line, in seconds."""

    seconds: float


Segment = Utterance | Pause
LinePlan = tuple[Segment, ...]


def _speakable(text: str) -> bool:
    return any(c.isalnum() for c in text)


class _Planner:
    def __init__(self, pronunciations: Pronunciations | None) -> None:
        self.segments: list[Segment] = []
        self.pronunciations = pronunciations

    def say(self, text: str, settings: VoiceSettings) -> None:
        text = _SPACE.sub(" ", text).strip()
        if not _speakable(text):
            return
        if self.pronunciations is not None:
            text = self.pronunciations.apply(text)
        last = self.segments[-1] if self.segments else None
        if isinstance(last, Utterance) and last.settings == settings:
            self.segments[-1] = Utterance(f"{last.text} {text}", settings)
        else:
            self.segments.append(Utterance(text, settings))

    def pause(self, seconds: float) -> None:
        if seconds <= 0:
            return
        last = self.segments[-1] if self.segments else None
        if isinstance(last, Pause):
            self.segments[-1] = Pause(round(last.seconds + seconds, 3))
        else:
            self.segments.append(Pause(round(seconds, 3)))


def plan_line(
    parts: Iterable[Part],
    settings: VoiceSettings,
    *,
    table: DirectionTable | None = None,
    pronunciations: Pronunciations | None = None,
    read_parentheticals: bool = False,
    narrator: VoiceSettings | None = None,
    pauses: bool = True,
) -> LinePlan:
    """Plan one dialogue (its parts in order) for rendering.

    ``pauses=False`` leaves beats out, for a caller that times beats itself between chunks.
    Parentheticals read aloud use ``narrator`` when given, else the character's voice.
    """
    table = table or DEFAULT_TABLE
    planner = _Planner(pronunciations)
    delivery = NEUTRAL

    def direct(direction: str) -> None:
        nonlocal delivery
        beat = table.pause_for(direction)
        rest = direction
        if beat is not None:
            seconds, rest = beat
            if pauses:
                planner.pause(seconds)
        if rest.strip("() "):
            delivery = table.delivery_for(rest)
            if read_parentheticals:
                planner.say(rest.strip("() "), narrator or settings)

    for part in parts:
        if part.kind is PartKind.PARENTHETICAL:
            direct(part.text)
            continue
        last = 0
        for match in _INLINE_PAREN.finditer(part.text):
            planner.say(part.text[last : match.start()], delivery.apply(settings))
            direct(match.group(0))
            last = match.end()
        planner.say(part.text[last:], delivery.apply(settings))
    return tuple(planner.segments)


def plan_text(
    text: str,
    settings: VoiceSettings,
    *,
    table: DirectionTable | None = None,
    pronunciations: Pronunciations | None = None,
) -> LinePlan:
    """Plan plain text (an action line read by the narrator, a voice preview)."""
    return plan_line(
        [Part(PartKind.SPEECH, text)], settings, table=table, pronunciations=pronunciations
    )


def plan_words(plan: Sequence[Segment]) -> str:
    """The spoken text of a plan, for display and for timing a text-only fallback."""
    return " ".join(s.text for s in plan if isinstance(s, Utterance))


DEFAULT_TABLE = DirectionTable()
