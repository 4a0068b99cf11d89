"""Setting up a drill: an adjustment drill on this scene, or a cold read of a fresh one.

The dialog collects choices and hands back a plain :mod:`rehearsal.engine.drill_config`
value; it starts nothing itself, so the controller stays the one place that builds drills.
Scenes arrive as ``(label, value)`` pairs with the values the actor has already rehearsed,
so the caller decides what a "scene" is (a scene of an imported script, a page range) and
the dialog only marks the fresh ones and, on request, picks one at random with
:func:`~rehearsal.engine.cold_read.pick_cold_scene`. A random pick stays a surprise: the
dialog never shows which scene it chose.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Collection, Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rehearsal.engine.cold_read import ColdReadSettings, pick_cold_scene
from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.engine.drill_config import (
    DEFAULT_PREP_SECONDS,
    MAX_PREP_SECONDS,
    MAX_TAKES,
    MIN_TAKES,
    WARNING_SECONDS,
    AdjustmentConfig,
    ColdReadConfig,
    DrillConfig,
)
from rehearsal.notes.draw import DrawFilter
from rehearsal.notes.note import Category, Level, Note
from rehearsal.ui.note_labels import category_name, level_name
from rehearsal.ui.prep_time_box import PrepTimeBox
from rehearsal.ui.theme import SPACING, TYPE, font_scaled, set_look

SCENE_ROLE = Qt.ItemDataRole.UserRole  # the caller's value for a scene row


class DrillKind(enum.StrEnum):
    """The two drills, in tab order."""

    ADJUSTMENT = "adjustment"
    COLD_READ = "cold_read"


class NoteFilterBox(QGroupBox):
    """Checkboxes for the kinds and sizes of note to draw; all ticked means "any"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Director notes to draw from"))
        self.setAccessibleName(self.tr("Director notes to draw from"))
        self.category_boxes: dict[Category, QCheckBox] = {}
        self.level_boxes: dict[Level, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING.large)
        for index, category in enumerate(Category):
            # "&" would be read as a keyboard mnemonic: "Emotion & intensity" needs "&&".
            box = QCheckBox(category_name(category).replace("&", "&&"), self)
            box.setChecked(True)
            box.setAccessibleName(self.tr("Notes about %s") % category_name(category))
            self.category_boxes[category] = box
            grid.addWidget(box, index // 3, index % 3)
        levels = QHBoxLayout()
        levels.addWidget(QLabel(self.tr("Size of adjustment:"), self))
        for level in Level:
            box = QCheckBox(level_name(level), self)
            box.setChecked(True)
            box.setAccessibleName(self.tr("%s notes") % level_name(level))
            self.level_boxes[level] = box
            levels.addWidget(box)
        levels.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Notes that match"))
        levels.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(levels)
        for box in (*self.category_boxes.values(), *self.level_boxes.values()):
            box.toggled.connect(self.changed)

    def selection(self) -> DrawFilter:
        """The filter; a full tick list becomes "any" so notes of later decks are included."""
        categories = {c for c, box in self.category_boxes.items() if box.isChecked()}
        levels = {level for level, box in self.level_boxes.items() if box.isChecked()}
        return DrawFilter(
            frozenset() if len(categories) == len(Category) else frozenset(categories),
            frozenset() if len(levels) == len(Level) else frozenset(levels),
        )

    def set_selection(self, selection: DrawFilter) -> None:
        for category, box in self.category_boxes.items():
            box.setChecked(not selection.categories or category in selection.categories)
        for level, box in self.level_boxes.items():
            box.setChecked(not selection.levels or level in selection.levels)

    def is_empty(self) -> bool:
        """Nothing ticked in one of the rows: no note could ever be drawn."""
        return not any(b.isChecked() for b in self.category_boxes.values()) or not any(
            b.isChecked() for b in self.level_boxes.values()
        )


class SceneList(QTreeWidget):
    """The scenes to choose from, asking for room for the rows it has, not a fixed field.

    A tree's default size hint is a fixed 256×192 whatever it holds: a blank field under
    three scenes. This one asks for four to eight rows (more scroll) and grows with the
    dialog.
    """

    MIN_ROWS, MAX_ROWS = 4, 8

    def _height_for(self, rows: int) -> int:
        row = self.sizeHintForRow(0) if self.topLevelItemCount() else self.fontMetrics().height()
        header = self.header().sizeHint().height() if not self.header().isHidden() else 0
        return header + rows * max(1, row) + 2 * self.frameWidth() + 2

    def sizeHint(self) -> QSize:
        rows = min(max(self.topLevelItemCount(), self.MIN_ROWS), self.MAX_ROWS)
        return QSize(super().sizeHint().width(), self._height_for(rows))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height_for(3))


