"""Who reads which part: one distinct voice per character, chosen automatically.

The complaint with other readers is that every character sounds the same. eSpeak NG has
few voices per language but many *variants* (timbres), so a cast is built from
(language voice, variant) pairs: characters alternate between male and female variants
unless a gender is given, and the language voice (accent) and the variant advance
together, so neighbours in the cast differ in both. Past the number of distinct pairs,
pitch and rate offsets keep the settings distinct.

Clearer voices come first: when Flite or Festival is installed, characters are spread over
their voices (best measured clarity first, see ``voice_scores.json``) before any eSpeak
variant is used, because an actor cannot play off a line they cannot make out.

:class:`VoiceSettings` is a plain frozen dataclass with ``to_dict``/``from_dict`` so the
store can keep a casting per script as JSON.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from rehearsal.speech.voices import Gender, VoiceCatalog, split_voice_id

DEFAULT_VOICE = "gmw/en-us"
DEFAULT_RATE = 175
DEFAULT_PITCH = 50
DEFAULT_VOLUME = 1.0
RATE_RANGE = (80, 450)
"""eSpeak NG's words-per-minute range; it clamps outside it anyway."""
PITCH_RANGE = (0, 99)
VOLUME_RANGE = (0.0, 1.5)
"""eSpeak takes up to 2.0 but compresses above ~1.5; 1.0 is normal speech."""

# Variants that sound like people, best first; the rest (robots, croaks) stay selectable.
MALE_VARIANTS = ("m3", "m1", "m7", "m2", "m4", "m5", "m6")
FEMALE_VARIANTS = ("f3", "f1", "f4", "f2", "f5")
# Offsets that keep settings distinct once every (voice, variant) pair is taken.
_SPREAD = ((0, 0), (12, -15), (-12, 15), (20, 25), (-20, -25))


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return min(max(value, bounds[0]), bounds[1])


