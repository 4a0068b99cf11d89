"""Screenplays saved as plain text with their printed layout (a PDF written out in spaces).

Converters and script libraries keep the page: cue about twenty-five columns in, speech ten,
parenthetical between, scene numbers in both margins, page numbers, ``CONTINUED:`` and
``(MORE)``/``(CONT'D)`` around a form feed. The pages here are drawn by :func:`page_text`
the way such converters write them; every line of dialogue is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from rehearsal.script.detect import sniff_text
from rehearsal.script.loader import load_script
from rehearsal.script.model import ElementKind, SourceFormat
from tests.script.support.views import speeches, texts

ACTION, PAREN, SPEECH, CUE = 15, 30, 25, 37  # columns, as a 1.5"/3.1"/2.5"/3.7" page
RIGHT = 75  # the right margin: transitions and page numbers end here


def row(column: int, text: str) -> str:
    return " " * column + text


def right(text: str) -> str:
    return " " * (RIGHT - len(text)) + text


def numbered(number: str, heading: str) -> str:
    """A scene heading with its number in both margins, as shooting scripts print it."""
    line = row(9, number).ljust(ACTION) + heading
    return line.ljust(RIGHT - 2) + number


PAGE_ONE = [
    numbered("7", "INT. NIGHT BUS - MOVING - NIGHT"),
    "",
    row(ACTION, "The bus sways. LENA (30s) sits alone, headphones in, a"),
    row(ACTION, "paper bag of chips going cold on her knee."),
    "",
    row(CUE, "LENA"),
    row(SPEECH, "Not again. Not tonight."),
    "",
    row(CUE, "DRIVER (O.S.)"),
    row(PAREN, "(over the tannoy)"),
    row(SPEECH, "Next stop Harrow Road. Harrow"),
    row(SPEECH, "Road next."),
    "",
    row(CUE, "LENA"),
    row(PAREN, "(to herself)"),
    row(SPEECH, "I said I would never take this bus"),
    row(SPEECH, "again and"),
    row(CUE, "(MORE)"),
    right("(CONTINUED)"),
]
PAGE_TWO = [
    right("2."),
    row(9, "7").ljust(ACTION) + "CONTINUED:".ljust(RIGHT - 2 - ACTION) + "7",
    row(CUE, "LENA (CONT'D)"),
    row(SPEECH, "here I am."),
    "",
    row(CUE, "GUARD #2"),
    row(SPEECH, "Tickets, please."),
    "",
    right("CUT TO:"),
    "",
    numbered("8", "EXT. HARROW ROAD - CONTINUOUS"),
    "",
    row(ACTION, "The bus pulls away. MRS. SMITH-JONES waves it off."),
    "",
    row(CUE, "MRS. SMITH-JONES (V.O.)"),
    row(SPEECH, "She always stays on."),
]

EXPECTED = [
    ("LENA", [("speec", "Not again. Not tonight.")]),
    (
        "DRIVER",
        [("paren", "(over the tannoy)"), ("speec", "Next stop Harrow Road. Harrow Road next.")],
    ),
    (
        "LENA",
        [
            ("paren", "(to herself)"),
            ("speec", "I said I would never take this bus again and here I am."),
        ],
    ),
    ("GUARD #2", [("speec", "Tickets, please.")]),
    ("MRS. SMITH-JONES", [("speec", "She always stays on.")]),
]


def page_text(*pages: list[str]) -> str:
    """Pages as a PDF-to-text converter writes them: a form feed between pages."""
    return "\f".join("\n".join(lines) + "\n" for lines in pages)


def write(tmp_path: Path, text: str, name: str = "sides.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_screenplay_in_spaces_reads_like_its_pdf(tmp_path: Path) -> None:
    script = load_script(write(tmp_path, page_text(PAGE_ONE, PAGE_TWO)))
    assert script.format is SourceFormat.TEXT
    assert speeches(script) == EXPECTED
    assert [(s.heading, s.number) for s in script.scenes] == [
        ("INT. NIGHT BUS - MOVING - NIGHT", "7"),
        ("EXT. HARROW ROAD - CONTINUOUS", "8"),
    ]
    assert texts(script, ElementKind.TRANSITION) == ["CUT TO:"]
    furniture = " ".join(texts(script, ElementKind.ACTION))
    assert "CONTINUED" not in furniture
    assert "2." not in furniture


def test_without_form_feeds_or_page_furniture(tmp_path: Path) -> None:
    """A script library's page: one long page, headings flush left, nothing in the margins."""

    def plain(line: str) -> str:
        for heading in ("INT. NIGHT BUS - MOVING - NIGHT", "EXT. HARROW ROAD - CONTINUOUS"):
            if heading in line:
                return heading
        return line

    body = [*PAGE_ONE[:-3], row(SPEECH, "again and here I am."), *PAGE_TWO[4:]]
    script = load_script(write(tmp_path, "\n".join(plain(line) for line in body) + "\n"))
    assert script.format is SourceFormat.TEXT
    assert speeches(script) == EXPECTED
    assert [(s.heading, s.number) for s in script.scenes] == [
        ("INT. NIGHT BUS - MOVING - NIGHT", None),
        ("EXT. HARROW ROAD - CONTINUOUS", None),
    ]


