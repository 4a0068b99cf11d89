"""The note deck: the bundled cards, the user's file merged over them, and clear errors.

Every test works on real files in its own temp data folder; the bundled deck is the real
``resources/notes/deck.toml``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehearsal.notes.deck import (
    BROKEN_SUFFIX,
    USER_DECK_NAME,
    NoteDeck,
    bundled_deck_path,
    load_bundled_deck,
)
from rehearsal.notes.deckfile import DeckFile, dump_deck, parse_deck, read_deck_file, toml_string
from rehearsal.notes.note import Category, DeckError, Level, Note, Origin
from rehearsal.paths import Paths


@pytest.fixture(scope="module")
def bundled() -> tuple[Note, ...]:
    return load_bundled_deck()


def user_file(paths: Paths) -> Path:
    return paths.data / USER_DECK_NAME


def words(text: str) -> str:
    return " ".join(text.casefold().split())


# ---------------------------------------------------------------------- the bundled deck


def test_bundled_deck_has_enough_notes_in_every_category_and_level(
    bundled: tuple[Note, ...],
) -> None:
    assert len(bundled) >= 150
    per_category = Counter(note.category for note in bundled)
    assert set(per_category) == set(Category)
    assert min(per_category.values()) >= 10, per_category
    assert {note.level for note in bundled} == set(Level)
    assert all(note.origin is Origin.BUNDLED for note in bundled)


def test_bundled_ids_are_unique_and_named_after_their_category(
    bundled: tuple[Note, ...],
) -> None:
    ids = Counter(note.id for note in bundled)
    assert [i for i, n in ids.items() if n > 1] == []
    wrong = [n.id for n in bundled if not n.id.startswith(f"{n.category.value}-")]
    assert wrong == []


def test_bundled_deck_has_no_duplicate_texts(bundled: tuple[Note, ...]) -> None:
    texts = Counter(words(note.text) for note in bundled)
    assert [t for t, n in texts.items() if n > 1] == []


def test_notes_that_read_badly_aloud_have_a_spoken_version(bundled: tuple[Note, ...]) -> None:
    # A dash, an abbreviation or typographic quotes come out oddly from a speech engine.
    awkward = ("—", "a.m.", "“")
    needing = [n for n in bundled if any(mark in n.text for mark in awkward)]
    assert needing, "the deck was expected to have some notes with dashes"
    for note in needing:
        assert note.has_own_spoken, note.id
        assert not any(mark in note.spoken for mark in awkward), note.id
    plain = next(n for n in bundled if not n.has_own_spoken)
    assert plain.spoken == plain.text


def test_bundled_file_is_plain_toml_with_the_documented_fields() -> None:
    data = tomllib.loads(bundled_deck_path().read_text(encoding="utf-8"))
    assert data["version"] == 1
    for table in data["note"]:
        assert (
            {"id", "category", "level", "text"}
            <= set(table)
            <= {
                "id",
                "category",
                "level",
                "text",
                "spoken",
            }
        )


# ---------------------------------------------------------------------- loading a user deck


def test_without_a_user_file_the_deck_is_the_bundled_deck(
    paths: Paths, bundled: tuple[Note, ...]
) -> None:
    deck = NoteDeck.load(paths)
    assert deck.user_error is None
    assert deck.notes() == list(bundled)
    assert len(deck) == len(bundled)


GOOD_NOTE = 'id = "mine-1"\ncategory = "status"\nlevel = 2\ntext = "Own the room."\n'

MALFORMED = [
    pytest.param(
        f'version = 1\n\n[[note]]\n{GOOD_NOTE}\n[[note]]\nid = "mine-2"\ntext = "Unclosed\n',
        11,
        "not valid TOML",
        id="bad-toml",
    ),
    pytest.param(
        f'[[note]]\n{GOOD_NOTE}\n[[note]]\nid = "mine-2"\nlevel = 1\ntext = "No category."\n',
        7,
        "note 'mine-2' has no category",
        id="missing-field",
    ),
    pytest.param(
        '[[note]]\nid = "mine-1"\nlevel = 1\ncategory = "emotions"\ntext = "Bigger."\n',
        4,
        "unknown category 'emotions' (use one of: emotion, tempo",
        id="unknown-category",
    ),
    pytest.param(
        '[[note]]\nid = "mine-1"\ncategory = "tempo"\nlevel = 5\ntext = "Faster."\n',
        4,
        "level must be 1, 2 or 3",
        id="bad-level",
    ),
    pytest.param(
        '[[note]]\nid = "mine-1"\ncategory = "tempo"\nlevel = 1\ntext = "   "\n',
        5,
        "text is empty",
        id="empty-text",
    ),
    pytest.param(
        f'[[note]]\n{GOOD_NOTE}\n[[note]]\nid = "mine-1"\ncategory = "tempo"\n'
        'level = 1\ntext = "Slower."\n',
        8,
        "id 'mine-1' is used twice (first at line 1)",
        id="duplicate-id",
    ),
    pytest.param(
        '[[note]]\nid = "mine-1"\ncategory = "tempo"\nlevel = 1\ntxt = "Slower."\n',
        5,
        "unknown field 'txt'",
        id="unknown-field",
    ),
    pytest.param(
        'version = 1\n[note]\nid = "mine-1"\n', 2, "two pairs of brackets", id="single-brackets"
    ),
    pytest.param(
        'version = 1\ndisabled = "emotion-001"\n', 2, "disabled must be a list", id="bad-disabled"
    ),
    pytest.param("version = 7\n", 1, "deck version 7 is not supported", id="future-version"),
    pytest.param(
        '[[note]]\nid = "has space"\ncategory = "tempo"\nlevel = 1\ntext = "Slower."\n',
        2,
        "id must be letters",
        id="bad-id",
    ),
]


@pytest.mark.parametrize(("content", "line", "expected"), MALFORMED)
def test_malformed_user_deck_names_file_and_line_and_keeps_the_bundled_deck(
    paths: Paths, bundled: tuple[Note, ...], content: str, line: int, expected: str
) -> None:
    path = user_file(paths)
    path.write_text(content, encoding="utf-8")
    deck = NoteDeck.load(paths)
    assert deck.user_error is not None
    message = str(deck.user_error)
    assert message.startswith(f"{path}, line {line}: "), message
    assert expected in message
    assert "\n" not in message
    assert deck.notes() == list(bundled)
    with pytest.raises(DeckError) as caught:
        read_deck_file(path)
    assert (caught.value.path, caught.value.line) == (path, line)


def test_a_deck_that_is_not_utf8_names_the_line(paths: Paths, bundled: tuple[Note, ...]) -> None:
    path = user_file(paths)
    path.write_bytes(b"version = 1\n# caf\xe9 notes\n")
    deck = NoteDeck.load(paths)
    assert str(deck.user_error) == f"{path}, line 2: not UTF-8 text (save the deck as UTF-8)"
    assert deck.notes() == list(bundled)


def test_a_folder_where_the_deck_should_be_is_reported(paths: Paths) -> None:
    user_file(paths).mkdir()
    deck = NoteDeck.load(paths)
    assert deck.user_error is not None
    assert str(user_file(paths)) in str(deck.user_error)


def test_saving_over_an_unreadable_deck_keeps_the_old_file_aside(paths: Paths) -> None:
    path = user_file(paths)
    broken = '[[note]]\nid = "x"\ncategory = "oops"\nlevel = 1\ntext = "Mine."\n'
    path.write_text(broken, encoding="utf-8")
    deck = NoteDeck.load(paths)
    mine = deck.add("tempo", 2, "Count to three before every answer.")
    moved = deck.save()
    assert moved == path.with_name(USER_DECK_NAME + BROKEN_SUFFIX)
    assert moved.read_text(encoding="utf-8") == broken
    assert deck.user_error is None
    assert NoteDeck.load(paths).get(mine.id) == mine


# ---------------------------------------------------------------------- changing the deck


def test_add_edit_disable_round_trip_through_the_user_file(
    paths: Paths, bundled: tuple[Note, ...]
) -> None:
    bundled_hash = hashlib.sha256(bundled_deck_path().read_bytes()).hexdigest()
    deck = NoteDeck.load(paths)
    mine = deck.add("Status", "bold", "You own this building. Act like it.", spoken="You own it.")
    assert (mine.id, mine.origin, mine.spoken) == ("my-status-001", Origin.USER, "You own it.")
    original = deck.get("emotion-002")
    edited = deck.edit("emotion-002", text="Angrier, but only in the second half.", level=1)
    assert edited.origin is Origin.EDITED
    assert (edited.category, edited.level) == (original.category, Level.SUBTLE)
    deck.disable("tempo-003")
    deck.save()

    again = NoteDeck.load(paths)
    assert again.user_error is None
    assert again.get(mine.id) == mine
    assert again.get("emotion-002") == edited
    assert again.original("emotion-002") == original
    assert again.is_disabled("tempo-003")
    ids = [note.id for note in again.notes()]
    assert "tempo-003" not in ids
    assert ids[-1] == mine.id
    assert len(ids) == len(bundled)  # one added, one disabled
    assert "tempo-003" in [n.id for n in again.notes(include_disabled=True)]

    again.reset("emotion-002")
    again.enable("tempo-003")
    again.remove(mine.id)
    again.save()
    third = NoteDeck.load(paths)
    assert third.notes() == list(bundled)
    assert tomllib.loads(user_file(paths).read_text(encoding="utf-8")).get("note", []) == []
    assert hashlib.sha256(bundled_deck_path().read_bytes()).hexdigest() == bundled_hash


def test_editing_a_note_back_to_its_original_drops_the_override(paths: Paths) -> None:
    deck = NoteDeck.load(paths)
    original = deck.get("status-004")
    deck.edit("status-004", level=3)
    assert deck.get("status-004").origin is Origin.EDITED
    back = deck.edit("status-004", level=original.level)
    assert back == original
    deck.save()
    assert "status-004" not in user_file(paths).read_text(encoding="utf-8")


def test_spoken_version_can_be_set_and_cleared(paths: Paths) -> None:
    deck = NoteDeck.load(paths)
    note = deck.edit("circumstances-001", spoken="")
    assert note.spoken == note.text == "It's 3 a.m."
    note = deck.edit("circumstances-001", spoken="Three in the morning.")
    assert note.spoken == "Three in the morning."


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.add("tempo", 1, "   "), "text is empty"),
        (lambda d: d.add("feelings", 1, "Cry."), "unknown category 'feelings'"),
        (lambda d: d.add("tempo", 0, "Slower."), "level must be 1, 2 or 3"),
        (lambda d: d.add("tempo", 1, "x" * 400), "the limit is 300"),
        (
            lambda d: d.add("tempo", 1, "take YOUR time.  let the silences do some of the work."),
            "the deck already has this note (id 'tempo-002')",
        ),
        (lambda d: d.remove("tempo-002"), "comes with the app: disable it instead"),
        (lambda d: d.remove("nope"), "there is no note with id 'nope'"),
        (lambda d: d.disable("nope"), "there is no note with id 'nope'"),
        (lambda d: d.reset("my-tempo-001"), "is not a bundled note, so it has no original"),
    ],
)
def test_bad_changes_are_refused_with_a_reason(
    paths: Paths, bundled: tuple[Note, ...], change: Callable[[NoteDeck], object], expected: str
) -> None:
    deck = NoteDeck.load(paths)
    with pytest.raises(DeckError) as caught:
        change(deck)
    assert expected in str(caught.value)
    assert deck.notes() == list(bundled)


def test_import_adds_new_notes_skips_known_ones_and_renames_taken_ids(
    paths: Paths, tmp_path: Path, bundled: tuple[Note, ...]
) -> None:
    known = bundled[5]
    source = tmp_path / "from a friend.toml"
    source.write_text(
        dump_deck(
            [
                Note("emotion-001", Category.EMOTION, Level.BOLD, "Laugh at the worst moment."),
                Note("x-1", Category.STATUS, Level.SUBTLE, known.text.upper()),
                Note("x-2", Category.TECHNICAL, Level.MEDIUM, "Find your light."),
            ]
        ),
        encoding="utf-8",
    )
    deck = NoteDeck.load(paths)
    result = deck.import_file(source)
    assert [n.text for n in result.added] == ["Laugh at the worst moment.", "Find your light."]
    assert [n.id for n in result.skipped] == ["x-1"]
    assert result.added[0].id == "my-emotion-001"
    assert result.added[1].id == "x-2"
    assert all(n.origin is Origin.USER for n in result.added)
    assert deck.get("emotion-001") == bundled[0]

    deck.save()
    reloaded = NoteDeck.load(paths)
    assert [n.id for n in reloaded.notes()[-2:]] == ["my-emotion-001", "x-2"]
    # Importing the same file again adds nothing.
    assert reloaded.import_file(source).added == ()


def test_import_of_a_malformed_file_names_it_and_changes_nothing(
    paths: Paths, tmp_path: Path, bundled: tuple[Note, ...]
) -> None:
    source = tmp_path / "shared.toml"
    source.write_text('[[note]]\nid = "a"\ncategory = "style"\nlevel = "loud"\ntext = "Big."\n')
    deck = NoteDeck.load(paths)
    with pytest.raises(DeckError) as caught:
        deck.import_file(source)
    assert str(caught.value).startswith(f"{source}, line 4: note 'a': level must be")
    with pytest.raises(DeckError, match="no such file"):
        deck.import_file(tmp_path / "missing.toml")
    assert deck.notes() == list(bundled)


def test_save_is_atomic_and_leaves_no_temporary_files(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = NoteDeck.load(paths)
    deck.add("physical", 2, "Your hands are full of shopping bags.")
    deck.save()
    saved = user_file(paths).read_bytes()
    assert sorted(p.name for p in paths.data.iterdir()) == [USER_DECK_NAME]

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    deck.add("physical", 1, "It's windy.")
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(DeckError, match="cannot save"):
        deck.save()
    monkeypatch.undo()
    assert user_file(paths).read_bytes() == saved
    assert sorted(p.name for p in paths.data.iterdir()) == [USER_DECK_NAME]


def test_save_creates_the_data_folder(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path / "fresh")
    deck = NoteDeck.load(paths)
    deck.disable("style-004")
    deck.save()
    assert NoteDeck.load(paths).is_disabled("style-004")
    assert os.listdir(paths.data) == [USER_DECK_NAME]


# ---------------------------------------------------------------------- the file format

_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=120).filter(
    lambda s: bool(s.split())
)


@given(
    st.lists(
        st.tuples(st.sampled_from(Category), st.sampled_from(Level), _TEXT, _TEXT | st.just("")),
        max_size=6,
    ),
    st.lists(st.from_regex(r"[a-z0-9][a-z0-9._-]{0,10}", fullmatch=True), max_size=4),
)
@settings(max_examples=150, deadline=None)
def test_dump_then_parse_gives_back_the_same_deck(
    specs: list[tuple[Category, Level, str, str]], disabled: list[str]
) -> None:
    notes = [
        Note(f"n-{i}", cat, lvl, " ".join(text.split()), " ".join(spoken.split()), Origin.USER)
        for i, (cat, lvl, text, spoken) in enumerate(specs)
    ]
    parsed = parse_deck(dump_deck(notes, disabled))
    assert parsed.notes == notes
    assert parsed.disabled == list(dict.fromkeys(disabled))


_VALUE = st.one_of(
    st.integers(-3, 6).map(str),
    st.booleans().map(lambda b: "true" if b else "false"),
    st.text(st.characters(codec="utf-8"), max_size=30).map(toml_string),
    st.sampled_from(['"emotion"', '"Tempo & rhythm"', '"bold"', '"subtle"', '"n-1"', "[1, 2]"]),
)
_TABLE = st.dictionaries(
    st.sampled_from(["id", "category", "level", "text", "spoken", "colour"]), _VALUE, max_size=6
)


@given(st.lists(_TABLE, min_size=1, max_size=5))
@settings(max_examples=200, deadline=None)
def test_any_note_table_either_loads_or_names_a_line_in_the_file(
    tables: list[dict[str, str]],
) -> None:
    text = "version = 1\n" + "".join(
        "\n[[note]]\n" + "".join(f"{k} = {v}\n" for k, v in t.items()) for t in tables
    )
    outcome = _parse_or_error(text)
    if isinstance(outcome, DeckError):
        assert outcome.line is not None
        assert 1 <= outcome.line <= len(text.splitlines())
        assert str(outcome).startswith(f"deck.toml, line {outcome.line}: ")
    else:
        assert len(outcome.notes) == len(tables)


def _parse_or_error(text: str) -> DeckFile | DeckError:
    try:
        return parse_deck(text, Path("deck.toml"))
    except DeckError as exc:
        return exc


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_arbitrary_text_never_raises_anything_but_deck_error(text: str) -> None:
    with contextlib.suppress(DeckError):
        parse_deck(text)
