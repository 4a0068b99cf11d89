"""The Drill menu: setting up adjustment and cold-read drills, and editing the note deck.

Kept out of the main window so that window only composes: this object owns the note deck
(loaded on first use), remembers the last drill choices, builds the engine's drill from
the setup dialog's config and hands it to the rehearsal controller.
"""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from rehearsal.paths import Paths
from rehearsal.ui.preferences import load_json, load_preferences

if TYPE_CHECKING:  # the drills, the deck and their widgets load on first use, not at startup
    from rehearsal.engine.cold_read import ColdReadDrill
    from rehearsal.engine.cue_drill import CueDrillConfig
    from rehearsal.engine.drill_config import DrillConfig
    from rehearsal.engine.drills import AdjustmentDrill
    from rehearsal.notes.deck import NoteDeck
    from rehearsal.store.facade import Store
    from rehearsal.ui.drill_cues import CueDrillDialog, CueDrillRun
    from rehearsal.ui.drill_setup import DrillKind, DrillSetupDialog
    from rehearsal.ui.notes_editor import NotesEditorDialog
    from rehearsal.ui.rehearsal_controller import RehearsalController
    from rehearsal.ui.rehearsal_screen import RehearsalScreen
    from rehearsal.ui.take_audio import TakeAudioRecorder


