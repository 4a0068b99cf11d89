"""The rehearsal screen: the script, the run's controls and what the reader is doing.

This module only lays out widgets and owns the ``QAction``s (so their shortcuts show in the
main window's Rehearse menu); :mod:`rehearsal.ui.rehearsal_controller` drives it from the
engine's commands.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.engine.hiding import HideLevel
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.ui.countdown import CountdownWidget
from rehearsal.ui.focus_mode import FocusHeader, FocusMode
from rehearsal.ui.options_panel import OptionsPanel, remember_open, remembered_open
from rehearsal.ui.rating_panel import RatingPanel
from rehearsal.ui.run_icons import theme_icon
from rehearsal.ui.script_view import ScriptView
from rehearsal.ui.theme import OVERLAY, SPACING, TYPE, font_scaled, set_look

OPTIONS_CONTEXT = "RehearsalOptions"
"""Translation context of the option names the screen and the Settings dialog share."""

WAIT_MODE_LABELS = {
    WaitMode.KEY: str(QT_TRANSLATE_NOOP("RehearsalOptions", "Wait for my key")),
    WaitMode.TIMED: str(QT_TRANSLATE_NOOP("RehearsalOptions", "Timed pause")),
    WaitMode.VOICE: str(QT_TRANSLATE_NOOP("RehearsalOptions", "Listen for my voice")),
    WaitMode.WORDS: str(QT_TRANSLATE_NOOP("RehearsalOptions", "Follow my words")),
}
HIDE_LEVEL_LABELS = {
    HideLevel.FULL: str(QT_TRANSLATE_NOOP("RehearsalOptions", "Full text")),
    HideLevel.FIRST_LETTERS: str(QT_TRANSLATE_NOOP("RehearsalOptions", "First letters")),
    HideLevel.FIRST_WORDS: str(QT_TRANSLATE_NOOP("RehearsalOptions", "First words")),
    HideLevel.CUE_ONLY: str(QT_TRANSLATE_NOOP("RehearsalOptions", "Cue only")),
}


def option_name(label: str) -> str:
    """One of the labels above, in the language shown."""
    return QCoreApplication.translate(OPTIONS_CONTEXT, label)


class NoteBanner(QLabel):
    """A director note shown big over the page, so it lands like a voice from the dark."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("note_banner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(self.tr("Director note"))
        font_scaled(self, TYPE.title, bold=True)
        self.setStyleSheet(  # the drill clock's overlay: it reads over any page
            f"#note_banner {{ background: {OVERLAY.background}; color: {OVERLAY.warning_clock};"
            f" border: 1px solid {OVERLAY.edge}; border-radius: {2 * SPACING.radius}px;"
            f" padding: {SPACING.huge}px; }}"
        )
        self.hide()

    def show_note(self, text: str) -> None:
        """Show ``text`` centred over the parent."""
        self.setText(text)
        parent = self._host
        width = int(parent.width() * 0.8)
        self.setFixedWidth(max(200, width))
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 3)
        self.raise_()
        self.show()


