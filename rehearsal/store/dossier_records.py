"""What the audition store hands out: frozen dataclasses grouped the way the dossier saves.

Each group (details, research, worksheet, wardrobe, follow-up) is written as a whole by one
repository call, because the dossier editor saves a tab's worth of fields a moment after
the actor stops typing; a group is small, so rewriting it costs less than tracking which
field changed, and two groups never overwrite each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from rehearsal.i18n import QT_TRANSLATE_NOOP
from rehearsal.store.records import ScriptInfo, SessionSummary

UNTITLED_PROJECT = QT_TRANSLATE_NOOP("DossierRecords", "Untitled project")
"""How an audition without a project title is named (translated where it is shown)."""


class AuditionRound(enum.StrEnum):
    """Which meeting this is; stored as its string value."""

    FIRST_READ = "first_read"
    CALLBACK = "callback"
    CHEMISTRY_READ = "chemistry_read"
    PRODUCER_SESSION = "producer_session"
    SELF_TAPE = "self_tape"


ROUND_NAMES = {
    AuditionRound.FIRST_READ: QT_TRANSLATE_NOOP("DossierRecords", "First read"),
    AuditionRound.CALLBACK: QT_TRANSLATE_NOOP("DossierRecords", "Callback"),
    AuditionRound.CHEMISTRY_READ: QT_TRANSLATE_NOOP("DossierRecords", "Chemistry read"),
    AuditionRound.PRODUCER_SESSION: QT_TRANSLATE_NOOP("DossierRecords", "Producer session"),
    AuditionRound.SELF_TAPE: QT_TRANSLATE_NOOP("DossierRecords", "Self-tape"),
}


class Outcome(enum.StrEnum):
    """What came of the audition, as far as the actor knows."""

    PENDING = "pending"
    CALLBACK = "callback"
    BOOKED = "booked"
    RELEASED = "released"


OUTCOME_NAMES = {
    Outcome.PENDING: QT_TRANSLATE_NOOP("DossierRecords", "Pending"),
    Outcome.CALLBACK: QT_TRANSLATE_NOOP("DossierRecords", "Callback"),
    Outcome.BOOKED: QT_TRANSLATE_NOOP("DossierRecords", "Booked"),
    Outcome.RELEASED: QT_TRANSLATE_NOOP("DossierRecords", "Released"),
}


@dataclass(frozen=True, slots=True)
class AuditionDetails:
    """The facts of the audition: the first tab of the dossier.

    Times are aware UTC. ``links`` holds one link per line, as the actor pasted them.
    """

    project_title: str = ""
    role: str = ""
    round: AuditionRound = AuditionRound.FIRST_READ
    scheduled_at: datetime | None = None
    location: str = ""
    self_tape_deadline: datetime | None = None
    casting_director: str = ""
    director: str = ""
    writer: str = ""
    producers: str = ""
    agent: str = ""
    links: str = ""

    @property
    def link_list(self) -> tuple[str, ...]:
        """The non-blank lines of ``links``."""
        return tuple(line.strip() for line in self.links.splitlines() if line.strip())

    @property
    def when(self) -> datetime | None:
        """The moment that matters: the audition itself, or a self-tape's deadline."""
        if self.scheduled_at is not None:
            return self.scheduled_at
        return self.self_tape_deadline

    @property
    def display_title(self) -> str:
        """How the audition is named in lists and prompts."""
        return self.project_title.strip() or UNTITLED_PROJECT


@dataclass(frozen=True, slots=True)
class FollowUpState:
    """After the audition: the result, the thank-you note, and whether it went out."""

    outcome: Outcome = Outcome.PENDING
    thank_you_text: str = ""
    thank_you_sent_at: datetime | None = None
    dismissed_at: datetime | None = None
    """When the actor chose not to send a thank-you: it is no longer due."""

    @property
    def thank_you_sent(self) -> bool:
        """Whether the note was marked sent."""
        return self.thank_you_sent_at is not None


@dataclass(frozen=True, slots=True)
class Audition:
    """One audition with its details and follow-up state (the row of the auditions list)."""

    id: int
    details: AuditionDetails
    follow_up: FollowUpState
    created_at: datetime
    updated_at: datetime

    @property
    def when(self) -> datetime | None:
        """See :attr:`AuditionDetails.when`."""
        return self.details.when


@dataclass(frozen=True, slots=True)
class Research:
    """What the actor found out about the project and the people in the room."""

    notes: str = ""
    """Free text, Markdown."""
    tone_genre: str = ""
    director_work: str = ""
    casting_director: str = ""
    network_studio: str = ""
    comparable_roles: str = ""