class DrillSetupDialog(QDialog):
    """Choose a drill and its settings; ``config_chosen(config)`` fires on Start.

    ``notes`` (the enabled notes of the deck) lets the dialog say how many notes the filter
    leaves; ``recording_problem`` is why takes cannot be recorded (no microphone), or None.
    """

    config_chosen = Signal(object)  # AdjustmentConfig | ColdReadConfig
    page_cover_changed = Signal(bool)  # see covers_page()

    def __init__(
        self,
        scenes: Sequence[tuple[str, object]] = (),
        rehearsed: Collection[object] = (),
        *,
        notes: Iterable[Note] = (),
        initial: DrillConfig | None = None,
        recording_problem: str | None = None,
        rng: random.Random | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up a drill"))
        self.setAccessibleName(self.tr("Set up a drill"))
        self._scenes = list(scenes)
        self._rehearsed = list(rehearsed)
        self._notes = list(notes)
        self._rng = rng or random.Random()
        self._chosen: DrillConfig | None = None
        self._covering = False

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Kind of drill"))
        self.tabs.addTab(self._build_adjustment(), self.tr("Adjustment drill"))
        self.tabs.addTab(self._build_cold_read(), self.tr("Cold read"))
        self.filter_box = NoteFilterBox(self)
        self.record = QCheckBox(self.tr("Record each take from the microphone"), self)
        self.record.setAccessibleName(self.tr("Record each take"))
        if recording_problem:
            self.record.setEnabled(False)
            self.record.setToolTip(recording_problem)
            self.record.setText(self.tr("Record each take (%s)") % recording_problem.rstrip("."))
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("drill_problem")
        set_look(self.problem_label, "error")
        font_scaled(self.problem_label, TYPE.body, bold=True)
        self.problem_label.setAccessibleName(self.tr("What is missing"))
        self.problem_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start drill"))
        self.start_button.setAccessibleName(self.tr("Start the drill"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.record)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self._connect()
        if initial is not None:
            self.apply(initial)
        self._refresh()
        self._fit_to_tab()

    # -- building ------------------------------------------------------------------------

    def _build_adjustment(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Adjustment drill"))
        intro = QLabel(
            self.tr(
                "Run this scene several times. Before each take the director gives a new "
                "note; after it you rate how fully you committed to it."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.takes = QSpinBox(page)
        self.takes.setRange(MIN_TAKES, MAX_TAKES)
        self.takes.setValue(3)
        self.takes.setAccessibleName(self.tr("Number of takes"))
        self.between_only = QRadioButton(self.tr("Between takes only"), page)
        self.between_only.setAccessibleName(self.tr("Notes between takes only"))
        self.between_only.setChecked(True)
        self.mid_scene = QRadioButton(self.tr("Also in the middle of a take"), page)
        self.mid_scene.setAccessibleName(self.tr("Notes also in the middle of a take"))
        self._injection = QButtonGroup(page)
        self._injection.addButton(self.between_only)
        self._injection.addButton(self.mid_scene)
        self.probability = QSpinBox(page)
        self.probability.setRange(0, 100)
        self.probability.setSingleStep(10)
        self.probability.setValue(50)
        self.probability.setSuffix(self.tr(" % of takes"))
        self.probability.setAccessibleName(self.tr("Chance of a note in the middle of a take"))
        self.probability.setEnabled(False)
        mid_row = QHBoxLayout()
        mid_row.addWidget(self.mid_scene)
        mid_row.addWidget(self.probability)
        mid_row.addStretch(1)
        explain = QLabel(
            self.tr(
                "A note in the middle of a take pauses the reader at a random cue, shows the "
                "note big and speaks it in the director's voice; then the scene goes on and "
                "you adjust on the spot."
            ),
            page,
        )
        explain.setWordWrap(True)
        explain.setEnabled(False)  # drawn greyed: a hint, not a setting
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(intro)
        form.addRow(self.tr("&Takes:"), self.takes)
        form.addRow(self.tr("Notes come:"), self.between_only)
        form.addRow("", mid_row)
        form.addRow(explain)
        return page

    def _build_cold_read(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Cold read"))
        self.choose_scene = QRadioButton(self.tr("Let me choose the scene:"), page)
        self.choose_scene.setAccessibleName(self.tr("Choose the scene myself"))
        self.random_scene = QRadioButton(
            self.tr("Pick one I haven't rehearsed, and keep it a surprise"), page
        )
        self.random_scene.setAccessibleName(self.tr("Pick a scene I haven't rehearsed"))
        group = QButtonGroup(page)
        group.addButton(self.choose_scene)
        group.addButton(self.random_scene)
        self.choose_scene.setChecked(True)
        self.scene_list = SceneList(page)
        self.scene_list.setAccessibleName(self.tr("Scenes"))
        self.scene_list.setHeaderLabels([self.tr("Scene"), self.tr("Rehearsed")])
        self.scene_list.setRootIsDecorated(False)
        self.scene_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.scene_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._scene_items: list[QTreeWidgetItem] = []
        for label, value in self._scenes:
            done = value in self._rehearsed
            item = QTreeWidgetItem([label, self.tr("yes") if done else self.tr("not yet")])
            item.setData(0, SCENE_ROLE, value)
            if not done:
                font = item.font(1)
                font.setBold(True)
                item.setFont(1, font)
            self.scene_list.addTopLevelItem(item)
            self._scene_items.append(item)
        fresh = [i for i, (_, v) in enumerate(self._scenes) if v not in self._rehearsed]
        if self._scene_items:
            self.scene_list.setCurrentItem(self._scene_items[fresh[0] if fresh else 0])

        self.prep = PrepTimeBox(page)
        self.prep.setValue(round(DEFAULT_PREP_SECONDS))
        self.prep.setAccessibleName(self.tr("Prep time in minutes and seconds"))
        self.tone = QCheckBox(self.tr("Beep 10 seconds before the prep ends"), page)
        self.tone.setAccessibleName(self.tr("Warning tone"))
        self.tone.setChecked(True)
        self.hide_page = QCheckBox(self.tr("Hide the page until the prep starts"), page)
        self.hide_page.setAccessibleName(self.tr("Hide the page until the prep starts"))
        self.hide_page.setChecked(True)
        self.second_take = QCheckBox(self.tr("Then a second take with a director note"), page)
        self.second_take.setAccessibleName(self.tr("Second take with a director note"))
        self.second_take.setChecked(True)
        prep_row = QHBoxLayout()
        prep_label = QLabel(self.tr("&Prep time:"), page)
        prep_label.setBuddy(self.prep)
        prep_row.addWidget(prep_label)
        prep_row.addWidget(self.prep)
        prep_row.addWidget(QLabel(self.tr("(up to 10 minutes)"), page))
        prep_row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.choose_scene)
        layout.addWidget(self.scene_list, 1)
        layout.addWidget(self.random_scene)
        layout.addLayout(prep_row)
        layout.addWidget(self.tone)
        layout.addWidget(self.hide_page)
        layout.addWidget(self.second_take)
        return page

    def _connect(self) -> None:
        self.buttons.accepted.connect(self._on_start)
        self.buttons.rejected.connect(self.reject)
        self.tabs.currentChanged.connect(self._refresh)
        self.tabs.currentChanged.connect(self._fit_to_tab)
        self.mid_scene.toggled.connect(self._refresh)
        self.choose_scene.toggled.connect(self._refresh)
        self.second_take.toggled.connect(self._refresh)
        self.prep.valueChanged.connect(self._refresh)
        self.hide_page.toggled.connect(self._refresh)
        self.scene_list.currentItemChanged.connect(self._refresh)
        self.scene_list.itemDoubleClicked.connect(lambda _item, _column: self._on_start())
        self.filter_box.changed.connect(self._refresh)

    @Slot()
    def _fit_to_tab(self) -> None:
        """Size the dialog to the tab on show: a tab widget is as tall as its tallest page,
        which left the short adjustment page with an empty band under its settings."""
        current = self.tabs.currentIndex()
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is None:
                continue
            vertical = (
                QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            )
            page.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        self.tabs.updateGeometry()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.adjustSize()

    # -- reading and setting -------------------------------------------------------------

    def kind(self) -> DrillKind:
        return DrillKind.COLD_READ if self.tabs.currentIndex() == 1 else DrillKind.ADJUSTMENT

    def select_kind(self, kind: DrillKind) -> None:
        self.tabs.setCurrentIndex(1 if kind is DrillKind.COLD_READ else 0)

    def prep_seconds(self) -> float:
        return float(self.prep.value())

    def covers_page(self) -> bool:
        """Whether the script should be hidden behind the dialog right now: a cold read is
        only cold if the page stays unseen while the actor sets it up."""
        return self.kind() is DrillKind.COLD_READ and self.hide_page.isChecked()

    def apply(self, config: DrillConfig) -> None:
        """Show a previous choice (the app remembers the last drill's settings)."""
        self.filter_box.set_selection(config.selection)
        self.record.setChecked(config.record_audio and self.record.isEnabled())
        if isinstance(config, AdjustmentConfig):
            self.select_kind(DrillKind.ADJUSTMENT)
            self.takes.setValue(config.takes)
            mid = config.policy.mode is InjectionMode.MID_SCENE
            (self.mid_scene if mid else self.between_only).setChecked(True)
            self.probability.setValue(round(config.policy.mid_scene_probability * 100))
            return
        self.select_kind(DrillKind.COLD_READ)
        self.prep.setValue(round(min(MAX_PREP_SECONDS, max(0.0, config.prep_seconds))))
        self.tone.setChecked(config.warning_tone)
        self.hide_page.setChecked(config.hide_page)
        self.second_take.setChecked(config.second_take)
        if config.picked_at_random:
            self.random_scene.setChecked(True)
            return
        for item in self._scene_items:
            if item.data(0, SCENE_ROLE) == config.scene:
                self.scene_list.setCurrentItem(item)

    def problem(self) -> str | None:
        """Why the drill cannot start as set up, in the words shown under the settings."""
        cold = self.kind() is DrillKind.COLD_READ
        if cold and not self._scenes:
            return self.tr("There is no scene for a cold read yet: import a script first.")
        if cold and self.choose_scene.isChecked() and self.scene_list.currentItem() is None:
            return self.tr("Choose a scene, or let the app pick one.")
        if (not cold or self.second_take.isChecked()) and self.filter_box.is_empty():
            return self.tr("Tick at least one kind and one size of note.")
        if (
            self._notes
            and self._matching_notes() == 0
            and (not cold or self.second_take.isChecked())
        ):
            return self.tr("No enabled note matches these kinds and sizes.")
        return None

    def config(self) -> DrillConfig | None:
        """The chosen drill after Start, or None before (or when cancelled)."""
        return self._chosen

    def build_config(self) -> DrillConfig:
        """The settings as they stand; a random scene is drawn anew on every call.

        Raises ``ValueError`` with :meth:`problem`'s message when the drill cannot start.
        """
        problem = self.problem()
        if problem is not None:
            raise ValueError(problem)
        selection = self.filter_box.selection()
        record = self.record.isEnabled() and self.record.isChecked()
        if self.kind() is DrillKind.ADJUSTMENT:
            mid = self.mid_scene.isChecked()
            policy = NotePolicy(
                InjectionMode.MID_SCENE if mid else InjectionMode.BETWEEN_TAKES,
                self.probability.value() / 100,
            )
            return AdjustmentConfig(self.takes.value(), selection, policy, record)
        if self.random_scene.isChecked():
            values = [value for _, value in self._scenes]
            scene = pick_cold_scene(values, self._rehearsed, self._rng)
            label = self._scenes[values.index(scene)][0]
        else:
            current = self.scene_list.currentItem()
            if current is None:  # problem() has ruled this out; keeps the types honest
                raise ValueError(self.tr("Choose a scene, or let the app pick one."))
            scene, label = current.data(0, SCENE_ROLE), current.text(0)
        settings = ColdReadSettings(
            prep_seconds=self.prep_seconds(),
            warning_seconds=WARNING_SECONDS,
            second_take=self.second_take.isChecked(),
        )
        return ColdReadConfig(
            scene=scene,
            label=label,
            settings=settings,
            picked_at_random=self.random_scene.isChecked(),
            hide_page=self.hide_page.isChecked(),
            warning_tone=self.tone.isChecked() and self.tone.isEnabled(),
            selection=selection,
            record_audio=record,
        )

    # -- slots ---------------------------------------------------------------------------

    def _matching_notes(self) -> int:
        selection = self.filter_box.selection()
        return sum(1 for note in self._notes if selection.accepts(note))

    @Slot()
    def _refresh(self) -> None:
        cold = self.kind() is DrillKind.COLD_READ
        self.probability.setEnabled(self.mid_scene.isChecked())
        self.scene_list.setEnabled(self.choose_scene.isChecked() and bool(self._scenes))
        self.random_scene.setEnabled(bool(self._scenes))
        self.filter_box.setEnabled(not cold or self.second_take.isChecked())
        long_prep = self.prep_seconds() > WARNING_SECONDS
        self.tone.setEnabled(long_prep)
        self.tone.setToolTip(
            "" if long_prep else self.tr("The prep is too short for a ten-second warning.")
        )
        if self._notes:
            count = self._matching_notes()
            self.filter_box.count_label.setText(
                self.tr("1 note matches") if count == 1 else self.tr("%d notes match") % count
            )
        if self.covers_page() != self._covering:
            self._covering = not self._covering
            self.page_cover_changed.emit(self._covering)
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        self.start_button.setEnabled(problem is None)

    @Slot()
    def _on_start(self) -> None:
        try:
            config = self.build_config()
        except ValueError as exc:
            self.problem_label.setText(str(exc))
            self.problem_label.show()
            return
        self._chosen = config
        self.accept()
        self.config_chosen.emit(config)
