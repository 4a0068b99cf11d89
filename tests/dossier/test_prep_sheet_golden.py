"""The prep sheet's Markdown, byte for byte, against checked-in expected files.

The exported sheet is a document the actor keeps and prints, so its wording and layout
should only change on purpose: ``tests/golden/prep_sheet/<case>.md`` holds each expected
sheet (how to update them is in ``tests/golden/check.py``). The cases cover a full dossier,
an empty one, and times shown in a zone that is not UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo

import pytest

from rehearsal.dossier.prep_sheet import render_markdown
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
from tests.golden.check import GOLDEN_DIR, assert_golden

CALL = datetime(2024, 3, 7, 10, 30, tzinfo=UTC)
NEW_YORK_WINTER = timezone(timedelta(hours=-5), "EST")


def _full() -> AuditionDossier:
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
    return AuditionDossier(
        audition=audition,
        research=Research(notes="**Dry** humour.\nWatch *Fleabag*.", tone_genre="Dark comedy"),
        worksheet=Worksheet(
            what_i_want="A ride home",
            backstory="Grew up over the diner.\nLeft at 17.",
            beats="1. Deflect\n2. Ask",
            stakes="My job\nMy flat",
        ),
        relationships=(Relationship("CAL", "Brother"), Relationship("MAE")),
        wardrobe=Wardrobe(first_round_outfit="Green jumper", callback_outfit="Same jumper"),
        scripts=(ScriptInfo(1, "Night Shift sides", "fountain", None, "h", CALL, ("CAL", "NINA")),),
        sessions=(),
        checkins=(CheckIn(1, CALL, 4, 3, "Stay loose"),),
    )


def _empty() -> AuditionDossier:
    bare = Audition(1, AuditionDetails(), FollowUpState(), CALL, CALL)
    return AuditionDossier(bare, Research(), Worksheet(), (), Wardrobe(), (), ())


CASES: dict[str, tuple[AuditionDossier, tzinfo]] = {
    "full": (_full(), UTC),
    "empty": (_empty(), UTC),
    "full-new-york": (_full(), NEW_YORK_WINTER),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_prep_sheet_markdown_matches_the_expected_file(case: str) -> None:
    dossier, zone = CASES[case]
    assert_golden(render_markdown(dossier, zone), GOLDEN_DIR / "prep_sheet" / f"{case}.md")
