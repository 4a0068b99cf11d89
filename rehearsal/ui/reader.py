"""The partner's voice as the rehearsal controller uses it.

Joins the speech layer's parts: lines are planned with the character's cast voice and the
delivery their parentheticals ask for, rendered ahead by the :class:`RenderService` and
played by the :class:`PartnerPlayer`. The engine speaks in utterances (a line split at its
written beats), so prefetching plans the very same chunks: the cache key must match, or
the partner would come in a render late.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from rehearsal.engine.lines import RehearsalLine, Speech
from rehearsal.script.model import Part, PartKind
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import (
    DirectionTable,
    LinePlan,
    Pronunciations,
    plan_line,
    plan_text,
    plan_words,
)
from rehearsal.ui.qt_player import PartnerPlayer, RenderService

PREFETCH_CHUNKS = 4


class PartnerReader(QObject):
    """Says partner lines and director notes; reports ``finished``/``failed`` per utterance."""

    finished = Signal(int)
    failed = Signal(int, str)

    def __init__(
        self,
        service: RenderService,
        player: PartnerPlayer,
        casting: Mapping[str, VoiceSettings],
        *,
        narrator: VoiceSettings | None = None,
        director: VoiceSettings | None = None,
        table: DirectionTable | None = None,
        pronunciations: Pronunciations | None = None,
        read_parentheticals: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.player = player
        self.casting = dict(casting)
        self.narrator = narrator or VoiceSettings()
        self.director = director or VoiceSettings(pitch=30)
        self.table = table
        self.pronunciations = pronunciations
        self.read_parentheticals = read_parentheticals
        self._waiting: tuple[int, LinePlan] | None = None
        service.rendered.connect(self._on_rendered)
        service.failed.connect(self._on_render_failed)
        player.finished.connect(self.finished)
        player.failed.connect(self.failed)

    def disconnect_sources(self) -> None:
        """Stop listening to the shared service and player (another reader takes over)."""
        self.service.rendered.disconnect(self._on_rendered)
        self.service.failed.disconnect(self._on_render_failed)
        self.player.finished.disconnect(self.finished)
        self.player.failed.disconnect(self.failed)

    # -- planning --------------------------------------------------------------------------
    def voice_for(self, character: str | None) -> VoiceSettings:
        """The cast voice of ``character``; the narrator reads action and unknown parts."""
        if character is None:
            return self.narrator
        return self.casting.get(character, self.narrator)

    def plan(self, text: str, character: str | None, line: RehearsalLine | None) -> LinePlan:
        """The render plan for one utterance: the line's parentheticals shape delivery."""
        settings = self.voice_for(character)
        if line is None or character is None:
            return plan_text(text, settings, table=self.table, pronunciations=self.pronunciations)
        directions = [p for p in line.parts if p.kind is PartKind.PARENTHETICAL]
        return plan_line(
            [*directions, Part(PartKind.SPEECH, text)],
            settings,
            table=self.table,
            pronunciations=self.pronunciations,
            read_parentheticals=self.read_parentheticals,
            narrator=self.narrator,
            pauses=False,  # the engine times written beats itself
        )

    def _chunk_plans(self, line: RehearsalLine) -> list[LinePlan]:
        return [
            self.plan(chunk.text, line.speaker, line)
            for chunk in line.chunks
            if isinstance(chunk, Speech) and chunk.text.strip()
        ]

    # -- the controller's interface ----------------------------------------------------------
    def prefetch(self, lines: Sequence[RehearsalLine]) -> None:
        """Render the next partner utterances ahead of their cues."""
        plans: list[LinePlan] = []
        for line in lines:
            plans.extend(self._chunk_plans(line))
            if len(plans) >= PREFETCH_CHUNKS:
                break
        self.service.prefetch(plans[:PREFETCH_CHUNKS])

    def speak(
        self, utterance: int, text: str, character: str | None, line: RehearsalLine | None
    ) -> None:
        """Say ``text`` now (or as soon as it is rendered)."""
        self._say(utterance, self.plan(text, character, line))

    def speak_director(self, utterance: int, text: str) -> None:
        """Say a director note in the director's voice."""
        self._say(utterance, plan_text(text, self.director))

    def stop(self) -> None:
        """Cut the voice off at once."""
        self._waiting = None
        self.player.stop()

    def set_speed(self, factor: float) -> None:
        """Faster or slower partner (the Reader speed slider)."""
        self.player.setPlaybackRate(max(0.25, factor))

    def _say(self, utterance: int, plan: LinePlan) -> None:
        if not plan_words(plan).strip():
            QTimer.singleShot(0, lambda: self.finished.emit(utterance))
            return
        path = self.service.take(plan)
        if path is not None:
            self._waiting = None
            self.player.play(path, utterance)
            return
        failure = self.service.ahead.failure(plan)
        if failure is not None:
            QTimer.singleShot(0, lambda: self.failed.emit(utterance, failure))
            return
        self._waiting = (utterance, plan)

    @Slot(int, str)
    def _on_rendered(self, _request_id: int, _path: str) -> None:
        if self._waiting is None:
            return
        utterance, plan = self._waiting
        path = self.service.ahead.path(plan)
        if path is not None:
            self._waiting = None
            self.player.play(Path(path), utterance)

    @Slot(int, str)
    def _on_render_failed(self, _request_id: int, message: str) -> None:
        if self._waiting is None:
            return
        utterance, plan = self._waiting
        if self.service.ahead.failure(plan) is not None:
            self._waiting = None
            self.failed.emit(utterance, message)
