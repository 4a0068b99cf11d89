"""The draw policy: no repeats within a cycle, filters, rating weights, lock and re-roll.

Every drawer gets a seeded ``random.Random``, so a failure here replays exactly.
"""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehearsal.notes.deck import load_bundled_deck
from rehearsal.notes.draw import (
    MAX_RATING,
    MIN_RATING,
    DrawFilter,
    NoNotesError,
    NoteDrawer,
    category_weight,
    category_weights,
)
from rehearsal.notes.note import Category, DeckError, Level, Note


@pytest.fixture(scope="module")
def bundled() -> tuple[Note, ...]:
    return load_bundled_deck()


def make_notes(specs: list[tuple[Category, Level]]) -> list[Note]:
    return [Note(f"n{i}", cat, lvl, f"Note number {i}.") for i, (cat, lvl) in enumerate(specs)]


_NOTES = st.lists(
    st.tuples(st.sampled_from(Category), st.sampled_from(Level)), min_size=1, max_size=30
).map(make_notes)
_RATINGS = st.dictionaries(
    st.sampled_from([c.value for c in Category] + ["retired-category"]),
    st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10, 10),
    max_size=6,
)
_FILTER = st.builds(
    DrawFilter,
    st.frozensets(st.sampled_from(Category), max_size=4),
    st.frozensets(st.sampled_from(Level), max_size=2),
)
_SEED = st.integers(0, 2**32 - 1)


# ---------------------------------------------------------------------- no repeats


def test_every_note_comes_once_before_the_deck_is_reshuffled(bundled: tuple[Note, ...]) -> None:
    drawer = NoteDrawer(bundled, random.Random(7))
    everything = sorted(n.id for n in bundled)
    first = [drawer.draw().id for _ in bundled]
    assert sorted(first) == everything
    assert drawer.remaining == 0
    second = [drawer.draw().id for _ in bundled]
    assert second[0] != first[-1]  # no instant repeat across the reshuffle
    assert sorted(second) == everything
    assert second != first


@given(_NOTES, _RATINGS, _FILTER, _SEED)
@settings(max_examples=200, deadline=None)
def test_draws_respect_the_filter_and_never_repeat_within_a_cycle(
    notes: list[Note], ratings: dict[str, float], selection: DrawFilter, seed: int
) -> None:
    drawer = NoteDrawer(notes, random.Random(seed), ratings=ratings, selection=selection)
    eligible = sorted(n.id for n in notes if selection.accepts(n))
    if not eligible:
        with pytest.raises(NoNotesError):
            drawer.draw()
        return
    drawn = [drawer.draw() for _ in range(2 * len(eligible))]
    assert all(selection.accepts(note) for note in drawn)
    first, second = drawn[: len(eligible)], drawn[len(eligible) :]
    assert sorted(n.id for n in first) == eligible
    assert sorted(n.id for n in second) == eligible
    if len(eligible) > 1:
        assert second[0] != first[-1]


def test_changing_the_filter_mid_cycle_keeps_notes_already_heard(
    bundled: tuple[Note, ...],
) -> None:
    drawer = NoteDrawer(bundled, random.Random(11))
    heard = {drawer.draw().id for _ in range(40)}
    drawer.set_selection(DrawFilter.of(["emotion", "status"], ["bold", 2]))
    eligible = {n.id for n in drawer.eligible}
    assert eligible == {
        n.id
        for n in bundled
        if n.category in (Category.EMOTION, Category.STATUS) and n.level >= Level.MEDIUM
    }
    fresh = [drawer.draw().id for _ in range(len(eligible - heard))]
    assert set(fresh) == eligible - heard
    assert drawer.remaining == 0


def test_seen_ids_resume_a_cycle(bundled: tuple[Note, ...]) -> None:
    notes = bundled[:12]
    first = NoteDrawer(notes, random.Random(1))
    heard = {first.draw().id for _ in range(5)}
    resumed = NoteDrawer(notes, random.Random(2), seen=first.drawn_ids | {"not-a-note"})
    assert resumed.remaining == 7
    rest = {resumed.draw().id for _ in range(7)}
    assert rest == {n.id for n in notes} - heard


def test_nothing_to_draw_is_a_clear_error() -> None:
    drawer = NoteDrawer([], random.Random(0))
    with pytest.raises(NoNotesError, match="no notes to draw") as caught:
        drawer.draw()
    assert isinstance(caught.value, DeckError)
    notes = make_notes([(Category.STYLE, Level.SUBTLE)])
    with pytest.raises(NoNotesError):
        NoteDrawer(notes, random.Random(0), selection=DrawFilter.of(levels=[3])).draw()


def test_filter_values_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown category"):
        DrawFilter.of(["feelings"])
    with pytest.raises(ValueError, match="level must be"):
        DrawFilter.of(levels=[4])


# ---------------------------------------------------------------------- weights


def test_lower_rated_categories_come_up_more_often(bundled: tuple[Note, ...]) -> None:
    ratings = {"emotion": 1.0, "status": 3.0, "technical": 5.0}
    counts: Counter[Category] = Counter()
    for seed in range(300):
        drawer = NoteDrawer(bundled, random.Random(seed), ratings=ratings)
        counts.update(drawer.draw().category for _ in range(10))
    assert counts[Category.EMOTION] > 3 * counts[Category.TECHNICAL]
    assert counts[Category.EMOTION] > counts[Category.STATUS] > counts[Category.TECHNICAL]
    # Unrated categories count as the middle of the scale, like "status" here.
    assert abs(counts[Category.TEMPO] - counts[Category.STATUS]) < 0.25 * counts[Category.STATUS]