class NoticeBar(QFrame):
    """A notice across the top of the page that stays until the actor dismisses it.

    For what the actor must know before the first cue (there is no partner voice on this
    machine): a status line is overwritten by the first thing the run says.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("notice_bar")
        set_look(self, "warning")
        self.setAccessibleName(self.tr("Notice"))
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING.small, 0, 0, 0)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self._label, 1)
        self.dismiss = QToolButton(self)
        self.dismiss.setText(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss the notice"))
        self.dismiss.clicked.connect(self.hide)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_notice(self, text: str) -> None:
        """Show ``text`` until dismissed."""
        self._label.setText(text)
        self.show()

    def text(self) -> str:
        """The notice as shown (for screen readers and tests)."""
        return self._label.text()


class RehearsalScreen(QWidget):
    """The page in a centred column, a compact bar of run controls above it, the options
    in a panel beside it that folds away, and the status below; or, in focus mode, only
    the page."""

    role_change_requested = Signal()

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._parked: dict[QAction, bool] | None = None  # run keys, while the home is shown
        self.setAccessibleName(self.tr("Rehearsal"))
        self.view = ScriptView(self)
        self.banner = NoteBanner(self.view.viewport())
        self._build_actions()
        self.options_panel = OptionsPanel(self)
        self._build_options()
        self.options = self.options_panel  # the options live in the panel
        self.toolbar = self._build_toolbar()

        self.prompt = QLabel(self)
        self.prompt.setObjectName("prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName(self.tr("Current line"))
        font_scaled(self.prompt, TYPE.speaker)
        self.prompt.setContentsMargins(SPACING.large, SPACING.tight, SPACING.large, SPACING.tight)
        self.voice_notice = NoticeBar(self)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Reader status"))
        set_look(self.status, "muted")
        self.countdown = QProgressBar(self)
        self.countdown.setAccessibleName(self.tr("Time left for your line"))
        self.countdown.setTextVisible(False)
        self.countdown.setMaximumHeight(6)
        self.countdown.hide()
        self.level_meter = QProgressBar(self)
        self.level_meter.setAccessibleName(self.tr("Microphone level"))
        self.level_meter.setRange(0, 100)
        self.level_meter.setMaximumWidth(160)
        self.level_meter.setFormat(self.tr("mic %p%"))
        self.level_meter.hide()
        self.clock = CountdownWidget(self)
        self.clock.hide()
        self.rating_panel = RatingPanel(self)
        self.rating_panel.hide()
        self.page_cover = QLabel(self.tr("The page is hidden until the prep starts."), self)
        self.page_cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_cover.setAccessibleName(self.tr("Hidden page"))
        self.page_cover.hide()
        self.focus_header = FocusHeader(self)
        self.status_row = QWidget(self)
        bottom = QHBoxLayout(self.status_row)
        bottom.setContentsMargins(SPACING.medium, SPACING.tight, SPACING.medium, SPACING.tight)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.level_meter)

        page = QVBoxLayout()
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.focus_header)
        page.addWidget(self.voice_notice)
        page.addWidget(self.clock)
        page.addWidget(self.view, 1)
        page.addWidget(self.page_cover, 1)
        page.addWidget(self.countdown)
        page.addWidget(self.prompt)
        page.addWidget(self.rating_panel)
        self._page = page
        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(0)
        middle.addLayout(page, 1)
        middle.addWidget(self.options_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status_row)

        self.focus = FocusMode(
            self,
            self.focus_header,
            [self.toolbar, self.options_panel, self.prompt, self.status_row, self.voice_notice],
            self.action_stop,
        )
        self.action_focus = self.focus.action
        # The screen carries its run keys itself: in focus mode the menu bar and the tool bar
        # are hidden, and a shortcut only works while a widget holding it is visible.
        self.addActions([a for a in self.actions_for_menu() if a is not None])
        self.action_focus.setIcon(theme_icon("view-fullscreen"))
        self.toolbar.addAction(self.action_focus)
        self.addAction(self.action_focus)
        self.action_options.setChecked(remembered_open(settings))
        self.options_panel.setVisible(self.action_options.isChecked())
        self.action_options.toggled.connect(self._on_options_toggled)
        self.options_panel.fold_requested.connect(lambda: self.action_options.setChecked(False))
        self.view.current_changed.connect(self._on_current_changed)
        self.action_role.triggered.connect(self.role_change_requested)
        self.set_run_controls_enabled(False)
        # Keys drive the run, so focus must come back to the screen after any option change:
        # a combo box that kept focus would swallow Space, the "I'm done" key.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.wait_mode.activated.connect(self._refocus)
        self.hide_level.activated.connect(self._refocus)
        self.first_words.editingFinished.connect(self._refocus)
        self.response.editingFinished.connect(self._refocus)
        self.wpm.editingFinished.connect(self._refocus)
        self.speed.sliderReleased.connect(self._refocus)
        self.reset_for_script()

    def _build_toolbar(self) -> QToolBar:
        """The run controls as icons; each tooltip names the action and its keys."""
        toolbar = QToolBar(self.tr("Rehearsal controls"), self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.setIconSize(QSize(22, 22))
        toolbar.setMovable(False)
        for action in (
            self.action_start,
            self.action_pause,
            self.action_back,
            self.action_done,
            self.action_skip,
            self.action_restart,
            self.action_stop,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.action_loop_start, self.action_loop_end, self.action_loop_clear):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.action_reveal)
        toolbar.addAction(self.action_line)
        toolbar.addAction(self.action_hide_more)
        toolbar.addAction(self.action_role)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.action_options)
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if button is not None and action.text():
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        return toolbar

    def _on_options_toggled(self, shown: bool) -> None:
        self.options_panel.setVisible(shown)
        remember_open(self._settings, shown)
        if not shown:
            self._refocus()

    def _on_current_changed(self, key: object) -> None:
        view = self.view
        keys = view.element_keys()
        speaker = ""
        fraction = 0.0
        if isinstance(key, tuple) and key in keys and view.script is not None:
            s_index, e_index = key
            element = view.script.scenes[s_index].elements[e_index]
            speaker = getattr(element, "character", "") or ""
            fraction = (keys.index(key) + 1) / len(keys)
        self.focus_header.show_position(speaker, fraction)

    def tell_no_voice(self, reason: str) -> None:
        """Say, above the page and until dismissed, that the partner will not be heard."""
        self.voice_notice.show_notice(
            self.tr(
                "No partner voice on this computer (%s). The partner's lines are "
                "shown as text and paced at a speaking rate; install eSpeak NG to hear them."
            )
            % reason
        )

    def reset_for_script(self) -> None:
        """A script has just opened and no role is chosen: nothing of a previous run stays
        on screen (its caption, its countdown, its note), and the status says what to do."""
        self.status.setText(self.tr("Choose a role and press Start."))
        self.prompt.clear()
        self.countdown.hide()
        self.banner.hide()

    def set_run_controls_enabled(self, enabled: bool) -> None:
        """Run controls only work once a role is chosen and a controller drives the screen."""
        for action in self.actions_for_menu():
            if action is not None and action is not self.action_role:
                if self._parked is not None:
                    self._parked[action] = enabled
                else:
                    action.setEnabled(enabled)
        if not enabled:
            self.set_options_enabled(False)

    def set_options_enabled(self, enabled: bool) -> None:
        """The run options apply to a rehearsal: greyed while there is none (the values
        still shown are the last rehearsal's, and the next one sets its own)."""
        for widget in (self.wait_mode, self.hide_level, self.response, self.wpm, self.speed):
            widget.setEnabled(enabled)
        if not enabled:
            self.first_words.setEnabled(False)  # a rehearsal enables it for its hide level

    def _keys_while_away(self) -> list[QAction]:
        return [a for a in (*self.actions_for_menu(), self.action_focus) if a is not None]

    def park_run_keys(self, parked: bool) -> None:
        """While the home is shown instead of the page, Space, Esc and the other run keys
        are off (they belong to a screen the actor cannot see); back, they work as before."""
        if parked and self._parked is None:
            self._parked = {a: a.isEnabled() for a in self._keys_while_away()}
            for action in self._parked:
                action.setEnabled(False)
        elif not parked and self._parked is not None:
            restored, self._parked = self._parked, None
            for action, enabled in restored.items():
                action.setEnabled(enabled)

    def _refocus(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def cover_page(self, covered: bool) -> None:
        """Hide the script until a cold read's prep starts (the page is the surprise)."""
        self.view.setVisible(not covered)
        self.page_cover.setVisible(covered)

    def _action(self, text: str, shortcuts: list[str], tip: str, icon: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        keys = ", ".join(
            QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts
        )
        action.setToolTip(f"{tip} ({keys})" if shortcuts else tip)
        action.setStatusTip(tip)
        if icon:
            action.setIcon(theme_icon(icon))
        return action

    def _build_actions(self) -> None:
        self.action_start = self._action(
            self.tr("Start"), ["Ctrl+Return"], self.tr("Start a take"), "media-playback-start"
        )
        self.action_pause = self._action(
            self.tr("Pause"), ["P"], self.tr("Pause or resume the run"), "media-playback-pause"
        )
        self.action_done = self._action(
            self.tr("Done"),
            ["Space", "Right", "PgDown"],
            self.tr("I have said my line"),
            "go-next",
        )
        self.action_back = self._action(
            self.tr("Back"), ["Left"], self.tr("Go back one line"), "go-previous"
        )
        self.action_skip = self._action(
            self.tr("Skip"), ["S"], self.tr("Skip this line"), "media-skip-forward"
        )
        self.action_restart = self._action(
            self.tr("Restart"), ["Ctrl+R"], self.tr("Restart the take"), "view-refresh"
        )
        self.action_stop = self._action(
            self.tr("Stop"), ["Esc"], self.tr("Stop the take"), "media-playback-stop"
        )
        self.action_loop_start = self._action(
            self.tr("Loop from here"),
            ["["],
            self.tr("Start the looped section at this line"),
            "loop-start",
        )
        self.action_loop_end = self._action(
            self.tr("Loop to here"),
            ["]"],
            self.tr("End the looped section at this line"),
            "loop-end",
        )
        self.action_loop_clear = self._action(
            self.tr("No loop"), ["\\"], self.tr("Stop looping"), "loop-clear"
        )
        self.action_reveal = self._action(
            self.tr("Reveal"), ["R"], self.tr("Show my hidden line"), "view-visible"
        )
        self.action_role = self._action(
            self.tr("Change role…"), ["Ctrl+Shift+R"], self.tr("Choose role"), "system-users"
        )
        self.action_hide_more = self._action(
            self.tr("Hide more"), ["H"], self.tr("Show less of my lines"), "view-hidden"
        )
        self.action_options = self._action(
            self.tr("Options"), ["F9"], self.tr("Show or hide the run options"), "configure"
        )
        self.action_options.setCheckable(True)
        self.addAction(self.action_options)
        self.action_line = self._action(  # driven by rehearsal.ui.listening.follow
            self.tr("Line?"),
            ["L"],
            self.tr("Show the next words of my line (or say “line”)"),
            "dialog-question",
        )

    def actions_for_menu(self) -> list[QAction | None]:
        """The actions in menu order; None stands for a separator."""
        return [
            self.action_start,
            self.action_pause,
            self.action_done,
            self.action_back,
            self.action_skip,
            self.action_restart,
            self.action_stop,
            None,
            self.action_loop_start,
            self.action_loop_end,
            self.action_loop_clear,
            None,
            self.action_reveal,
            self.action_hide_more,
            self.action_line,
            self.action_role,
        ]

    def add_under_prompt(self, widget: QWidget) -> None:
        """Put ``widget`` right under the current line (Follow my words shows its words there)."""
        self._page.insertWidget(self._page.indexOf(self.prompt) + 1, widget)

    def _build_options(self) -> None:
        panel = self.options_panel
        self.wait_mode = QComboBox(panel)
        self.wait_mode.setAccessibleName(self.tr("How the reader knows you are done"))
        for mode, label in WAIT_MODE_LABELS.items():
            self.wait_mode.addItem(option_name(label), mode.value)
        self.hide_level = QComboBox(panel)
        self.hide_level.setAccessibleName(self.tr("How much of your lines to show"))
        for level, label in HIDE_LEVEL_LABELS.items():
            self.hide_level.addItem(option_name(label), level.value)
        self.first_words = QSpinBox(panel)
        self.first_words.setRange(1, 20)
        self.first_words.setValue(3)
        self.first_words.setAccessibleName(self.tr("Words shown"))
        self.response = QDoubleSpinBox(panel)
        self.response.setRange(0.0, 2.0)
        self.response.setSingleStep(0.1)
        self.response.setSuffix(" s")
        self.response.setAccessibleName(self.tr("Response time"))
        self.response.setValue(RehearsalSettings().response_seconds)
        self.wpm = QSpinBox(panel)
        self.wpm.setRange(40, 400)
        self.wpm.setSuffix(self.tr(" wpm"))
        self.wpm.setValue(int(RehearsalSettings().words_per_minute))
        self.wpm.setAccessibleName(self.tr("Your pace for timed waits"))
        self.speed = QSlider(Qt.Orientation.Horizontal, panel)
        self.speed.setRange(50, 200)
        self.speed.setValue(100)
        self.speed.setAccessibleName(self.tr("Reader speed"))
        for label, widget in (
            (self.tr("Partner waits:"), self.wait_mode),
            (self.tr("My lines:"), self.hide_level),
            (self.tr("words:"), self.first_words),
            (self.tr("Response:"), self.response),
            (self.tr("Pace:"), self.wpm),
            (self.tr("Reader speed:"), self.speed),
        ):
            panel.add_option(label, widget)
