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
from rehearsal.ui.dossier.prep_sheet_pdf import (
    ExportError,
    write_markdown,
    write_pdf,
    write_prep_sheet,
)
from tests.store.sample_data import START
from tests.ui.dossier.support import CALLBACK, pdf_images, pdf_pages_text, write_png

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


def _with_photo(photo: str | None) -> AuditionDossier:
    audition = Audition(1, CALLBACK, FollowUpState(), START, START)
    wardrobe = Wardrobe(first_round_outfit="Grey coat", first_round_photo=photo)
    return AuditionDossier(audition, Research(), Worksheet(), (), wardrobe, (), ())


def test_the_wardrobe_photo_is_drawn_not_named(qtbot: QtBot, tmp_path: Path) -> None:
    photo = write_png(tmp_path / "data" / "wardrobe" / "look.png", size=400)  # 400 x 200
    target = tmp_path / "sheet.pdf"
    assert write_prep_sheet(_with_photo("wardrobe/look.png"), target, photo_file=photo) == 1
    (page,) = pdf_pages_text(target)
    assert "Grey coat" in page
    assert "look.png" not in page
    (size,) = pdf_images(target)
    assert size[0] == 2 * size[1]  # scaled to fit, the aspect kept


def test_a_missing_wardrobe_photo_is_said_so(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    gone = tmp_path / "data" / "wardrobe" / "gone.png"
    assert write_prep_sheet(_with_photo("wardrobe/gone.png"), target, photo_file=gone) == 1
    (page,) = pdf_pages_text(target)
    assert "photo missing" in page
    assert pdf_images(target) == []


def test_a_large_photo_is_stored_at_print_size(qtbot: QtBot, tmp_path: Path) -> None:
    photo = write_png(tmp_path / "big.png", size=4000)  # 4000 x 2000
    target = tmp_path / "sheet.pdf"
    write_prep_sheet(_with_photo("wardrobe/big.png"), target, photo_file=photo)
    (size,) = pdf_images(target)
    assert size == (750, 375)  # 240 CSS pixels wide at 300 dpi, the aspect kept
