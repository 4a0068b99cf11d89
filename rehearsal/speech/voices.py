"""The voices the speech engine offers, as plain data that can cross a process boundary.

eSpeak NG has two kinds of voice: *languages* (``gmw/en-us``, ``roa/fr``; ~130 of them,
all reported as male) and *variants* (``f3``, ``m7``, ``klatt``) that change the timbre of
any language. A voice id the engine understands is ``LANGUAGE[+VARIANT]``, and the variants
are what make two English-speaking characters sound like two people, so both are listed.

The engine accepts an unknown voice id silently and keeps speaking with the previous voice,
so :meth:`VoiceCatalog.check` is the only guard against a typo in a stored casting.
MBROLA voices (``mb-*``) are listed by some eSpeak builds but produce silence unless the
``mbrola`` program and that voice's database are installed; they are left out otherwise.

Voices of the other backends (Flite, Festival; :mod:`rehearsal.speech.backends`) sit in the
same catalog with ids that name their backend (``flite:slt``), so a stored casting says
which program speaks it; they take no variants. ``scores`` holds each voice's measured
clarity (word accuracy, 0-1, from ``benchmarks/bench_voices.py``) for casting and display.
"""

from __future__ import annotations

import enum
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MBROLA_DIRS = (Path("/usr/share/mbrola"), Path("/usr/local/share/mbrola"))


class Gender(enum.StrEnum):
    """A voice's gender as the engine reports it."""

    MALE = "male"
    FEMALE = "female"


class SpeechUnavailableError(RuntimeError):
    """The speech engine cannot be used on this machine; the message says why."""


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    """One voice: ``id`` is what its backend takes (``gmw/en-us``, ``flite:slt``)."""

    id: str
    name: str
    language: str
    gender: Gender | None = None
    backend: str = "pyttsx3"


@dataclass(frozen=True, slots=True)
class VariantInfo:
    """A timbre that can be added to any language voice as ``LANGUAGE+id``."""

    id: str
    name: str
    gender: Gender | None = None


EXTRA_BACKENDS = ("flite", "festival")
"""Backends whose voice ids start with ``NAME:``; any other id belongs to pyttsx3."""


def backend_of(voice_id: str) -> str:
    """``"flite:slt"`` -> ``"flite"``; an eSpeak or system voice id -> ``"pyttsx3"``."""
    prefix, colon, _ = voice_id.partition(":")
    prefix = prefix.lower()
    return prefix if colon and prefix in EXTRA_BACKENDS else "pyttsx3"


def split_voice_id(voice_id: str) -> tuple[str, str | None]:
    """``"gmw/en-us+f3"`` -> ``("gmw/en-us", "f3")``; no variant gives ``None``."""
    base, plus, variant = voice_id.partition("+")
    return base, (variant if plus else None)


