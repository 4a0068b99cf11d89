"""Stage plays set as PDF: the acting-edition (centred cue) and the run-in layouts.

Acting editions put the speaker's name centred in capitals above a full-width justified
speech, with directions in italics on lines of their own; run-in editions start the speech's
first line with the name in bold (``HAMLET.``), hang the rest of the paragraph under it, and
set directions in italics inside the paragraph. The PDFs are typeset here with reportlab's
paragraph engine (real justification, real proportional fonts) in a few page sizes, fonts
and margins per layout, so the import must follow what the page shows.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from rehearsal.script.import_pdf import import_bytes
from rehearsal.script.model import Dialogue, PartKind, Script, SourceFormat

INCH = 72.0

# A play as data: ("title", text) ("heading", text) ("direction", text) or
# ("speech", NAME, [("text" | "direction", words), ...]).
Play = list[tuple[Any, ...]]

LONG = (
    "Why, look you now, how unworthy a thing you make of me! You would play upon me; you "
    "would seem to know my stops; you would pluck out the heart of my mystery; you would "
    "sound me from my lowest note to the top of my compass: and there is much music, "
    "excellent voice, in this little organ; yet cannot you make it speak."
)


def orchard() -> Play:
    """Three scenes, 22 speeches; some long, some with directions inside, some over a page."""
    return [
        ("title", "THE TRAGEDY OF HAMLET"),
        ("heading", "ACT I"),
        ("heading", "SCENE 1. Elsinore. A platform before the castle."),
        ("direction", "Francisco at his post. Enter to him Bernardo."),
        ("speech", "BERNARDO", [("text", "Who's there?")]),
        ("speech", "FRANCISCO", [("text", "Nay, answer me: stand, and unfold yourself.")]),
        ("speech", "BERNARDO", [("text", "Long live the king!")]),
        (
            "speech",
            "FRANCISCO",
            [
                ("direction", "(Lowering his pike.)"),
                ("text", "Bernardo? You come most carefully upon your hour."),
            ],
        ),
        ("speech", "BERNARDO", [("text", "'Tis now struck twelve; get thee to bed, Francisco.")]),
        ("direction", "Enter Horatio and Marcellus."),
        ("heading", "SCENE 2. A room of state in the castle."),
        ("speech", "HAMLET", [("text", LONG)]),
        (
            "speech",
            "GUILDENSTERN",
            [
                ("text", "I know no touch of it, my lord."),
                ("direction", "(He backs away.)"),
                ("text", "I must go."),
            ],
        ),
        (
            "speech",
            "HAMLET",
            [("text", "'Sblood, do you think I am easier to be played on than a pipe?")],
        ),
        ("speech", "HORATIO", [("text", "My lord, the queen would speak with you.")]),
        ("speech", "HAMLET", [("text", LONG + " " + LONG)]),
        ("heading", "SCENE 3. The same. Night."),
        *[
            ("speech", name, [("text", LONG)])
            for name in ("HORATIO", "HAMLET", "GUILDENSTERN", "HAMLET") * 3
        ],
    ]


def expected_speeches() -> list[tuple[str, str]]:
    out = []
    for item in orchard():
        if item[0] == "speech":
            out.append((item[1], " ".join(text for _, text in item[2])))
    return out


@dataclass(frozen=True)
class Setting:
    """One edition's type and page: size, font family, body size and margins (inches)."""

    page: tuple[float, float]
    family: str  # "Times" or "Helvetica"
    size: float
    margin: float
    spacing: float = 6.0  # points between paragraphs
    first_indent: float = 0.0  # acting edition: speech paragraphs indented (inches)
    letter_spaced: bool = False  # acting edition: cues set in spaced capitals
    header: str | None = None  # a running header on every page
    title_case_names: bool = False  # run-in: ``Hamlet.`` rather than ``HAMLET.``


def _fonts(family: str) -> tuple[str, str, str]:
    if family == "Times":
        return "Times-Roman", "Times-Bold", "Times-Italic"
    return family, f"{family}-Bold", f"{family}-Oblique"