@dataclass(frozen=True, slots=True)
class Worksheet:
    """The character worksheet: given circumstances, backstory, moment before, beats."""

    who_am_i: str = ""
    where_am_i: str = ""
    when_is_it: str = ""
    what_i_want: str = ""
    obstacle: str = ""
    what_i_do: str = ""
    stakes: str = ""
    backstory: str = ""
    moment_before: str = ""
    beats: str = ""


GIVEN_CIRCUMSTANCES = (
    ("who_am_i", QT_TRANSLATE_NOOP("DossierRecords", "Who am I?")),
    ("where_am_i", QT_TRANSLATE_NOOP("DossierRecords", "Where am I?")),
    ("when_is_it", QT_TRANSLATE_NOOP("DossierRecords", "When is it?")),
    ("what_i_want", QT_TRANSLATE_NOOP("DossierRecords", "What do I want?")),
    ("obstacle", QT_TRANSLATE_NOOP("DossierRecords", "What stands in my way?")),
    ("what_i_do", QT_TRANSLATE_NOOP("DossierRecords", "What do I do to get it?")),
    ("stakes", QT_TRANSLATE_NOOP("DossierRecords", "What's at stake?")),
)
"""The worksheet's given-circumstance fields with the question each one answers."""

RESEARCH_FIELDS = (
    ("tone_genre", QT_TRANSLATE_NOOP("DossierRecords", "Tone and genre")),
    ("director_work", QT_TRANSLATE_NOOP("DossierRecords", "Director's previous work")),
    ("casting_director", QT_TRANSLATE_NOOP("DossierRecords", "Casting director")),
    ("network_studio", QT_TRANSLATE_NOOP("DossierRecords", "Network / studio")),
    ("comparable_roles", QT_TRANSLATE_NOOP("DossierRecords", "Comparable roles")),
)
"""The guided research fields with their labels, in the order the dossier shows them."""


@dataclass(frozen=True, slots=True)
class Relationship:
    """What the character is to one other character in the sides.

    ``in_script`` says the name comes from a linked script (so it is listed even before the
    actor writes anything); entries kept only because the actor wrote them have it False.
    """

    character: str
    notes: str = ""
    in_script: bool = True


@dataclass(frozen=True, slots=True)
class Wardrobe:
    """What was worn to the first round and what to wear to the callback.

    ``first_round_photo`` is relative to the data folder (``wardrobe/…``), so the data
    folder can move without breaking it.
    """

    first_round_outfit: str = ""
    first_round_photo: str | None = None
    callback_outfit: str = ""
    consistency_note: str = ""


@dataclass(frozen=True, slots=True)
class ExportedTape:
    """A self-tape exported for an audition (``file_path`` as written, absolute)."""

    id: int
    take_number: int
    file_path: str
    exported_at: datetime


@dataclass(frozen=True, slots=True)
class CheckIn:
    """How the actor felt before a rehearsal or an audition."""

    id: int
    taken_at: datetime
    energy: int
    focus: int
    intention: str
    session_id: int | None = None
    audition_id: int | None = None

    @property
    def short_text(self) -> str:
        """Compact form for a table cell: ``E4 F3``."""
        return f"E{self.energy} F{self.focus}"


@dataclass(frozen=True, slots=True)
class CheckInPoint:
    """A check-in with the self-ratings of the session it preceded (if any)."""

    checkin_id: int
    taken_at: datetime
    energy: int
    focus: int
    session_id: int | None
    mean_rating: float | None
    rating_count: int


@dataclass(frozen=True, slots=True)
class LevelRating:
    """Mean self-rating of the sessions that followed check-ins at one energy/focus level."""

    measure: str  # "energy" or "focus"
    level: int
    mean_rating: float
    sessions: int


@dataclass(frozen=True, slots=True)
class CheckInChartData:
    """Everything the check-in charts show for one filter."""

    points: tuple[CheckInPoint, ...]
    levels: tuple[LevelRating, ...]


@dataclass(frozen=True, slots=True)
class AuditionDossier:
    """Everything about one audition, read at once for the editor and the prep sheet."""

    audition: Audition
    research: Research
    worksheet: Worksheet
    relationships: tuple[Relationship, ...]
    wardrobe: Wardrobe
    scripts: tuple[ScriptInfo, ...]
    sessions: tuple[SessionSummary, ...]
    checkins: tuple[CheckIn, ...] = ()
    tapes: tuple[ExportedTape, ...] = ()
    """The self-tapes exported for the audition, newest first."""