@dataclass(frozen=True, slots=True)
class VoiceCatalog:
    """Everything the engine offers; picklable, so the worker can send it to the app."""

    voices: tuple[VoiceInfo, ...]
    variants: tuple[VariantInfo, ...] = ()
    scores: tuple[tuple[str, float], ...] = ()
    """(voice id, measured word accuracy) pairs; ids may carry an eSpeak variant."""
    unsupported: tuple[tuple[str, str], ...] = ()
    """(backend, setting) pairs a backend cannot change, e.g. ``("festival", "pitch")``."""

    def backend_of(self, voice_id: str) -> str:
        """The backend that speaks ``voice_id`` (``pyttsx3`` for unknown ids)."""
        voice = self.voice(voice_id)
        return voice.backend if voice is not None else "pyttsx3"

    def score_of(self, voice_id: str) -> float | None:
        """The measured clarity of ``voice_id`` (exact id first, then its voice alone)."""
        wanted = voice_id.lower()
        base = split_voice_id(voice_id)[0].lower()
        found = {k.lower(): v for k, v in self.scores}
        return found.get(wanted, found.get(base) if wanted == base else None)

    def supports(self, voice_id: str, setting: str) -> bool:
        """Whether the backend of ``voice_id`` can change ``rate``, ``pitch`` or ``volume``."""
        return (self.backend_of(voice_id), setting) not in self.unsupported

    def voice(self, voice_id: str) -> VoiceInfo | None:
        """The language voice of ``voice_id`` (variant ignored), matched without case."""
        base = split_voice_id(voice_id)[0].lower()
        return next((v for v in self.voices if v.id.lower() == base), None)

    def variant(self, voice_id: str) -> VariantInfo | None:
        """The variant part of ``voice_id``, or None when it has none or it is unknown."""
        name = split_voice_id(voice_id)[1]
        if name is None:
            return None
        return next((v for v in self.variants if v.id.lower() == name.lower()), None)

    def check(self, voice_id: str) -> str | None:
        """Why ``voice_id`` cannot be used, or None when the engine offers it."""
        base, variant = split_voice_id(voice_id)
        if self.voice(voice_id) is None:
            return f"unknown voice {base!r} (see `rehearsal voices`)"
        if variant is not None and self.variant(voice_id) is None:
            return f"unknown voice variant {variant!r} in {voice_id!r}"
        if variant is not None and self.backend_of(voice_id) != "pyttsx3":
            return f"{base!r} takes no variant (only eSpeak voices do)"
        return None

    def canonical(self, voice_id: str) -> str:
        """``voice_id`` spelt as the engine lists it (variant files are case-sensitive).

        Raises ``ValueError`` with :meth:`check`'s reason when the engine does not offer it.
        """
        problem = self.check(voice_id)
        if problem is not None:
            raise ValueError(problem)
        voice = self.voice(voice_id)
        variant = self.variant(voice_id)
        assert voice is not None
        return voice.id if variant is None else f"{voice.id}+{variant.id}"

    def gender_of(self, voice_id: str) -> Gender | None:
        """The variant's gender if it has one, else what the language voice reports."""
        variant = self.variant(voice_id)
        if variant is not None and variant.gender is not None:
            return variant.gender
        voice = self.voice(voice_id)
        return voice.gender if voice else None

    def for_language(self, language: str) -> list[VoiceInfo]:
        """Voices for ``language`` (``"en"`` matches ``en-gb``, ``en-us`` …), best first.

        An exact tag comes first, then shorter (more general) tags, so ``"en"`` starts with
        the British and American voices before the regional ones.
        """
        wanted = language.lower().replace("_", "-")
        primary = wanted.split("-")[0]
        matches = [
            v
            for v in self.voices
            if v.language.lower() == wanted or v.language.lower().split("-")[0] == primary
        ]
        return sorted(matches, key=lambda v: (v.language.lower() != wanted, len(v.language), v.id))


def mbrola_voice_installed(voice_id: str, dirs: Iterable[Path] = MBROLA_DIRS) -> bool:
    """Whether an ``mb-*`` voice can speak: the mbrola program and its database are there."""
    if shutil.which("mbrola") is None:
        return False
    database = voice_id.rsplit("/", 1)[-1].removeprefix("mb-").split("-")[0]
    return any((d / database).exists() for d in dirs)


def _is_mbrola(voice_id: str) -> bool:
    return voice_id.rsplit("/", 1)[-1].startswith("mb-")


_GENDERS = {1: Gender.MALE, 2: Gender.FEMALE, "male": Gender.MALE, "female": Gender.FEMALE}


def _gender(value: object) -> Gender | None:
    key = value.lower() if isinstance(value, str) else value
    return _GENDERS.get(key) if isinstance(key, int | str) else None


def voices_from_engine(engine_voices: Iterable[Any]) -> tuple[VoiceInfo, ...]:
    """Turn pyttsx3 ``Voice`` objects into :class:`VoiceInfo`, dropping unusable MBROLA ones."""
    found: dict[str, VoiceInfo] = {}
    for voice in engine_voices:
        voice_id = str(voice.id)
        if _is_mbrola(voice_id) and not mbrola_voice_installed(voice_id):
            continue
        languages = [str(lang) for lang in (voice.languages or []) if lang]
        found.setdefault(
            voice_id,
            VoiceInfo(
                id=voice_id,
                name=str(voice.name or voice_id).strip(),
                language=languages[0] if languages else "",
                gender=_gender(voice.gender),
            ),
        )
    return tuple(found.values())


