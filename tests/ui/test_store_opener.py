"""Opening the history off the GUI thread: the pending store, and the opener's outcomes."""

from __future__ import annotations

import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.store.facade import Store
from rehearsal.ui.store_opener import PendingStore, StoreOpener, open_store_or_explain


def test_a_waiting_worker_gets_the_store_once_it_is_resolved(paths: Paths) -> None:
    pending = PendingStore()
    store, problem = open_store_or_explain(paths)
    assert store is not None
    assert problem is None
    got: list[Store | None] = []
    worker = threading.Thread(target=lambda: got.append(pending.wait(threading.Event())))
    worker.start()
    time.sleep(0.1)
    assert worker.is_alive(), "the worker returned before the store was there"
    pending.resolve(store)
    worker.join(5)
    assert got == [store]
    store.close()


def test_cancelling_frees_a_waiting_worker_without_a_store() -> None:
    pending, cancel = PendingStore(), threading.Event()
    got: list[Store | None] = []
    worker = threading.Thread(target=lambda: got.append(pending.wait(cancel)))
    worker.start()
    cancel.set()
    worker.join(5)
    assert not worker.is_alive()
    assert got == [None]
    assert not pending.resolved


def test_only_the_first_resolution_counts(paths: Paths) -> None:
    pending = PendingStore()
    pending.resolve(None)
    store, _ = open_store_or_explain(paths)
    pending.resolve(store)  # a late opener must not swap the database under a session
    assert pending.resolved
    assert pending.wait(threading.Event()) is None
    assert store is not None
    store.close()


@pytest.mark.gui
def test_the_opener_opens_a_real_database_on_its_own_thread(qtbot: QtBot, paths: Paths) -> None:
    opener = StoreOpener(paths)
    threads: list[str] = []
    opener.opened.connect(lambda *_: threads.append(threading.current_thread().name))
    with qtbot.waitSignal(opener.opened, timeout=20_000) as blocker:
        opener.start()
        opener.start()  # a second start does nothing
    store, problem = blocker.args
    assert problem == ""
    assert isinstance(store, Store)  # the facade, built on the worker thread
    assert paths.database.is_file()
    assert threads == [threading.main_thread().name], "the result must arrive on the GUI thread"
    assert opener.wait(5)
    store.close()


@pytest.mark.gui
def test_a_database_that_cannot_be_opened_is_reported_not_raised(
    qtbot: QtBot, paths: Paths
) -> None:
    paths.database.mkdir()  # a folder where the file should be
    opener = StoreOpener(paths)
    with qtbot.waitSignal(opener.opened, timeout=20_000) as blocker:
        opener.start()
    store, problem = blocker.args
    assert store is None
    assert str(paths.database) in problem
    assert "folder" in problem
