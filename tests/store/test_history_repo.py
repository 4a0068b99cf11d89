"""Reading history: filters, every sort order, paging, detail and delete, all in SQL."""

from __future__ import annotations

import math
import sqlite3
from datetime import timedelta
from typing import Any

import pytest

from rehearsal.store.database import OpenedDatabase
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.records import SessionFilter, SessionMode, SessionSummary, SortKey
from tests.store.sample_data import START, History, StepClock, populate

FIELD_OF = {
    SortKey.STARTED: "started_at",
    SortKey.SCRIPT: "script_title",
    SortKey.ROLE: "role",
    SortKey.MODE: "mode",
    SortKey.DURATION: "duration_s",
    SortKey.TAKES: "take_count",
    SortKey.LINES: "line_count",
    SortKey.SKIPPED: "skipped_count",
    SortKey.RESPONSE: "mean_response_s",
    SortKey.RATING: "mean_rating",
}


@pytest.fixture
def history(populated: tuple[OpenedDatabase, History]) -> History:
    return populated[1]


@pytest.fixture
def repo(populated: tuple[OpenedDatabase, History]) -> HistoryRepository:
    return HistoryRepository(populated[0].engine)


def _ids(rows: list[SessionSummary]) -> list[int]:
    return [row.id for row in rows]


def test_summaries_match_what_was_recorded(repo: HistoryRepository, history: History) -> None:
    s1, s2, s3, s4, s5 = history.sessions
    rows = {row.id: row for row in repo.list_sessions()}
    expected = {
        # id: (script, role, mode, duration, takes, lines, skipped, response, rating, ended)
        s1: ("Night Shift", "NINA", "rehearse", 110, 2, 6, 0, 1.0, 3.0, True),
        s2: ("Night Shift", "NINA", "drill", 160, 3, 9, 3, 1.5, 2.0, True),
        s3: ("Dawn", "NINA", "rehearse", 60, 1, 3, 0, 2.5, 3.0, True),
        s4: ("Night Shift", "CAL", "cold_read", 60, 1, 3, 0, 0.5, 5.0, True),
        s5: ("Dawn", "NINA", "drill", 100, 2, 6, 0, 1.0, None, False),
    }
    actual = {
        i: (
            r.script_title,
            r.role,
            r.mode,
            round(r.duration_s, 2),
            r.take_count,
            r.line_count,
            r.skipped_count,
            r.mean_response_s,
            r.mean_rating,
            r.ended_at is not None,
        )
        for i, r in rows.items()
    }
    assert actual == expected
    assert rows[s3].started_at == START + timedelta(days=8)


def test_newest_first_by_default(repo: HistoryRepository, history: History) -> None:
    assert _ids(repo.list_sessions()) == history.sessions[::-1]
    assert repo.count_sessions() == 5


@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize("descending", [True, False])
def test_every_column_sorts_in_sql(
    repo: HistoryRepository, history: History, key: SortKey, descending: bool
) -> None:
    rows = repo.list_sessions(sort=key, descending=descending)
    assert sorted(_ids(rows)) == sorted(history.sessions)

    def order(row: SessionSummary) -> tuple[Any, int]:
        value = getattr(row, FIELD_OF[key])
        if key is SortKey.DURATION:
            value = round(value, 3)
        return (-math.inf if value is None else value, row.id)

    assert _ids(rows) == _ids(sorted(rows, key=order, reverse=descending))


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (lambda h: SessionFilter(role="CAL"), lambda h: [h.sessions[3]]),
        (lambda h: SessionFilter(mode=SessionMode.DRILL), lambda h: [h.sessions[4], h.sessions[1]]),
        (
            lambda h: SessionFilter(script_id=h.scripts["Dawn"]),
            lambda h: [h.sessions[4], h.sessions[2]],
        ),
        (
            # end is exclusive: the session starting exactly at day 9 is out
            lambda h: SessionFilter(start=START + timedelta(days=1), end=START + timedelta(days=9)),
            lambda h: [h.sessions[2], h.sessions[1]],
        ),
        (
            lambda h: SessionFilter(
                script_id=h.scripts["Night Shift"], role="NINA", mode=SessionMode.DRILL
            ),
            lambda h: [h.sessions[1]],
        ),
        (lambda h: SessionFilter(role="NOBODY"), lambda h: []),
    ],
)
def test_filters(repo: HistoryRepository, history: History, where: Any, expected: Any) -> None:
    session_filter = where(history)
    assert _ids(repo.list_sessions(session_filter)) == expected(history)
    assert repo.count_sessions(session_filter) == len(expected(history))
    assert repo.session_ids(session_filter) == sorted(expected(history))


def test_pages(repo: HistoryRepository, history: History) -> None:
    newest_first = history.sessions[::-1]
    assert _ids(repo.list_sessions(offset=0, limit=2)) == newest_first[:2]
    assert _ids(repo.list_sessions(offset=2, limit=2)) == newest_first[2:4]
    assert _ids(repo.list_sessions(offset=4, limit=2)) == newest_first[4:]
    assert repo.list_sessions(offset=5, limit=2) == []


def test_filter_choices_only_offer_what_occurs(repo: HistoryRepository, history: History) -> None:
    choices = repo.filter_choices()
    assert choices.scripts == (
        (history.scripts["Dawn"], "Dawn"),
        (history.scripts["Night Shift"], "Night Shift"),
    )
    assert choices.roles == ("CAL", "NINA")
    assert choices.modes == ("cold_read", "drill", "rehearse")


def test_details_keep_the_requested_order_and_skip_missing(
    repo: HistoryRepository, history: History
) -> None:
    s1, s2, _, _, s5 = history.sessions
    details = repo.session_details([s5, 9999, s1, s2])
    assert [d.summary.id for d in details] == [s5, s1, s2]
    assert [len(d.takes) for d in details] == [2, 2, 3]
    assert repo.session_detail(9999) is None
    assert repo.summaries([s2, 9999, s1]) == [repo.get_summary(s2), repo.get_summary(s1)]


def test_delete_removes_the_session_and_everything_in_it(
    store: OpenedDatabase, wall_clock: StepClock
) -> None:
    history = populate(store.engine, wall_clock)
    repo = HistoryRepository(store.engine)

    def counts() -> dict[str, int]:
        connection = sqlite3.connect(store.path)
        try:
            return {
                t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("rehearsal_sessions", "takes", "line_events", "notes_given", "ratings")
            }
        finally:
            connection.close()

    assert counts() == {
        "rehearsal_sessions": 5,
        "takes": 9,
        "line_events": 27,
        "notes_given": 9,
        "ratings": 7,
    }
    assert repo.delete_session(history.sessions[1])
    assert not repo.delete_session(history.sessions[1])
    assert counts() == {
        "rehearsal_sessions": 4,
        "takes": 6,
        "line_events": 18,
        "notes_given": 6,
        "ratings": 4,
    }
    assert history.sessions[1] not in repo.session_ids()