def test_crlf_tabs_and_a_bom_do_not_hide_the_layout(tmp_path: Path) -> None:
    text = page_text(PAGE_ONE, PAGE_TWO).replace(" " * 8, "\t").replace("\n", "\r\n")
    path = tmp_path / "sides.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert speeches(load_script(path)) == EXPECTED


def test_which_texts_are_read_by_their_layout() -> None:
    layout = page_text(PAGE_ONE, PAGE_TWO)
    assert sniff_text(layout) is SourceFormat.TEXT
    flush_headings = "\n".join(line.lstrip() if "INT." in line else line for line in PAGE_ONE)
    assert sniff_text(flush_headings) is SourceFormat.TEXT
    # Fountain whose writer padded the cues keeps its title page, so it stays Fountain.
    assert sniff_text("Title: Night Bus\n\n" + layout) is SourceFormat.FOUNTAIN
    # Fountain whose writer padded the cues with tabs, no title page: its markup says so.
    padded = "INT. BUS - NIGHT\n\n\t\t\t\tLENA\n\tNot again.\n\n\t\t\t\tBRICK ^\n\tAgain.\n"
    assert sniff_text(padded) is SourceFormat.FOUNTAIN
    assert sniff_text(padded.replace(" ^", "") + "\n[[cut?]]\n") is SourceFormat.FOUNTAIN
    assert sniff_text(padded.replace(" ^", "")) is SourceFormat.TEXT
    # Plain Fountain: every element at the margin.
    assert sniff_text("INT. BUS - NIGHT\n\nLENA\nNot again.\n") is SourceFormat.FOUNTAIN


def test_a_play_with_centred_names_is_still_read_as_a_play(tmp_path: Path) -> None:
    """An acting edition centres its names too, but has no INT./EXT. heading anywhere."""
    play = "\n".join(
        [
            "ACT ONE",
            "",
            "A porch. Evening. ELLEN sits on the swing.",
            "",
            row(CUE, "ELLEN"),
            row(10, "You're late."),
            "",
            row(CUE, "TOMMY"),
            row(10, "(coming up the steps)"),
            row(10, "I said I'd come. I didn't say when."),
            "",
            row(CUE, "ELLEN"),
            row(10, "That's a fine way to say sorry."),
        ]
    )
    script = load_script(write(tmp_path, play))
    assert script.format is SourceFormat.TEXT
    assert [s.heading for s in script.scenes] == ["ACT ONE"]
    assert speeches(script)[1] == (
        "TOMMY",
        [("paren", "(coming up the steps)"), ("speec", "I said I'd come. I didn't say when.")],
    )
