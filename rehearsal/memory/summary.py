"""How the part stands: "34 of 41 lines secure, 12 due today (8 min)", as data and as text.

The numbers are data so the home screen, the history and the command can each lay them out;
the sentence is built from templates marked for translation, which the screens look up with
``QCoreApplication.translate`` under the same context and pass in as ``translate``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from rehearsal.i18n import QT_TRANSLATE_NOOP
from rehearsal.memory import deadline
from rehearsal.memory.book import MemoryBook
from rehearsal.memory.part import PartLine
from rehearsal.memory.today import todays_run

CONTEXT = "MemorySummary"
# lupdate reads the context as written, so it is spelled out in each call.
SUMMARY_TEXT = QT_TRANSLATE_NOOP(
    "MemorySummary", "{secure} of {total} lines secure, {due} due today ({minutes} min)"
)
DEADLINE_TEXT = QT_TRANSLATE_NOOP("MemorySummary", "Off book by {date}: {summary}")

Translate = Callable[[str, str], str]


def _untranslated(context: str, text: str) -> str:
    del context
    return text


@dataclass(frozen=True, slots=True)
class PartSummary:
    """Counts for one part on one day.

    ``due_today`` counts the whole of today's run (due lines and today's new ones), which
    is what ``minutes`` times; ``days_left`` is None without a date.
    """

    total: int
    secure: int
    new: int
    due_today: int
    minutes: int
    off_book_by: date | None
    days_left: int | None


def summarise(
    book: MemoryBook,
    part: Sequence[PartLine],
    keys: Sequence[str],
    now: datetime,
    tz: tzinfo,
) -> PartSummary:
    """The summary of ``book``'s part as of ``now``."""
    until = deadline.secure_until(book.off_book_by, tz)
    memories = [book.lines[key] for key in keys]
    run = todays_run(book, part, keys, now, tz)
    return PartSummary(
        total=len(memories),
        secure=sum(1 for m in memories if m.is_secure(now, until)),
        new=sum(1 for m in memories if m.is_new),
        due_today=len(run.lines),
        minutes=run.minutes,
        off_book_by=book.off_book_by,
        days_left=(deadline.days_left(now, book.off_book_by, tz) if book.off_book_by else None),
    )


def format_summary(summary: PartSummary, translate: Translate = _untranslated) -> str:
    """The sentence for the summary, with the date in front when there is one."""
    text = translate(CONTEXT, SUMMARY_TEXT).format(
        secure=summary.secure,
        total=summary.total,
        due=summary.due_today,
        minutes=summary.minutes,
    )
    if summary.off_book_by is None:
        return text
    return translate(CONTEXT, DEADLINE_TEXT).format(
        date=summary.off_book_by.isoformat(), summary=text
    )
