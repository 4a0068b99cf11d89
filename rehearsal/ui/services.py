"""What runs behind the first view: the history database, the rehearsal's modules, speech.

The launcher shows the window and the script before any of these exist (see
:mod:`rehearsal.ui.app`), then calls :meth:`AppServices.start`: the history database opens
on a worker thread (:mod:`rehearsal.ui.store_opener`), the modules of the first rehearsal
load on another (:mod:`rehearsal.ui.preload`), and the speech worker starts last. One after
the other, so each has the machine to itself and the page stays responsive. Tests and the
screenshot script attach a store and start speech directly instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from rehearsal.paths import Paths
from rehearsal.ui.preload import ModulePreloader
from rehearsal.ui.store_opener import PendingStore, StoreOpener

if TYPE_CHECKING:  # the store and the speech pipeline load behind the first view
    from rehearsal.store.facade import Store
    from rehearsal.ui.speech_support import SpeechSupport


class AppServices(QObject):
    """The history database, the first rehearsal's modules and the speech pipeline."""

    store_attached = Signal()  # attach_store ran: the history is open, or known to be off
    ready = Signal()  # history open, rehearsal modules loaded, speech started

    def __init__(self, paths: Paths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store: Store | None = None
        """The one way in to the history (:class:`~rehearsal.store.facade.Store`)."""
        self.store_error: str | None = None
        self.pending_store = PendingStore()
        self._speech: SpeechSupport | None = None
        self._opener: StoreOpener | None = None
        self._preloader: ModulePreloader | None = None
        self._closed = False  # after shutdown nothing starts, and a late store is closed

    @property
    def speech_started(self) -> bool:
        """True once the speech pipeline exists."""
        return self._speech is not None

    def attach_store(self, store: Store | None, problem: str | None = None) -> None:
        """The history (the store built once on the opened database), or None to rehearse
        without history (and why).

        Imports waiting to remember their script go on at once; only the first call counts,
        so the database never changes under a running session.
        """
        if self.pending_store.resolved:
            return
        if self._closed:
            self.pending_store.resolve(None)  # let a waiting import give up
            if store is not None:
                store.close()
            return
        self.store = store
        self.store_error = problem or None
        self.pending_store.resolve(store)
        self.store_attached.emit()

    def start(self) -> None:
        """Open the history, then load the rehearsal's modules, then start speech (once)."""
        if self._preloader is not None or self._closed:
            return
        self._preloader = ModulePreloader(parent=self)
        self._preloader.loaded.connect(self._on_preloaded)
        if self.pending_store.resolved:
            self._preloader.start()
            return
        self.store_attached.connect(self._preloader.start)
        self._opener = StoreOpener(self.paths, self)
        self._opener.opened.connect(self._on_store_opened)
        self._opener.start()

    def speech(self) -> SpeechSupport:
        """The speech pipeline, started on first use (or by :meth:`start_speech`)."""
        if self._speech is None:
            from rehearsal.ui.speech_support import SpeechSupport

            self._speech = SpeechSupport(self.paths, self)
        return self._speech

    @Slot()
    def start_speech(self) -> None:
        """Start the speech worker now, so the partner is ready by the first cue."""
        self.speech()

    def shutdown(self) -> None:
        """Let an opening or a loading finish (a migration is never cut short), stop speech
        and close the history database (after the window has stopped everything that
        writes to it).

        Nothing starts afterwards: the window is gone, and a store that opens late is
        closed again at once.
        """
        self._closed = True
        if self._opener is not None:
            self._opener.wait()
        if self._preloader is not None:
            self._preloader.shutdown()  # only imports: stopping after the current one is safe
        if self._speech is not None:
            self._speech.close()
        if self.store is not None:
            self.store.close()  # the last connection checkpoints the WAL into the file

    @Slot()
    def _on_preloaded(self) -> None:
        if self._closed:
            return
        self.start_speech()
        self.ready.emit()

    @Slot(object, str)
    def _on_store_opened(self, store: Store | None, problem: str) -> None:
        self.attach_store(store, problem or None)
