"""Director notes (no Qt): the deck, the user's own notes merged over it, and the draw."""

from rehearsal.notes.deck import ImportResult, NoteDeck, bundled_deck_path, load_bundled_deck
from rehearsal.notes.draw import DrawFilter, NoNotesError, NoteDrawer, category_weights
from rehearsal.notes.note import Category, DeckError, Level, Note, Origin

__all__ = [
    "Category",
    "DeckError",
    "DrawFilter",
    "ImportResult",
    "Level",
    "NoNotesError",
    "Note",
    "NoteDeck",
    "NoteDrawer",
    "Origin",
    "bundled_deck_path",
    "category_weights",
    "load_bundled_deck",
]
