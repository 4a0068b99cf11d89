"""``rehearsal lines FILE --role NAME``: each line of the part with its memory and next run.

For scripting and for checking the schedule by hand: the text form is a table an actor can
read, ``--json`` the full record. The memory is read from the history database, opened
read-only. Looking writes nothing, except that memory kept before the database (the
``memory/<script hash>.json`` files of :mod:`rehearsal.memory.state_file`) or an earlier
version's is taken over once, and ``--off-book-by`` stores the date.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the rest loads when the command runs, not whenever the CLI starts
    from rehearsal.memory.book import MemoryBook
    from rehearsal.memory.book_store import OpenedBook
    from rehearsal.memory.line_memory import LineMemory
    from rehearsal.memory.part import PartLine
    from rehearsal.memory.today import TodaysRun
    from rehearsal.paths import Paths
    from rehearsal.script.model import Script

EXIT_USAGE = 2

LEVEL_NAMES = {
    "full": "full text",
    "first_letters": "first letters",
    "first_words": "first words",
    "cue_only": "cue only",
}
"""The hiding levels (:class:`rehearsal.engine.hiding.HideLevel` values) as the table says them."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's options, added to the subparser that ``rehearsal.cli`` creates."""
    parser.add_argument("file", help="the script the part is in")
    parser.add_argument("--role", required=True, help="the character whose lines to list")
    parser.add_argument("--json", action="store_true", help="the full record as JSON")
    parser.add_argument(
        "--today", action="store_true", help="only today's run: the lines due and the new ones"
    )
    parser.add_argument(
        "--shuffle", action="store_true", help="today's run shuffled instead of in script order"
    )
    parser.add_argument("--seed", type=int, default=None, help="seed for --shuffle")
    parser.add_argument(
        "--off-book-by",
        metavar="DATE",
        help="store the date to be off book by (YYYY-MM-DD), or 'none' to clear it",
    )


