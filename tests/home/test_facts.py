"""Reading the home's facts from a real history database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rehearsal.home.digest import StepKind, digest
from rehearsal.home.facts import load_home_facts
from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails, AuditionRound
from rehearsal.store.facade import Store
from rehearsal.store.sessions_repo import SessionRecorder
from tests.store.sample_data import START, History, StepClock, add_scripts, record_session


def test_home_facts_from_the_history(store: OpenedDatabase) -> None:
    clock = StepClock()
    history = History(scripts=add_scripts(store.engine, clock))
    recorder = SessionRecorder(store.engine, now=clock)
    night = history.scripts["Night Shift"]
    clock.at(START - timedelta(days=14))  # too old for the week totals
    record_session(recorder, clock, history, night, "NINA", "rehearse", 1)
    clock.at(START)  # Monday
    record_session(recorder, clock, history, night, "NINA", "rehearse", 2, skip_every=3)
    now = START + timedelta(days=2)
    repo = AuditionsRepository(store.engine)
    callback = repo.create(
        AuditionDetails(
            project_title="Night Shift",
            round=AuditionRound.CALLBACK,
            scheduled_at=now + timedelta(days=1),
        )
    )
    repo.link_script(callback, night)
    repo.create(AuditionDetails(project_title="Old", scheduled_at=now - timedelta(days=1)))

    facts = load_home_facts(Store(store), now, UTC)
    assert facts.audition_scripts == {callback: "/sides/night.fountain"}
    assert [s.title for s in facts.scripts] == ["Night Shift"]
    assert len(facts.spans) == 1
    home = digest(facts, now, UTC)
    assert home.week.this_week_sessions == 1
    assert round(home.week.this_week_s) == 110
    assert [u.audition.id for u in home.upcoming] == [callback]
    assert home.next_step.kind is StepKind.RUN_SCRIPT
    assert home.next_step.script_path == "/sides/night.fountain"
    assert home.next_step.text == "Run Night Shift for the callback"
    assert [d.audition.details.project_title for d in home.thank_yous] == ["Old"]


def test_home_facts_of_an_empty_history(store: OpenedDatabase) -> None:
    now = datetime(2026, 12, 8, tzinfo=UTC)
    facts = load_home_facts(Store(store), now, UTC)
    assert (facts.auditions, facts.scripts, facts.spans) == ((), (), ())
    assert digest(facts, now, UTC).next_step.kind is StepKind.DEMO
