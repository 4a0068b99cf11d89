"""The casting table (model and editors) and the pronunciation list, for the Voices dialog.

A row per character holds a :class:`VoiceSettings`; each edit builds new settings, so the
dataclass's own checks keep a bad number out and the model never holds a casting the
engine would refuse. A voice is a language voice (the accent) plus an optional variant
(the timbre), as eSpeak NG builds them, so the two are separate columns rather than
thousands of combinations; Flite's and Festival's voices take no variant, and Festival's
cannot change pitch, so those editors are disabled for them with a tooltip saying why.
The Clarity column shows which program speaks and how clearly it was measured to speak.
Editors stay open in every cell, so a row reads like a form.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from rehearsal.speech.casting import (
    FEMALE_VARIANTS,
    MALE_VARIANTS,
    PITCH_RANGE,
    RATE_RANGE,
    VOLUME_RANGE,
    VoiceSettings,
    describe,
)
from rehearsal.speech.direction import Pronunciations
from rehearsal.speech.voices import VariantInfo, VoiceCatalog, split_voice_id
from rehearsal.ui.rows_model import ROOT as _ROOT
from rehearsal.ui.rows_model import Index as _Index
from rehearsal.ui.rows_model import RowsTableModel

COL_CHARACTER = 0
COL_VOICE = 1
COL_VARIANT = 2
COL_RATE = 3
COL_PITCH = 4
COL_VOLUME = 5
COL_CLARITY = 6
COL_PREVIEW = 7
COLUMN_COUNT = 8

HEADERS = {
    COL_CHARACTER: str(QT_TRANSLATE_NOOP("CastingTableModel", "Character")),
    COL_VOICE: str(QT_TRANSLATE_NOOP("CastingTableModel", "Voice")),
    COL_VARIANT: str(QT_TRANSLATE_NOOP("CastingTableModel", "Variant")),
    COL_RATE: str(QT_TRANSLATE_NOOP("CastingTableModel", "Rate")),
    COL_PITCH: str(QT_TRANSLATE_NOOP("CastingTableModel", "Pitch")),
    COL_VOLUME: str(QT_TRANSLATE_NOOP("CastingTableModel", "Volume")),
    COL_CLARITY: str(QT_TRANSLATE_NOOP("CastingTableModel", "Clarity")),
    COL_PREVIEW: "",
}
BACKEND_LABELS = {
    "flite": str(QT_TRANSLATE_NOOP("CastingTableModel", "Flite")),
    "festival": str(QT_TRANSLATE_NOOP("CastingTableModel", "Festival")),
}
NO_VARIANT = ""
EDITABLE_COLUMNS = (COL_VOICE, COL_VARIANT, COL_RATE, COL_PITCH, COL_VOLUME)
_SEPARATOR = "separator"  # how QComboBox itself marks a separator row


def variant_label(variant: VariantInfo) -> str:
    """``female3`` -> ``Female 3``; a named variant says its gender: ``Alicia (female)``."""
    numbered = re.fullmatch(r"(fe)?male\s*(\d+)", variant.name, re.IGNORECASE)
    if numbered:
        return f"{'Female' if numbered[1] else 'Male'} {numbered[2]}"
    name = variant.name[:1].upper() + variant.name[1:]
    return f"{name} ({variant.gender.value})" if variant.gender else name


def _join(base: str, variant: str | None) -> str:
    return f"{base}+{variant}" if variant else base


def backend_label(catalog: VoiceCatalog, voice_id: str) -> str:
    """Which program speaks ``voice_id``, as the actor knows it."""
    backend = catalog.backend_of(voice_id)
    if backend in BACKEND_LABELS:
        return QCoreApplication.translate("CastingTableModel", BACKEND_LABELS[backend])
    if catalog.variants:
        return "eSpeak NG"
    return QCoreApplication.translate("CastingTableModel", "System voice")


def clarity_label(catalog: VoiceCatalog, voice_id: str) -> str:
    """``Flite · 88 %``: the backend and the measured word accuracy (— when unmeasured)."""
    score = catalog.score_of(voice_id)
    shown = f"{round(score * 100)} %" if score is not None else "—"
    return f"{backend_label(catalog, voice_id)} · {shown}"


class CastingTableModel(RowsTableModel[tuple[str, VoiceSettings]]):
    """One row per character; every change is validated by :class:`VoiceSettings`.

    Without a catalog the voice columns are read-only (an unknown voice would be accepted
    by the engine and silently ignored), while rate, pitch and volume stay editable.
    """

    HEADERS = HEADERS

    def __init__(
        self,
        casting: dict[str, VoiceSettings],
        catalog: VoiceCatalog | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(casting.items(), parent)
        self.catalog = catalog

    def set_catalog(self, catalog: VoiceCatalog | None) -> None:
        """The engine's voices arrived: voice columns become choosable and readable."""
        self.catalog = catalog
        self._changed(0, len(self._rows) - 1)

    def settings_at(self, row: int) -> VoiceSettings:
        return self._rows[row][1]

    def character_at(self, row: int) -> str:
        return self._rows[row][0]

    def casting(self) -> dict[str, VoiceSettings]:
        return dict(self._rows)

    def set_casting(self, casting: dict[str, VoiceSettings]) -> None:
        """New settings for the same characters (a recast); editors follow the change."""
        self._rows = [(name, casting.get(name, settings)) for name, settings in self._rows]
        self._changed(0, len(self._rows) - 1)

    def _changed(self, first: int, last: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMN_COUNT - 1))

    # Qt interface -----------------------------------------------------------------------

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column in (COL_RATE, COL_PITCH, COL_VOLUME) or (
            column in (COL_VOICE, COL_VARIANT) and self.catalog is not None
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, settings = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(name, settings, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(settings, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(settings, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_RATE, COL_PITCH):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, settings: VoiceSettings, column: int) -> str:
        catalog = self.catalog
        if catalog is not None and column == COL_CLARITY:
            return self.tr(
                "How many words an offline speech recogniser understood, over 20 script "
                "lines spoken in this voice (measured by benchmarks/bench_voices.py). "
                "Clearer voices are cast first."
            )
        if (
            catalog is not None
            and column == COL_PITCH
            and not catalog.supports(settings.voice_id, "pitch")
        ):
            return self.tr("%s voices cannot change pitch; rate and volume apply.") % (
                backend_label(catalog, settings.voice_id)
            )
        if catalog is not None and column == COL_VARIANT and not self.takes_variant(settings):
            return self.tr("Only eSpeak NG voices have variants.")
        return describe(settings, self.catalog)

    def takes_variant(self, settings: VoiceSettings) -> bool:
        """Whether this row's voice can take an eSpeak variant (Flite's cannot)."""
        return self.catalog is None or self.catalog.backend_of(settings.voice_id) == "pyttsx3"

    def supports(self, row: int, setting: str) -> bool:
        """Whether the row's backend can change ``pitch``/``rate``/``volume``."""
        settings = self.settings_at(row)
        return self.catalog is None or self.catalog.supports(settings.voice_id, setting)

    def _display(self, name: str, settings: VoiceSettings, column: int) -> str | None:
        base, variant_id = split_voice_id(settings.voice_id)
        if column == COL_CHARACTER:
            return name
        if column == COL_VOICE:
            voice = self.catalog.voice(settings.voice_id) if self.catalog else None
            return voice.name if voice else base
        if column == COL_VARIANT:
            variant = self.catalog.variant(settings.voice_id) if self.catalog else None
            return variant_label(variant) if variant else (variant_id or self.tr("None"))
        if column == COL_RATE:
            return self.tr("%d wpm") % settings.rate
        if column == COL_PITCH:
            return str(settings.pitch)
        if column == COL_VOLUME:
            return f"{round(settings.volume * 100)} %"
        if column == COL_CLARITY:
            return clarity_label(self.catalog, settings.voice_id) if self.catalog else "—"
        return None

    @staticmethod
    def _edit_value(settings: VoiceSettings, column: int) -> Any:
        base, variant = split_voice_id(settings.voice_id)
        return {
            COL_VOICE: base,
            COL_VARIANT: variant or NO_VARIANT,
            COL_RATE: settings.rate,
            COL_PITCH: settings.pitch,
            COL_VOLUME: round(settings.volume * 100),  # whole percent, as the actor sets it
        }.get(column)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        name, current = self._rows[index.row()]
        base, variant = split_voice_id(current.voice_id)
        column = index.column()
        try:
            if column in (COL_VOICE, COL_VARIANT):
                assert self.catalog is not None  # the flags say so
                if column == COL_VOICE:
                    base = str(value)
                    if self.catalog.backend_of(base) != "pyttsx3":
                        variant = None  # only eSpeak voices take a variant
                elif not self.takes_variant(current):
                    return False
                else:
                    variant = str(value) or None
                voice_id = _join(base, variant)
                if self.catalog.check(voice_id) is not None:
                    return False
                updated = replace(current, voice_id=self.catalog.canonical(voice_id))
            elif column == COL_RATE:
                updated = replace(current, rate=int(value))
            elif column == COL_PITCH:
                updated = replace(current, pitch=int(value))
            else:
                updated = replace(current, volume=int(value) / 100)
        except (TypeError, ValueError):
            return False
        if updated != current:
            self._rows[index.row()] = (name, updated)
            self._changed(index.row(), index.row())
        return True


class PronunciationsModel(QAbstractTableModel):
    """Respellings as rows (written word, how it is said); the respelling is editable."""

    COL_WORD = 0
    COL_SAY_AS = 1

    def __init__(self, pronunciations: Pronunciations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = Pronunciations(pronunciations.to_dict())
        self._written: dict[str, str] = {}  # key -> the word as the actor typed it
        self._keys = sorted(self._entries.to_dict())

    def pronunciations(self) -> Pronunciations:
        return Pronunciations(self._entries.to_dict())

    def add(self, word: str, say_as: str) -> int:
        """Add or replace a respelling; returns its row. Raises ValueError naming the problem."""
        self._entries.set(word, say_as)
        key = " ".join(word.split()).lower()
        self._written[key] = " ".join(word.split())
        self._reset()
        return self._keys.index(key)

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self._entries.remove(self._keys[row])
            self._written.pop(self._keys[row], None)
            self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._keys = sorted(self._entries.to_dict())
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {self.COL_WORD: self.tr("Written"), self.COL_SAY_AS: self.tr("Said as")}.get(
                section
            )
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_SAY_AS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        key = self._keys[index.row()]
        if index.column() == self.COL_WORD:
            return self._written.get(key, key)
        return self._entries.to_dict()[key] if index.column() == self.COL_SAY_AS else None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.COL_SAY_AS:
            return False
        try:
            self._entries.set(self._keys[index.row()], str(value))
        except (IndexError, ValueError):
            return False
        self.dataChanged.emit(index, index)
        return True


class CastingDelegate(QStyledItemDelegate):
    """Lists and spin boxes that stay open in every editable cell and save at once.

    The voice and variant lists are built once per catalog and shared by every row's
    combo box, instead of 130 voices and 100 variants being listed again for each row.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.voices = QStandardItemModel(self)
        self.variants = QStandardItemModel(self)

    def set_catalog(self, catalog: VoiceCatalog, language: str) -> None:
        """Fill the shared lists: the script's language first, the most human variants next."""
        self.voices.clear()
        clear = [v for v in catalog.voices if v.backend != "pyttsx3"]
        clear.sort(key=lambda v: (-(catalog.score_of(v.id) or -1.0), v.name))
        first = [v for v in catalog.for_language(language) if v not in clear]
        rest = sorted(
            (v for v in catalog.voices if v not in (*clear, *first)), key=lambda v: v.name
        )
        for group in (clear, first, rest):
            if group and self.voices.rowCount():
                self._add_separator(self.voices)
            for voice in group:
                # An eSpeak language voice's clarity depends on its variant: the Clarity
                # column shows that; here only the voices that stand alone say theirs.
                score = catalog.score_of(voice.id) if voice.backend != "pyttsx3" else None
                text = voice.name if score is None else f"{voice.name} — {round(score * 100)} %"
                self.add_item(self.voices, text, voice.id)
        self.variants.clear()
        self.add_item(self.variants, self.tr("None"), NO_VARIANT)
        known = {v.id.lower(): v for v in catalog.variants}
        human = [known[n] for n in (*FEMALE_VARIANTS, *MALE_VARIANTS) if n in known]
        others = sorted((v for v in catalog.variants if v not in human), key=variant_label)
        for variants in (sorted(human, key=variant_label), others):
            if variants:
                self._add_separator(self.variants)
            for variant in variants:
                self.add_item(self.variants, variant_label(variant), variant.id)

    @staticmethod
    def add_item(model: QStandardItemModel, text: str, value: str) -> None:
        item = QStandardItem(text)
        item.setData(value, Qt.ItemDataRole.UserRole)
        model.appendRow(item)

    @staticmethod
    def _add_separator(model: QStandardItemModel) -> None:
        item = QStandardItem()
        item.setData(_SEPARATOR, Qt.ItemDataRole.AccessibleDescriptionRole)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        model.appendRow(item)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        column = index.column()
        editor: QComboBox | QSpinBox
        if column in (COL_VOICE, COL_VARIANT):
            editor = QComboBox(parent)
            editor.setModel(self.voices if column == COL_VOICE else self.variants)
            editor.setMaxVisibleItems(18)
            editor.currentIndexChanged.connect(lambda _row: self.commitData.emit(editor))
        elif column in (COL_RATE, COL_PITCH, COL_VOLUME):
            editor = QSpinBox(parent)
            low, high = {
                COL_RATE: RATE_RANGE,
                COL_PITCH: PITCH_RANGE,
                COL_VOLUME: (VOLUME_RANGE[0] * 100, VOLUME_RANGE[1] * 100),
            }[column]
            editor.setRange(round(low), round(high))
            editor.setSuffix({COL_RATE: self.tr(" wpm"), COL_VOLUME: " %"}.get(column, ""))
            editor.setSingleStep(1 if column == COL_PITCH else 5)
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            editor.valueChanged.connect(lambda _value: self.commitData.emit(editor))
        else:
            return super().createEditor(parent, option, index)
        character = str(index.model().index(index.row(), COL_CHARACTER).data())
        what = QCoreApplication.translate("CastingTableModel", HEADERS[column]).lower()
        editor.setAccessibleName(self.tr("%s of %s") % (what, character))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        blocked = editor.blockSignals(True)  # showing the model's value is not an edit
        try:
            if isinstance(editor, QComboBox):
                row = editor.findData(value, Qt.ItemDataRole.UserRole)
                model = editor.model()
                if row < 0 and isinstance(model, QStandardItemModel):
                    # A stored voice this engine lacks: show it rather than a blank box.
                    self.add_item(model, self.tr("%s (not installed)") % value, str(value))
                    row = editor.count() - 1
                editor.setCurrentIndex(row)
            elif isinstance(editor, QSpinBox) and isinstance(value, int):
                editor.setValue(value)
            self._enable(editor, index)
        finally:
            editor.blockSignals(blocked)

    @staticmethod
    def _enable(editor: QWidget, index: _Index) -> None:
        """Grey out what the row's voice cannot change, with the model's reason as tooltip."""
        model = index.model()
        if not isinstance(model, CastingTableModel):
            return
        row = index.row()
        if index.column() == COL_VARIANT:
            usable = model.takes_variant(model.settings_at(row))
        elif index.column() == COL_PITCH:
            usable = model.supports(row, "pitch")
        else:
            return
        editor.setEnabled(usable)
        editor.setToolTip("" if usable else str(index.data(Qt.ItemDataRole.ToolTipRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(Qt.ItemDataRole.UserRole))
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
