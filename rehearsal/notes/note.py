"""What a director note is: its category, level and words, and the one error the deck raises.

Categories are a fixed vocabulary rather than free text because the history screen compares
how an actor takes *kinds* of direction over months; a typo like "emotions" in a user deck
must be refused with a clear message instead of silently starting a new kind.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from rehearsal.i18n import QT_TRANSLATE_NOOP


class Category(enum.StrEnum):
    """The kinds of note an acting coach gives; the values are the deck's ``category`` keys."""

    EMOTION = "emotion"
    TEMPO = "tempo"
    OBJECTIVE = "objective"
    OBSTACLE = "obstacle"
    STATUS = "status"
    RELATIONSHIP = "relationship"
    SUBTEXT = "subtext"
    PHYSICAL = "physical"
    CIRCUMSTANCES = "circumstances"
    STYLE = "style"
    TECHNICAL = "technical"

    @property
    def label(self) -> str:
        """The name shown to people, e.g. in the history screen and the deck editor."""
        return _LABELS[self]

    @classmethod
    def parse(cls, value: object) -> Category:
        """A category from a deck value, forgiving case and the common long names.

        Raises ``ValueError`` with a message listing the valid keys.
        """
        if isinstance(value, Category):
            return value
        if isinstance(value, str):
            key = " ".join(value.strip().casefold().replace("_", " ").split())
            found = _ALIASES.get(key)
            if found is not None:
                return found
        valid = ", ".join(c.value for c in cls)
        raise ValueError(f"unknown category {value!r} (use one of: {valid})")


_LABELS: dict[Category, str] = {
    Category.EMOTION: QT_TRANSLATE_NOOP("DirectorNotes", "Emotion & intensity"),
    Category.TEMPO: QT_TRANSLATE_NOOP("DirectorNotes", "Tempo & rhythm"),
    Category.OBJECTIVE: QT_TRANSLATE_NOOP("DirectorNotes", "Objective"),
    Category.OBSTACLE: QT_TRANSLATE_NOOP("DirectorNotes", "Obstacle & stakes"),
    Category.STATUS: QT_TRANSLATE_NOOP("DirectorNotes", "Status"),
    Category.RELATIONSHIP: QT_TRANSLATE_NOOP("DirectorNotes", "Relationship"),
    Category.SUBTEXT: QT_TRANSLATE_NOOP("DirectorNotes", "Subtext & secrets"),
    Category.PHYSICAL: QT_TRANSLATE_NOOP("DirectorNotes", "Physical state & environment"),
    Category.CIRCUMSTANCES: QT_TRANSLATE_NOOP("DirectorNotes", "Given circumstances"),
    Category.STYLE: QT_TRANSLATE_NOOP("DirectorNotes", "Style & genre"),
    Category.TECHNICAL: QT_TRANSLATE_NOOP("DirectorNotes", "Technical & on-camera"),
}

_ALIASES: dict[str, Category] = {c.value: c for c in Category}
_ALIASES.update({label.casefold(): c for c, label in _LABELS.items()})
_ALIASES.update(
    {
        "intensity": Category.EMOTION,
        "emotion/intensity": Category.EMOTION,
        "rhythm": Category.TEMPO,
        "tempo/rhythm": Category.TEMPO,
        "stakes": Category.OBSTACLE,
        "obstacle/stakes": Category.OBSTACLE,
        "secret": Category.SUBTEXT,
        "secrets": Category.SUBTEXT,
        "subtext/secret": Category.SUBTEXT,
        "environment": Category.PHYSICAL,
        "physical state": Category.PHYSICAL,
        "physical state/environment": Category.PHYSICAL,
        "given circumstances": Category.CIRCUMSTANCES,
        "genre": Category.STYLE,
        "style/genre": Category.STYLE,
        "on-camera": Category.TECHNICAL,
        "camera": Category.TECHNICAL,
        "technical/on-camera": Category.TECHNICAL,
    }
)


class Level(enum.IntEnum):
    """How big an adjustment a note asks for: filters let a nervous actor start gently."""

    SUBTLE = 1
    MEDIUM = 2
    BOLD = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: object) -> Level:
        """A level from ``1``-``3`` or a word; raises ``ValueError`` saying what is allowed."""
        if isinstance(value, Level):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 3:
            return cls(value)
        if isinstance(value, str):
            word = value.strip().casefold()
            if word in _LEVEL_WORDS:
                return _LEVEL_WORDS[word]
        raise ValueError(f'level must be 1, 2 or 3 (or "subtle", "medium", "bold"), not {value!r}')


_LEVEL_WORDS: dict[str, Level] = {
    "1": Level.SUBTLE,
    "2": Level.MEDIUM,
    "3": Level.BOLD,
    "subtle": Level.SUBTLE,
    "gentle": Level.SUBTLE,
    "medium": Level.MEDIUM,
    "bold": Level.BOLD,
}


class Origin(enum.StrEnum):
    """Where a note in the merged deck came from, so the editor can offer the right actions."""

    BUNDLED = "bundled"  # shipped with the app, unchanged
    EDITED = "edited"  # shipped with the app, changed by the user
    USER = "user"  # added or imported by the user


@dataclass(frozen=True, slots=True)
class Note:
    """One director note.

    ``spoken`` is what the director voice says; it falls back to ``text`` because most notes
    read aloud as written, and only a few need "3 a.m." said as "three in the morning".
    """

    id: str
    category: Category
    level: Level
    text: str
    spoken: str = ""
    origin: Origin = Origin.BUNDLED

    def __post_init__(self) -> None:
        if not self.spoken:
            object.__setattr__(self, "spoken", self.text)

    @property
    def has_own_spoken(self) -> bool:
        """Whether the spoken version differs from the text (and so must be saved)."""
        return self.spoken != self.text

    def same_words(self, other: Note) -> bool:
        """Whether two notes are the same card apart from id and origin."""
        return (self.category, self.level, self.text, self.spoken) == (
            other.category,
            other.level,
            other.text,
            other.spoken,
        )


class DeckError(Exception):
    """A deck could not be read or changed; ``str()`` names the file and line when known.

    The UI shows it as one line, so a person editing ``notes.toml`` by hand can go straight
    to the mistake.
    """

    def __init__(self, message: str, path: Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else ""
        if self.line is not None:
            where = f"{where}, line {self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message
