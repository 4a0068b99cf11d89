"""The dossier editor: one audition's details, research, character work, wardrobe, follow-up.

Everything is saved as the actor types (see :mod:`.autosave`); there is no Save button and
closing the window writes what is still pending. Linking sides, linking sessions and
choosing a photo are saved at once. The prep sheet exports to a one-page PDF and to
Markdown; the character worksheet prints on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from rehearsal.dossier.prep_sheet import (
    render_markdown,
    render_worksheet_html,
    suggested_file_stem,
    title_of,
)
from rehearsal.dossier.thank_you import template_path
from rehearsal.dossier.wardrobe_photos import (
    PhotoError,
    import_photo,
    remove_photo,
    resolve_photo,
)
from rehearsal.paths import Paths
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import StoreError
from rehearsal.store.dossier_records import AuditionDossier, Research, Wardrobe, Worksheet
from rehearsal.store.facade import Store
from rehearsal.ui.dossier.autosave import DEFAULT_DELAY_MS, Autosaver
from rehearsal.ui.dossier.choosers import OpenPathFn, PrinterFn, ask_photo_path, ask_printer
from rehearsal.ui.dossier.details_tab import DetailsTab
from rehearsal.ui.dossier.fields import audition_title
from rehearsal.ui.dossier.followup_widgets import FollowUpEditor
from rehearsal.ui.dossier.prep_sheet_pdf import (
    ExportError,
    print_html,
    write_markdown,
    write_prep_sheet,
)
from rehearsal.ui.dossier.prep_tabs import CharacterTab, ResearchTab, WardrobeTab, readable_image
from rehearsal.ui.questions import ConfirmFn, SavePathFn, ask_confirmation, ask_save_path
from rehearsal.ui.secondary_window import ReturnWatcher, add_close_keys, fit_to_screen
from rehearsal.ui.theme import set_look

TAB_DETAILS, TAB_RESEARCH, TAB_CHARACTER, TAB_WARDROBE, TAB_FOLLOW_UP = range(5)


class DossierEditor(QWidget):
    """Edit one audition's dossier; saves as you type."""

    saved = Signal(str)  # part name, once on disk
    saveFailed = Signal(str)
    auditionChanged = Signal(int)  # details or follow-up changed: lists should refresh
    exported = Signal(str)  # path written
    printed = Signal(int)  # pages
    closed = Signal(int)  # audition id

    def __init__(
        self,
        store: Store,
        paths: Paths,
        audition_id: int,
        parent: QWidget | None = None,
        *,
        now: WallClock = utc_now,
        tz: tzinfo | None = None,
        choose_photo: OpenPathFn = ask_photo_path,
        choose_save_path: SavePathFn = ask_save_path,
        choose_printer: PrinterFn = ask_printer,
        confirm: ConfirmFn = ask_confirmation,
        autosave_ms: int = DEFAULT_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        fit_to_screen(self, 980, 720)
        self.store = store
        self.repo = store.auditions
        self.paths = paths
        self.audition_id = audition_id
        self._tz = tz
        self.choose_photo = choose_photo
        self.choose_save_path = choose_save_path
        self.choose_printer = choose_printer
        self.confirm = confirm
        self.autosaver = Autosaver(autosave_ms, self)
        self._build(now)
        self._connect()
        self.reload()
        # Coming back to the dossier (from tape mode, say) shows what was added meanwhile.
        self._return_watcher = ReturnWatcher(self, self.refresh_from_elsewhere)

    # Building ---------------------------------------------------------------------------

    def _build(self, now: WallClock) -> None:
        self.details_tab = DetailsTab(now=now)
        self.research_tab = ResearchTab()
        self.character_tab = CharacterTab()
        self.wardrobe_tab = WardrobeTab()
        self.follow_up = FollowUpEditor(
            self.repo,
            template_path(self.paths),
            autosaver=self.autosaver,
            now=now,
            tz=self._tz,
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Dossier sections"))
        self.tabs.addTab(self.details_tab, self.tr("&Audition details"))
        self.tabs.addTab(self.research_tab, self.tr("&Research"))
        self.tabs.addTab(self.character_tab, self.tr("&Character"))
        self.tabs.addTab(self.wardrobe_tab, self.tr("&Wardrobe"))
        self.tabs.addTab(self.follow_up, self.tr("&Follow-up"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Export the prep sheet as PDF"))
        self.markdown_button = QPushButton(self.tr("Export Markdown…"))
        self.markdown_button.setAccessibleName(self.tr("Export the prep sheet as Markdown"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the dossier"))
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.markdown_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)
        self._close_shortcuts = add_close_keys(self)  # Esc too, like the other windows

    def _connect(self) -> None:
        self.autosaver.saved.connect(self._on_saved)
        self.autosaver.failed.connect(self._show_error)
        self.autosaver.gone.connect(self._on_gone)
        self.details_tab.edited.connect(self._on_details_edited)
        self.details_tab.scriptToggled.connect(self._on_script_toggled)
        self.details_tab.sessionToggled.connect(self._on_session_toggled)
        self.research_tab.edited.connect(self._on_research_edited)
        self.character_tab.edited.connect(self._on_worksheet_edited)
        self.character_tab.relationshipEdited.connect(self._on_relationship_edited)
        self.character_tab.printRequested.connect(self.print_worksheet)
        self.wardrobe_tab.edited.connect(self._on_wardrobe_edited)
        self.wardrobe_tab.choosePhotoRequested.connect(self.choose_wardrobe_photo)
        self.wardrobe_tab.removePhotoRequested.connect(self.remove_wardrobe_photo)
        self.follow_up.changed.connect(self.auditionChanged.emit)
        self.follow_up.failed.connect(self._show_error)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.markdown_button.clicked.connect(self.export_markdown)
        self.close_button.clicked.connect(self.close)

    # Public -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the whole dossier again and show it (pending edits are saved first)."""
        self.autosaver.flush()
        try:
            dossier = self.repo.dossier(self.audition_id)
            scripts = self.store.list_scripts()
        except StoreError as exc:
            self._show_error(str(exc))
            return
        if dossier is None:
            self._on_gone()
            return
        self.autosaver.suspend()
        try:
            self.details_tab.load(dossier.audition.details)
            self.details_tab.set_scripts(scripts, {s.id for s in dossier.scripts})
            self.details_tab.set_tapes(dossier.tapes)
            self.research_tab.load(dossier.research)
            self.character_tab.load(dossier.worksheet, dossier.relationships)
            self.wardrobe_tab.load(
                dossier.wardrobe, resolve_photo(self.paths, dossier.wardrobe.first_round_photo)
            )
            self.wardrobe_tab.set_round(dossier.audition.details.round)
            self.follow_up.set_audition(dossier.audition)
        finally:
            self.autosaver.resume()
        self._refresh_sessions()
        self._set_title(dossier)

    def flush(self) -> bool:
        """Save whatever is pending now; returns whether everything was saved."""
        return self.autosaver.flush()

    def current_dossier(self) -> AuditionDossier | None:
        """The dossier as stored, after saving what is pending."""
        self.flush()
        try:
            return self.repo.dossier(self.audition_id)
        except StoreError as exc:
            self._show_error(str(exc))
            return None

    @Slot()
    def export_pdf(self) -> Path | None:
        """Ask where, then write the one-page prep sheet PDF there."""
        dossier = self.current_dossier()
        if dossier is None:
            return None
        path = self.choose_save_path(
            self,
            self.tr("Export prep sheet as PDF"),
            f"{suggested_file_stem(dossier)}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path is None:
            return None
        try:
            photo = resolve_photo(self.paths, dossier.wardrobe.first_round_photo)
            pages = write_prep_sheet(dossier, path, photo_file=photo, tz=self._tz)
        except ExportError as exc:
            self._show_error(str(exc))
            return None
        if pages == 1:
            self._show_status(self.tr("Prep sheet saved to %s.") % path)
        else:
            self._show_status(
                self.tr("Prep sheet saved to %s (%d pages: shorten the notes for one page).")
                % (path, pages)
            )
        self.exported.emit(str(path))
        return path

    @Slot()
    def export_markdown(self) -> Path | None:
        """Ask where, then write the prep sheet as Markdown there."""
        dossier = self.current_dossier()
        if dossier is None:
            return None
        path = self.choose_save_path(
            self,
            self.tr("Export prep sheet as Markdown"),
            f"{suggested_file_stem(dossier)}.md",
            self.tr("Markdown files (*.md)"),
        )
        if path is None:
            return None
        try:
            write_markdown(render_markdown(dossier, self._tz), path)
        except ExportError as exc:
            self._show_error(str(exc))
            return None
        self._show_status(self.tr("Prep sheet saved to %s.") % path)
        self.exported.emit(str(path))
        return path

    @Slot()
    def print_worksheet(self) -> int:
        """Ask for a printer, then print the character worksheet; returns the pages printed."""
        dossier = self.current_dossier()
        if dossier is None:
            return 0
        printer = self.choose_printer(self)
        if printer is None:
            return 0
        pages = print_html(render_worksheet_html(dossier, self._tz), printer)
        text = (
            self.tr("Worksheet sent to the printer (%d page).")
            if pages == 1
            else self.tr("Worksheet sent to the printer (%d pages).")
        )
        self._show_status(text % pages)
        self.printed.emit(pages)
        return pages

    @Slot()
    def choose_wardrobe_photo(self) -> None:
        """Ask for the first-round photo, copy it into the data folder and show it."""
        source = self.choose_photo(self)
        if source is None:
            return
        problem = readable_image(source)
        if problem is not None:
            self._show_error(problem)
            return
        try:
            stored = import_photo(self.paths, self.audition_id, source)
        except PhotoError as exc:
            self._show_error(str(exc))
            return
        self._replace_photo(stored)

    @Slot()
    def remove_wardrobe_photo(self) -> None:
        """Take the photo out of the dossier and delete the copy."""
        self._replace_photo(None)

    # Helpers ----------------------------------------------------------------------------

    def _replace_photo(self, stored: str | None) -> None:
        old = self.wardrobe_tab.photo
        self.wardrobe_tab.show_photo(stored, resolve_photo(self.paths, stored))
        self._on_wardrobe_edited()
        if self.flush() and old and old != stored:
            remove_photo(self.paths, old)

    def refresh_from_elsewhere(self) -> None:
        """Show what other windows added while this one stayed open: takes exported from
        tape mode and sessions rehearsed since. Both are lists this window never edits, so
        re-reading them cannot overwrite a pending edit."""
        if not self.tabs.isEnabled():
            return  # the audition is gone
        try:
            tapes = self.repo.tapes(self.audition_id)
        except StoreError as exc:
            self._show_error(str(exc))
            return
        self.details_tab.set_tapes(tapes)
        self._refresh_sessions()

    def _refresh_sessions(self) -> None:
        try:
            linked = self.repo.sessions(self.audition_id)
            candidates = self.repo.candidate_sessions(self.audition_id)
        except StoreError as exc:
            self._show_error(str(exc))
            return
        listed = {s.id: s for s in candidates}
        for summary in linked:
            listed.setdefault(summary.id, summary)
        ordered = sorted(listed.values(), key=lambda s: (s.started_at, s.id), reverse=True)
        self.details_tab.set_sessions(ordered, {s.id for s in linked})

    def _refresh_relationships(self) -> None:
        try:
            relationships = self.repo.relationships(self.audition_id)
        except StoreError as exc:
            self._show_error(str(exc))
            return
        self.autosaver.suspend()
        try:
            self.character_tab.set_relationships(relationships)
        finally:
            self.autosaver.resume()

    def _set_title(self, dossier: AuditionDossier | None = None) -> None:
        if dossier is not None:
            title = title_of(dossier)
        else:
            details = self.details_tab.details()
            title = audition_title(details) + (f" — {details.role}" if details.role else "")
        self.setWindowTitle(self.tr("Dossier — %s") % title)

    def _show_status(self, message: str) -> None:
        set_look(self.status, "")
        self.status.setText(message)

    @Slot(str)
    def _show_error(self, message: str) -> None:
        set_look(self.status, "error")
        self.status.setText(message)
        self.saveFailed.emit(message)

    def _link(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except (StoreError, ValueError) as exc:
            self._show_error(str(exc))
            return False
        return True

    # Slots ------------------------------------------------------------------------------

    @Slot()
    def _on_details_edited(self) -> None:
        self.wardrobe_tab.set_round(self.details_tab.details().round)
        self.autosaver.mark(
            "details",
            lambda: self.repo.save_details(self.audition_id, self.details_tab.details()),
        )

    @Slot()
    def _on_research_edited(self) -> None:
        self.autosaver.mark("research", self._save_research)

    def _save_research(self) -> None:
        research: Research = self.research_tab.research()
        self.repo.save_part(self.audition_id, research)

    @Slot()
    def _on_worksheet_edited(self) -> None:
        self.autosaver.mark("worksheet", self._save_worksheet)

    def _save_worksheet(self) -> None:
        worksheet: Worksheet = self.character_tab.worksheet()
        self.repo.save_part(self.audition_id, worksheet)

    @Slot(str)
    def _on_relationship_edited(self, character: str) -> None:
        self.autosaver.mark(
            f"relationship:{character}",
            lambda: self.repo.save_relationship(
                self.audition_id, character, self.character_tab.relationship_text(character)
            ),
        )

    @Slot()
    def _on_wardrobe_edited(self) -> None:
        self.autosaver.mark("wardrobe", self._save_wardrobe)

    def _save_wardrobe(self) -> None:
        wardrobe: Wardrobe = self.wardrobe_tab.wardrobe()
        self.repo.save_part(self.audition_id, wardrobe)

    @Slot(str)
    def _on_saved(self, part: str) -> None:
        self._show_status(self.tr("All changes saved."))
        if part == "details":
            self._set_title()
            self._refresh_relationships()  # the role may have changed
            self.auditionChanged.emit(self.audition_id)
            try:
                audition = self.repo.get(self.audition_id)
            except StoreError:
                audition = None
            if audition is not None:
                self.follow_up.refresh_state(audition)
        self.saved.emit(part)

    @Slot(int, bool)
    def _on_script_toggled(self, script_id: int, linked: bool) -> None:
        repo, audition_id = self.repo, self.audition_id
        if linked:
            done = self._link(lambda: repo.link_script(audition_id, script_id))
        else:
            done = self._link(lambda: repo.unlink_script(audition_id, script_id))
        if done:
            self._refresh_relationships()
            self._refresh_sessions()
            self.saved.emit("scripts")

    @Slot(int, bool)
    def _on_session_toggled(self, session_id: int, linked: bool) -> None:
        repo, audition_id = self.repo, self.audition_id
        if linked:
            done = self._link(lambda: repo.link_session(audition_id, session_id))
        else:
            done = self._link(lambda: repo.unlink_session(audition_id, session_id))
        if done:
            self.saved.emit("sessions")

    @Slot()
    def _on_gone(self) -> None:
        self.tabs.setEnabled(False)
        self.pdf_button.setEnabled(False)
        self.markdown_button.setEnabled(False)
        self._show_error(self.tr("This audition was deleted; nothing more can be saved to it."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush() and self.tabs.isEnabled():
            question = (
                self.tr("Some changes could not be saved (%s).\n\nClose anyway and lose them?")
                % self.status.text()
            )
            if not self.confirm(self, self.tr("Unsaved changes"), question):
                event.ignore()
                return
        self.closed.emit(self.audition_id)
        super().closeEvent(event)
