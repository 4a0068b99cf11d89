"""The headline of a part learnt for an audition, and the schedule fitted to its day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fsrs import Rating

from rehearsal.memory.book_store import open_book, save_reviewed
from rehearsal.memory.home import day_name, headlines, part_headline
from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails, AuditionRound
from rehearsal.store.facade import Store
from rehearsal.store.memory_repo import MemoryRepository
from rehearsal.store.scripts_repo import import_script
from tests.memory.helpers import KITCHEN, MONDAY, fountain, mary

THURSDAY_3PM = datetime(2026, 12, 10, 15, 0, tzinfo=UTC)


def test_a_part_linked_to_a_callback_is_named_by_it_and_fits_its_day(
    store: OpenedDatabase,
) -> None:
    script_id = import_script(store.engine, fountain(KITCHEN), None, KITCHEN.encode())
    auditions = AuditionsRepository(store.engine)
    audition = auditions.create(
        AuditionDetails(
            project_title="Kitchen", round=AuditionRound.CALLBACK, scheduled_at=THURSDAY_3PM
        )
    )
    auditions.link_script(audition, script_id)
    repo = MemoryRepository(store.engine, now=lambda: MONDAY)
    assert [a.id for a in repo.auditions_for_script(script_id)] == [audition]
    repo.set_deadline(script_id, "MARY", None, audition_id=audition)

    part = mary()
    opened = open_book(repo, script_id, "MARY", part, UTC)
    assert opened.book.off_book_by == date(2026, 12, 10), "the audition's day is the date"
    for key in opened.keys:
        for hours in (0, 1):
            opened.book.review(key, Rating.Easy, MONDAY + timedelta(hours=hours), UTC)
    save_reviewed(repo, script_id, opened.book, opened.keys)
    eve = datetime(2026, 12, 9, tzinfo=UTC)
    assert all(m.due is not None and m.due <= eve for m in opened.book.lines.values()), (
        "no line is planned past the eve"
    )

    headline = part_headline(Store(store), script_id, "MARY", MONDAY + timedelta(hours=2), UTC)
    assert headline is not None
    assert headline.occasion == "Thursday callback"
    assert headline.text.startswith("Thursday callback: ")
    assert headline.text.endswith("due today (0 min)")
    assert f"of {len(part)} lines secure" in headline.text
    on_monday = part_headline(Store(store), script_id, "MARY", MONDAY, UTC)
    assert on_monday is not None
    assert [h.text for h in headlines(Store(store), MONDAY, UTC)] == [on_monday.text]
    assert [(h.script_title, h.role) for h in headlines(Store(store), MONDAY, UTC)] == [
        ("Kitchen", "MARY")
    ]


def test_an_off_book_date_without_an_audition(store: OpenedDatabase) -> None:
    script_id = import_script(store.engine, fountain(KITCHEN), None, KITCHEN.encode())
    MemoryRepository(store.engine).set_deadline(script_id, "MARY", date(2026, 12, 21))
    headline = part_headline(Store(store), script_id, "MARY", MONDAY, UTC)
    assert headline is not None
    assert headline.text == "Off book by 2026-12-21: 0 of 6 lines secure, 6 due today (1 min)"
    assert part_headline(Store(store), script_id, "NOBODY", MONDAY, UTC) is None


def test_days_are_named_as_an_actor_says_them() -> None:
    today = date(2026, 12, 7)
    assert day_name(today, today) == "today"
    assert day_name(date(2026, 12, 8), today) == "tomorrow"
    assert day_name(date(2026, 12, 11), today) == "Friday"
    assert day_name(date(2026, 12, 20), today) == "2026-12-20"


def test_a_part_of_sides_without_a_title_is_named_by_its_file(store: OpenedDatabase) -> None:
    untitled = KITCHEN.replace("Title: Kitchen\n\n", "")
    script_id = import_script(
        store.engine, fountain(untitled), "/home/ada/sides/kitchen-sides.fountain", b"untitled"
    )
    repo = MemoryRepository(store.engine, now=lambda: MONDAY)
    opened = open_book(repo, script_id, "MARY", mary(untitled), UTC)
    opened.book.review(opened.keys[0], Rating.Good, MONDAY, UTC)
    save_reviewed(repo, script_id, opened.book, opened.keys)
    assert [(h.script_title, h.role) for h in headlines(Store(store), MONDAY, UTC)] == [
        ("kitchen-sides.fountain", "MARY")
    ]
