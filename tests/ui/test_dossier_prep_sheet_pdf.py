"""The prep sheet PDF: one page by scaling, more only when it cannot fit, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.dossier.prep_sheet import render_html
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDossier,
    FollowUpState,
    Research,
    Wardrobe,
    Worksheet,
)
from rehearsal.ui.dossier.prep_sheet_pdf import ExportError, write_markdown, write_pdf
from tests.store.sample_data import START
from tests.ui.dossier_support import CALLBACK, pdf_pages_text

pytestmark = pytest.mark.gui


def _dossier(notes: str) -> AuditionDossier:
    audition = Audition(1, CALLBACK, FollowUpState(), START, START)
    return AuditionDossier(audition, Research(notes=notes), Worksheet(), (), Wardrobe(), (), ())


def test_a_long_dossier_is_scaled_onto_one_page(qtbot: QtBot, tmp_path: Path) -> None:
    notes = "\n\n".join(f"Paragraph {i}: the pilot's tone is dry and quick." for i in range(45))
    target = tmp_path / "long.pdf"
    assert write_pdf(render_html(_dossier(notes)), target, title="Night Shift") == 1
    (page,) = pdf_pages_text(target)
    assert "Priya Shah" in page
    assert "Paragraph 44" in page  # nothing was cut off


def test_a_dossier_too_long_for_one_page_flows_onto_more(qtbot: QtBot, tmp_path: Path) -> None:
    notes = "\n\n".join(f"Paragraph {i}: more research than fits." for i in range(400))
    target = tmp_path / "huge.pdf"
    pages = write_pdf(render_html(_dossier(notes)), target, title="Night Shift")
    texts = pdf_pages_text(target)
    assert pages == len(texts) > 1
    assert "Paragraph 399" in texts[-1]


def test_unwritable_targets_are_named_in_the_error(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot be written") as caught:
        write_pdf(render_html(_dossier("")), blocker / "sheet.pdf", title="x")
    assert "a-file" in str(caught.value)
    with pytest.raises(ExportError, match="cannot be written"):
        write_markdown("# x", tmp_path)
