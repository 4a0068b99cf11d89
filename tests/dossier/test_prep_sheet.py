"""The prep sheet in Markdown and HTML: what is filled in shows, what is not stays out."""

from __future__ import annotations

from datetime import UTC

from rehearsal.dossier.prep_sheet import (
    render_html,
    render_markdown,
    render_worksheet_html,
    suggested_file_stem,
    title_of,
)
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionDossier,
    FollowUpState,
    Relationship,
    Research,
    Wardrobe,
    Worksheet,
)
from tests.dossier.sample_dossier import CALL, dossier


def test_markdown_has_the_names_and_every_filled_part() -> None:
    text = render_markdown(dossier(), UTC)
    assert text.startswith("# Night Shift — Nina\n\nCallback · Thursday 7 March 2024, 10:30 · ")
    for expected in (
        "- **Casting director:** Priya Shah",
        "- **Director:** Tom Okafor",
        "- <https://example.org/breakdown>",
        "**Sides:** Night Shift sides",
        "- **Tone and genre:** Dark comedy",
        "**Dry** humour.\nWatch *Fleabag*.",
        "- **What do I want?** A ride home",
        "### Backstory\n\nGrew up over the diner.\nLeft at 17.",
        "- **CAL:** Brother",
        "- **First round:** Green jumper",
        "- **Outcome:** Callback",
        "- **Thank-you note:** sent 8 Mar 2024",
        "- **Last check-in:** energy 4, focus 3 — Stay loose",
    ):
        assert expected in text, expected
    # Blank fields and sections are left out, so the sheet stays short.
    assert "Writer" not in text
    assert "MAE" not in text
    assert "Moment before" not in text
    assert "\n\n\n" not in text


def test_multi_line_list_items_stay_inside_their_item() -> None:
    text = render_markdown(dossier(worksheet=Worksheet(stakes="My job\nMy flat")), UTC)
    assert "- **What's at stake?** My job\n  My flat" in text


def test_an_empty_dossier_is_a_title_and_a_follow_up() -> None:
    bare = Audition(1, AuditionDetails(), FollowUpState(), CALL, CALL)
    empty = AuditionDossier(bare, Research(), Worksheet(), (), Wardrobe(), (), ())
    text = render_markdown(empty, UTC)
    assert text == (
        "# Untitled project\n\nFirst read  \n\n## Follow-up\n\n"
        "- **Outcome:** Pending\n- **Thank-you note:** not sent yet\n"
    )
    assert title_of(empty) == "Untitled project"


def test_html_escapes_what_the_actor_typed_and_renders_their_markdown() -> None:
    sheet = dossier(
        research=Research(notes="<script>alert(1)</script>\n**bold** ![x](file:///etc/passwd)"),
        relationships=(Relationship("CAL & MAE", "<b>not bold</b>"),),
    )
    page = render_html(sheet, UTC)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<strong>bold</strong>" in page
    assert "<img" not in page
    assert "CAL &amp; MAE" in page
    assert "&lt;b&gt;not bold&lt;/b&gt;" in page
    assert "<h1>Night Shift — Nina</h1>" in page
    assert "Priya Shah" in page
    assert "Callback rule" in page  # the wardrobe reminder on a callback


def test_the_printable_worksheet_keeps_every_question() -> None:
    page = render_worksheet_html(dossier(), UTC)
    for question in ("Who am I?", "What stands in my way?", "Moment before", "Beats", "MAE"):
        assert question in page
    assert "Priya Shah" not in page  # the worksheet is about the character only
    assert 'class="blank"' in page


def test_file_names_are_safe() -> None:
    weird = dossier(
        audition=Audition(1, AuditionDetails("A/B: C*D?", "Nina"), FollowUpState(), CALL, CALL)
    )
    assert suggested_file_stem(weird) == "A-B-C-D-Nina-prep-sheet"
