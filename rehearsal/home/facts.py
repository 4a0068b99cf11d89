"""Reading what the home page needs from the history database, in one call.

Runs on a worker thread (the home page paints first, with the recent files it has, and
fills in when this returns); the result is plain data.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from rehearsal.home.digest import HomeFacts, week_start
from rehearsal.store.facade import Store


def load_home_facts(store: Store, now: datetime, tz: tzinfo | None = None) -> HomeFacts:
    """The auditions, recent scripts and the last two weeks' sessions, as of ``now``."""
    repo = store.auditions
    auditions = tuple(repo.list_auditions())
    linked: dict[int, str] = {}
    for audition in auditions:
        when = audition.when
        if when is None or when < now:
            continue
        paths = [s.source_path for s in repo.scripts(audition.id) if s.source_path]
        if paths:
            linked[audition.id] = paths[0]
    local_now = now.astimezone(tz)
    monday = week_start(local_now.date()) - timedelta(days=7)
    since = datetime.combine(monday, datetime.min.time(), local_now.tzinfo)
    return HomeFacts(
        auditions=auditions,
        scripts=tuple(store.script_activity()),
        spans=tuple(store.session_spans(since)),
        audition_scripts=linked,
    )
