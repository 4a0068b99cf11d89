"""A script's casting: what was stored, who is still uncast, and keeping both with the script.

Casting is decided once per script and then remembered, so the partner sounds the same at
every rehearsal. A character new to the script (a rewrite, a fixed typo) gets a voice of its
own without disturbing the others, and a stored entry that can no longer be read is cast
anew rather than silencing the partner. None of this needs Qt or the database: the caller
passes in the voice list (or ``None`` while the engine is still starting) and something
that keeps the rows (:class:`~rehearsal.speech.script_voice.ScriptVoiceStore`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from rehearsal.speech.casting import Casting, VoiceSettings, cast_characters, casting_from_dict
from rehearsal.speech.direction import Pronunciations
from rehearsal.speech.script_voice import ScriptVoiceStore, VoicePrefs, save_voice_prefs
from rehearsal.speech.voices import VoiceCatalog

log = logging.getLogger(__name__)


def stored_casting(store: ScriptVoiceStore, script_id: int) -> Casting:
    """The voices kept for a script; an entry that cannot be used is logged and dropped."""
    casting, problems = casting_from_dict(store.get_casting(script_id))
    for problem in problems:
        log.warning("stored casting ignored: %s", problem)
    return casting


def starting_casting(characters: Sequence[str], stored: Mapping[str, VoiceSettings]) -> Casting:
    """A casting for before the voice list is known: stored voices, others pitched apart.

    The engine may still be starting; varying the pitch keeps the characters apart until
    real voices can be chosen. Nothing here is stored, so the real casting replaces it.
    """
    return {
        name: stored.get(name, VoiceSettings(pitch=30 + (17 * i) % 50))
        for i, name in enumerate(characters)
    }


def cast_script(
    characters: Sequence[str],
    catalog: VoiceCatalog | None,
    store: ScriptVoiceStore | None,
    script_id: int | None,
) -> Casting:
    """Stored voices for the script, with new characters cast and remembered.

    ``store`` or ``script_id`` being ``None`` (no history database, or a script that was
    never saved) casts without remembering; ``catalog`` being ``None`` (the engine is still
    starting) returns :func:`starting_casting` and stores nothing.
    """
    stored: Casting = {}
    if store is not None and script_id is not None:
        stored = stored_casting(store, script_id)
    if catalog is None:
        return starting_casting(characters, stored)
    cast = cast_characters(characters, catalog, existing=stored)
    if store is not None and script_id is not None:
        for name, voice in cast.items():
            if stored.get(name) != voice:
                store.set_casting(script_id, name, voice.to_dict())
    return cast


def remember_voices(
    store: ScriptVoiceStore,
    script_id: int,
    casting: Mapping[str, VoiceSettings],
    pronunciations: Pronunciations,
    read_parentheticals: bool,
) -> VoicePrefs:
    """Keep what the actor chose in the Voices dialog with the script; returns the prefs."""
    for name, voice in casting.items():
        store.set_casting(script_id, name, voice.to_dict())
    return save_voice_prefs(store, script_id, pronunciations, read_parentheticals)
