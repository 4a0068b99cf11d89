"""``rehearsal history``: recent sessions as text, or the full record as JSON.

The command only reads: it never creates, moves, migrates or writes the database (it is
opened with SQLite's read-only mode). A damaged file is read through a salvage into
memory, and what could be read is said before the history itself; a database from an
older version of the app needs the app to update it first, and the command says so.
"""

from __future__ import annotations

import json

from rehearsal.paths import Paths
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.export import JSON_FORMAT, JSON_VERSION, history_document
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.records import SessionSummary
from rehearsal.store.startup import open_store_for_reading

DEFAULT_LIMIT = 20


def format_duration(seconds: float) -> str:
    """``1h 02m``, ``12m 30s`` or ``45s``: how long a session felt."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"


def format_session_line(summary: SessionSummary) -> str:
    """One session on one line, in local time."""
    started = summary.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    parts = [
        started,
        summary.script_title,
        summary.role,
        summary.mode,
        format_duration(summary.duration_s),
        f"{summary.take_count} take{'s' if summary.take_count != 1 else ''}",
        f"{summary.line_count} line{'s' if summary.line_count != 1 else ''}",
        f"{summary.skipped_count} skipped",
    ]
    if summary.mean_response_s is not None:
        parts.append(f"response {summary.mean_response_s:.1f}s")
    if summary.mean_rating is not None:
        parts.append(f"rating {summary.mean_rating:.1f}/5")
    if summary.ended_at is None:
        parts.append("(not ended)")
    return "  ".join(parts)


def print_history(
    paths: Paths,
    limit: int | None = DEFAULT_LIMIT,
    as_json: bool = False,
    *,
    now: WallClock = utc_now,
) -> str:
    """The text ``rehearsal history [--json]`` prints (without a trailing newline).

    ``limit`` keeps the most recent sessions (``None`` for all). Raises
    :class:`~rehearsal.store.database.StoreError` with a one-line message when the
    database is locked or cannot be opened; the CLI prints it and exits with status 2.
    """
    if not paths.database.exists():
        if as_json:
            empty = {"format": JSON_FORMAT, "version": JSON_VERSION, "sessions": []}
            return json.dumps(empty, indent=1)
        return "No rehearsals recorded yet."
    opened = open_store_for_reading(paths)
    try:
        repo = HistoryRepository(opened.engine)
        notices = [notice.message for notice in opened.notices]
        if as_json:
            document = history_document(repo, limit=limit, now=now)
            if notices:
                document["notices"] = notices
            return json.dumps(document, ensure_ascii=False, indent=1)
        total = repo.count_sessions()
        recent = repo.list_sessions(limit=limit)
        lines = [f"Note: {message}" for message in notices]
        if not recent:
            lines.append("No rehearsals recorded yet.")
            return "\n".join(lines)
        shown = f"the {len(recent)} most recent" if len(recent) < total else "all"
        lines.append(f"{total} session{'s' if total != 1 else ''} ({shown}, newest first):")
        lines.extend(format_session_line(summary) for summary in recent)
        return "\n".join(lines)
    finally:
        opened.close()
