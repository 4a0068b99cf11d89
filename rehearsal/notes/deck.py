"""The deck an actor draws from: the bundled notes with the user's own file merged over them.

The bundled ``resources/notes/deck.toml`` is never written: an app update can improve it, and
a user's mistakes must not be able to break it. Everything the user does — add, edit,
disable, import — lives in ``notes.toml`` in the data folder, keyed by note id, so an edited
bundled note is simply a user note with the bundled id. A user file that cannot be read is
reported (file and line) and set aside, and rehearsal goes on with the bundled deck.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from rehearsal.notes.deckfile import (
    USER_DECK_HEADER,
    DeckFile,
    check_id,
    clean_text,
    dump_deck,
    read_deck_file,
    write_atomic,
)
from rehearsal.notes.note import Category, DeckError, Level, Note, Origin
from rehearsal.paths import Paths, resources_dir

__all__ = [
    "USER_DECK_NAME",
    "Category",
    "DeckError",
    "ImportResult",
    "Level",
    "Note",
    "NoteDeck",
    "Origin",
    "bundled_deck_path",
    "load_bundled_deck",
]

USER_DECK_NAME = "notes.toml"
#: A user deck that could not be read is renamed with this suffix before the app saves over it.
BROKEN_SUFFIX = ".broken"


def bundled_deck_path() -> Path:
    """Where the deck shipped with the app lives (source checkout, wheel or bundle)."""
    return resources_dir() / "notes" / "deck.toml"


def load_bundled_deck(path: Path | None = None) -> tuple[Note, ...]:
    """The shipped notes; a :class:`DeckError` here is a packaging bug, not a user mistake."""
    return tuple(read_deck_file(path or bundled_deck_path(), Origin.BUNDLED).notes)


def _words_key(text: str) -> str:
    """Two notes are duplicates when their text differs only in case and spacing."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: notes added (possibly under new ids) and notes already present."""

    added: tuple[Note, ...]
    skipped: tuple[Note, ...]