def _document(setting: Setting, story: list[Any]) -> bytes:
    out = io.BytesIO()
    regular = _fonts(setting.family)[0]

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, setting.size - 2)
        canvas.drawCentredString(setting.page[0] / 2, 0.5 * INCH, str(doc.page))
        if setting.header:
            top = setting.page[1] - 0.5 * INCH
            canvas.drawRightString(setting.page[0] - setting.margin * INCH, top, setting.header)
        canvas.restoreState()

    doc = SimpleDocTemplate(
        out,
        pagesize=setting.page,
        leftMargin=setting.margin * INCH,
        rightMargin=setting.margin * INCH,
        topMargin=setting.margin * INCH,
        bottomMargin=setting.margin * INCH,
        invariant=True,
    )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


def _markup(parts: list[tuple[str, str]], italic_font: str) -> str:
    return " ".join(
        f'<font name="{italic_font}">{text}</font>' if kind == "direction" else text
        for kind, text in parts
    )


def acting_edition(play: Play, setting: Setting) -> bytes:
    """Cue centred in capitals, justified speech at full width, directions in italics."""
    regular, bold, italic = _fonts(setting.family)
    lead = setting.size * 1.2
    body = ParagraphStyle(
        "body", fontName=regular, fontSize=setting.size, leading=lead, alignment=TA_JUSTIFY
    )
    cue = ParagraphStyle("cue", parent=body, alignment=TA_CENTER, spaceBefore=setting.spacing)
    direction = ParagraphStyle(
        "dir",
        parent=body,
        fontName=italic,
        leftIndent=INCH,
        spaceBefore=setting.spacing,
        alignment=0,
    )
    aside = ParagraphStyle("aside", parent=direction, spaceBefore=0)
    heading = ParagraphStyle("head", parent=cue, fontName=bold, spaceBefore=2 * setting.spacing)
    title = ParagraphStyle("title", parent=heading, fontSize=setting.size * 1.6, leading=lead * 2)
    story: list[Any] = []
    for item in play:
        if item[0] == "title":
            story += [Spacer(1, 2 * INCH), Paragraph(item[1], title), PageBreak()]
        elif item[0] == "heading":
            story.append(Paragraph(item[1], heading))
        elif item[0] == "direction":
            story.append(Paragraph(item[1], direction))
        else:
            name = " ".join(item[1]) if setting.letter_spaced else item[1]
            story.append(Paragraph(name.replace("  ", "&nbsp; &nbsp;"), cue))
            for kind, text in item[2]:
                story.append(Paragraph(text, aside if kind == "direction" else body))
    return _document(setting, story)


def run_in(play: Play, setting: Setting, separator: str = ".") -> bytes:
    """``NAME.`` in bold starting the paragraph, a hanging indent, italic directions inline."""
    regular, bold, italic = _fonts(setting.family)
    lead = setting.size * 1.2
    hang = 0.3 * INCH
    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=setting.size,
        leading=lead,
        leftIndent=hang,
        firstLineIndent=-hang,
        spaceBefore=setting.spacing / 2,
        alignment=TA_JUSTIFY,
    )
    direction = ParagraphStyle(
        "dir", parent=body, fontName=italic, leftIndent=2 * hang, firstLineIndent=0, alignment=0
    )
    heading = ParagraphStyle(
        "head",
        parent=body,
        fontName=bold,
        alignment=TA_CENTER,
        leftIndent=0,
        firstLineIndent=0,
        spaceBefore=setting.spacing * 2,
    )
    title = ParagraphStyle("title", parent=heading, fontSize=setting.size * 1.5, leading=lead * 2)
    story: list[Any] = []
    for item in play:
        if item[0] == "title":
            story += [Paragraph(item[1], title), Spacer(1, 0.5 * INCH)]
        elif item[0] == "heading":
            story.append(Paragraph(item[1], heading))
        elif item[0] == "direction":
            story.append(Paragraph(item[1], direction))
        else:
            speaker = item[1].title() if setting.title_case_names else item[1]
            name = f'<font name="{bold}">{speaker}{separator}</font>'
            story.append(Paragraph(f"{name} {_markup(item[2], italic)}", body))
    return _document(setting, story)


