"""What you said against the script, at the three strictness levels."""

from __future__ import annotations

import pytest

from rehearsal.listen.compare import Strictness, compare
from rehearsal.listen.words import normalise, number_words

LINE = "I don't know, Marcus. It's 42 miles to the old house!"


def statuses(line: str, heard: str, strictness: Strictness) -> dict[str, str]:
    return {w.word: w.status for w in compare(line, heard, strictness).words}


def test_the_line_said_word_for_word_is_accurate_at_every_level() -> None:
    heard = "i don't know marcus it's forty two miles to the old house"
    for strictness in Strictness:
        result = compare(LINE, heard, strictness)
        assert result.accuracy == 1.0
        assert result.added == ()
        assert result.reached_end


def test_exact_counts_every_dropped_changed_and_added_word() -> None:
    result = compare("the keys are in the blue drawer", "the keys are a blue door now", "exact")
    by_word = [(w.word, w.status, w.heard) for w in result.words]
    assert by_word == [
        ("the", "ok", None),
        ("keys", "ok", None),
        ("are", "ok", None),
        ("in", "missed", None),
        ("the", "changed", "a"),
        ("blue", "ok", None),
        ("drawer", "changed", "door"),
    ]
    assert result.added == ("now",)
    assert result.accuracy == pytest.approx(4 / 7)


def test_close_lets_minor_words_contractions_and_numbers_differ() -> None:
    heard = "i do not know marcus its forty two miles to an old house"
    assert compare(LINE, heard, Strictness.EXACT).accuracy < 0.8
    close = compare(LINE, heard, Strictness.CLOSE)
    assert close.accuracy == 1.0
    assert statuses(LINE, heard, Strictness.CLOSE)["don't"] == "ok"


def test_close_still_counts_a_meaning_word_dropped() -> None:
    result = compare(LINE, "i don't know marcus it's forty two miles to the house", "close")
    assert result.accuracy == pytest.approx(7 / 8)  # 'it's', 'to', 'the' are minor
    assert [w.word for w in result.words if w.status == "missed"] == ["old"]


def test_paraphrase_needs_only_the_meaning_words_in_order() -> None:
    line = "We should have left the houses before the storm came."
    assert compare(line, "we left that house before a storm", "paraphrase").accuracy == 0.75
    assert compare(line, "left house before storm came", "paraphrase").accuracy == 1.0
    assert compare(line, "storm came before we left house", "paraphrase").accuracy < 1.0


def test_words_out_of_order_cost_accuracy() -> None:
    assert compare("one two three four", "four three two one", "exact").accuracy <= 0.25


def test_a_wrong_line_scores_low_and_does_not_reach_the_end() -> None:
    result = compare(LINE, "the weather has been lovely all week", Strictness.CLOSE)
    assert result.accuracy < 0.2
    assert not result.reached_end


def test_the_end_is_reached_only_when_the_last_words_were_said() -> None:
    assert not compare(LINE, "i don't know marcus it's forty two miles", "close").reached_end
    assert compare(
        LINE, "i don't know marcus forty two miles to the old house", "close"
    ).reached_end


def test_json_shape_lists_every_written_word() -> None:
    data = compare("Hello, Nadia!", "hello there nadia", Strictness.EXACT).to_dict()
    assert data["words"] == [{"word": "Hello", "status": "ok"}, {"word": "Nadia", "status": "ok"}]
    assert data["added"] == ["there"]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "zero"),
        (42, "forty two"),
        (300, "three hundred"),
        (1984, "nineteen eighty four"),
        (2025, "two thousand twenty five"),
        (1_000_001, "one million one"),
    ],
)
def test_numbers_are_said_as_words(value: int, words: str) -> None:
    assert " ".join(number_words(value)) == words


def test_normalise_splits_hyphens_and_keeps_apostrophes() -> None:
    assert normalise("Twenty-one O'Malley's—done!") == ["twenty", "one", "o'malley's", "done"]