class NoteDeck:
    """The merged deck and the user's changes to it.

    Changes stay in memory until :meth:`save`, so the editor can apply several and write
    once. ``user_error`` holds the problem with the user file, if it could not be read.
    """

    def __init__(
        self,
        bundled: Iterable[Note],
        user_path: Path,
        user: DeckFile | None = None,
        user_error: DeckError | None = None,
    ) -> None:
        self._bundled: dict[str, Note] = {n.id: replace(n, origin=Origin.BUNDLED) for n in bundled}
        self.user_path = user_path
        self.user_error = user_error
        self._user: dict[str, Note] = {}
        self._disabled: dict[str, None] = {}
        if user is not None:
            for note in user.notes:
                self._put(note)
            self._disabled = dict.fromkeys(user.disabled)

    @classmethod
    def load(cls, paths: Paths, bundled_path: Path | None = None) -> NoteDeck:
        """The deck for one user; only a broken *bundled* deck raises."""
        bundled = load_bundled_deck(bundled_path)
        user_path = paths.data / USER_DECK_NAME
        if not user_path.exists():
            return cls(bundled, user_path)
        try:
            user = read_deck_file(user_path, Origin.USER)
        except DeckError as exc:
            return cls(bundled, user_path, user_error=exc)
        return cls(bundled, user_path, user)

    # ------------------------------------------------------------------ reading

    def notes(self, *, include_disabled: bool = False) -> list[Note]:
        """Bundled notes in deck order (edits applied), then the user's own, in file order."""
        merged = [self._user.get(note_id, note) for note_id, note in self._bundled.items()]
        merged += [note for note_id, note in self._user.items() if note_id not in self._bundled]
        if include_disabled:
            return merged
        return [note for note in merged if note.id not in self._disabled]

    def __len__(self) -> int:
        return len(self.notes())

    def __contains__(self, note_id: object) -> bool:
        return note_id in self._user or note_id in self._bundled

    def get(self, note_id: str) -> Note:
        """The current version of a note, enabled or not."""
        note = self._user.get(note_id) or self._bundled.get(note_id)
        if note is None:
            raise DeckError(f"there is no note with id {note_id!r}")
        return note

    def original(self, note_id: str) -> Note | None:
        """The bundled version of a note, so the editor can show it and offer a reset."""
        return self._bundled.get(note_id)

    def is_disabled(self, note_id: str) -> bool:
        return note_id in self._disabled

    @property
    def disabled_ids(self) -> tuple[str, ...]:
        return tuple(self._disabled)

    # ------------------------------------------------------------------ changing

    def add(
        self, category: Category | str, level: Level | int | str, text: str, spoken: str = ""
    ) -> Note:
        """Add a new note of the user's own under a fresh id."""
        note = self._checked(None, category, level, text, spoken)
        note = replace(note, id=self._new_id(note.category))
        self._put(note)
        return self.get(note.id)

    def edit(
        self,
        note_id: str,
        *,
        category: Category | str | None = None,
        level: Level | int | str | None = None,
        text: str | None = None,
        spoken: str | None = None,
    ) -> Note:
        """Change a note; editing a bundled note keeps the original for :meth:`reset`.

        ``spoken=""`` clears a separate spoken version (the text is then spoken).
        """
        current = self.get(note_id)
        note = self._checked(
            note_id,
            current.category if category is None else category,
            current.level if level is None else level,
            current.text if text is None else text,
            (current.spoken if current.has_own_spoken else "") if spoken is None else spoken,
        )
        self._put(note)
        return self.get(note_id)

    def reset(self, note_id: str) -> Note:
        """Undo the user's edits to a bundled note."""
        if note_id not in self._bundled:
            raise DeckError(f"note {note_id!r} is not a bundled note, so it has no original")
        self._user.pop(note_id, None)
        return self._bundled[note_id]

    def remove(self, note_id: str) -> None:
        """Delete a note of the user's own; bundled notes can only be disabled."""
        if note_id in self._bundled:
            raise DeckError(f"note {note_id!r} comes with the app: disable it instead")
        if self._user.pop(note_id, None) is None:
            raise DeckError(f"there is no note with id {note_id!r}")
        self._disabled.pop(note_id, None)

    def disable(self, note_id: str) -> None:
        """Keep a note in the deck but never draw it."""
        self.get(note_id)
        self._disabled[note_id] = None

    def enable(self, note_id: str) -> None:
        self.get(note_id)
        self._disabled.pop(note_id, None)

    def import_file(self, path: Path) -> ImportResult:
        """Add the notes of another deck file as the user's own.

        Imports never replace existing notes: a note whose words are already in the deck is
        skipped, and one whose id is taken gets a new id. A bad file raises a
        :class:`DeckError` naming it and the line, and changes nothing.
        """
        incoming = read_deck_file(path, Origin.USER).notes
        known = {_words_key(n.text) for n in self.notes(include_disabled=True)}
        added: list[Note] = []
        skipped: list[Note] = []
        for note in incoming:
            key = _words_key(note.text)
            if key in known:
                skipped.append(note)
                continue
            known.add(key)
            if note.id in self:
                note = replace(note, id=self._new_id(note.category))
            self._put(note)
            added.append(self.get(note.id))
        return ImportResult(tuple(added), tuple(skipped))

    def save(self) -> Path | None:
        """Write the user's notes atomically; returns where an unreadable old file was moved.

        The unreadable file is kept beside the new one (``notes.toml.broken``) rather than
        overwritten, because it may hold hours of someone's own notes.
        """
        moved: Path | None = None
        if self.user_error is not None and self.user_path.exists():
            moved = self.user_path.with_name(self.user_path.name + BROKEN_SUFFIX)
            try:
                os.replace(self.user_path, moved)
            except OSError as exc:
                raise DeckError(
                    f"cannot set the unreadable deck aside ({exc.strerror or exc})", self.user_path
                ) from None
        text = dump_deck(self._user.values(), self._disabled, USER_DECK_HEADER)
        write_atomic(self.user_path, text)
        self.user_error = None
        return moved

    # ------------------------------------------------------------------ helpers

    def _put(self, note: Note) -> None:
        """Store a user note; an edit that restores the bundled words drops the override."""
        original = self._bundled.get(note.id)
        if original is not None:
            if note.same_words(original):
                self._user.pop(note.id, None)
                return
            note = replace(note, origin=Origin.EDITED)
        else:
            note = replace(note, origin=Origin.USER)
        self._user[note.id] = note

    def _checked(
        self,
        note_id: str | None,
        category: Category | str,
        level: Level | int | str,
        text: str,
        spoken: str,
    ) -> Note:
        """A note built from user input, or a :class:`DeckError` saying what is wrong."""
        try:
            note = Note(
                id=check_id(note_id) if note_id is not None else "new",
                category=Category.parse(category),
                level=Level.parse(level),
                text=clean_text(text, "text"),
                spoken=clean_text(spoken, "spoken") if spoken.strip() else "",
            )
        except ValueError as exc:
            raise DeckError(str(exc)) from None
        key = _words_key(note.text)
        for other in self.notes(include_disabled=True):
            if other.id != note_id and _words_key(other.text) == key:
                raise DeckError(f"the deck already has this note (id {other.id!r})")
        return note

    def _new_id(self, category: Category) -> str:
        number = 1
        while f"my-{category.value}-{number:03d}" in self:
            number += 1
        return f"my-{category.value}-{number:03d}"
