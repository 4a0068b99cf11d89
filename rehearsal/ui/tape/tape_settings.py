"""The Self-Tape page of Settings: the camera and microphone, the reader, the slate, names.

Everything here is stored by :mod:`rehearsal.ui.tape.tape_prefs`; tape mode reads it when it
opens. The devices are listed from ``QMediaDevices`` as the page opens; a device chosen
before but not plugged in now stays chosen (and says so) rather than silently becoming
the default, because the actor's good camera is often the one that is unplugged today.
The export name's template is checked as it is typed, with an example of the name it makes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Slot
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rehearsal.ui.secondary_window import fit_to_screen
from rehearsal.ui.tape.tape_prefs import (
    PROMPTER_PLACES,
    TapePreferences,
    device_key,
    load_tape_preferences,
    save_tape_preferences,
)
from rehearsal.ui.theme import set_look

PREVIEW_ROLE = "Nina"
PREVIEW_PROJECT = "Night Shift"
PREVIEW_TAKE = 2


def _spin(low: float, high: float, step: float, suffix: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(1)
    box.setSuffix(suffix)
    return box


class TapeSettingsPage(QWidget):
    """Edits a copy of the tape preferences; :meth:`preferences` returns the result."""

    def __init__(self, prefs: TapePreferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Self-tape settings"))
        self._prefs = prefs
        # Two columns, as on the Rehearsal tab: stacked, the groups outgrow a 720-pixel screen.
        columns = QHBoxLayout(self)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        devices = QGroupBox(self.tr("Camera and microphone"), self)
        form = QFormLayout(devices)
        self.camera = QComboBox()
        self.microphone = QComboBox()
        self.no_camera = QLabel(
            self.tr("No camera was found: tape mode records sound only until one is connected.")
        )
        self.no_camera.setWordWrap(True)
        self.no_camera.hide()
        for label, widget in (
            (self.tr("Camera"), self.camera),
            (self.tr("Microphone"), self.microphone),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow(self.no_camera)
        left.addWidget(devices)

        reader = QGroupBox(self.tr("The reader on the tape"), self)
        form = QFormLayout(reader)
        self.reader_level = _spin(-40.0, 6.0, 1.0, " dB")
        self.reader_level.setAccessibleName(self.tr("Reader level relative to you"))
        self.reader_level.setToolTip(
            self.tr("Casting wants the reader quieter than you: -6 dB is a good start.")
        )
        form.addRow(self.tr("Reader level (relative to you)"), self.reader_level)
        self.mix_reader = QRadioButton(
            self.tr("Mix the reader's lines into the tape (clean; works with headphones)")
        )
        self.rely_on_mic = QRadioButton(
            self.tr("Rely on the microphone (the reader from the speakers)")
        )
        form.addRow(self.mix_reader)
        form.addRow(self.rely_on_mic)
        self.director_notes = QCheckBox(self.tr("Give director notes in tape mode"))
        form.addRow(self.director_notes)
        left.addWidget(reader)

        slate = QGroupBox(self.tr("Slate"), self)
        form = QFormLayout(slate)
        self.slate = QCheckBox(self.tr("Slate before the take (title card, then you say it)"))
        self.card_seconds = _spin(0.0, 10.0, 0.5, " s")
        self.card_seconds.setAccessibleName(self.tr("Title card length"))
        self.actor_name = QLineEdit()
        self.actor_name.setPlaceholderText(self.tr("As casting knows you"))
        self.agency = QLineEdit()
        self.height_box = QLineEdit()
        self.height_box.setPlaceholderText(self.tr("e.g. 5'7\" or 170 cm"))
        form.addRow(self.slate)
        fields: tuple[tuple[str, QWidget], ...] = (
            (self.tr("Title card"), self.card_seconds),
            (self.tr("Your name"), self.actor_name),
            (self.tr("Agency"), self.agency),
            (self.tr("Height"), self.height_box),
        )
        for label, field in fields:
            field.setAccessibleName(label)
            form.addRow(label, field)
        hint = QLabel(self.tr("The role and the project come from the audition or the script."))
        hint.setWordWrap(True)
        form.addRow(hint)
        right.addWidget(slate)

        names = QGroupBox(self.tr("Export"), self)
        form = QFormLayout(names)
        self.name_template = QLineEdit()
        self.name_template.setAccessibleName(self.tr("File name template"))
        self.name_template.setToolTip(
            self.tr("{name}, {role}, {project}, {take} and {date} are filled in; .mp4 is added.")
        )
        self.name_preview = QLabel()
        self.name_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_preview.setWordWrap(True)
        form.addRow(self.tr("File name"), self.name_template)
        form.addRow("", self.name_preview)
        right.addWidget(names)

        screen = QGroupBox(self.tr("On screen while recording"), self)
        form = QFormLayout(screen)
        self.prompter = QComboBox()
        self.prompter.setAccessibleName(self.tr("Prompter"))
        prompter_names = {
            "top": self.tr("One line at the top, near the lens"),
            "hidden": self.tr("Hidden"),
        }
        for place in PROMPTER_PLACES:
            self.prompter.addItem(prompter_names.get(place, place), place)
        form.addRow(self.tr("Prompter"), self.prompter)
        overlays = QHBoxLayout()
        self.overlay_thirds = QCheckBox(self.tr("Thirds"))
        self.overlay_eye_line = QCheckBox(self.tr("Eye line"))
        self.overlay_mid_shot = QCheckBox(self.tr("Mid shot"))
        for box in (self.overlay_thirds, self.overlay_eye_line, self.overlay_mid_shot):
            overlays.addWidget(box)
        overlays.addStretch(1)
        form.addRow(self.tr("Framing guides"), overlays)
        left.addWidget(screen)
        left.addStretch(1)
        right.addStretch(1)

        self.slate.toggled.connect(self._on_slate_toggled)
        self.name_template.textChanged.connect(self._on_template_changed)
        self.actor_name.textChanged.connect(self._on_template_changed)
        self.show_preferences(prefs)

    # -- devices --------------------------------------------------------------------------
    def _fill_devices(self, prefs: TapePreferences) -> None:
        self.camera.clear()
        self.camera.addItem(self.tr("The system's default camera"), "")
        cameras = QMediaDevices.videoInputs()
        for camera in cameras:
            self.camera.addItem(camera.description(), device_key(camera.id().data()))
        self.no_camera.setVisible(not cameras)
        self.microphone.clear()
        self.microphone.addItem(self.tr("The system's default microphone"), "")
        for mic in QMediaDevices.audioInputs():
            self.microphone.addItem(mic.description(), device_key(mic.id().data()))
        for box, chosen in ((self.camera, prefs.camera_id), (self.microphone, prefs.microphone_id)):
            index = box.findData(chosen)
            if index < 0:  # chosen before, unplugged now: keep it rather than lose it
                box.addItem(self.tr("The one chosen before (not connected now)"), chosen)
                index = box.count() - 1
            box.setCurrentIndex(index)

    # -- showing and reading ----------------------------------------------------------------
    def show_preferences(self, prefs: TapePreferences) -> None:
        """Show ``prefs`` (also what Restore Defaults does)."""
        self._fill_devices(prefs)
        self.reader_level.setValue(prefs.reader_level_db)
        self.mix_reader.setChecked(prefs.mix_reader)
        self.rely_on_mic.setChecked(not prefs.mix_reader)
        self.director_notes.setChecked(prefs.director_notes)
        self.slate.setChecked(prefs.slate)
        self.card_seconds.setValue(prefs.slate_card_seconds)
        self.actor_name.setText(prefs.actor_name)
        self.agency.setText(prefs.agency)
        self.height_box.setText(prefs.height)
        self.name_template.setText(prefs.name_template)
        self.prompter.setCurrentIndex(max(0, self.prompter.findData(prefs.prompter)))
        self.overlay_thirds.setChecked(prefs.overlay_thirds)
        self.overlay_eye_line.setChecked(prefs.overlay_eye_line)
        self.overlay_mid_shot.setChecked(prefs.overlay_mid_shot)
        self._on_slate_toggled(prefs.slate)
        self._on_template_changed()

    def template_ok(self) -> bool:
        """Whether the name template can name a file (Settings keeps the old one if not)."""
        from rehearsal.tape.naming import template_error

        return template_error(self.name_template.text().strip()) is None

    def preferences(self) -> TapePreferences:
        """The preferences as the page shows them; a broken template keeps the stored one."""
        template = self.name_template.text().strip()
        return TapePreferences(
            camera_id=str(self.camera.currentData() or ""),
            microphone_id=str(self.microphone.currentData() or ""),
            reader_level_db=round(self.reader_level.value(), 1),
            mix_reader=self.mix_reader.isChecked(),
            director_notes=self.director_notes.isChecked(),
            slate=self.slate.isChecked(),
            slate_card_seconds=round(self.card_seconds.value(), 1),
            actor_name=self.actor_name.text().strip(),
            agency=self.agency.text().strip(),
            height=self.height_box.text().strip(),
            name_template=template if self.template_ok() else self._prefs.name_template,
            prompter=str(self.prompter.currentData()),
            overlay_thirds=self.overlay_thirds.isChecked(),
            overlay_eye_line=self.overlay_eye_line.isChecked(),
            overlay_mid_shot=self.overlay_mid_shot.isChecked(),
        )

    # -- slots ------------------------------------------------------------------------------
    @Slot(bool)
    def _on_slate_toggled(self, on: bool) -> None:
        self.card_seconds.setEnabled(on)

    @Slot()
    def _on_template_changed(self) -> None:
        self.name_preview.setText(
            template_preview(self.name_template.text().strip(), self.actor_name.text().strip())
        )
        set_look(self.name_preview, "" if self.template_ok() else "error")


def template_preview(template: str, actor_name: str, today: date | None = None) -> str:
    """ "e.g. AdaLane_Nina_NightShift_Take2.mp4", or what is wrong with the template."""
    from rehearsal.tape.naming import export_name, template_error

    problem = template_error(template, QCoreApplication.translate)
    if problem is not None:
        return problem
    example = export_name(
        template,
        name=actor_name or "Ada Lane",
        role=PREVIEW_ROLE,
        project=PREVIEW_PROJECT,
        take=PREVIEW_TAKE,
        date=today or date.today(),
    )
    return QCoreApplication.translate("TapeSettingsPage", "e.g. %s") % example


def attach_tape_page(
    dialog: QDialog, tabs: QTabWidget, settings: QSettings, buttons: QDialogButtonBox
) -> TapeSettingsPage:
    """Add the Self-Tape tab to the Settings dialog: shown from ``settings``, stored there
    when the dialog is accepted, reset by its Restore Defaults button."""
    page = TapeSettingsPage(load_tape_preferences(settings), tabs)
    tabs.addTab(page, QCoreApplication.translate("TapeSettingsPage", "&Self-Tape"))
    dialog.accepted.connect(lambda: save_tape_preferences(settings, page.preferences()))
    restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    restore.clicked.connect(lambda: page.show_preferences(TapePreferences()))
    # The tab bar adds a row: open at the size the dialog needs (Qt's first guess for a
    # window is two thirds of the screen's height, which is now too little on 720 pixels).
    hint = dialog.sizeHint()
    fit_to_screen(dialog, hint.width(), hint.height())
    return page
