"""The line-learning headline for the screens: "Thursday callback: 34 of 41 lines secure, …".

One call per part, for the home page, the rehearsal screen's status and the history: it
reads the part's memory and the script from the database (short read-only queries, so it
belongs on a worker thread), lines the memory up with the script, and says where the part
stands today, named by what it is learnt for: the linked audition ("Thursday callback"),
the "off book by" date, or nothing. The words come from templates marked for translation
(context ``MemorySummary``); the screens pass ``QCoreApplication.translate`` in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from rehearsal.i18n import QT_TRANSLATE_NOOP
from rehearsal.memory.book_store import OpenedBook, open_book
from rehearsal.memory.part import PartLine, part_lines
from rehearsal.memory.summary import (
    CONTEXT,
    SUMMARY_TEXT,
    PartSummary,
    Translate,
    summarise,
)
from rehearsal.store.dossier_records import ROUND_NAMES, AuditionRound
from rehearsal.store.facade import Store

WITHIN_A_WEEK = 6
"""Up to this many days ahead a date is named by its weekday ("Thursday")."""

HEADLINE_TEXT = QT_TRANSLATE_NOOP("MemorySummary", "{occasion}: {summary}")
OFF_BOOK_TEXT = QT_TRANSLATE_NOOP("MemorySummary", "Off book by {day}")
TODAY_TEXT = QT_TRANSLATE_NOOP("MemorySummary", "today")
TOMORROW_TEXT = QT_TRANSLATE_NOOP("MemorySummary", "tomorrow")
OCCASION_TEXT = QT_TRANSLATE_NOOP("MemorySummary", "{day} {round}")
WEEKDAYS = (
    QT_TRANSLATE_NOOP("MemorySummary", "Monday"),
    QT_TRANSLATE_NOOP("MemorySummary", "Tuesday"),
    QT_TRANSLATE_NOOP("MemorySummary", "Wednesday"),
    QT_TRANSLATE_NOOP("MemorySummary", "Thursday"),
    QT_TRANSLATE_NOOP("MemorySummary", "Friday"),
    QT_TRANSLATE_NOOP("MemorySummary", "Saturday"),
    QT_TRANSLATE_NOOP("MemorySummary", "Sunday"),
)


def _untranslated(context: str, text: str) -> str:
    del context
    return text


@dataclass(frozen=True, slots=True)
class Headline:
    """Where one part stands today: the numbers, and the sentence for them."""

    script_id: int
    role: str
    summary: PartSummary
    occasion: str | None
    text: str
    script_title: str | None = None
    """Set where several parts are listed together (the home), so each can be named."""


def day_name(day: date, today: date, translate: Translate = _untranslated) -> str:
    """ "today", "tomorrow", a weekday within the week, else the ISO date."""
    ahead = (day - today).days
    if ahead == 0:
        return translate(CONTEXT, TODAY_TEXT)
    if ahead == 1:
        return translate(CONTEXT, TOMORROW_TEXT)
    if 1 < ahead <= WITHIN_A_WEEK:
        return translate(CONTEXT, WEEKDAYS[day.weekday()])
    return day.isoformat()


def occasion(
    opened: OpenedBook, now: datetime, tz: tzinfo, translate: Translate = _untranslated
) -> str | None:
    """What the part is learnt for, in words: "Thursday callback", "Off book by Friday"."""
    day = opened.book.off_book_by
    if day is None:
        return None
    today = now.astimezone(tz).date()
    name = day_name(day, today, translate)
    audition = opened.audition
    if audition is not None and audition.scheduled_at is not None:
        try:
            round_name = translate("DossierRecords", ROUND_NAMES[AuditionRound(audition.round)])
        except (ValueError, KeyError):
            round_name = audition.round
        text = translate(CONTEXT, OCCASION_TEXT).format(day=name, round=round_name.lower())
        return text[:1].upper() + text[1:]
    return translate(CONTEXT, OFF_BOOK_TEXT).format(day=name)


def headline_for(
    opened: OpenedBook,
    part: Sequence[PartLine],
    now: datetime,
    tz: tzinfo,
    translate: Translate = _untranslated,
) -> Headline:
    """The headline of a part already opened."""
    summary = summarise(opened.book, part, opened.keys, now, tz)
    sentence = translate(CONTEXT, SUMMARY_TEXT).format(
        secure=summary.secure, total=summary.total, due=summary.due_today, minutes=summary.minutes
    )
    named = occasion(opened, now, tz, translate)
    text = (
        translate(CONTEXT, HEADLINE_TEXT).format(occasion=named, summary=sentence)
        if named
        else sentence
    )
    return Headline(opened.script_id or -1, opened.book.role, summary, named, text)


def part_headline(
    store: Store,
    script_id: int,
    role: str,
    now: datetime,
    tz: tzinfo,
    translate: Translate = _untranslated,
) -> Headline | None:
    """The headline of one part (None if the script is gone or the role not in it).

    Reads only: a part never rehearsed is summed up as all new, without writing.
    """
    found = open_stored_part(store, script_id, role, tz)
    if found is None:
        return None
    part, opened = found
    return headline_for(opened, part, now, tz, translate)


def open_stored_part(
    store: Store, script_id: int, role: str, tz: tzinfo
) -> tuple[list[PartLine], OpenedBook] | None:
    """The lines of ``role`` in a stored script and their memory, reading only (None if the
    script is gone or the role not in it)."""
    script = store.load_snapshot(script_id)
    if script is None:
        return None
    try:
        part = part_lines(script, role)
    except ValueError:
        return None
    return part, open_book(store.memory, script_id, role, part, tz)


def headlines(
    store: Store, now: datetime, tz: tzinfo, translate: Translate = _untranslated, limit: int = 5
) -> list[Headline]:
    """The headlines of the parts being learnt, the most recently rehearsed first.

    What the home page lists: one sentence per part, e.g. "Thursday callback: 34 of 41
    lines secure, 12 due today (8 min)".
    """
    out: list[Headline] = []
    for listing in store.memory.parts()[:limit]:
        found = part_headline(store, listing.script_id, listing.role, now, tz, translate)
        if found is not None:
            out.append(replace(found, script_title=listing.script_title))
    return out