class DrillLauncher(QObject):
    """Owns the Drill menu's actions; ``controller_for(scenes)`` gives a ready controller.

    While a cold read is being set up the page is covered (the scene must be unseen when the
    prep starts) and shown again if the actor cancels; once the drill starts, the controller
    keeps it covered until the prep countdown begins.
    """

    def __init__(
        self,
        parent: QWidget,
        paths: Paths,
        settings: QSettings,
        controller_for: Callable[[list[int] | None], RehearsalController | None],
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self.paths = paths
        self.settings = settings
        self.store: Store | None = None  # set when the history database opens
        self._controller_for = controller_for
        self._deck: NoteDeck | None = None
        self.rng = random.Random()
        self.setup_dialog: DrillSetupDialog | None = None
        self._covered: RehearsalScreen | None = None  # the page hidden behind a cold read setup
        self.notes_dialog: NotesEditorDialog | None = None
        self.action_adjustment = QAction(self.tr("&Adjustment Drill…"), self)
        self.action_adjustment.setShortcut(QKeySequence("Ctrl+D"))
        self.action_adjustment.triggered.connect(lambda: self.open_setup("adjustment"))
        self.action_cold_read = QAction(self.tr("&Cold Read…"), self)
        self.action_cold_read.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action_cold_read.triggered.connect(lambda: self.open_setup("cold_read"))
        self.action_cues = QAction(self.tr("Pick Up Your C&ues…"), self)
        self.action_cues.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.action_cues.triggered.connect(self.open_cue_drill)
        self.cue_dialog: CueDrillDialog | None = None
        self.cue_run: CueDrillRun | None = None
        self.action_notes = QAction(self.tr("Director &Notes…"), self)
        self.action_notes.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.action_notes.triggered.connect(self.open_notes_editor)

    def actions(self) -> list[QAction]:
        """The menu's actions, in order."""
        return [self.action_adjustment, self.action_cold_read, self.action_cues, self.action_notes]

    # -- pick up your cues -----------------------------------------------------------------
    @Slot()
    def open_cue_drill(self) -> CueDrillDialog:
        """Ask for the order and the target, then run the cue drill on the screen."""
        from rehearsal.ui.drill_cues import CueDrillDialog

        remembered = self._remembered().get("cues", {})
        target = remembered.get("target_s") if isinstance(remembered, dict) else None
        dialog = CueDrillDialog(self._window)
        if isinstance(target, int | float):
            dialog.target.setValue(float(target))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start_cue_drill(dialog.config()))
        self.cue_dialog = dialog
        dialog.open()
        return dialog

    def start_cue_drill(self, config: CueDrillConfig) -> CueDrillRun | None:
        """Run the cue drill ``config`` describes on a fresh controller."""
        from rehearsal.ui.drill_cues import CueDrillRun

        remembered = self._remembered()
        remembered["cues"] = {"target_s": config.target_s, "shuffle": config.shuffle}
        self.settings.setValue("drills/last", json.dumps(remembered))
        controller = self._controller_for(None)
        if controller is None:
            return None
        if self.cue_run is not None:
            with contextlib.suppress(RuntimeError):  # gone with its controller: nothing to do
                self.cue_run.close()
        run = CueDrillRun(controller, config, self.rng)
        self.cue_run = run
        run.start()
        return run

    # -- the deck --------------------------------------------------------------------------
    def deck(self) -> NoteDeck:
        """The bundled deck with the actor's own notes merged in (loaded once)."""
        if self._deck is None:
            from rehearsal.notes.deck import NoteDeck

            self._deck = NoteDeck.load(self.paths)
            if self._deck.user_error is not None:
                QMessageBox.warning(self._window, self.tr("Director notes"),
                                    str(self._deck.user_error))  # fmt: skip
        return self._deck

    @Slot()
    def open_notes_editor(self) -> None:
        """Edit, add, disable and import director notes."""
        from rehearsal.ui.notes_editor import NotesEditorDialog

        dialog = NotesEditorDialog(self.deck(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.deck_saved.connect(self._on_deck_saved)
        self.notes_dialog = dialog
        dialog.open()

    @Slot(object)
    def _on_deck_saved(self, deck: NoteDeck) -> None:
        self._deck = deck

    def _ratings(self) -> dict[str, float]:
        """Mean self-rating per note category, so weak categories come up first."""
        if self.store is None:
            return {}
        return {r.category: r.mean_score for r in self.store.rating_by_category()}

    # -- setting up ------------------------------------------------------------------------
    def _remembered(self) -> dict[str, Any]:
        return load_json(self.settings, "drills/last")

    def _initial_configs(self, scene: object, label: str) -> list[DrillConfig]:
        """The last choices for both drills, the cold read's defaults coming from Settings.

        The prep time and warning tone of Settings are the defaults; a choice made in the
        setup wins next time, until Settings are changed again (see ``recall_cold_read``).
        """
        from rehearsal.engine.drill_config import (
            AdjustmentConfig,
            ColdReadConfig,
            recall_cold_read,
        )

        remembered, prefs = self._remembered(), load_preferences(self.settings)
        configs: list[DrillConfig] = []
        try:
            if isinstance(remembered.get("adjustment"), dict):
                configs.append(AdjustmentConfig.from_dict(remembered["adjustment"]))
        except ValueError:
            pass
        saved = remembered.get("cold_read")
        cold = recall_cold_read(
            saved if isinstance(saved, dict) else {},
            settings_prep=prefs.prep_seconds,
            settings_tone=prefs.warning_tone,
        )
        try:
            configs.append(ColdReadConfig.with_preferences(scene, label, cold))
        except ValueError:
            defaults = recall_cold_read(
                {}, settings_prep=prefs.prep_seconds, settings_tone=prefs.warning_tone
            )
            configs.append(ColdReadConfig.with_preferences(scene, label, defaults))
        return configs

    def open_setup(self, kind: DrillKind | str) -> DrillSetupDialog | None:
        """Show the setup dialog for the script on screen (needs a role chosen)."""
        from rehearsal.ui.drill_setup import SCENE_ROLE, DrillKind, DrillSetupDialog
        from rehearsal.ui.take_audio import microphone_problem

        kind = DrillKind(kind)
        controller = self._controller_for(None)
        if controller is None:
            QMessageBox.information(self._window, self.tr("Drills"),
                                    self.tr("Open sides and choose your role first."))  # fmt: skip
            return None
        script = controller.script
        scenes = [
            (scene.heading or self.tr("Scene %d") % (index + 1), index)
            for index, scene in enumerate(script.scenes)
            if any(True for _ in scene.dialogues())
        ]
        dialog = DrillSetupDialog(
            scenes,
            rehearsed=(),
            notes=self.deck().notes(),
            recording_problem=microphone_problem(),
            rng=self.rng,
            parent=self._window,
        )
        current = dialog.scene_list.currentItem()  # the first fresh scene: keep it chosen
        scene: object = None if current is None else current.data(0, SCENE_ROLE)
        label = "" if current is None else current.text(0)
        configs = self._initial_configs(scene, label)  # the adjustment drill's first
        if kind is DrillKind.ADJUSTMENT:
            configs.reverse()  # the kind opened goes last: the shared choices are its own
        for config in configs:
            dialog.apply(config)
        dialog.select_kind(kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.config_chosen.connect(self.start)
        self._covered = controller.screen
        dialog.page_cover_changed.connect(controller.screen.cover_page)
        dialog.rejected.connect(self._uncover)
        controller.screen.cover_page(dialog.covers_page())
        self.setup_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _uncover(self) -> None:
        """Show the page again: the cold read it was hidden for is not going ahead."""
        if self._covered is not None:
            self._covered.cover_page(False)
            self._covered = None

    @Slot(object)
    def start(self, config: DrillConfig) -> RehearsalController | None:
        """Build the drill ``config`` describes and run it on the rehearsal screen."""
        from rehearsal.engine.cold_read import ColdReadDrill
        from rehearsal.engine.drill_config import (
            AdjustmentConfig,
            ColdReadConfig,
            remember_cold_read,
        )
        from rehearsal.engine.drills import AdjustmentDrill
        from rehearsal.notes.draw import NoteDrawer

        remembered = self._remembered()
        if isinstance(config, AdjustmentConfig):
            remembered["adjustment"] = config.to_dict()
            controller = self._controller_for(None)
        else:
            prefs = load_preferences(self.settings)
            remembered["cold_read"] = remember_cold_read(
                config, prefs.prep_seconds, prefs.warning_tone
            )
            scene = config.scene if isinstance(config.scene, int) else None
            controller = self._controller_for([scene] if scene is not None else None)
        self.settings.setValue("drills/last", json.dumps(remembered))
        if controller is None:
            self._uncover()
            return None
        self._covered = None  # the drill covers and uncovers the page from here on
        drawer = NoteDrawer(
            self.deck().notes(), self.rng, ratings=self._ratings(), selection=config.selection
        )
        audio = self._audio() if config.record_audio else None
        if isinstance(config, ColdReadConfig):
            from rehearsal.ui.warning_tone import WarningTone

            tone = WarningTone(self.paths.cache, controller) if config.warning_tone else None
            if tone is not None:
                tone.prepare()
            drill: AdjustmentDrill | ColdReadDrill = ColdReadDrill(
                controller.engine, settings=config.settings, notes=drawer, rng=self.rng
            )
            controller.start_drill(drill, hide_page=config.hide_page, tone=tone, audio=audio)
        else:
            drill = AdjustmentDrill(
                controller.engine,
                notes=drawer,
                takes=config.takes,
                policy=config.policy,
                rng=self.rng,
            )
            controller.start_drill(drill, audio=audio)
        return controller

    def _audio(self) -> TakeAudioRecorder | None:
        from datetime import datetime

        from rehearsal.ui.take_audio import TakeAudioFolder, TakeAudioRecorder, session_folder

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = TakeAudioFolder(session_folder(self.paths.data, stamp))
        recorder = TakeAudioRecorder(folder, self)
        return recorder if recorder.available() else None
