"""How one script is spoken beyond its casting: respelt names and whether to read directions.

Both belong to the script (a name is said the same way every time the scene is
rehearsed) and live in its per-script settings next to the last role and wait mode, under
two keys of their own so that saving them never disturbs what other parts of the app keep
there. Reading is forgiving: a bad stored entry is dropped and reported, because one
corrupt respelling must not cost the actor every other one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from rehearsal.speech.direction import Pronunciations

PRONUNCIATIONS_KEY = "pronunciations"
READ_PARENTHETICALS_KEY = "read_parentheticals"


class ScriptVoiceStore(Protocol):
    """Where a script's casting and settings are kept.

    Speech sits below the store's users but not on the database: the caller hands in
    whatever keeps these rows (the store's :class:`~rehearsal.store.voice_repo.
    ScriptVoiceRepository` in the app, anything with these four methods in a test), so
    this package never imports the store.
    """

    def get_settings(self, script_id: int) -> Mapping[str, Any]:
        """The script's settings object, empty when none were saved."""
        ...

    def update_settings(self, script_id: int, changes: Mapping[str, Any]) -> object:
        """Merge ``changes`` into the script's settings, leaving other keys alone."""
        ...

    def get_casting(self, script_id: int) -> Mapping[str, Any]:
        """The stored voice data by character name."""
        ...

    def set_casting(self, script_id: int, character: str, voice: Mapping[str, Any]) -> None:
        """Remember (or replace) the voice data of one character."""
        ...


@dataclass(frozen=True)
class VoicePrefs:
    """A script's respellings and whether its parentheticals are read aloud.

    ``problems`` names the stored entries that could not be used (empty when all was well),
    so the caller can log them once instead of failing to open the script.
    """

    pronunciations: Pronunciations = field(default_factory=Pronunciations)
    read_parentheticals: bool = False
    problems: tuple[str, ...] = ()


def voice_prefs_from_settings(settings: Mapping[str, Any]) -> VoicePrefs:
    """The voice preferences found in a script's settings, with what had to be dropped."""
    problems: list[str] = []
    pronunciations = Pronunciations()
    raw = settings.get(PRONUNCIATIONS_KEY, {})
    if isinstance(raw, Mapping):
        for word, respelling in raw.items():
            if not isinstance(respelling, str):
                problems.append(f"pronunciation of {word!r} is not text")
                continue
            try:
                pronunciations.set(str(word), respelling)
            except ValueError as exc:
                problems.append(f"pronunciation dropped: {exc}")
    else:
        problems.append(f"pronunciations must be an object, not {type(raw).__name__}")
    read = settings.get(READ_PARENTHETICALS_KEY, False)
    if not isinstance(read, bool):
        problems.append(f"read_parentheticals must be true or false, not {read!r}")
        read = False
    return VoicePrefs(pronunciations, read, tuple(problems))


def voice_prefs_to_settings(prefs: VoicePrefs) -> dict[str, Any]:
    """The settings keys that hold ``prefs`` (JSON-ready)."""
    return {
        PRONUNCIATIONS_KEY: prefs.pronunciations.to_dict(),
        READ_PARENTHETICALS_KEY: prefs.read_parentheticals,
    }


def load_voice_prefs(store: ScriptVoiceStore, script_id: int) -> VoicePrefs:
    """The stored preferences of one script (defaults when nothing was saved)."""
    return voice_prefs_from_settings(store.get_settings(script_id))


def save_voice_prefs(
    store: ScriptVoiceStore,
    script_id: int,
    pronunciations: Pronunciations,
    read_parentheticals: bool,
) -> VoicePrefs:
    """Keep the script's respellings and reading choice; returns what was stored."""
    prefs = VoicePrefs(pronunciations, read_parentheticals)
    store.update_settings(script_id, voice_prefs_to_settings(prefs))
    return prefs