@dataclass(frozen=True, slots=True)
class VoiceSettings:
    """How one character sounds: engine voice id, words per minute, pitch 0-99, volume.

    Out-of-range numbers raise ``ValueError`` naming the field, because a stored casting
    with a rate of 5 would otherwise be clamped silently by the engine and "not work".
    """

    voice_id: str = DEFAULT_VOICE
    rate: int = DEFAULT_RATE
    pitch: int = DEFAULT_PITCH
    volume: float = DEFAULT_VOLUME

    def __post_init__(self) -> None:
        if not isinstance(self.voice_id, str) or not self.voice_id.strip():
            raise ValueError(f"voice_id must be a non-empty string, not {self.voice_id!r}")
        for name, bounds in (("rate", RATE_RANGE), ("pitch", PITCH_RANGE)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{name} must be a number, not {value!r}")
            if not math.isfinite(value) or not bounds[0] <= value <= bounds[1]:
                raise ValueError(f"{name} must be between {bounds[0]} and {bounds[1]}, not {value}")
            object.__setattr__(self, name, round(value))
        volume = self.volume
        if isinstance(volume, bool) or not isinstance(volume, int | float):
            raise ValueError(f"volume must be a number, not {volume!r}")
        if not math.isfinite(volume) or not VOLUME_RANGE[0] <= volume <= VOLUME_RANGE[1]:
            raise ValueError(
                f"volume must be between {VOLUME_RANGE[0]} and {VOLUME_RANGE[1]}, not {volume}"
            )
        object.__setattr__(self, "volume", round(float(volume), 3))

    def adjusted(
        self, *, rate_factor: float = 1.0, volume_factor: float = 1.0, pitch_offset: int = 0
    ) -> VoiceSettings:
        """These settings with a delivery applied, clamped to what the engine accepts."""
        return replace(
            self,
            rate=round(_clamp(self.rate * rate_factor, RATE_RANGE)),
            pitch=round(_clamp(self.pitch + pitch_offset, PITCH_RANGE)),
            volume=_clamp(self.volume * volume_factor, VOLUME_RANGE),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the store."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VoiceSettings:
        """Rebuild stored settings; missing keys take defaults, bad values raise ValueError."""
        if not isinstance(data, Mapping):
            raise ValueError(f"voice settings must be an object, not {type(data).__name__}")
        unknown = set(data) - {"voice_id", "rate", "pitch", "volume"}
        if unknown:
            raise ValueError(f"unknown voice setting(s): {', '.join(sorted(unknown))}")
        return cls(
            voice_id=data.get("voice_id", DEFAULT_VOICE),
            rate=data.get("rate", DEFAULT_RATE),
            pitch=data.get("pitch", DEFAULT_PITCH),
            volume=data.get("volume", DEFAULT_VOLUME),
        )


Casting = dict[str, VoiceSettings]
"""Character name (canonical, upper-case) -> how that character sounds."""


def casting_to_dict(casting: Mapping[str, VoiceSettings]) -> dict[str, dict[str, Any]]:
    """A casting as JSON-ready data, for storing with the script."""
    return {name: settings.to_dict() for name, settings in casting.items()}


def casting_from_dict(data: Mapping[str, Any]) -> tuple[Casting, list[str]]:
    """A stored casting and the problems found; a bad entry is dropped, not fatal.

    Dropping lets :func:`cast_characters` recast just that character, instead of one
    corrupt row silencing the whole partner.
    """
    casting: Casting = {}
    problems: list[str] = []
    if not isinstance(data, Mapping):
        return casting, [f"casting must be an object, not {type(data).__name__}"]
    for name, entry in data.items():
        try:
            casting[str(name)] = VoiceSettings.from_dict(entry)
        except ValueError as exc:
            problems.append(f"{name}: {exc}")
    return casting, problems


def clear_voices(catalog: VoiceCatalog, language: str, gender: Gender) -> list[str]:
    """Voices of the clearer backends for ``gender`` (or of no known gender), best first.

    Ranked by measured clarity; an unmeasured voice of a clearer backend comes after the
    measured ones, and the voice id breaks ties so the order is stable.
    """
    voices = [
        v
        for v in catalog.for_language(language)
        if v.backend != "pyttsx3" and v.gender in (gender, None)
    ]
    return [v.id for v in sorted(voices, key=lambda v: (-(catalog.score_of(v.id) or -1.0), v.id))]


def _candidates(
    catalog: VoiceCatalog, language: str, gender: Gender
) -> list[tuple[str, Gender | None]]:
    """(voice id, gender) pairs for one gender: clear voices, then accents and variants."""
    clear: list[tuple[str, Gender | None]] = [
        (v, gender) for v in clear_voices(catalog, language, gender)
    ]
    system = [v for v in catalog.voices if v.backend == "pyttsx3"]
    if not system:
        return clear or [(v.id, v.gender) for v in catalog.voices]
    system_catalog = VoiceCatalog(tuple(system), catalog.variants)
    return clear + _system_candidates(system_catalog, language, gender)


def _system_candidates(
    catalog: VoiceCatalog, language: str, gender: Gender
) -> list[tuple[str, Gender | None]]:
    """(voice id, gender) pairs for one gender, interleaving accents and variants."""
    bases = [v.id for v in catalog.for_language(language)] or [v.id for v in catalog.voices]
    if gender is Gender.FEMALE:
        # Start half-way round the accents so the alternating male/female characters of an
        # uncast script never share an accent with the character before them.
        half = len(bases) // 2
        bases = bases[half:] + bases[:half]
    wanted = MALE_VARIANTS if gender is Gender.MALE else FEMALE_VARIANTS
    known = {v.id.lower(): v for v in catalog.variants}
    variants = [known[name].id for name in wanted if name in known]
    if not variants:
        variants = [v.id for v in catalog.variants if v.gender is gender]
    if not variants:
        # No variants (another driver): the language voices are all there is.
        return [(b, catalog.gender_of(b)) for b in bases]
    # Advancing both indices together never repeats an accent or a variant back to back;
    # shifting the variant by one after each lcm-long cycle reaches every pair exactly once.
    cycle = math.lcm(len(bases), len(variants))
    pairs: list[tuple[str, Gender | None]] = []
    seen: set[str] = set()
    for step in range(len(bases) * len(variants)):
        voice_id = f"{bases[step % len(bases)]}+{variants[(step + step // cycle) % len(variants)]}"
        if voice_id not in seen:
            seen.add(voice_id)
            pairs.append((voice_id, gender))
    return pairs


def cast_characters(
    characters: Sequence[str],
    catalog: VoiceCatalog,
    *,
    language: str = "en",
    genders: Mapping[str, Gender] | None = None,
    existing: Mapping[str, VoiceSettings] | None = None,
    rate: int = DEFAULT_RATE,
) -> Casting:
    """Give every character a voice, keeping ``existing`` choices that the engine offers.

    Deterministic: the same characters and catalog give the same cast, so a script opened
    twice sounds the same even before the casting is stored.
    """
    genders = genders or {}
    existing = existing or {}
    pools = {g: _candidates(catalog, language, g) for g in (Gender.MALE, Gender.FEMALE)}
    used = {s.voice_id for name, s in existing.items() if name in characters}
    taken = dict.fromkeys(pools, 0)
    alternate = 0
    casting: Casting = {}
    for name in characters:
        kept = existing.get(name)
        if kept is not None and catalog.check(kept.voice_id) is None:
            casting[name] = kept
            continue
        gender = genders.get(name)
        if gender is None:
            gender = (Gender.MALE, Gender.FEMALE)[alternate % 2]
            alternate += 1
        pool = pools[gender]
        while True:
            index = taken[gender]
            taken[gender] += 1
            voice_id, _ = pool[index % len(pool)]
            round_ = index // len(pool)
            if voice_id not in used or round_ > 0:
                break
        pitch_offset, rate_offset = _SPREAD[round_ % len(_SPREAD)]
        used.add(voice_id)
        casting[name] = VoiceSettings(
            voice_id=voice_id,
            rate=round(_clamp(rate + rate_offset, RATE_RANGE)),
            pitch=round(_clamp(DEFAULT_PITCH + pitch_offset, PITCH_RANGE)),
        )
    return casting


def preview_text(character: str, line: str | None = None) -> str:
    """What a voice says when the actor tries it on a character: one of its own lines.

    Hearing the character's words is how an actor judges a voice; a character without a
    speakable line introduces itself instead.
    """
    if line and any(c.isalnum() for c in line):
        words = line.split()
        return " ".join(words[:40]) + (" …" if len(words) > 40 else "")
    name = character.strip().title() or "your scene partner"
    return f"Hello, I'm {name}. Shall we take it from the top?"


def sample_lines(speeches: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Each character's preview line from (character, speech) pairs in script order.

    The first speech of 6-30 words is chosen (a full sentence says more about a voice
    than "Yes."), else the longest one.
    """
    chosen: dict[str, str] = {}
    longest: dict[str, str] = {}
    for name, speech in speeches:
        count = len(speech.split())
        if name not in chosen and 6 <= count <= 30:
            chosen[name] = speech
        if count > len(longest.get(name, "").split()):
            longest[name] = speech
    return {name: chosen.get(name, speech) for name, speech in longest.items()}


def describe(settings: VoiceSettings, catalog: VoiceCatalog | None = None) -> str:
    """A short label for a casting row: ``English (America), f3 · 175 wpm``."""
    base, variant = split_voice_id(settings.voice_id)
    voice = catalog.voice(settings.voice_id) if catalog else None
    label = voice.name if voice else base
    if variant:
        label += f", {variant}"
    return f"{label} · {settings.rate} wpm · pitch {settings.pitch} · volume {settings.volume:g}"