def espeak_variants() -> tuple[VariantInfo, ...]:
    """The eSpeak NG variants, read through the library pyttsx3 already loaded.

    pyttsx3 has no API for variants, so this asks ``espeak_ListVoices`` for the
    ``variant`` pseudo-language through pyttsx3's own ctypes binding. Any failure (another
    driver, an old binding) means no variants rather than no voices.
    """
    try:
        import ctypes

        from pyttsx3.drivers import _espeak

        spec = _espeak.VOICE()
        spec.languages = b"variant"
        listed = _espeak.ListVoices(ctypes.pointer(spec))
    except Exception:
        return ()
    variants: dict[str, VariantInfo] = {}
    for entry in listed:
        identifier = (entry.identifier or b"").decode("utf-8", "replace")
        name = identifier.rsplit("/", 1)[-1]
        if not name or " " in name:
            continue
        label = (entry.name or b"").decode("utf-8", "replace").strip() or name
        variants.setdefault(name, VariantInfo(id=name, name=label, gender=_gender(entry.gender)))
    return tuple(variants.values())


def load_catalog(engine: Any | None = None) -> VoiceCatalog:
    """Ask the engine which voices it has; raises :class:`SpeechUnavailableError` if none.

    Initialises eSpeak in *this* process when no engine is passed; the app never calls it
    in the GUI process (the worker sends its catalog instead), the CLI does.
    """
    if engine is None:
        from rehearsal.speech.availability import engine_unavailable_reason

        reason = engine_unavailable_reason()
        if reason is not None:
            raise SpeechUnavailableError(reason)
        import pyttsx3

        try:
            engine = pyttsx3.init()
        except Exception as exc:
            raise SpeechUnavailableError(f"the speech engine failed to start: {exc}") from exc
    voices = voices_from_engine(engine.getProperty("voices"))
    if not voices:
        raise SpeechUnavailableError("the speech engine offers no voices")
    variants = espeak_variants() if getattr(engine, "driver_name", "") == "espeak" else ()
    return VoiceCatalog(voices=voices, variants=variants)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    return lines


def installed_catalog() -> VoiceCatalog:
    """The system voices plus Flite's and Festival's, with their measured clarity.

    For ``rehearsal voices``; like :func:`load_catalog` it initialises eSpeak in this
    process, so the app's GUI never calls it.
    """
    from rehearsal.speech.backends import find_extra_backends, load_voice_scores

    extras, _ = find_extra_backends()
    extra_voices = tuple(v for b in extras for v in b.voices)
    try:
        system = load_catalog()
    except SpeechUnavailableError:
        if not extra_voices:
            raise
        system = VoiceCatalog(())
    scores = tuple(sorted((k, v.accuracy) for k, v in load_voice_scores().items()))
    return VoiceCatalog(system.voices + extra_voices, system.variants, scores)


def format_voice_table(catalog: VoiceCatalog | None = None) -> str:
    """The text ``rehearsal voices`` prints: system voices, variants, then clearer voices.

    Raises :class:`SpeechUnavailableError` with a readable reason when there is no engine.
    """
    catalog = catalog if catalog is not None else installed_catalog()
    system = [v for v in catalog.voices if v.backend == "pyttsx3"]
    rows = [
        (v.id, v.language, v.gender.value if v.gender else "-", v.name)
        for v in sorted(system, key=lambda v: (v.language, v.id))
    ]
    lines: list[str] = []
    if rows:
        lines.append(f"Voices ({len(rows)}):")
        lines.extend("  " + line for line in _table(("ID", "LANGUAGE", "GENDER", "NAME"), rows))
    if catalog.variants:
        example = next((v.id for v in system if v.language.startswith("en")), "LANG")
        lines.append("")
        lines.append(
            f"Variants ({len(catalog.variants)}): add one to a voice id, e.g. {example}+f3"
        )
        variant_rows = [
            (v.id, v.gender.value if v.gender else "-", v.name)
            for v in sorted(catalog.variants, key=lambda v: v.id.lower())
        ]
        lines.extend("  " + line for line in _table(("VARIANT", "GENDER", "NAME"), variant_rows))
    clear = [v for v in catalog.voices if v.backend != "pyttsx3"]
    if clear:
        if lines:
            lines.append("")
        lines.append(
            f"Clearer voices ({len(clear)}), best first (clarity: measured word accuracy):"
        )
        clear_rows = [
            (
                v.id,
                v.language,
                v.gender.value if v.gender else "-",
                f"{score:.2f}" if (score := catalog.score_of(v.id)) is not None else "-",
                v.name,
            )
            for v in sorted(clear, key=lambda v: (-(catalog.score_of(v.id) or -1.0), v.id))
        ]
        header = ("ID", "LANGUAGE", "GENDER", "CLARITY", "NAME")
        lines.extend("  " + line for line in _table(header, clear_rows))
    return "\n".join(lines)