def _error(message: str) -> int:
    print(f"rehearsal: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _date_option(value: str | None) -> tuple[bool, date | None]:
    """Whether the option was given, and the date it names (None to clear)."""
    if value is None:
        return False, None
    if value.strip().lower() == "none":
        return True, None
    return True, date.fromisoformat(value.strip())


def _when(moment: datetime | None, tz: tzinfo) -> str | None:
    return moment.astimezone(tz).isoformat(timespec="minutes") if moment else None


def _line_json(
    line: PartLine,
    memory: LineMemory,
    now: datetime,
    tz: tzinfo,
    until: datetime | None,
    in_run: bool,
) -> dict[str, Any]:
    from rehearsal.memory.hiding_by_memory import hide_level

    card = memory.card
    return {
        "key": memory.key,
        "position": line.position,
        "scene": line.line_id.scene,
        "element": line.line_id.element,
        "scene_heading": line.scene_heading,
        "text": line.text,
        "cue_speaker": line.cue_speaker,
        "cue": line.cue_text,
        "state": memory.state.value,
        "stability": round(card.stability, 3) if card and card.stability else None,
        "difficulty": round(card.difficulty, 3) if card and card.difficulty else None,
        "recall": round(memory.recall(now), 3),
        "due": _when(memory.due, tz),
        "last_review": _when(card.last_review if card else None, tz),
        "reviews": len(memory.reviews),
        "last_grade": memory.last_rating.name.lower() if memory.last_rating else None,
        "hide_level": hide_level(memory, now, until).value,
        "secure": memory.is_secure(now, until),
        "in_todays_run": in_run,
    }


def render_json(
    file: Path,
    digest: str,
    book: MemoryBook,
    part: list[PartLine],
    keys: list[str],
    run: TodaysRun,
    now: datetime,
    tz: tzinfo,
) -> dict[str, Any]:
    """The command's ``--json`` record."""
    from rehearsal.memory import deadline
    from rehearsal.memory.summary import format_summary, summarise

    summary = summarise(book, part, keys, now, tz)
    until = deadline.secure_until(book.off_book_by, tz)
    in_run = {t.key for t in run.lines}
    lines = [
        _line_json(line, book.lines[key], now, tz, until, key in in_run)
        for line, key in zip(part, keys, strict=True)
    ]
    return {
        "file": str(file),
        "script_hash": digest,
        "role": book.role,
        "now": now.astimezone(tz).isoformat(timespec="seconds"),
        "off_book_by": book.off_book_by.isoformat() if book.off_book_by else None,
        "summary": {
            "total": summary.total,
            "secure": summary.secure,
            "new": summary.new,
            "due_today": summary.due_today,
            "minutes": summary.minutes,
            "days_left": summary.days_left,
        },
        "sentence": format_summary(summary),
        "today": {
            "due_count": run.due_count,
            "new_count": run.new_count,
            "minutes": run.minutes,
            "keys": [t.key for t in run.lines],
        },
        "lines": lines,
    }


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(
    book: MemoryBook,
    part: list[PartLine],
    keys: list[str],
    run: TodaysRun,
    now: datetime,
    tz: tzinfo,
    only_today: bool,
) -> str:
    """The table an actor reads: one row per line, the summary on top."""
    from rehearsal.memory import deadline
    from rehearsal.memory.hiding_by_memory import hide_level
    from rehearsal.memory.summary import format_summary, summarise

    summary = summarise(book, part, keys, now, tz)
    until = deadline.secure_until(book.off_book_by, tz)
    out = [f"{book.role}: {format_summary(summary)}"]
    header = f"{'#':>4} {'sc':>3}  {'state':<11} {'shown':<13} {'due':<16}  line"
    out.append(header)
    by_key = dict(zip(keys, part, strict=True))
    rows = [t.key for t in run.lines] if only_today else keys
    for key in rows:
        line, memory = by_key[key], book.lines[key]
        due = memory.due.astimezone(tz).strftime("%Y-%m-%d %H:%M") if memory.due else "—"
        level = LEVEL_NAMES[hide_level(memory, now, until)]
        out.append(
            f"{line.position + 1:>4} {line.scene + 1:>3}  {memory.state.value:<11} "
            f"{level:<13} {due:<16}  {_clip(line.text, 60)}"
        )
        if only_today and line.cue_text:
            indent = " " * header.index("line")
            out.append(f"{indent}cue {line.cue_speaker}: {_clip(line.cue_text, 50)}")
    return "\n".join(out)


def _take_over_note(opened: OpenedBook, legacy: Path | None, predecessor: bool) -> list[str]:
    """What the command says about memory it took over (the JSON file, an earlier version)."""
    if opened.imported_from is not None and predecessor:
        name = legacy.name if legacy else opened.imported_from
        return [
            f"the memory of {opened.book.role} was carried over from an earlier version "
            f"of the script ({name})"
        ]
    return opened.notes


def run(args: argparse.Namespace, now: datetime | None = None, tz: tzinfo | None = None) -> int:
    """Carry out ``rehearsal lines``; ``now`` and ``tz`` are injectable for tests.

    The memory is read from the history database without changing it (as ``rehearsal
    history`` reads it). The command writes only to take over memory kept before the
    database did (a ``memory/<hash>.json`` file, once) or an earlier version's, and to
    store ``--off-book-by``; then the script is saved in the database as the app saves it.
    """
    import hashlib

    from rehearsal.memory.carry_over import find_predecessor
    from rehearsal.memory.part import part_lines
    from rehearsal.memory.state_file import load_books, memory_folder, memory_path
    from rehearsal.memory.today import RunOrder, todays_run
    from rehearsal.paths import default_paths
    from rehearsal.script.errors import ScriptImportError
    from rehearsal.script.loader import parse_bytes, read_script_bytes
    from rehearsal.store.database import StoreError

    moment = (now or datetime.now(UTC)).astimezone(UTC)
    zone = tz or datetime.now().astimezone().tzinfo or UTC
    file = Path(args.file)
    try:
        given, off_book_by = _date_option(args.off_book_by)
    except ValueError:
        return _error(f"--off-book-by: {args.off_book_by!r} is not a date like 2026-12-10")
    try:
        data = read_script_bytes(file)
        script = parse_bytes(data, file.suffix)
    except ScriptImportError as exc:
        exc.path = file
        return _error(str(exc))
    try:
        part = part_lines(script, args.role)
    except ValueError as exc:
        return _error(f"{file}: {exc}")
    role = " ".join(args.role.split()).upper()
    digest = hashlib.sha256(data).hexdigest()
    paths = default_paths(getattr(args, "data_dir", None))
    own_file = memory_path(paths.data, digest)
    legacy: Path | None = own_file if own_file.exists() else None
    predecessor = False
    if legacy is None:
        earlier = find_predecessor(memory_folder(paths.data), role, part, own_file)
        legacy, predecessor = (earlier.path, True) if earlier else (None, False)
    try:
        opened = _read_book(paths, data, role, part, zone, legacy)
        taking_over = not opened.from_store and (legacy is not None or bool(opened.notes))
        if taking_over and legacy is not None and not predecessor:
            for problem in load_books(legacy, moment).problems:  # damaged: kept aside, said once
                print(f"rehearsal: warning: {problem}", file=sys.stderr)
        if given:
            opened.off_book_by = opened.book.off_book_by = off_book_by
            opened.audition = None
        if given or taking_over:
            opened.imported_from = opened.imported_from or (str(legacy) if legacy else None)
            _write_book(paths, script, file, data, opened, moment)
    except StoreError as exc:
        return _error(str(exc))
    for note in _take_over_note(opened, legacy, predecessor):
        print(f"rehearsal: note: {file}: {note}", file=sys.stderr)
    book, keys = opened.book, opened.keys
    order = RunOrder.SHUFFLED if args.shuffle else RunOrder.SCRIPT
    today = todays_run(book, part, keys, moment, zone, order=order, seed=args.seed)
    if args.json:
        record = render_json(file, digest, book, part, keys, today, moment, zone)
        json.dump(record, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(render_text(book, part, keys, today, moment, zone, args.today))
    return 0


def _read_book(
    paths: Paths,
    data: bytes,
    role: str,
    part: list[PartLine],
    zone: tzinfo,
    legacy: Path | None,
) -> OpenedBook:
    """The part's book as the database has it, opened read-only (or as new, or from JSON)."""
    from rehearsal.memory.book_store import open_book
    from rehearsal.store.memory_repo import MemoryRepository
    from rehearsal.store.scripts_repo import find_script
    from rehearsal.store.startup import open_store_for_reading

    if not paths.database.exists():
        return open_book(None, None, role, part, zone, json_file=legacy)
    reading = open_store_for_reading(paths)
    try:
        stored = find_script(reading.engine, data)
        repo = MemoryRepository(reading.engine)
        script_id = stored.id if stored else None
        return open_book(repo, script_id, role, part, zone, json_file=legacy)
    finally:
        reading.close()


def _write_book(
    paths: Paths,
    script: Script,
    file: Path,
    data: bytes,
    opened: OpenedBook,
    moment: datetime,
) -> None:
    """Save the script (as the app does) and the part's whole book in the database."""
    from rehearsal.store.memory_repo import MemoryRepository
    from rehearsal.store.scripts_repo import import_script
    from rehearsal.store.startup import open_store

    store = open_store(paths)
    try:
        opened.script_id = import_script(store.engine, script, file.resolve(), data)
        MemoryRepository(store.engine, now=lambda: moment).save_part(opened.as_stored())
        opened.dirty = False
    finally:
        store.close()
