"""Render-ahead: keep the partner's next few lines rendered before they are cued.

A render takes ~10-50 ms, less than any actor's line, so if the worker starts on the
partner's next lines while the actor is still speaking, the cue only has to start playback.
This bookkeeping is separate from the worker and from Qt so it can be tested with any
``submit`` function, and so the UI, the benchmark and the tests share one policy:

* the next ``depth`` distinct lines are kept rendered or in flight, nearest first (a
  request's priority is its distance, so the worker does the nearest first);
* lines that fell out of the window (the actor jumped to another scene) are cancelled;
* the cued line, if not ready, is asked for again at priority 0, which overtakes queued
  render-ahead work in the worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from rehearsal.speech.direction import LinePlan

Submit = Callable[[LinePlan, int], int]
Cancel = Callable[[Iterable[int]], None]
DEFAULT_DEPTH = 3


class RenderAhead:
    """Which lines are rendered, in flight or failed; decides what to ask for next.

    ``submit(plan, priority)`` must return a request id and answer later (through
    :meth:`on_rendered` / :meth:`on_failed`), never from inside the call.
    """

    def __init__(self, submit: Submit, cancel: Cancel, depth: int = DEFAULT_DEPTH) -> None:
        if depth < 1:
            raise ValueError("render-ahead depth must be at least 1")
        self._submit = submit
        self._cancel = cancel
        self.depth = depth
        self._ready: dict[LinePlan, Path] = {}
        self._failed: dict[LinePlan, str] = {}
        self._pending: dict[LinePlan, list[int]] = {}
        self._plan_of: dict[int, LinePlan] = {}
        self._urgent: set[int] = set()

    def update(self, upcoming: Sequence[LinePlan]) -> list[int]:
        """Keep the first ``depth`` of ``upcoming`` (the partner's next lines) in hand.

        Returns the ids of newly submitted requests.
        """
        window: list[LinePlan] = []
        for plan in upcoming:
            if plan and plan not in window:
                window.append(plan)
            if len(window) == self.depth:
                break
        stale = [
            request_id
            for plan, ids in self._pending.items()
            if plan not in window
            for request_id in ids
            if request_id not in self._urgent
        ]
        if stale:
            self._cancel(stale)
            for request_id in stale:
                self._forget(request_id)
        submitted = []
        for distance, plan in enumerate(window, start=1):
            if plan in self._ready or plan in self._failed or plan in self._pending:
                continue
            submitted.append(self._send(plan, distance))
        return submitted

    def now(self, plan: LinePlan) -> Path | None:
        """The line the actor is waiting for: its file if ready, else ask for it urgently."""
        path = self._ready.get(plan)
        if path is not None:
            return path
        if plan in self._failed:
            return None
        if not any(i in self._urgent for i in self._pending.get(plan, ())):
            self._urgent.add(self._send(plan, 0))
        return None

    def _send(self, plan: LinePlan, priority: int) -> int:
        request_id = self._submit(plan, priority)
        self._pending.setdefault(plan, []).append(request_id)
        self._plan_of[request_id] = plan
        return request_id

    def _forget(self, request_id: int) -> LinePlan | None:
        self._urgent.discard(request_id)
        plan = self._plan_of.pop(request_id, None)
        if plan is not None:
            ids = self._pending.get(plan, [])
            if request_id in ids:
                ids.remove(request_id)
            if not ids:
                self._pending.pop(plan, None)
        return plan

    def on_rendered(self, request_id: int, path: Path) -> LinePlan | None:
        """Record a finished render; returns its plan, or None if it was not ours."""
        plan = self._forget(request_id)
        if plan is not None:
            self._ready[plan] = path
            self._failed.pop(plan, None)
        return plan

    def on_failed(self, request_id: int, message: str) -> LinePlan | None:
        """Record a failed render (reported once, then skipped rather than retried)."""
        plan = self._forget(request_id)
        if plan is not None and plan not in self._ready:
            self._failed[plan] = message
        return plan

    def path(self, plan: LinePlan) -> Path | None:
        return self._ready.get(plan)

    def failure(self, plan: LinePlan) -> str | None:
        return self._failed.get(plan)

    def is_pending(self, plan: LinePlan) -> bool:
        return plan in self._pending

    def is_urgent(self, request_id: int) -> bool:
        return request_id in self._urgent

    def plan_of(self, request_id: int) -> LinePlan | None:
        return self._plan_of.get(request_id)

    def retry_failed(self) -> None:
        """Forget failures, e.g. after the actor fixed a voice or installed a package."""
        self._failed.clear()

    def clear(self) -> None:
        """Forget everything (a new script); pending requests are cancelled."""
        pending = list(self._plan_of)
        if pending:
            self._cancel(pending)
        self._ready.clear()
        self._failed.clear()
        self._pending.clear()
        self._plan_of.clear()
        self._urgent.clear()
