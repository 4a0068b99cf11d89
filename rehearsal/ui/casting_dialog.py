"""Casting the scene partners: a voice per character, how names are said, what is read.

The voice lists come from the render worker, which may still be starting or may be
missing altogether: then voices cannot be chosen, but rate, pitch and volume still can and
are kept for when the engine runs. The dialog says which of these it is.

Previews go through the app's one render worker and player, so they never block the
window and sound exactly like the rehearsal will (respelt names included); each says one of
the character's own lines (``sample_lines``), since that is what the actor will act with. Nothing is
stored here: on OK, ``casting_changed`` hands the result to the caller, which keeps it
with the script and gives it to the reader.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.speech.casting import VoiceSettings, cast_characters, describe, preview_text
from rehearsal.speech.direction import Pronunciations, plan_text
from rehearsal.speech.voices import VoiceCatalog
from rehearsal.ui.casting_table import (
    COL_CHARACTER,
    COL_CLARITY,
    COL_PITCH,
    COL_PREVIEW,
    COL_RATE,
    COL_VARIANT,
    COL_VOICE,
    COL_VOLUME,
    EDITABLE_COLUMNS,
    CastingDelegate,
    CastingTableModel,
    PronunciationsModel,
)
from rehearsal.ui.qt_player import PartnerPlayer, RenderService
from rehearsal.ui.secondary_window import fit_to_screen
from rehearsal.ui.theme import set_look

_preview_tokens = itertools.count(1)


class VoiceOutput(Protocol):
    """The app's render worker and player, as the dialog uses them for previews.

    :class:`~rehearsal.ui.speech_support.SpeechSupport` provides this and owns the dialog;
    asking for only these four things keeps the dialog from importing its owner.
    """

    @property
    def service(self) -> RenderService | None:
        """The render worker's GUI-thread side, or None without a voice."""
        ...

    @property
    def player(self) -> PartnerPlayer | None:
        """The player previews go through, or None without a voice."""
        ...

    @property
    def available(self) -> bool:
        """True when previews can be heard."""
        ...

    @property
    def reason(self) -> str | None:
        """Why nothing can be heard, when nothing can."""
        ...


@dataclass
class _Preview:
    """The one preview in progress: rendering until ``token`` is set, then playing."""

    row: int
    request_id: int
    token: int | None = None


