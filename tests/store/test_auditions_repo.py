"""Auditions and their dossiers in a real SQLite file: saving parts, links, cascades."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from rehearsal.paths import Paths
from rehearsal.store.auditions_repo import (
    AuditionNotFoundError,
    AuditionsRepository,
    LinkError,
    merge_relationships,
)
from rehearsal.store.checkins_repo import CheckInRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import (
    AuditionDetails,
    AuditionRound,
    Outcome,
    Relationship,
    Research,
    Wardrobe,
    Worksheet,
)
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.scripts_repo import delete_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store
from tests.store.sample_data import START, History, StepClock, add_scripts, record_session

CALLBACK = AuditionDetails(
    project_title="Night Shift",
    role="Nina",
    round=AuditionRound.CALLBACK,
    scheduled_at=START + timedelta(days=3, hours=-2),
    location="Studio 4, 12 Dean Street",
    casting_director="Priya Shah",
    director="Tom Okafor",
    writer="Lena Berg",
    producers="Sam Wu\nAlex Roe",
    agent="Dana Fox",
    links="https://example.org/breakdown\n\n  https://example.org/sides  ",
)


@pytest.fixture
def repo(store: OpenedDatabase, wall_clock: StepClock) -> AuditionsRepository:
    return AuditionsRepository(store.engine, now=wall_clock)


def _count(opened: OpenedDatabase, table: str) -> int:
    connection = sqlite3.connect(opened.path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_an_audition_round_trips_with_aware_times(
    repo: AuditionsRepository, wall_clock: StepClock
) -> None:
    audition_id = repo.create(CALLBACK)
    audition = repo.get(audition_id)
    assert audition is not None
    assert audition.details == CALLBACK
    assert audition.details.scheduled_at is not None
    assert audition.details.scheduled_at.tzinfo is not None
    assert audition.details.link_list == (
        "https://example.org/breakdown",
        "https://example.org/sides",
    )
    assert audition.follow_up.outcome is Outcome.PENDING
    assert not audition.follow_up.thank_you_sent
    assert audition.created_at == audition.updated_at == wall_clock.now


def test_saving_details_replaces_them_and_moves_updated_at(
    repo: AuditionsRepository, wall_clock: StepClock
) -> None:
    audition_id = repo.create(CALLBACK)
    wall_clock.advance(60)
    changed = AuditionDetails(
        project_title="Night Shift",
        role="Nina",
        round=AuditionRound.SELF_TAPE,
        self_tape_deadline=START + timedelta(days=5),
    )
    repo.save_details(audition_id, changed)
    audition = repo.get(audition_id)
    assert audition is not None
    assert audition.details == changed
    assert audition.when == START + timedelta(days=5)
    assert audition.updated_at == wall_clock.now != audition.created_at


def test_an_unknown_round_is_refused_before_writing(repo: AuditionsRepository) -> None:
    bad = AuditionDetails(round="table_read")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown audition round 'table_read'"):
        repo.create(bad)
    assert repo.list_auditions() == []


def test_the_list_puts_undated_first_then_the_latest(repo: AuditionsRepository) -> None:
    old = repo.create(AuditionDetails("Old", scheduled_at=START - timedelta(days=30)))
    new = repo.create(AuditionDetails("New", scheduled_at=START + timedelta(days=3)))
    tape = repo.create(AuditionDetails("Tape", self_tape_deadline=START + timedelta(days=1)))
    undated = repo.create(AuditionDetails("Someday"))
    assert [a.id for a in repo.list_auditions()] == [undated, new, tape, old]


def test_each_part_saves_alone_and_survives_reopening(
    paths: Paths, store: OpenedDatabase, repo: AuditionsRepository
) -> None:
    audition_id = repo.create(CALLBACK)
    assert repo.research(audition_id) == Research()
    research = Research(notes="# Tone\nDry, *quick*.", tone_genre="Dark comedy")
    worksheet = Worksheet(what_i_want="A ride home", obstacle="Pride", beats="1. Deflect")
    wardrobe = Wardrobe(first_round_outfit="Green jumper", callback_outfit="Same jumper")
    repo.save_part(audition_id, research)
    repo.save_part(audition_id, worksheet)
    repo.save_part(audition_id, wardrobe)
    repo.save_part(audition_id, Research(notes="Second draft"))  # replaces only research
    store.close()
    reopened = open_store(paths)
    try:
        again = AuditionsRepository(reopened.engine)
        assert again.research(audition_id) == Research(notes="Second draft")
        assert again.worksheet(audition_id) == worksheet
        assert again.wardrobe(audition_id) == wardrobe
        audition = again.get(audition_id)
        assert audition is not None
        assert audition.details == CALLBACK
    finally:
        reopened.close()


def test_saving_to_a_deleted_audition_says_so_and_writes_nothing(
    store: OpenedDatabase, repo: AuditionsRepository
) -> None:
    audition_id = repo.create(CALLBACK)
    repo.delete(audition_id)
    with pytest.raises(AuditionNotFoundError, match="no longer exists"):
        repo.save_part(audition_id, Research(notes="lost?"))
    with pytest.raises(AuditionNotFoundError):
        repo.save_details(audition_id, CALLBACK)
    with pytest.raises(AuditionNotFoundError):
        repo.save_relationship(audition_id, "CAL", "brother")
    assert _count(store, "audition_research") == 0
    assert _count(store, "worksheet_relationships") == 0


def test_follow_up_state_is_recorded(repo: AuditionsRepository, wall_clock: StepClock) -> None:
    audition_id = repo.create(CALLBACK)
    repo.set_outcome(audition_id, Outcome.CALLBACK)
    repo.save_thank_you(audition_id, "Dear Priya, thank you.")
    wall_clock.advance(3600)
    sent = repo.mark_thank_you_sent(audition_id)
    audition = repo.get(audition_id)
    assert audition is not None
    assert audition.follow_up.outcome is Outcome.CALLBACK
    assert audition.follow_up.thank_you_text == "Dear Priya, thank you."
    assert audition.follow_up.thank_you_sent_at == sent == wall_clock.now
    repo.dismiss_follow_up(audition_id)
    repo.mark_thank_you_unsent(audition_id)
    audition = repo.get(audition_id)
    assert audition is not None
    assert audition.follow_up.thank_you_sent_at is None
    assert audition.follow_up.dismissed_at is None
    with pytest.raises(ValueError, match="unknown outcome 'won'"):
        repo.set_outcome(audition_id, "won")


def test_relationships_list_the_other_characters_of_the_linked_sides(
    store: OpenedDatabase, repo: AuditionsRepository, wall_clock: StepClock
) -> None:
    scripts = add_scripts(store.engine, wall_clock)
    audition_id = repo.create(CALLBACK)  # role "Nina": the script says NINA
    assert repo.relationships(audition_id) == ()
    repo.link_script(audition_id, scripts["Night Shift"])
    repo.link_script(audition_id, scripts["Night Shift"])  # twice is harmless
    assert repo.relationships(audition_id) == (Relationship("CAL"),)
    repo.save_relationship(audition_id, "CAL", "Older brother; owes me money")
    assert repo.relationships(audition_id) == (Relationship("CAL", "Older brother; owes me money"),)
    repo.unlink_script(audition_id, scripts["Night Shift"])
    assert repo.scripts(audition_id) == ()
    # What the actor wrote is kept even when the sides are unlinked.
    assert repo.relationships(audition_id) == (
        Relationship("CAL", "Older brother; owes me money", in_script=False),
    )


def test_merging_relationships_keeps_order_and_drops_empty_orphans() -> None:
    merged = merge_relationships(
        "nina",
        ["CAL", "NINA", "MAE", "CAL"],
        [("MAE", "mother"), ("OLD", ""), ("GONE", "ex")],
    )
    assert merged == (
        Relationship("CAL"),
        Relationship("MAE", "mother"),
        Relationship("GONE", "ex", in_script=False),
    )


def test_links_to_missing_scripts_or_sessions_are_refused(repo: AuditionsRepository) -> None:
    audition_id = repo.create(CALLBACK)
    with pytest.raises(LinkError, match="no stored script with id 99"):
        repo.link_script(audition_id, 99)
    with pytest.raises(LinkError, match="no rehearsal session with id 98"):
        repo.link_session(audition_id, 98)


def test_sessions_link_and_deleting_a_session_or_script_drops_only_the_link(
    store: OpenedDatabase, repo: AuditionsRepository, wall_clock: StepClock
) -> None:
    history = History(scripts=add_scripts(store.engine, wall_clock))
    recorder = SessionRecorder(store.engine, now=wall_clock)
    night, dawn = history.scripts["Night Shift"], history.scripts["Dawn"]
    first = record_session(recorder, wall_clock, history, night, "NINA", "rehearse", 1, score=4)
    second = record_session(recorder, wall_clock, history, night, "NINA", "drill", 1, score=2)
    other = record_session(recorder, wall_clock, history, dawn, "NINA", "drill", 1)
    audition_id = repo.create(CALLBACK)
    repo.link_script(audition_id, night)
    assert [s.id for s in repo.candidate_sessions(audition_id)] == [second, first]
    repo.link_session(audition_id, first)
    repo.link_session(audition_id, second)
    repo.link_session(audition_id, first)
    linked = repo.sessions(audition_id)
    assert [(s.id, s.mean_rating) for s in linked] == [(first, 4.0), (second, 2.0)]
    assert [a.id for a in repo.auditions_for_session(first)] == [audition_id]
    assert repo.auditions_for_session(other) == []
    HistoryRepository(store.engine).delete_session(first)
    assert repo.session_ids(audition_id) == [second]
    repo.unlink_session(audition_id, second)
    assert repo.session_ids(audition_id) == []
    delete_script(store.engine, night)
    assert repo.scripts(audition_id) == ()
    assert repo.get(audition_id) is not None


def test_a_new_session_is_linked_to_the_upcoming_auditions_of_its_script(
    store: OpenedDatabase, repo: AuditionsRepository, wall_clock: StepClock
) -> None:
    history = History(scripts=add_scripts(store.engine, wall_clock))
    recorder = SessionRecorder(store.engine, now=wall_clock)
    night, dawn = history.scripts["Night Shift"], history.scripts["Dawn"]
    soon = repo.create(AuditionDetails("Soon", scheduled_at=START + timedelta(days=2)))
    undated = repo.create(AuditionDetails("Undated"))
    just_now = repo.create(AuditionDetails("Just now", scheduled_at=START - timedelta(hours=2)))
    long_ago = repo.create(AuditionDetails("Long ago", scheduled_at=START - timedelta(days=9)))
    elsewhere = repo.create(AuditionDetails("Other sides", scheduled_at=START + timedelta(1)))
    for audition_id in (soon, undated, just_now, long_ago):
        repo.link_script(audition_id, night)
    repo.link_script(elsewhere, dawn)
    wall_clock.at(START)
    session_id = record_session(recorder, wall_clock, history, night, "NINA", "rehearse", 1)
    assert repo.link_session_to_upcoming(session_id) == [soon, undated, just_now]
    assert repo.link_session_to_upcoming(session_id) == [soon, undated, just_now]  # idempotent
    assert repo.session_ids(soon) == [session_id]
    assert repo.session_ids(long_ago) == []
    assert repo.session_ids(elsewhere) == []


def test_deleting_an_audition_removes_its_dossier_and_frees_its_photo(
    store: OpenedDatabase, repo: AuditionsRepository, wall_clock: StepClock
) -> None:
    scripts = add_scripts(store.engine, wall_clock)
    checkins = CheckInRepository(store.engine, now=wall_clock)
    audition_id = repo.create(CALLBACK)
    keep = repo.create(AuditionDetails("Keep me"))
    repo.link_script(audition_id, scripts["Night Shift"])
    repo.save_part(audition_id, Research(notes="n"))
    repo.save_part(audition_id, Worksheet(beats="b"))
    repo.save_part(audition_id, Wardrobe(first_round_photo="wardrobe/a.jpg"))
    repo.save_relationship(audition_id, "CAL", "brother")
    checkin_id = checkins.record(4, 3, "Breathe", audition_id=audition_id)
    assert repo.delete(audition_id) == ("wardrobe/a.jpg",)
    assert repo.get(audition_id) is None
    assert repo.dossier(audition_id) is None
    for table in (
        "audition_research",
        "character_worksheets",
        "audition_wardrobe",
        "worksheet_relationships",
        "audition_scripts",
    ):
        assert _count(store, table) == 0, table
    assert [a.id for a in repo.list_auditions()] == [keep]
    checkin = checkins.get(checkin_id)
    assert checkin is not None
    assert checkin.audition_id is None  # how the actor felt that day is kept
    assert repo.delete(keep) == ()


def test_the_dossier_gathers_every_part(
    store: OpenedDatabase, repo: AuditionsRepository, wall_clock: StepClock
) -> None:
    history = History(scripts=add_scripts(store.engine, wall_clock))
    recorder = SessionRecorder(store.engine, now=wall_clock)
    checkins = CheckInRepository(store.engine, now=wall_clock)
    night = history.scripts["Night Shift"]
    audition_id = repo.create(CALLBACK)
    repo.link_script(audition_id, night)
    session_id = record_session(recorder, wall_clock, history, night, "NINA", "rehearse", 1)
    repo.link_session(audition_id, session_id)
    before_session = checkins.record(2, 3, "Warm up", session_id=session_id)
    before_audition = checkins.record(5, 4, "Enjoy it", audition_id=audition_id)
    checkins.record(1, 1, "Unrelated")
    repo.save_part(audition_id, Worksheet(moment_before="The bus left without me"))
    repo.save_relationship(audition_id, "CAL", "Boss")
    dossier = repo.dossier(audition_id)
    assert dossier is not None
    assert dossier.audition.details == CALLBACK
    assert dossier.worksheet.moment_before == "The bus left without me"
    assert dossier.relationships == (Relationship("CAL", "Boss"),)
    assert [s.display_title for s in dossier.scripts] == ["Night Shift"]
    assert dossier.scripts[0].characters == ("CAL", "NINA")
    assert [s.id for s in dossier.sessions] == [session_id]
    assert [c.id for c in dossier.checkins] == [before_session, before_audition]
    assert dossier.research == Research()
    assert dossier.wardrobe == Wardrobe()


def test_times_must_be_aware(repo: AuditionsRepository) -> None:
    naive = AuditionDetails("Naive", scheduled_at=datetime(2024, 3, 4, 10, 0))
    with pytest.raises(Exception, match="naive datetime"):
        repo.create(naive)
    aware = AuditionDetails("Aware", scheduled_at=datetime(2024, 3, 4, 10, 0, tzinfo=UTC))
    assert repo.get(repo.create(aware)) is not None
