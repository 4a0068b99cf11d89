"""What the store hands out: frozen dataclasses, never ORM objects.

The UI and the engine keep these as long as they like; nothing in them can lazy-load, expire
or reach back into a database session, so a window may outlive any number of transactions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath


@dataclass(frozen=True, slots=True)
class ScriptInfo:
    """An imported script as the history and the pickers show it."""

    id: int
    title: str | None
    format: str
    source_path: str | None
    content_hash: str
    imported_at: datetime
    characters: tuple[str, ...] = ()

    @property
    def display_title(self) -> str:
        """The title, else the file name it came from, else its number."""
        return script_display_title(self.id, self.title, self.source_path)


def script_display_title(script_id: int, title: str | None, source_path: str | None) -> str:
    """How a script is named in lists when its title page had no title."""
    if title:
        return title
    if source_path:
        return PurePath(source_path).name
    return f"Script {script_id}"


class SessionMode(enum.StrEnum):
    """What kind of rehearsal a session was; stored as its string value.

    Defined here rather than beside the ORM models so the UI and the records can name a
    mode without importing the database layer (the models use this same enum).
    """

    REHEARSE = "rehearse"
    DRILL = "drill"
    COLD_READ = "cold_read"


@dataclass(frozen=True, slots=True)
class SessionFilter:
    """Which sessions to show; ``None`` means "any". ``end`` is exclusive."""

    script_id: int | None = None
    role: str | None = None
    mode: SessionMode | None = None
    start: datetime | None = None
    end: datetime | None = None


ALL_SESSIONS = SessionFilter()


class SortKey(enum.StrEnum):
    """The columns the session list can be ordered by (all sorted in SQL)."""

    STARTED = "started"
    SCRIPT = "script"
    ROLE = "role"
    MODE = "mode"
    DURATION = "duration"
    TAKES = "takes"
    LINES = "lines"
    SKIPPED = "skipped"
    RESPONSE = "response"
    RATING = "rating"


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One row of the history table."""

    id: int
    script_id: int
    script_title: str
    role: str
    mode: SessionMode
    scene_index: int | None
    started_at: datetime
    ended_at: datetime | None
    duration_s: float
    take_count: int
    line_count: int
    skipped_count: int
    mean_response_s: float | None
    mean_rating: float | None


@dataclass(frozen=True, slots=True)
class ListeningTotals:
    """One session's listening in three numbers: word accuracy, prompts, cue pickup."""

    mean_accuracy: float | None
    prompts: int
    mean_pickup_s: float | None


@dataclass(frozen=True, slots=True)
class LineRecord:
    """One of the actor's lines in a take, with the words looked up in the script snapshot."""

    id: int
    scene_index: int
    element_index: int
    cue_end_s: float | None
    actor_done_s: float | None
    response_s: float | None
    skipped: bool
    recorded_at: datetime
    text: str | None = None
    pickup_s: float | None = None
    accuracy: float | None = None
    differing: tuple[str, ...] = ()
    complete: bool | None = None
    prompts: int = 0


@dataclass(frozen=True, slots=True)
class TakeRecord:
    """One take with its lines in the order they were recorded."""

    id: int
    number: int
    started_at: datetime
    ended_at: datetime | None
    lines: tuple[LineRecord, ...] = ()

    @property
    def mean_pickup_s(self) -> float | None:
        """How fast the cues were picked up in this take, on average (None: not measured)."""
        pickups = [line.pickup_s for line in self.lines if line.pickup_s is not None]
        return sum(pickups) / len(pickups) if pickups else None

    @property
    def mean_accuracy(self) -> float | None:
        """The mean word accuracy of the lines whose words were followed (None: none were)."""
        scores = [line.accuracy for line in self.lines if line.accuracy is not None]
        return sum(scores) / len(scores) if scores else None


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """A director note as it was given."""

    id: int
    take_id: int | None
    note_key: str | None
    text: str
    category: str
    level: int | None
    timing: str
    scene_index: int | None
    element_index: int | None
    given_at: datetime


@dataclass(frozen=True, slots=True)
class RatingRecord:
    """A self-rating of a take (and the note it answered)."""

    id: int
    take_id: int | None
    note_id: int | None
    category: str | None
    score: int
    comment: str | None
    rated_at: datetime


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """Everything recorded in one session: the full record for detail view and export."""

    summary: SessionSummary
    takes: tuple[TakeRecord, ...]
    notes: tuple[NoteRecord, ...]
    ratings: tuple[RatingRecord, ...]


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the history filters can offer: only values that occur in the history."""

    scripts: tuple[tuple[int, str], ...]
    roles: tuple[str, ...]
    modes: tuple[SessionMode, ...]


@dataclass(frozen=True, slots=True)
class WeeklyTime:
    """Rehearsal time in one week (weeks start on Monday, UTC)."""

    week_start: date
    seconds: float
    sessions: int


@dataclass(frozen=True, slots=True)
class ResponsePoint:
    """Mean response time for one script on one day."""

    script_id: int
    script_title: str
    day: date
    mean_response_s: float
    lines: int


@dataclass(frozen=True, slots=True)
class CategoryRating:
    """Mean self-rating for one category of director note."""

    category: str
    mean_score: float
    count: int


@dataclass(frozen=True, slots=True)
class LineStat:
    """How one of the actor's lines went across all sessions of a script."""

    scene_index: int
    element_index: int
    text: str | None
    times: int
    skipped: int
    mean_response_s: float | None
    mean_accuracy: float | None = None
    prompts: int = 0
    mean_pickup_s: float | None = None
    need: float = 0.0
    """How much the line needs work (see :func:`rehearsal.store.stats_repo.work_need`)."""


@dataclass(frozen=True, slots=True)
class LineStats:
    """The lines worth working on: the most often skipped, the slowest, and a ranking of
    both with word accuracy, prompts and slow cue pickup (``to_work_on``)."""

    most_skipped: tuple[LineStat, ...]
    slowest: tuple[LineStat, ...]
    to_work_on: tuple[LineStat, ...] = ()


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything the history's progress charts show for one filter."""

    weekly: tuple[WeeklyTime, ...]
    response: tuple[ResponsePoint, ...]
    ratings: tuple[CategoryRating, ...]
