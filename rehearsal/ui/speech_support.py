"""The app's one speech pipeline: checked once, started once, shared by every rehearsal.

The render worker is a separate process that takes a moment to start, so it starts with
the window and lives until the app quits; each rehearsal only gets a
:class:`PartnerReader` with that script's casting. When the machine cannot speak (no
eSpeak NG, no audio output) this says why once and hands out no reader, and the
rehearsal runs with partner lines as timed text.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from rehearsal.paths import Paths
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.delivery_file import DELIVERY_FILE, load_direction_table
from rehearsal.speech.direction import Pronunciations
from rehearsal.speech.render import RenderCache
from rehearsal.speech.script_casting import cast_script, remember_voices
from rehearsal.speech.script_voice import ScriptVoiceStore, VoicePrefs, load_voice_prefs
from rehearsal.ui.qt_player import PartnerPlayer, RenderService, current_speech_status
from rehearsal.ui.reader import PartnerReader

if TYPE_CHECKING:
    from rehearsal.ui.casting_dialog import CastingDialog

log = logging.getLogger(__name__)


def _voice_rows(
    voices: ScriptVoiceStore | None, script_id: int | None
) -> tuple[ScriptVoiceStore | None, int | None]:
    """The script's casting rows in ``voices``, or ``(None, None)`` when nothing is kept.

    No database (it failed to open) or no saved script (``script_id`` None) means the
    voices are chosen for this rehearsal only.
    """
    if voices is None or script_id is None:
        return None, None
    return voices, script_id


class SpeechSupport(QObject):
    """Owns the render service and the player; ``reason`` says why there is no voice."""

    def __init__(self, paths: Paths, parent: QObject | None = None, *, force: bool = False) -> None:
        super().__init__(parent)
        status = current_speech_status()
        self.reason: str | None = None if force else status.reason
        self.service: RenderService | None = None
        self.player: PartnerPlayer | None = None
        self._reader: PartnerReader | None = None
        self.table, self.table_problem = load_direction_table(paths.data / DELIVERY_FILE)
        if self.table_problem:
            log.warning("%s", self.table_problem)
        if self.reason is None:
            self.service = RenderService(RenderCache.for_paths(paths), self)
            self.service.unavailable.connect(self._on_unavailable)
            self.service.start()
            self.player = PartnerPlayer(self)
        else:
            log.info("partner voice unavailable: %s", self.reason)

    @property
    def available(self) -> bool:
        """True when partner lines can be heard."""
        return self.service is not None and self.reason is None

    def _on_unavailable(self, reason: str) -> None:
        self.reason = reason

    def casting(
        self, characters: list[str], voices: ScriptVoiceStore | None, script_id: int | None
    ) -> dict[str, VoiceSettings]:
        """Stored voices for the script, with new characters cast and remembered."""
        rows, sid = _voice_rows(voices, script_id)
        catalog = self.service.catalog if self.service is not None else None
        return cast_script(characters, catalog, rows, sid)

    def reader_for(
        self, characters: list[str], voices: ScriptVoiceStore | None, script_id: int | None
    ) -> PartnerReader | None:
        """A reader for one rehearsal (replacing the previous one), or None without voice."""
        if self._reader is not None:
            self._reader.disconnect_sources()
            self._reader.deleteLater()
            self._reader = None
        if not self.available or self.service is None or self.player is None:
            return None
        prefs = self.voice_prefs(voices, script_id)
        self._reader = PartnerReader(
            self.service,
            self.player,
            self.casting(characters, voices, script_id),
            table=self.table,
            pronunciations=prefs.pronunciations,
            read_parentheticals=prefs.read_parentheticals,
            parent=self,
        )
        return self._reader

    @staticmethod
    def voice_prefs(voices: ScriptVoiceStore | None, script_id: int | None) -> VoicePrefs:
        """The script's respellings and whether parentheticals are read aloud."""
        rows, sid = _voice_rows(voices, script_id)
        if rows is None or sid is None:
            return VoicePrefs()
        prefs = load_voice_prefs(rows, sid)
        for problem in prefs.problems:
            log.warning("stored voice preferences: %s", problem)
        return prefs

    def open_casting_dialog(
        self,
        parent: QWidget,
        characters: list[str],
        voices: ScriptVoiceStore | None,
        script_id: int | None,
        sample_lines: dict[str, str] | None = None,
    ) -> CastingDialog:
        """The Voices dialog for a script; on OK the choices are stored and heard at once.

        The dialog only emits what was chosen; storing it and handing it to the reader
        happen here, so the dialog knows nothing of the store or of this class.
        """
        from rehearsal.ui.casting_dialog import CastingDialog

        prefs = self.voice_prefs(voices, script_id)
        dialog = CastingDialog(
            self,
            characters,
            self.casting(characters, voices, script_id),
            parent,
            pronunciations=prefs.pronunciations,
            read_parentheticals=prefs.read_parentheticals,
            sample_lines=sample_lines,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def apply(casting: dict[str, VoiceSettings], words: Pronunciations, read: bool) -> None:
            rows, sid = _voice_rows(voices, script_id)
            if rows is not None and sid is not None:
                remember_voices(rows, sid, casting, words, read)
            if self._reader is not None:
                self._reader.casting = dict(casting)
                self._reader.pronunciations = words
                self._reader.read_parentheticals = read

        dialog.casting_changed.connect(apply)
        dialog.open()
        return dialog

    def close(self) -> None:
        """Stop the player and end the worker process (before the app quits)."""
        if self.player is not None:
            self.player.close()
        if self.service is not None:
            self.service.shutdown()
