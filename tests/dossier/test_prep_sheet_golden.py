"""The prep sheet's Markdown, byte for byte, against checked-in expected files.

The exported sheet is a document the actor keeps and prints, so its wording and layout
should only change on purpose: ``tests/golden/prep_sheet/<case>.md`` holds each expected
sheet (how to update them is in ``tests/golden/check.py``). The cases cover a full dossier,
an empty one, and times shown in a zone that is not UTC.
"""

from __future__ import annotations

from datetime import UTC, timedelta, timezone, tzinfo

import pytest

from rehearsal.dossier.prep_sheet import render_markdown
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionDossier,
    FollowUpState,
    Research,
    Wardrobe,
    Worksheet,
)
from tests.dossier.sample_dossier import CALL, dossier
from tests.golden.check import GOLDEN_DIR, assert_golden

NEW_YORK_WINTER = timezone(timedelta(hours=-5), "EST")


def _full() -> AuditionDossier:
    return dossier(
        worksheet=Worksheet(
            what_i_want="A ride home",
            backstory="Grew up over the diner.\nLeft at 17.",
            beats="1. Deflect\n2. Ask",
            stakes="My job\nMy flat",
        )
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
