"""A worker thread for a job that runs once: started on demand, waited for at shutdown.

The launch runs two such jobs behind the first view (opening the history, loading the
rehearsal's modules). Both may be asked to start more than once and must be waited for
before the window goes away, so that a migration or an import is never cut short.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class OnceThread:
    """Runs ``target`` on a thread named ``name`` the first time :meth:`start` is called."""

    def __init__(self, target: Callable[[], None], name: str) -> None:
        self._target = target
        self._name = name
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the job (once; later calls do nothing)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._target, name=self._name, daemon=False)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the job to finish; True when it has (or never started)."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()
