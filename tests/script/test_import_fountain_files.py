"""Fountain files as they arrive: encodings, the loader, progress, fuzzing and the corpus.

Line ends and encodings of every editor, a binary file refused with one clear message,
progress that rises to one and can cancel, random and hostile text that always parses (and
quickly), and every ``.fountain`` file of the shared corpus scored exact against its truth.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.import_fountain import import_bytes, parse_text
from rehearsal.script.loader import load_script
from rehearsal.script.model import Dialogue, SourceFormat
from tests.corpus import corpus_files, diff_report, score_file
from tests.script.support.fountain import blocks, speech

# -- encodings and line ends ------------------------------------------------------------------

SIMPLE = "EXT. SOMEWHERE - DAY\n\nGUY\nSo what's up?\n\nGURL\nNothing much.\nAnd you?\n"
SIMPLE_BLOCKS = [
    ("GUY", None, False, speech("So what's up?")),
    ("GURL", None, False, speech("Nothing much. And you?")),
]


@pytest.mark.parametrize(
    "data",
    [
        SIMPLE.replace("\n", "\r\n").encode("utf-8"),
        SIMPLE.replace("\n", "\r").encode("utf-8"),
        codecs.BOM_UTF8 + SIMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SIMPLE.replace("\n", "\r\n").encode("utf-8"),
        codecs.BOM_UTF16_LE + SIMPLE.encode("utf-16-le"),
        SIMPLE.replace("what's", "what’s").encode("cp1252"),
    ],
    ids=["crlf", "cr", "bom", "bom-crlf", "utf16", "cp1252"],
)
def test_line_ends_and_encodings(data: bytes) -> None:
    script = import_bytes(data)
    assert script.scenes[0].heading == "EXT. SOMEWHERE - DAY"
    got = blocks(script)
    assert [b[0] for b in got] == ["GUY", "GURL"]
    assert got[1] == SIMPLE_BLOCKS[1]
    assert got[0][3][0][1].replace("’", "'") == "So what's up?"


def test_text_with_a_bom_character_and_crlf_parses_the_same() -> None:
    assert blocks(parse_text("\ufeff" + SIMPLE.replace("\n", "\r\n"))) == SIMPLE_BLOCKS


def test_binary_data_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ScriptImportError, match="binary"):
        import_bytes(b"\x00\x01\x02" * 100)


def test_loader_reads_fountain_files(tmp_path: Path) -> None:
    path = tmp_path / "sides.fountain"
    path.write_bytes(SIMPLE.encode("utf-8"))
    script = load_script(path)
    assert script.format is SourceFormat.FOUNTAIN
    assert blocks(script) == SIMPLE_BLOCKS


# -- progress and cancellation ----------------------------------------------------------------


def test_progress_rises_to_one() -> None:
    seen: list[float] = []
    parse_text(SIMPLE * 2000, seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert len(seen) > 3
    assert seen == sorted(seen)


def test_progress_callback_can_cancel() -> None:
    def cancel(fraction: float) -> None:
        if fraction > 0:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        parse_text(SIMPLE * 2000, cancel)


# -- robustness -------------------------------------------------------------------------------

FOUNTAIN_PIECES = st.sampled_from(
    [
        *"aB (\n\n  \t*_~!@#.=><^[]/\\:é中)",
        *("INT. ", "[[", "]]", "/*", "*/", "CUT TO:", "Title:", "\r\n", "  \n", "===", "**"),
        *("BOB\n", "(beat)", "@x", ".X\n\n"),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FOUNTAIN_PIECES, max_size=120).map("".join))
def test_fountain_like_text_always_parses(text: str) -> None:
    script = parse_text(text)
    for dialogue in script.dialogues():
        assert isinstance(dialogue, Dialogue)
        assert dialogue.character.strip()
        assert all(part.text for part in dialogue.parts)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_random_text_always_parses(text: str) -> None:
    assert parse_text(text).format is SourceFormat.FOUNTAIN


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_raise_nothing_but_script_import_error(data: bytes) -> None:
    try:
        script = import_bytes(data)
    except ScriptImportError as exc:
        message = str(exc)
        assert message, "an import error must say what is wrong"
    else:
        assert script.format is SourceFormat.FOUNTAIN


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    "text",
    [
        "[[" * 200_000,
        "/*" * 200_000,
        "BOB\n" + "(" * 500_000,
        "INT. " + " " * 500_000 + "#\n\n",
        "_a " * 200_000,
        ("**a " * 300 + "\n") * 500,
    ],
    ids=["notes", "boneyard", "parens", "heading-spaces", "underscores", "stars"],
)
def test_hostile_input_finishes_quickly(text: str) -> None:
    parse_text(text)


# -- corpus -----------------------------------------------------------------------------------


def test_every_fountain_file_in_the_corpus_scores_exact(corpus_dir: Path) -> None:
    files = corpus_files(corpus_dir, ".fountain")
    assert files, "the corpus has no .fountain files with truth"
    failures = []
    for path in files:
        score, result = score_file(corpus_dir, path)
        if not score.exact:
            failures.append(
                f"{path.relative_to(corpus_dir)}: {score.matched}/{score.total} "
                f"(+{score.extra} extra)\n{diff_report(corpus_dir, path, result)}"
            )
    assert not failures, "\n\n".join(failures)
