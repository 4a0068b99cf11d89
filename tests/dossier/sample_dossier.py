"""One filled-in audition dossier, shared by the prep sheet's tests and its golden files."""

from __future__ import annotations

from datetime import UTC, datetime

from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionDossier,
    AuditionRound,
    CheckIn,
    FollowUpState,
    Outcome,
    Relationship,
    Research,
    Wardrobe,
    Worksheet,
)
from rehearsal.store.records import ScriptInfo

CALL = datetime(2024, 3, 7, 10, 30, tzinfo=UTC)


def dossier(**parts: object) -> AuditionDossier:
    """A callback for Night Shift with every part filled in; ``parts`` replace any."""
    details = AuditionDetails(
        project_title="Night Shift",
        role="Nina",
        round=AuditionRound.CALLBACK,
        scheduled_at=CALL,
        location="Studio 4, 12 Dean Street",
        casting_director="Priya Shah",
        director="Tom Okafor",
        links="https://example.org/breakdown",
    )
    audition = Audition(
        7,
        details,
        FollowUpState(Outcome.CALLBACK, thank_you_sent_at=datetime(2024, 3, 8, tzinfo=UTC)),
        CALL,
        CALL,
    )
    values: dict[str, object] = {
        "audition": audition,
        "research": Research(notes="**Dry** humour.\nWatch *Fleabag*.", tone_genre="Dark comedy"),
        "worksheet": Worksheet(
            what_i_want="A ride home",
            backstory="Grew up over the diner.\nLeft at 17.",
            beats="1. Deflect\n2. Ask",
        ),
        "relationships": (Relationship("CAL", "Brother"), Relationship("MAE")),
        "wardrobe": Wardrobe(first_round_outfit="Green jumper", callback_outfit="Same jumper"),
        "scripts": (
            ScriptInfo(1, "Night Shift sides", "fountain", None, "h", CALL, ("CAL", "NINA")),
        ),
        "sessions": (),
        "checkins": (CheckIn(1, CALL, 4, 3, "Stay loose"),),
    }
    values.update(parts)
    return AuditionDossier(**values)  # type: ignore[arg-type]
