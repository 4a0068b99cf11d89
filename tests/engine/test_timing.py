"""Ratings and take results."""

from __future__ import annotations

import pytest

from rehearsal.engine.timing import EndReason, Rating, TakeInfo, TakeResult


@pytest.mark.parametrize("score", [0, 6, 2.5, True])
def test_rating_is_one_to_five(score: object) -> None:
    with pytest.raises(ValueError, match="1 to 5"):
        Rating(score)  # type: ignore[arg-type]


def test_rating_comment_is_one_line_or_none() -> None:
    assert Rating(5, "  good\n\ncommitment ").comment == "good commitment"
    assert Rating(1, "   ").comment is None


def test_take_result_duration_leaves_out_pauses() -> None:
    info = TakeInfo(1, 100.0, 0, 5)
    result = TakeResult(info, 160.0, EndReason.STOPPED, (), paused_s=15.0)
    assert result.duration_s == 45.0
    assert not result.completed
    assert TakeResult(info, 160.0, EndReason.LOOPED, ()).completed