def test_without_ratings_categories_are_drawn_evenly(bundled: tuple[Note, ...]) -> None:
    counts: Counter[Category] = Counter()
    for seed in range(300):
        drawer = NoteDrawer(bundled, random.Random(seed))
        counts.update(drawer.draw().category for _ in range(10))
    expected = 3000 / len(Category)
    assert all(abs(n - expected) < 0.25 * expected for n in counts.values()), counts


def test_new_ratings_change_the_weights_between_takes(bundled: tuple[Note, ...]) -> None:
    before = after = 0
    for seed in range(200):
        drawer = NoteDrawer(bundled, random.Random(seed), ratings={"tempo": 5})
        before += sum(drawer.draw().category is Category.TEMPO for _ in range(5))
        drawer.set_ratings({c.value: 1 if c is Category.TEMPO else 5 for c in Category})
        after += sum(drawer.draw().category is Category.TEMPO for _ in range(5))
    assert after > 4 * before


@given(
    st.floats(MIN_RATING, MAX_RATING),
    st.floats(MIN_RATING, MAX_RATING),
)
def test_a_lower_rating_never_gets_a_smaller_weight(low: float, high: float) -> None:
    low, high = sorted((low, high))
    assert category_weight(low) >= category_weight(high)
    assert 1.0 <= category_weight(high) <= 5.0
    if high - low > 1e-9:
        assert category_weight(low) > category_weight(high)


def test_weights_ignore_unknown_categories_and_meaningless_ratings() -> None:
    weights = category_weights(
        {"emotion": 1, Category.TEMPO: 9, "status": math.nan, "retired": 1, "style": "x"}  # type: ignore[dict-item]
    )
    assert set(weights) == set(Category)
    assert weights[Category.EMOTION] == 5.0
    assert weights[Category.TEMPO] == 1.0  # clamped to the top of the scale
    assert weights[Category.STATUS] == weights[Category.STYLE] == weights[Category.OBJECTIVE] == 3.0


# ---------------------------------------------------------------------- lock and re-roll


def test_lock_keeps_a_note_for_the_given_takes_then_moves_on(bundled: tuple[Note, ...]) -> None:
    drawer = NoteDrawer(bundled, random.Random(3))
    first = drawer.draw()
    drawer.lock(3)
    assert drawer.locked_for == 3
    assert [drawer.draw() for _ in range(3)] == [first] * 3
    assert drawer.locked_for == 0
    assert drawer.draw() != first


def test_lock_a_chosen_note_and_unlock_early(bundled: tuple[Note, ...]) -> None:
    drawer = NoteDrawer(bundled, random.Random(4))
    chosen = bundled[42]
    drawer.lock(5, chosen)
    assert drawer.draw() == chosen
    drawer.unlock()
    following = [drawer.draw() for _ in range(len(bundled) - 1)]
    assert chosen not in following  # a locked note counts as heard


def test_lock_needs_a_note_and_at_least_one_take(bundled: tuple[Note, ...]) -> None:
    drawer = NoteDrawer(bundled, random.Random(0))
    with pytest.raises(ValueError, match="draw one first"):
        drawer.lock(2)
    drawer.draw()
    with pytest.raises(ValueError, match="at least one take"):
        drawer.lock(0)


def test_reroll_gives_another_note_and_the_skipped_one_stays_used() -> None:
    notes = make_notes([(Category.STATUS, Level.MEDIUM)] * 5)
    drawer = NoteDrawer(notes, random.Random(9))
    skipped = drawer.draw()
    drawer.lock(4)
    replacement = drawer.reroll()
    assert replacement != skipped
    assert drawer.locked_for == 0
    rest = [drawer.draw() for _ in range(3)]
    assert {n.id for n in [skipped, replacement, *rest]} == {n.id for n in notes}


_OPS = st.lists(
    st.one_of(
        st.just(("draw", 0)),
        st.just(("reroll", 0)),
        st.tuples(st.just("lock"), st.integers(1, 3)),
    ),
    max_size=60,
)


@given(_NOTES, _OPS, _SEED)
@settings(max_examples=200, deadline=None)
def test_any_mix_of_draw_lock_and_reroll_keeps_the_no_repeat_rule(
    notes: list[Note], ops: list[tuple[str, int]], seed: int
) -> None:
    drawer = NoteDrawer(notes, random.Random(seed))
    all_ids = {n.id for n in notes}
    heard: set[str] = set()
    current: Note | None = None
    locked = 0
    for op, takes in ops:
        if op == "lock":
            if current is not None:
                drawer.lock(takes)
                locked = takes
            continue
        if op == "draw" and locked:
            assert drawer.draw() == current
            locked -= 1
            continue
        note = drawer.draw() if op == "draw" else drawer.reroll()
        locked = 0
        if heard >= all_ids:
            heard = set()  # the deck was exhausted and reshuffled
        assert note.id not in heard
        if current is not None and len(notes) > 1:
            assert note != current
        heard.add(note.id)
        current = note
        assert drawer.locked_for == locked
