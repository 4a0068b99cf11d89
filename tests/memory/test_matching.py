"""Line keys across re-imports: corrections, insertions, moves and repeats keep the memory."""

from __future__ import annotations

from fsrs import Rating

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.matching import assign_keys, fingerprint, match_lines
from tests.memory.helpers import KITCHEN, MONDAY, many_lines, mary


def _rehearsed_book() -> MemoryBook:
    book = MemoryBook.for_part("MARY", mary())
    for key in book.lines:
        book.review(key, Rating.Good, MONDAY)
    return book


def test_the_same_import_keeps_every_key() -> None:
    part = mary()
    book = MemoryBook.for_part("MARY", part)
    keys = list(book.lines)
    assert book.reconcile(mary()) == keys
    assert len(set(keys)) == len(keys)


def test_keys_come_from_content_so_two_machines_agree() -> None:
    assert list(MemoryBook.for_part("MARY", mary()).lines) == list(
        MemoryBook.for_part("MARY", mary()).lines
    )


def test_a_corrected_line_keeps_its_memory() -> None:
    book = _rehearsed_book()
    before = {m.fingerprint.text: m.key for m in book.lines.values()}
    fixed = KITCHEN.replace("stopped outside the station", "stoped outside the staton")
    keys = book.reconcile(mary(fixed))
    assert keys[0] == before["the train was stopped outside the station"]
    assert book.lines[keys[0]].card is not None, "the review survived the correction"
    assert book.lines[keys[0]].fingerprint.text == "the train was stoped outside the staton"
    assert not book.retired


def test_a_rewritten_line_on_the_same_cue_keeps_its_key() -> None:
    book = _rehearsed_book()
    old_key = list(book.lines)[2]  # "I know you did." after "I waited."
    keys = book.reconcile(mary(KITCHEN.replace("I know you did.", "I know you did, love.")))
    assert keys[2] == old_key


def test_an_inserted_exchange_gets_new_keys_and_moves_nothing() -> None:
    book = _rehearsed_book()
    old = list(book.lines)
    inserted = KITCHEN.replace(
        "JOHN\nI waited.",
        "JOHN\nWhat train?\n\nMARY\nThe last one, the slow one.\n\nJOHN\nI waited.",
    )
    keys = book.reconcile(mary(inserted))
    assert len(keys) == len(old) + 1
    assert keys[:2] == old[:2]
    assert keys[3:] == old[2:]
    assert keys[2] not in old
    assert book.lines[keys[2]].is_new
    assert all(book.lines[k].card is not None for k in old)


def test_moved_lines_follow_their_text() -> None:
    book = _rehearsed_book()
    texts = [m.fingerprint.text for m in book.lines.values()]
    before = dict(zip(texts, book.lines, strict=True))
    kitchen, street = KITCHEN.split("EXT. STREET - LATER")
    title, kitchen = kitchen.split("INT. KITCHEN - NIGHT")
    swapped = f"{title}EXT. STREET - LATER{street}\nINT. KITCHEN - NIGHT{kitchen}"
    part = mary(swapped)
    keys = book.reconcile(part)
    assert next(line.text for line in part) == "Home. Wherever that is now."
    for line, key in zip(part, keys, strict=True):
        assert before[line.normalised] == key
    assert not book.retired


def test_a_line_moved_under_a_new_cue_keeps_its_key() -> None:
    book = _rehearsed_book()
    old = dict(zip([m.fingerprint.text for m in book.lines.values()], book.lines, strict=True))
    changed = KITCHEN.replace("For two hours?", "Two whole hours?")
    keys = book.reconcile(mary(changed))
    assert keys[1] == old["for as long as it took"]


def test_repeated_lines_pair_up_in_order() -> None:
    text = (
        "INT. HALL - DAY\n\nJOHN\nReady?\n\nMARY\nYes.\n\nJOHN\nSure?\n\nMARY\nYes.\n\n"
        "JOHN\nReady?\n\nMARY\nYes.\n"
    )
    book = MemoryBook.for_part("MARY", mary(text))
    keys = list(book.lines)
    assert len(set(keys)) == 3, "the same words on the same cue still make distinct lines"
    book.review(keys[2], Rating.Easy, MONDAY)
    # A line is inserted at the top: the three "Yes." lines keep their keys in order.
    keys_after = book.reconcile(
        mary(text.replace("JOHN\nReady?", "JOHN\nHello.\n\nMARY\nHi.\n\nJOHN\nReady?", 1))
    )
    assert keys_after[1:] == keys
    assert book.lines[keys[2]].last_rating is Rating.Easy


def test_a_cut_line_is_retired_and_comes_back_with_its_memory() -> None:
    book = _rehearsed_book()
    cut_key = list(book.lines)[2]
    cut = KITCHEN.replace("JOHN\nI waited.\n\nMARY\nI know you did.\n\n", "")
    keys = book.reconcile(mary(cut))
    assert cut_key not in keys
    assert cut_key in book.retired
    restored = book.reconcile(mary())
    assert restored[2] == cut_key
    assert book.lines[cut_key].card is not None
    assert not book.retired


def test_unrelated_lines_do_not_match() -> None:
    part = mary()
    other = mary(
        KITCHEN.replace("The train was stopped outside the station.", "Purple elephants sing.")
    )
    old = [fingerprint(f"k{i}", line) for i, line in enumerate(part)]
    matched = match_lines(old, other)
    assert 0 not in matched
    assert matched[1] == "k1"
    keys = assign_keys(old, other)
    assert keys[0] not in {fp.key for fp in old}


def test_every_line_of_a_long_part_corrected_keeps_every_key() -> None:
    text = many_lines(scenes=5, per_scene=10)
    book = MemoryBook.for_part("MARY", mary(text))
    before = list(book.lines)
    corrected = text.replace("I remember it well", "I recall it well")
    assert book.reconcile(mary(corrected)) == before
    assert not book.retired


def test_a_correction_after_a_long_insertion_is_found_where_the_line_went() -> None:
    """Line and cue both reworded, 60 lines added before them: found between its neighbours."""
    text = many_lines(scenes=2, per_scene=20)
    book = MemoryBook.for_part("MARY", mary(text))
    before = list(book.lines)
    added = "".join(f"JOHN\nNew cue {n}.\n\nMARY\nNew line number {n}.\n\n" for n in range(60))
    text = text.replace("INT. ROOM 1 - DAY\n\n", f"INT. ROOM 1 - DAY\n\n{added}", 1)
    text = text.replace(
        "Question 5 of scene 0 about the 5th thing that happened?", "And the fifth thing?"
    )
    text = text.replace(
        "Answer 5 in scene 0: it was the 5th thing, and I remember it well.",
        "Answer 5 in scene 0: it was the fifth thing, and I remember it well.",
    )
    keys = book.reconcile(mary(text))
    assert keys[60:] == before, "the old lines keep their keys behind the inserted ones"
