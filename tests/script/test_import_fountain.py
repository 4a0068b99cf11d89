"""The Fountain importer: every rule of the fountain.io syntax, the corpus, and fuzzing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.fountain_inline import (
    EmphasisStripper,
    remove_boneyard,
    remove_notes,
    strip_emphasis,
)
from rehearsal.script.import_fountain import import_bytes, parse_text
from rehearsal.script.loader import load_script
from rehearsal.script.model import Dialogue, ElementKind, Script, SourceFormat, TextElement
from tests.corpus import corpus_files, diff_report, score_file

Block = tuple[str, str | None, bool, list[tuple[str, str]]]


def parse(text: str) -> Script:
    return import_bytes(text.encode("utf-8"))


def blocks(script: Script) -> list[Block]:
    """Dialogue as (character, extension, dual, [(part kind, text)]) for compact asserts."""
    return [
        (d.character, d.extension, d.dual, [(p.kind.value, p.text) for p in d.parts])
        for d in script.dialogues()
    ]


def texts(script: Script, kind: ElementKind) -> list[str]:
    return [
        e.text
        for scene in script.scenes
        for e in scene.elements
        if isinstance(e, TextElement) and e.kind is kind
    ]


def speech(text: str) -> list[tuple[str, str]]:
    return [("speech", text)]


# -- title page -------------------------------------------------------------------------


def test_title_page_sets_title_and_keeps_every_key() -> None:
    script = parse(
        "Title:\n    _**BRICK & STEEL**_\n    _**FULL RETIRED**_\nCredit: Written by\n"
        "Author: Stu Maschwitz\nDraft date: 1/20/2012\nContact:\n    1588 Mission Dr.\n"
        "    Solvang, CA\n\nINT. HOUSE - DAY\n\nHe waits.\n"
    )
    assert script.title == "BRICK & STEEL FULL RETIRED"
    assert script.title_page == {
        "Title": "BRICK & STEEL\nFULL RETIRED",
        "Credit": "Written by",
        "Author": "Stu Maschwitz",
        "Draft date": "1/20/2012",
        "Contact": "1588 Mission Dr.\nSolvang, CA",
    }
    assert [s.heading for s in script.scenes] == ["INT. HOUSE - DAY"]


def test_title_key_is_case_insensitive_and_page_only_file_has_no_scenes() -> None:
    script = parse("title: Something for Testing\nauthor: Moi\n")
    assert script.title == "Something for Testing"
    assert script.scenes == []


def test_title_page_ends_at_the_first_blank_line() -> None:
    script = parse("Title: Short\n\nNot a title entry.\nStill: not one.\n")
    assert script.title == "Short"
    assert texts(script, ElementKind.ACTION) == ["Not a title entry. Still: not one."]


def test_a_first_line_that_is_prose_ending_in_a_colon_is_no_title_page() -> None:
    script = parse("He opens the card. Inside, hand written:\n\n    Scott --\n    Jacob\n")
    assert script.title is None
    assert texts(script, ElementKind.ACTION)[0].startswith("He opens the card.")


# -- scene headings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "INT. HOUSE - DAY",
        "EXT HOUSE DAY",
        "INT/EXT. HOUSE - DAY",
        "INT./EXT. HOUSE - DAY",
        "I/E HOUSE DAY",
        "I./E. HOUSE - DAY",
        "EST. HOUSE - DAY",
        "INT - HOUSE - DAY",
        "int. house - day",
    ],
)
def test_scene_heading_prefixes(heading: str) -> None:
    script = parse(f"{heading}\n\nAction.\n")
    assert [s.heading for s in script.scenes] == [heading]


def test_forced_heading_and_ellipsis() -> None:
    script = parse(".KITCHEN\n\n... not a heading.\n\n. SPACED\n\nEnd.\n")
    assert [s.heading for s in script.scenes] == ["KITCHEN", "SPACED"]
    assert texts(script, ElementKind.ACTION) == ["... not a heading.", "End."]


def test_heading_needs_a_blank_line_after_it_and_is_never_a_cue() -> None:
    script = parse("INT. HOUSE - DAY\nEXT. HOUSE - DAY\n\nESTABLISHING\n")
    assert script.scenes[0].heading is None
    assert texts(script, ElementKind.ACTION) == [
        "INT. HOUSE - DAY EXT. HOUSE - DAY",
        "ESTABLISHING",
    ]
    assert blocks(script) == []


@pytest.mark.parametrize(
    ("line", "heading", "number"),
    [
        ("INT. HOUSE - DAY #1#", "INT. HOUSE - DAY", "1"),
        ("INT. HOUSE - DAY #I-1-A#", "INT. HOUSE - DAY", "I-1-A"),
        (
            "INT. HOUSE - DAY - FLASHBACK (1944) #110A#",
            "INT. HOUSE - DAY - FLASHBACK (1944)",
            "110A",
        ),
        (".FORCED #1.#", "FORCED", "1."),
        ("INT. HOUSE #3# #tag", "INT. HOUSE #3# #tag", None),
        ("INT. HOUSE #not a number#", "INT. HOUSE #not a number#", None),
    ],
)
def test_scene_numbers(line: str, heading: str, number: str | None) -> None:
    scene = parse(f"{line}\n\nAction.\n").scenes[0]
    assert (scene.heading, scene.number) == (heading, number)


def test_text_before_the_first_heading_is_a_scene_without_heading() -> None:
    script = parse("FADE IN on a field.\n\nBOB\nHi.\n\nEXT. FIELD - DAY\n\nWind.\n")
    assert [(s.heading, len(s.elements)) for s in script.scenes] == [
        (None, 2),
        ("EXT. FIELD - DAY", 1),
    ]


# -- action -------------------------------------------------------------------------------


def test_action_joins_soft_wraps_and_ignores_indentation() -> None:
    script = parse("This is a multi-line\n    block of  Action.\n\n  Two spaces\n")
    assert texts(script, ElementKind.ACTION) == [
        "This is a multi-line block of Action.",
        "Two spaces",
    ]


def test_forced_action_is_never_a_cue() -> None:
    script = parse("!BANG\nBANG\n\n!SCANNING THE AISLES\nWhere is he?\n")
    assert texts(script, ElementKind.ACTION) == ["BANG BANG", "SCANNING THE AISLES Where is he?"]
    assert blocks(script) == []


def test_two_spaces_keep_an_action_paragraph_together() -> None:
    script = parse("One.\n  \nTwo.\n\nThree.\n")
    assert texts(script, ElementKind.ACTION) == ["One. Two.", "Three."]


# -- character cues -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "name", "extension"),
    [
        ("MARY", "MARY", None),
        ("O'MALLEY", "O'MALLEY", None),
        ("R2D2", "R2D2", None),
        ("3CPO", "3CPO", None),
        ("JOSÉ", "JOSÉ", None),
        ("МАША", "МАША", None),
        ("JIM😆", "JIM😆", None),
        ("SCANNING THE AISLES…", "SCANNING THE AISLES…", None),
        ("MARY (V.O.)", "MARY", "V.O."),
        ("MARY (CONT'D)", "MARY", None),
        ("MARY (V.O.) (CONT’D)", "MARY", "V.O."),
        ("MOM (O. S.)", "MOM", "O. S."),
        ("HANS (on the radio)", "HANS", "on the radio"),
        ("@McDUCK", "MCDUCK", None),
        ("@Han (O.S.)", "HAN", "O.S."),
        ("@3CPO", "3CPO", None),
        ("\t\tEVE", "EVE", None),
    ],
)
def test_cues(cue: str, name: str, extension: str | None) -> None:
    assert blocks(parse(f"Before.\n\n{cue}\nLine.\n")) == [
        (name, extension, False, speech("Line."))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "23 (O.S.)\nNo letter in the name.\n",
        "Han (O.S.)\nMixed case is no cue.\n",
        "(Jack)\nKnife.\n",
        "BOB\n\nA blank line after the cue.\n",
        "BOSS\n",
        "Action first.\nBOB\nNo blank line before the cue.\n",
        "CUT TO:\nINT. HOUSE\n",
        "你好。\n世界\n",  # a caseless line is a cue only when it reads as a name
        "ジョンが座る、窓辺に\n外は雨\n",
        "밤이 깊어간다.\n그들은 말이 없다.\n",
        "Émile arrive\nIl pleut.\n",
        "ジョン（30代）が入ってくる\n雨の音\n",
    ],
)
def test_lines_that_are_not_cues(text: str) -> None:
    assert blocks(parse(text)) == []


# -- dual dialogue ------------------------------------------------------------------------


def test_caret_makes_both_speeches_dual() -> None:
    script = parse("ADAM\nYes.\n\nEVE ^\nNo.\n\nGUY\nSolo.\n\nGIRL\nHey!\n\nGUY^\nHello!\n")
    assert [(d.character, d.dual) for d in script.dialogues()] == [
        ("ADAM", True),
        ("EVE", True),
        ("GUY", False),
        ("GIRL", True),
        ("GUY", True),
    ]


def test_caret_only_counts_at_the_end_of_the_cue() -> None:
    script = parse("ME\nA.\n\nBUT (Dual) ^\nB.\n\nX\nC.\n\nAND ^ (Dual)\nD.\n")
    assert [(d.character, d.extension, d.dual) for d in script.dialogues()] == [
        ("ME", None, True),
        ("BUT", "Dual", True),
        ("X", None, False),
        ("AND", "Dual", False),
    ]


def test_caret_after_action_marks_only_its_own_speech() -> None:
    script = parse("Action.\n\nEVE ^\nNo.\n")
    assert [(d.character, d.dual) for d in script.dialogues()] == [("EVE", True)]


# -- dialogue and parentheticals ----------------------------------------------------------


def test_parentheticals_before_between_and_after_speech() -> None:
    script = parse(
        "BOB\n    (slowly)\nTrying this.\n(loudly)  \n(bouncy)\nAlso trying\nthis?\n  (damn)\n"
    )
    assert blocks(script) == [
        (
            "BOB",
            None,
            False,
            [
                ("parenthetical", "(slowly)"),
                ("speech", "Trying this."),
                ("parenthetical", "(loudly)"),
                ("parenthetical", "(bouncy)"),
                ("speech", "Also trying this?"),
                ("parenthetical", "(damn)"),
            ],
        )
    ]


def test_parenthetical_may_wrap_over_lines() -> None:
    script = parse("BOB\n(looking up at the\n  ceiling)\nHello.\n")
    assert blocks(script)[0][3] == [
        ("parenthetical", "(looking up at the ceiling)"),
        ("speech", "Hello."),
    ]


@pytest.mark.parametrize(
    "line",
    ["(beat) Then he left.", "(a) and (b)", "(never closed", "(wraps\nand then) goes on"],
)
def test_a_line_that_does_more_than_parentheses_is_speech(line: str) -> None:
    parts = blocks(parse(f"BOB\n{line}\n"))[0][3]
    assert parts == [("speech", " ".join(line.split()))]


def test_emphasis_inside_a_parenthetical_is_removed() -> None:
    script = parse("R2D2\nBleep Boop.\n(*This is a valid character cue.*)\n")
    assert blocks(script)[0][3][-1] == ("parenthetical", "(This is a valid character cue.)")


def test_blank_line_ends_dialogue_but_two_spaces_do_not() -> None:
    script = parse(
        "DEALER\nTen.\nFour.\n  \nHit or  stand?\n\nHe waits.\n\nFISH\nI am\n\t \nfish.\n"
    )
    assert blocks(script) == [
        ("DEALER", None, False, speech("Ten. Four. Hit or stand?")),
        ("FISH", None, False, speech("I am fish.")),
    ]
    assert texts(script, ElementKind.ACTION) == ["He waits."]


def test_lyrics_inside_dialogue_are_speech_and_stand_alone_as_lyrics() -> None:
    script = parse("SINGER\n~These are the songs\n~ That I sing.\n\n~La la\n~Lo lo\n")
    assert blocks(script) == [("SINGER", None, False, speech("These are the songs That I sing."))]
    assert texts(script, ElementKind.LYRIC) == ["La la Lo lo"]


def test_characters_are_listed_once_in_order_of_first_speech() -> None:
    script = parse("STEEL\nA.\n\nBRICK\nB.\n\nSTEEL (CONT'D)\nC.\n\nSteel\nnot a cue\n")
    assert script.characters == ["STEEL", "BRICK"]
    assert script.line_counts() == {"STEEL": 2, "BRICK": 1}


def test_more_and_contd_around_a_page_break_make_one_speech() -> None:
    script = parse(
        "BOB\nI was going\nto say\n(MORE)\n\n===\n\nBOB (CONT'D)\nsomething else.\n(more)\n\n"
        "===\n\nBOB (CONT'D)\n(beat)\nDone.\n"
    )
    assert blocks(script) == [
        (
            "BOB",
            None,
            False,
            [
                ("speech", "I was going to say something else."),
                ("parenthetical", "(beat)"),
                ("speech", "Done."),
            ],
        )
    ]


def test_more_is_dropped_but_speeches_apart_stay_apart() -> None:
    script = parse("ALICE\nHi.\n(MORE)\n\nShe waves.\n\nALICE (CONT'D)\nAgain.\n\nBOB\nNo.\n")
    assert blocks(script) == [
        ("ALICE", None, False, speech("Hi.")),
        ("ALICE", None, False, speech("Again.")),
        ("BOB", None, False, speech("No.")),
    ]


# -- transitions, centred text, page breaks, sections, synopses ---------------------------


def test_transitions() -> None:
    script = parse(
        "Start.\n\nCUT TO:\n\n    GO TO:\n\nboop boop TO:\n\n> Burn to White.\n\n"
        "        >Another one\n\nFADE TO BLACK.\n\nSMASH CUT TO:  \n"
    )
    assert texts(script, ElementKind.TRANSITION) == [
        "CUT TO:",
        "GO TO:",
        "Burn to White.",
        "Another one",
        "SMASH CUT TO:",
    ]
    assert texts(script, ElementKind.ACTION) == ["Start.", "boop boop TO:", "FADE TO BLACK."]


def test_centered_text() -> None:
    script = parse("> Centered <\n\n>**THE END**<\n\n>      Lots of Space\t\t<  \n")
    assert texts(script, ElementKind.CENTERED) == ["Centered", "THE END", "Lots of Space"]


def test_page_breaks_sections_and_synopses() -> None:
    script = parse(
        "# Act One\n= Set up.\n\n## Sequence\n\nPage one.\n\n===\n   ===\n\n"
        "EXT. PATIO - DAY\n= A synopsis under the line.\n\nA gorgeous day.\n"
    )
    elements = [e for s in script.scenes for e in s.elements]
    kinds = [(e.kind.value, e.text, e.level) for e in elements if isinstance(e, TextElement)]
    assert kinds == [
        ("section", "Act One", 1),
        ("synopsis", "Set up.", 0),
        ("section", "Sequence", 2),
        ("action", "Page one.", 0),
        ("page_break", "", 0),
        ("page_break", "", 0),
        ("action", "EXT. PATIO - DAY", 0),
        ("synopsis", "A synopsis under the line.", 0),
        ("action", "A gorgeous day.", 0),
    ]


# -- notes and boneyard -------------------------------------------------------------------


def test_notes_are_removed_inline_and_over_lines() -> None:
    script = parse(
        "Before1 [[some notes]]After1\n\nBefore2 [[multi\nline\n  \nnote]] After2\n\n"
        "Multiple [[notes]]on one[[line]]\n\n[[A paragraph of its own]]\n\nEnd.\n"
    )
    assert texts(script, ElementKind.ACTION) == [
        "Before1 After1",
        "Before2 After2",
        "Multiple on one",
        "End.",
    ]


def test_a_note_on_its_own_line_does_not_end_a_speech() -> None:
    script = parse("BOB\nI'm going.\n[[cut this?]]\nReally.\n")
    assert blocks(script) == [("BOB", None, False, speech("I'm going. Really."))]


def test_unclosed_note_and_boneyard_stay_literal() -> None:
    assert remove_notes("a [[ b") == "a [[ b"
    assert remove_boneyard("a /* b") == "a /* b"


def test_boneyard_is_removed_inline_and_over_lines() -> None:
    script = parse(
        "This is an /* internal */ boneyard.\n\nCUT TO:\n/*\nINT. GARAGE - DAY\n\n"
        "BRICK\nGone.\n*/\nEXT. MANSION - DAY\n\nA beer.\n"
    )
    assert blocks(script) == []
    assert [s.heading for s in script.scenes] == [None, "EXT. MANSION - DAY"]
    assert texts(script, ElementKind.ACTION) == ["This is an boneyard.", "A beer."]
    assert texts(script, ElementKind.TRANSITION) == ["CUT TO:"]


# -- emphasis and escapes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("*italics*", "italics"),
        ("**bold**", "bold"),
        ("***bold italics***", "bold italics"),
        ("_underline_", "underline"),
        (
            "_Steel's face FILLS the *Leupold Mark 4* scope_.",
            "Steel's face FILLS the Leupold Mark 4 scope.",
        ),
        ("He dialed *69 and then *23, and hung up.", "He dialed *69 and then *23, and hung up."),
        ("He dialed *69 and then 23*, and hung up.", "He dialed 69 and then 23, and hung up."),
        ("He dialed _69 and then 23 _, and hung up.", "He dialed _69 and then 23 _, and hung up."),
        ("He dialed *69 and then 23\\*, and hung up.", "He dialed *69 and then 23*, and hung up."),
        ("The code: **\\*9765\\***", "The code: *9765*"),
        ("Brick and Steel *share a look.", "Brick and Steel *share a look."),
        ("*Qa**’u yha kugywad...*", "Qa*’u yha kugywad...*"),
        ("this_is_also_a_tag", "thisisalsoatag"),
        ("C:\\Users\\bob", "C:\\Users\\bob"),
    ],
)
def test_emphasis(line: str, expected: str) -> None:
    assert strip_emphasis(line) == expected


def test_emphasis_must_close_on_its_own_line() -> None:
    script = parse("Brick and Steel *share a look.\nThis is going to be BAD.*\n")
    assert texts(script, ElementKind.ACTION) == [
        "Brick and Steel *share a look. This is going to be BAD.*"
    ]


def test_emphasis_is_removed_from_speech_and_headings() -> None:
    script = parse(".*DREAM* SEQUENCE\n\nDAN\nThen let's retire them.\n_Permanently_.\n")
    assert script.scenes[0].heading == "DREAM SEQUENCE"
    assert blocks(script) == [("DAN", None, False, speech("Then let's retire them. Permanently."))]


def test_star_budget_leaves_hostile_lines_literal_and_warns() -> None:
    stripper = EmphasisStripper(budget=1000)
    assert stripper("*a* " * 10) == "a " * 10
    assert not stripper.exhausted
    line = "*a *a " * 100
    assert stripper(line) == line
    assert stripper.exhausted
    script = parse_text(("*a " * 3000 + "\n\n") * 30)
    assert script.warnings
    assert "emphasis" in script.warnings[0]


# -- encodings and line ends --------------------------------------------------------------

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


# -- progress and cancellation ------------------------------------------------------------


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


# -- robustness ---------------------------------------------------------------------------

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


# -- corpus -------------------------------------------------------------------------------


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


def test_a_name_ending_in_to_colon_is_a_cue_and_a_play_style_colon_is_dropped() -> None:
    script = parse_text(
        "INT. MONASTERY - DAY\n\nCLOTTO:\nUtinam haberemus vinum.\n\n"
        "ZEUXIS:\nEt panem.\n\nCUT TO:\n\nEXT. SHORE - DAY\n"
    )
    assert [(d.character, d.parts[0].text) for d in script.dialogues()] == [
        ("CLOTTO", "Utinam haberemus vinum."),
        ("ZEUXIS", "Et panem."),
    ]
    kinds = [e.kind.value for e in script.scenes[0].elements if not hasattr(e, "character")]
    assert kinds == ["transition"]
