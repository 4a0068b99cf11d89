"""A script's casting and settings rows, for the speech package that must not know the store.

:mod:`rehearsal.speech` asks for a
:class:`~rehearsal.speech.script_voice.ScriptVoiceStore`; this class is that, on the
opened database. It only binds the engine to the functions in
:mod:`rehearsal.store.scripts_repo`, so each call is still one short session.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine

from rehearsal.store import scripts_repo


class ScriptVoiceRepository:
    """Casting and per-script settings on one database."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get_settings(self, script_id: int) -> dict[str, Any]:
        """The per-script settings, empty when none were saved."""
        return scripts_repo.get_settings(self._engine, script_id)

    def update_settings(self, script_id: int, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Merge ``changes`` into the per-script settings; returns the merged object."""
        return scripts_repo.update_settings(self._engine, script_id, changes)

    def get_casting(self, script_id: int) -> dict[str, dict[str, Any]]:
        """Voice data by character for one script."""
        return scripts_repo.get_casting(self._engine, script_id)

    def set_casting(self, script_id: int, character: str, voice: Mapping[str, Any]) -> None:
        """Remember (or replace) the voice that reads ``character`` in this script."""
        scripts_repo.set_casting(self._engine, script_id, character, voice)
