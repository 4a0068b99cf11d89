"""Drawing director notes: fair like a shuffled deck, but leaning on the actor's weak spots.

Three rules shape the draw, each for a rehearsal reason:

* No note comes back until every eligible note has been drawn (then the deck is reshuffled),
  because hearing "angrier" three times in ten takes teaches nothing.
* A *category* is picked first, weighted toward the kinds of note the actor rates lowest in
  their self-ratings, then a note within it; picking categories rather than notes keeps a
  category with many notes from crowding out the others. Unrated categories count as
  middling, so new kinds of direction still come up.
* A note can be locked for several takes (to work on it) or re-rolled (to skip it).

The random source is injected so that tests, and a drill the actor wants to repeat, can seed
it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from rehearsal.notes.note import Category, DeckError, Level, Note

MIN_RATING = 1.0
MAX_RATING = 5.0
#: What an unrated category counts as: the middle of the self-rating scale.
NEUTRAL_RATING = (MIN_RATING + MAX_RATING) / 2


class NoNotesError(DeckError):
    """Nothing can be drawn: every note is disabled or filtered out."""


def category_weight(mean_rating: float | None) -> float:
    """How strongly to favour a category: 5 for a mean rating of 1, down to 1 for 5.

    Linear so the effect is easy to explain ("notes you rate 1 come up five times as often
    as notes you rate 5"); ratings outside the scale are clamped, and a missing or
    meaningless rating counts as neutral.
    """
    if mean_rating is None or not math.isfinite(mean_rating):
        mean_rating = NEUTRAL_RATING
    clamped = min(MAX_RATING, max(MIN_RATING, mean_rating))
    return MAX_RATING + 1.0 - clamped


def category_weights(ratings: Mapping[str, float] | None) -> dict[Category, float]:
    """Weights for every category from a ``category -> mean rating`` mapping.

    Keys may be :class:`Category` members or their string values (as the history store
    keeps them); keys that are not categories are ignored, since an old history may name a
    category a later deck no longer has.
    """
    known: dict[Category, float] = {}
    for key, value in (ratings or {}).items():
        try:
            category = Category(key)
        except ValueError:
            continue
        try:
            known[category] = float(value)
        except (TypeError, ValueError):
            continue
    return {c: category_weight(known.get(c)) for c in Category}


@dataclass(frozen=True, slots=True)
class DrawFilter:
    """Which notes may be drawn; an empty set means "any"."""

    categories: frozenset[Category] = field(default_factory=frozenset)
    levels: frozenset[Level] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls,
        categories: Iterable[Category | str] = (),
        levels: Iterable[Level | int | str] = (),
    ) -> DrawFilter:
        """A filter from loose values (``"emotion"``, ``2``, ``"bold"``), checked."""
        return cls(
            frozenset(Category.parse(c) for c in categories),
            frozenset(Level.parse(v) for v in levels),
        )

    def accepts(self, note: Note) -> bool:
        return (not self.categories or note.category in self.categories) and (
            not self.levels or note.level in self.levels
        )


class NoteDrawer:
    """Draws notes for one rehearsal; ``draw()`` is what the engine calls before a take.

    ``seen`` lets a caller resume a cycle (ids already drawn); ``drawn_ids`` gives it back.
    """

    def __init__(
        self,
        notes: Iterable[Note],
        rng: random.Random,
        *,
        ratings: Mapping[str, float] | None = None,
        selection: DrawFilter | None = None,
        seen: Collection[str] = (),
    ) -> None:
        self._rng = rng
        self._notes: tuple[Note, ...] = tuple({n.id: n for n in notes}.values())
        self._weights = category_weights(ratings)
        self._selection = selection or DrawFilter()
        self._eligible = self._filtered()
        known = {n.id for n in self._notes}
        self._drawn: set[str] = {i for i in seen if i in known}
        self._current: Note | None = None
        self._locked_for = 0

    # ------------------------------------------------------------------ state

    @property
    def current(self) -> Note | None:
        """The note of the take in progress (the last one drawn or locked)."""
        return self._current

    @property
    def locked_for(self) -> int:
        """How many more draws will return the locked note."""
        return self._locked_for

    @property
    def eligible(self) -> tuple[Note, ...]:
        """The notes the filter lets through, in deck order."""
        return self._eligible

    @property
    def remaining(self) -> int:
        """Eligible notes not yet drawn in this cycle."""
        return sum(1 for n in self._eligible if n.id not in self._drawn)

    @property
    def drawn_ids(self) -> frozenset[str]:
        return frozenset(self._drawn)

    @property
    def selection(self) -> DrawFilter:
        return self._selection

    def set_selection(self, selection: DrawFilter) -> None:
        """Change the filter; notes already drawn this cycle stay drawn."""
        self._selection = selection
        self._eligible = self._filtered()

    def set_ratings(self, ratings: Mapping[str, float] | None) -> None:
        """Re-weight after new self-ratings (e.g. between takes of a drill)."""
        self._weights = category_weights(ratings)

    # ------------------------------------------------------------------ drawing

    def draw(self) -> Note:
        """The note for the next take: the locked one while a lock lasts, else a new one."""
        if self._locked_for > 0 and self._current is not None:
            self._locked_for -= 1
            return self._current
        self._current = self._next(avoid=self._current)
        return self._current

    def reroll(self) -> Note:
        """Skip the current note (it stays used for this cycle) and draw another; ends a lock."""
        self._locked_for = 0
        self._current = self._next(avoid=self._current)
        return self._current

    def lock(self, takes: int, note: Note | None = None) -> None:
        """Keep ``note`` (default: the current one) as the answer to the next ``takes`` draws."""
        if takes < 1:
            raise ValueError("a note is locked for at least one take")
        chosen = note or self._current
        if chosen is None:
            raise ValueError("there is no note to lock yet: draw one first")
        self._current = chosen
        self._drawn.add(chosen.id)
        self._locked_for = takes

    def unlock(self) -> None:
        self._locked_for = 0

    # ------------------------------------------------------------------ internals

    def _filtered(self) -> tuple[Note, ...]:
        return tuple(n for n in self._notes if self._selection.accepts(n))

    def _next(self, avoid: Note | None) -> Note:
        if not self._eligible:
            raise NoNotesError(
                "no notes to draw: every note is disabled or outside the chosen "
                "categories and levels"
            )
        pool = [n for n in self._eligible if n.id not in self._drawn]
        if not pool:
            # The cycle is over: reshuffle only what the filter covers, so notes drawn under
            # another filter still count as heard.
            self._drawn.difference_update(n.id for n in self._eligible)
            pool = list(self._eligible)
        if avoid is not None and len(pool) > 1:
            # Right after a reshuffle (or on a re-roll) never hand back the same card.
            pool = [n for n in pool if n.id != avoid.id] or pool
        by_category: dict[Category, list[Note]] = {}
        for note in pool:
            by_category.setdefault(note.category, []).append(note)
        categories = list(by_category)
        weights = [self._weights[c] for c in categories]
        category = self._rng.choices(categories, weights=weights)[0]
        choices = by_category[category]
        note = choices[self._rng.randrange(len(choices))]
        self._drawn.add(note.id)
        return note
