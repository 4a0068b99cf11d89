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
from typing import TYPE_CHECKING, Any

from rehearsal.speech.direction import Pronunciations

if TYPE_CHECKING:  # the store loads with the history database, not with the speech support
    from sqlalchemy import Engine

PRONUNCIATIONS_KEY = "pronunciations"
READ_PARENTHETICALS_KEY = "read_parentheticals"


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


def load_voice_prefs(engine: Engine, script_id: int) -> VoicePrefs:
    """The stored preferences of one script (defaults when nothing was saved)."""
    from rehearsal.store.scripts_repo import get_settings

    return voice_prefs_from_settings(get_settings(engine, script_id))


def save_voice_prefs(
    engine: Engine,
    script_id: int,
    pronunciations: Pronunciations,
    read_parentheticals: bool,
) -> VoicePrefs:
    """Keep the script's respellings and reading choice; returns what was stored."""
    from rehearsal.store.scripts_repo import update_settings

    prefs = VoicePrefs(pronunciations, read_parentheticals)
    update_settings(engine, script_id, voice_prefs_to_settings(prefs))
    return prefs