class CastingDialog(QDialog):
    """Voices per character, the script's respellings and the parentheticals choice.

    ``casting_changed(casting, pronunciations, read_parentheticals)`` is emitted on OK.
    """

    casting_changed = Signal(dict, object, bool)

    def __init__(
        self,
        support: VoiceOutput,
        characters: list[str],
        casting: dict[str, VoiceSettings],
        parent: QWidget | None = None,
        *,
        pronunciations: Pronunciations | None = None,
        read_parentheticals: bool = False,
        sample_lines: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.sample_lines = dict(sample_lines or {})
        self.setWindowTitle(self.tr("Voices"))
        self.setAccessibleName(self.tr("Voices and pronunciation"))
        fit_to_screen(self, 980, 480)
        self.support = support
        self.characters = list(characters)
        catalog = support.service.catalog if support.service is not None else None
        self.model = CastingTableModel(self._complete(casting, catalog), catalog, self)
        self.delegate = CastingDelegate(self)
        self.pronunciation_model = PronunciationsModel(pronunciations or Pronunciations(), self)
        self._preview: _Preview | None = None
        self._buttons: list[QToolButton] = []
        if catalog is not None:
            self.delegate.set_catalog(catalog, self._language(catalog))
        self._build(read_parentheticals)
        self._connect()
        self._open_editors()
        self._update_speech_state()

    def _complete(
        self, casting: dict[str, VoiceSettings], catalog: VoiceCatalog | None
    ) -> dict[str, VoiceSettings]:
        """Every character with settings: a missing or unknown voice is cast anew.

        Kept voices are spelt as the engine lists them, so the lists find them.
        """
        if catalog is None:
            return {name: casting.get(name, VoiceSettings()) for name in self.characters}
        cast = cast_characters(self.characters, catalog, existing=casting)
        return {
            name: replace(settings, voice_id=catalog.canonical(settings.voice_id))
            for name, settings in cast.items()
        }

    # -- building --------------------------------------------------------------------------

    def _build(self, read_parentheticals: bool) -> None:
        self.notice = QLabel(self)
        self.notice.setObjectName("voice_notice")
        set_look(self.notice, "warning")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("About the voice lists"))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Voices and pronunciation"))
        self.tabs.addTab(self._build_voices_tab(), self.tr("Voices"))
        self.tabs.addTab(self._build_pronunciation_tab(), self.tr("Pronunciation"))
        self.read_parentheticals = QCheckBox(self.tr("Read parentheticals aloud"), self)
        self.read_parentheticals.setChecked(read_parentheticals)
        self.read_parentheticals.setToolTip(
            self.tr("Say directions such as “(whispering)” as well as acting them out")
        )
        self.status = QLabel(self)
        self.status.setObjectName("preview_status")
        self.status.setAccessibleName(self.tr("Preview"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.read_parentheticals)
        layout.addLayout(bottom)

    def _build_voices_tab(self) -> QWidget:
        page = QWidget(self)
        self.table = QTableView(page)
        self.table.setAccessibleName(self.tr("Casting"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        row_height = max(QComboBox().sizeHint().height(), QSpinBox().sizeHint().height()) + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_VOICE, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(n) for n in self.characters), default=80)
        header.resizeSection(COL_CHARACTER, min(max(110, widest + 24), 220))
        for column, width in (
            (COL_VARIANT, 150),
            (COL_RATE, 110),
            (COL_PITCH, 72),
            (COL_VOLUME, 86),
            (COL_CLARITY, 120),
            (COL_PREVIEW, 108),
        ):
            header.resizeSection(column, width)
        for row, name in enumerate(self.characters):
            button = QToolButton(self.table)
            button.setText(self.tr("Preview"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(self.tr("Preview the voice of %s") % name)
            button.clicked.connect(lambda _checked=False, r=row: self._on_preview_clicked(r))
            self._buttons.append(button)
            self.table.setIndexWidget(self.model.index(row, COL_PREVIEW), button)
        self.recast_button = QPushButton(self.tr("Recast automatically"), page)
        self.recast_button.setAccessibleName(self.tr("Recast automatically"))
        hint = QLabel(self.tr("Voices are kept with this script."), page)
        hint.setEnabled(False)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.recast_button)
        row_layout.addStretch(1)
        row_layout.addWidget(hint)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_layout)
        return page

    def _build_pronunciation_tab(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Respell words the voice gets wrong, as they should sound — “Siobhan” as "
                "“Shiv-awn”. They apply to every line of this script; Preview a character "
                "to hear a respelt name."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.pronunciation_table = QTableView(page)
        self.pronunciation_table.setAccessibleName(self.tr("Pronunciations"))
        self.pronunciation_table.setModel(self.pronunciation_model)
        self.pronunciation_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.pronunciation_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pronunciation_table.verticalHeader().hide()
        self.pronunciation_table.horizontalHeader().setStretchLastSection(True)
        self.pronunciation_table.horizontalHeader().resizeSection(0, 240)
        self.word_edit = QLineEdit(page)
        self.word_edit.setPlaceholderText(self.tr("Written, e.g. Siobhan"))
        self.word_edit.setAccessibleName(self.tr("Word as written"))
        self.say_as_edit = QLineEdit(page)
        self.say_as_edit.setPlaceholderText(self.tr("Said as, e.g. Shiv-awn"))
        self.say_as_edit.setAccessibleName(self.tr("How to say it"))
        self.add_button = QPushButton(self.tr("Add"), page)
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(self.tr("Remove"), page)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        self.pronunciation_problem = QLabel(page)
        self.pronunciation_problem.setObjectName("pronunciation_problem")
        set_look(self.pronunciation_problem, "error")
        form = QHBoxLayout()
        form.addWidget(self.word_edit, 1)
        form.addWidget(QLabel("→", page))
        form.addWidget(self.say_as_edit, 1)
        form.addWidget(self.add_button)
        form.addWidget(self.remove_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.pronunciation_table, 1)
        layout.addLayout(form)
        layout.addWidget(self.pronunciation_problem)
        return page

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.recast_button.clicked.connect(self._on_recast)
        self.add_button.clicked.connect(self._on_add_pronunciation)
        self.word_edit.installEventFilter(self)
        self.say_as_edit.installEventFilter(self)
        self.remove_button.clicked.connect(self._on_remove_pronunciation)
        selection = self.pronunciation_table.selectionModel()
        selection.selectionChanged.connect(self._on_pronunciation_selected)
        self.model.dataChanged.connect(self._on_casting_edited)
        service, player = self.support.service, self.support.player
        if service is not None:
            service.ready.connect(self._on_catalog_ready)
            service.unavailable.connect(self._on_speech_unavailable)
            service.rendered.connect(self._on_rendered)
            service.failed.connect(self._on_render_failed)
        if player is not None:
            player.started.connect(self._on_preview_started)
            player.finished.connect(self._on_preview_ended)
            player.stopped.connect(self._on_preview_ended)
            player.failed.connect(self._on_preview_failed)

    def _service(self) -> RenderService | None:
        """The app's render service, unless the app already shut it down."""
        service = self.support.service
        return service if service is not None and shiboken6.isValid(service) else None

    def _player(self) -> PartnerPlayer | None:
        """The app's player, unless the app already closed it (it deletes itself)."""
        player = self.support.player
        return player if player is not None and shiboken6.isValid(player) else None

    def _disconnect(self) -> None:
        """Stop listening to the app-wide service and player, which outlive the dialog."""
        service, player = self._service(), self._player()
        pairs = []
        if service is not None:
            pairs += [
                (service.ready, self._on_catalog_ready),
                (service.unavailable, self._on_speech_unavailable),
                (service.rendered, self._on_rendered),
                (service.failed, self._on_render_failed),
            ]
        if player is not None:
            pairs += [
                (player.started, self._on_preview_started),
                (player.finished, self._on_preview_ended),
                (player.stopped, self._on_preview_ended),
                (player.failed, self._on_preview_failed),
            ]
        for signal, slot in pairs:
            signal.disconnect(slot)

    def _open_editors(self) -> None:
        """Editors in every cell the model lets change, so each row reads like a form."""
        for row in range(self.model.rowCount()):
            for column in EDITABLE_COLUMNS:
                index = self.model.index(row, column)
                editable = bool(self.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
                if editable and not self.table.isPersistentEditorOpen(index):
                    self.table.openPersistentEditor(index)
                    # Qt selects the text of every new editor; a form shows plain values.
                    text = self.table.indexWidget(index).findChild(QLineEdit)
                    if text is not None:
                        text.deselect()

    # -- state -----------------------------------------------------------------------------

    def _update_speech_state(self) -> None:
        available = self.support.available
        catalog = self.model.catalog
        if not available:
            reason = self.support.reason or self.tr("the speech engine is not running")
            self.notice.setText(
                self.tr(
                    "The partner cannot speak on this computer (%s), so voices cannot be "
                    "chosen or previewed. Rate, pitch and volume are kept for when it can."
                )
                % reason
            )
        elif catalog is None:
            self.notice.setText(
                self.tr(
                    "The speech engine is starting; the voice lists appear in a moment. "
                    "Rate, pitch and volume can be set now."
                )
            )
        self.notice.setVisible(catalog is None or not available)
        self.recast_button.setEnabled(catalog is not None)
        self.recast_button.setToolTip(
            self.tr("Give every character a different voice again, replacing your choices")
            if catalog is not None
            else self.tr("Needs the speech engine's voice list")
        )
        for row, button in enumerate(self._buttons):
            button.setEnabled(available)
            self._style_preview_button(row)

    def _style_preview_button(self, row: int) -> None:
        button = self._buttons[row]
        active = self._preview is not None and self._preview.row == row
        icon = QStyle.StandardPixmap.SP_MediaStop if active else QStyle.StandardPixmap.SP_MediaPlay
        button.setIcon(self.style().standardIcon(icon))
        button.setText(self.tr("Stop") if active else self.tr("Preview"))
        if not self.support.available:
            reason = self.support.reason or self.tr("the speech engine is not running")
            button.setToolTip(self.tr("No voice to preview: %s") % reason)
        else:
            settings = self.model.settings_at(row)
            button.setToolTip(
                self.tr("Hear %s: %s")
                % (self.model.character_at(row), describe(settings, self.model.catalog))
            )

    # -- the voices tab --------------------------------------------------------------------

    @Slot(object)
    def _on_catalog_ready(self, catalog: object) -> None:
        if not isinstance(catalog, VoiceCatalog):
            return
        self.delegate.set_catalog(catalog, self._language(catalog))
        self.model.set_casting(self._complete(self.model.casting(), catalog))
        self.model.set_catalog(catalog)
        self._open_editors()
        self._update_speech_state()

    def _language(self, catalog: VoiceCatalog) -> str:
        """The language of the first cast voice the engine knows; English otherwise."""
        for settings in self.model.casting().values():
            voice = catalog.voice(settings.voice_id)
            if voice is not None:
                return voice.language.split("-")[0]
        return "en"

    @Slot(str)
    def _on_speech_unavailable(self, _reason: str) -> None:
        self._preview = None
        self.status.clear()
        self._update_speech_state()

    @Slot()
    def _on_recast(self) -> None:
        catalog = self.model.catalog
        if catalog is not None:
            self.model.set_casting(cast_characters(self.characters, catalog))

    @Slot(QModelIndex, QModelIndex)
    def _on_casting_edited(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            if 0 <= row < len(self._buttons):
                self._style_preview_button(row)

    # -- previews --------------------------------------------------------------------------

    def _on_preview_clicked(self, row: int) -> None:
        playing = self._preview
        self._stop_preview()
        service = self._service()
        if (playing is not None and playing.row == row) or service is None:
            return
        name = self.model.character_at(row)
        plan = plan_text(
            preview_text(name, self.sample_lines.get(name)),
            self.model.settings_at(row),
            pronunciations=self.pronunciation_model.pronunciations(),
        )
        self._preview = _Preview(row, service.submit(plan))
        self.status.setText(self.tr("Getting %s's voice ready…") % name)
        self._style_preview_button(row)

    def _stop_preview(self) -> None:
        preview, self._preview = self._preview, None
        if preview is None:
            return
        service, player = self._service(), self._player()
        if preview.token is None and service is not None:
            service.cancel([preview.request_id])
        elif player is not None and player.current_token == preview.token:
            player.stop()
        self.status.clear()
        self._style_preview_button(preview.row)

    @Slot(int, str)
    def _on_rendered(self, request_id: int, path: str) -> None:
        preview = self._preview
        player = self._player()
        if preview is None or preview.request_id != request_id or player is None:
            return
        preview.token = -next(_preview_tokens)  # never a rehearsal's utterance number
        player.play(Path(path), preview.token)

    @Slot(int, str)
    def _on_render_failed(self, request_id: int, message: str) -> None:
        preview = self._preview
        if preview is not None and preview.request_id == request_id:
            self._end_preview(self.tr("Could not preview %s: %s"), message)

    @Slot(int)
    def _on_preview_started(self, token: int) -> None:
        if self._preview is not None and self._preview.token == token:
            name = self.model.character_at(self._preview.row)
            self.status.setText(self.tr("%s is speaking…") % name)

    @Slot(int)
    def _on_preview_ended(self, token: int) -> None:
        if self._preview is not None and self._preview.token == token:
            self._end_preview()

    @Slot(int, str)
    def _on_preview_failed(self, token: int, message: str) -> None:
        if self._preview is not None and self._preview.token == token:
            self._end_preview(self.tr("Could not play %s: %s"), message)

    def _end_preview(self, problem: str | None = None, message: str = "") -> None:
        preview, self._preview = self._preview, None
        if preview is None:
            return
        name = self.model.character_at(preview.row)
        self.status.setText(problem % (name, message) if problem else "")
        self._style_preview_button(preview.row)

    # -- pronunciation ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the respelling fields adds the entry instead of pressing OK."""
        if (
            watched in (self.word_edit, self.say_as_edit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_add_pronunciation()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _on_add_pronunciation(self) -> None:
        word, say_as = self.word_edit.text(), self.say_as_edit.text()
        if not word.strip() and not say_as.strip():
            return
        try:
            row = self.pronunciation_model.add(word, say_as)
        except ValueError as exc:
            problem = str(exc)
            self.pronunciation_problem.setText(problem[:1].upper() + problem[1:])
            return
        self.pronunciation_problem.clear()
        self.word_edit.clear()
        self.say_as_edit.clear()
        self.word_edit.setFocus()
        self.pronunciation_table.selectRow(row)

    @Slot()
    def _on_remove_pronunciation(self) -> None:
        rows = self.pronunciation_table.selectionModel().selectedRows()
        if rows:
            self.pronunciation_model.remove_row(rows[0].row())
        self.remove_button.setEnabled(False)

    @Slot()
    def _on_pronunciation_selected(self) -> None:
        self.remove_button.setEnabled(self.pronunciation_table.selectionModel().hasSelection())

    # -- closing ---------------------------------------------------------------------------

    def accept(self) -> None:
        self.casting_changed.emit(
            self.model.casting(),
            self.pronunciation_model.pronunciations(),
            self.read_parentheticals.isChecked(),
        )
        super().accept()

    def done(self, result: int) -> None:
        """Silence a preview and let go of the shared service and player."""
        self._stop_preview()
        self._disconnect()
        super().done(result)
