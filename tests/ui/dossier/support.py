"""Helpers for the dossier's GUI tests: a sample audition, real images and PDF text."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtGui import QColor, QImage

from rehearsal.store.dossier_records import AuditionDetails, AuditionRound
from tests.store.sample_data import START

CALLBACK = AuditionDetails(
    project_title="Night Shift",
    role="Nina",
    round=AuditionRound.CALLBACK,
    scheduled_at=START + timedelta(days=2),
    location="Studio 4, 12 Dean Street",
    casting_director="Priya Shah",
    director="Tom Okafor",
    writer="Lena Berg",
)


def write_png(path: Path, color: str = "#2a7", size: int = 64) -> Path:
    """A real PNG image (so Qt can decode it for the thumbnail)."""
    image = QImage(size, size // 2, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))  # the format follows the ".png" suffix
    return path


def pdf_pages_text(path: Path) -> list[str]:
    """The text of each page of a PDF, read back with pdfium."""
    document = pdfium.PdfDocument(str(path))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def pdf_images(path: Path) -> list[tuple[int, int]]:
    """The pixel size of every image drawn on the PDF's pages, read back with pdfium."""
    document = pdfium.PdfDocument(str(path))
    try:
        found = []
        for index in range(len(document)):
            for obj in document[index].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                assert isinstance(obj, pdfium.PdfImage)
                width, height = obj.get_px_size()
                found.append((int(width), int(height)))
        return found
    finally:
        document.close()