ACTING = {
    "letter-times-12": Setting(LETTER, "Times", 12.0, 1.0),
    "a4-times-11-wide-margins": Setting(A4, "Times", 11.0, 1.4, spacing=8.0),
    "a5-helvetica-10-narrow": Setting(A5, "Helvetica", 10.0, 0.6, spacing=4.0),
    "letter-times-indented-spaced-cues-header": Setting(
        LETTER, "Times", 12.0, 1.1, first_indent=0.4, letter_spaced=True, header="HAMLET  23"
    ),
}
RUN_IN = {
    "letter-helvetica-11": Setting(LETTER, "Helvetica", 11.0, 1.0),
    "a4-times-12-tight": Setting(A4, "Times", 12.0, 0.8, spacing=0.0),
    "a5-helvetica-9": Setting(A5, "Helvetica", 9.0, 0.5),
    "letter-times-title-case-header": Setting(
        LETTER, "Times", 11.0, 1.0, title_case_names=True, header="Hamlet, Act One"
    ),
}


def speeches(result: Script) -> list[tuple[str, str]]:
    return [(d.character, " ".join(p.text for p in d.parts)) for d in result.dialogues()]


def _assert_no_header(result: Script, setting: Setting) -> None:
    texts = [getattr(e, "text", "") for s in result.scenes for e in s.elements]
    assert setting.header is None or not any(setting.header in t for t in texts)


def _assert_reads_the_play(result: Script) -> None:
    want = expected_speeches()
    assert result.characters == ["BERNARDO", "FRANCISCO", "HAMLET", "GUILDENSTERN", "HORATIO"]
    assert speeches(result) == want
    guildenstern = next(d for d in result.dialogues() if d.character == "GUILDENSTERN")
    assert [(p.kind, p.text) for p in guildenstern.parts] == [
        (PartKind.SPEECH, "I know no touch of it, my lord."),
        (PartKind.PARENTHETICAL, "(He backs away.)"),
        (PartKind.SPEECH, "I must go."),
    ]


@pytest.mark.parametrize("setting", ACTING.values(), ids=ACTING.keys())
def test_acting_edition_with_centred_cues(setting: Setting) -> None:
    result = import_bytes(acting_edition(orchard(), setting))
    assert result.format is SourceFormat.PDF
    _assert_reads_the_play(result)
    _assert_no_header(result, setting)
    assert result.title == "THE TRAGEDY OF HAMLET"


@pytest.mark.parametrize("setting", RUN_IN.values(), ids=RUN_IN.keys())
def test_run_in_names_in_bold(setting: Setting) -> None:
    result = import_bytes(run_in(orchard(), setting))
    assert result.format is SourceFormat.PDF
    _assert_reads_the_play(result)
    _assert_no_header(result, setting)
    assert result.title == "THE TRAGEDY OF HAMLET"


def test_run_in_names_ending_in_a_colon() -> None:
    result = import_bytes(run_in(orchard(), RUN_IN["letter-helvetica-11"], separator=":"))
    _assert_reads_the_play(result)


def test_play_headings_start_scenes() -> None:
    result = import_bytes(acting_edition(orchard(), ACTING["letter-times-12"]))
    headings = [s.heading for s in result.scenes if s.heading]
    assert any(h.startswith("SCENE 2") for h in headings)
    assert all(not isinstance(e, Dialogue) for e in result.scenes[0].elements[:1])


def test_plain_text_play_printed_to_pdf_reads_as_the_text_does() -> None:
    """A ``.txt`` play printed line for line in Courier: the same speeches as the text."""
    from pathlib import Path

    from reportlab.pdfgen import canvas

    from rehearsal.script.import_text import import_play_text

    source = (
        Path(__file__).resolve().parents[2] / "resources/scenes/demo-the-lighthouse-keepers.txt"
    )
    text = source.read_text("utf-8")
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    y = A4[1] - 60
    for line in text.splitlines():
        if y < 60:
            pdf.showPage()
            y = A4[1] - 60
        pdf.setFont("Courier", 11)
        pdf.drawString(60, y, line)
        y -= 13
    pdf.showPage()
    pdf.save()
    result = import_bytes(out.getvalue())
    expected = import_play_text(text)

    def parts(script: Script) -> list[tuple[str, list[str]]]:
        return [(d.character, [p.text for p in d.parts]) for d in script.dialogues()]

    assert len(parts(expected)) > 20
    assert parts(result) == parts(expected)
