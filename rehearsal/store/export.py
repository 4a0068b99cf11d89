"""The history as files the actor can keep, share with a coach, or open in a spreadsheet.

CSV is one row per session (the history table, plus what listening heard: mean word
accuracy, prompts asked for, mean cue pickup); JSON is the full record — takes, per-line
timings, notes and ratings — in a versioned document. Both can be read back into the same
dataclasses the store hands out, which is what the round-trip tests rely on. Files are
written to a temporary name and renamed, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import enum
import json
import types
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, TypeVar, Union, get_args, get_origin, get_type_hints

from rehearsal import atomic_file
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import StoreError
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.records import ALL_SESSIONS, SessionDetail, SessionFilter, SessionSummary

JSON_FORMAT = "rehearsal-history"
JSON_VERSION = 1
BATCH = 200
SUMMARY_COLUMNS = tuple(f.name for f in fields(SessionSummary))
LISTENING_COLUMNS = ("mean_accuracy", "prompts", "mean_pickup_s")
"""What Follow my words heard, per session; blank for sessions run without it."""
CSV_COLUMNS = SUMMARY_COLUMNS + LISTENING_COLUMNS

T = TypeVar("T")


class ExportError(StoreError):
    """The history could not be written to or read from a file."""


def to_jsonable(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, datetimes to ISO 8601 with offset."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    return value


def from_jsonable(kind: Any, data: Any) -> Any:
    """The inverse of :func:`to_jsonable` for the store's record types."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return None if data is None else from_jsonable(options[0], data)
    if origin is tuple:
        return tuple(from_jsonable(get_args(kind)[0], item) for item in data)
    if isinstance(kind, type) and is_dataclass(kind):
        hints = get_type_hints(kind)
        return kind(**{f.name: from_jsonable(hints[f.name], data[f.name]) for f in fields(kind)})
    if kind is datetime:
        return datetime.fromisoformat(data)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(data)
    if kind in (int, float, str, bool):
        if not isinstance(data, kind) and not (kind is float and isinstance(data, int)):
            raise TypeError(f"expected {kind.__name__}, got {data!r}")
        return kind(data)
    raise TypeError(f"cannot read {kind!r}")


def _atomic_write(path: Path, write: Callable[[IO[str]], None], newline: str | None) -> None:
    path = Path(path)
    try:
        with atomic_file.atomic_writer(path, newline=newline) as stream:
            write(stream)
    except OSError as exc:
        raise ExportError(f"{path}: could not write the export ({exc.strerror or exc})") from exc


def iter_details(
    repo: HistoryRepository, where: SessionFilter = ALL_SESSIONS
) -> Iterator[SessionDetail]:
    """Every matching session in full, oldest first, fetched a batch at a time."""
    ids = repo.session_ids(where)
    for start in range(0, len(ids), BATCH):
        yield from repo.session_details(ids[start : start + BATCH])


def history_document(
    repo: HistoryRepository,
    where: SessionFilter = ALL_SESSIONS,
    *,
    limit: int | None = None,
    now: WallClock = utc_now,
) -> dict[str, Any]:
    """The JSON export as a dict; ``limit`` keeps only the most recent sessions."""
    details = list(iter_details(repo, where))
    if limit is not None:
        details = details[-limit:] if limit > 0 else []
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": now().isoformat(),
        "filter": to_jsonable(where),
        "sessions": [to_jsonable(detail) for detail in details],
    }


def export_json(
    repo: HistoryRepository,
    path: Path,
    where: SessionFilter = ALL_SESSIONS,
    *,
    now: WallClock = utc_now,
) -> int:
    """Write the full record of the matching sessions; returns how many were written."""
    document = history_document(repo, where, now=now)
    _atomic_write(
        path,
        lambda stream: json.dump(document, stream, ensure_ascii=False, indent=1),
        newline=None,
    )
    return len(document["sessions"])


def read_json(path: Path) -> list[SessionDetail]:
    """Read a JSON export back into records."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path}: not a readable history export ({exc})") from exc
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise ExportError(f"{path}: not a Rehearsal history export")
    if document.get("version") != JSON_VERSION:
        raise ExportError(f"{path}: history export version {document.get('version')} is unknown")
    try:
        return [from_jsonable(SessionDetail, item) for item in document["sessions"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportError(f"{path}: damaged history export ({exc})") from exc


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def export_csv(repo: HistoryRepository, path: Path, where: SessionFilter = ALL_SESSIONS) -> int:
    """Write one row per matching session (oldest first); returns the number of rows."""
    count = 0

    def write(stream: IO[str]) -> None:
        nonlocal count
        writer = csv.writer(stream)
        writer.writerow(CSV_COLUMNS)
        ids = repo.session_ids(where)
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            heard = repo.listening_totals(batch)
            for summary in repo.summaries(batch):
                row = [_csv_cell(getattr(summary, c)) for c in SUMMARY_COLUMNS]
                totals = heard.get(summary.id)
                row += [
                    "" if totals is None else _csv_cell(getattr(totals, c))
                    for c in LISTENING_COLUMNS
                ]
                writer.writerow(row)
                count += 1

    _atomic_write(path, write, newline="")
    return count


def _parse_cell(kind: Any, text: str) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return None if text == "" else _parse_cell(options[0], text)
    if kind is datetime:
        return datetime.fromisoformat(text)
    if kind is bool:
        return text == "True"
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(text)
    if kind in (int, float, str):
        return kind(text)
    raise TypeError(f"cannot read {kind!r}")


def read_csv(path: Path) -> list[SessionSummary]:
    """Read a CSV export back into session summaries (older exports without the
    listening columns read too; the listening columns are not part of a summary)."""
    hints = get_type_hints(SessionSummary)
    try:
        with Path(path).open(encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            if tuple(reader.fieldnames or ()) not in (CSV_COLUMNS, SUMMARY_COLUMNS):
                raise ExportError(f"{path}: not a Rehearsal history CSV (unexpected columns)")
            return [
                SessionSummary(**{c: _parse_cell(hints[c], row[c]) for c in SUMMARY_COLUMNS})
                for row in reader
            ]
    except OSError as exc:
        raise ExportError(f"{path}: could not read ({exc.strerror or exc})") from exc
    except (TypeError, ValueError) as exc:
        raise ExportError(f"{path}: damaged history CSV ({exc})") from exc
