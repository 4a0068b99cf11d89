"""Writing the prep sheet to a one-page PDF and printing the worksheet.

The HTML comes from :mod:`rehearsal.dossier.prep_sheet`; here it is laid out with
``QTextDocument`` on the page of a ``QPdfWriter``. A dossier longer than a page is drawn
scaled down until it fits (to :data:`MIN_SCALE`, still readable on paper); only a dossier
too long even for that flows onto more pages, and the caller is told how many.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from rehearsal.atomic_file import write_text
from rehearsal.dossier.prep_sheet import (
    PHOTO_BOX,
    PHOTO_RESOURCE,
    fit_within,
    render_html,
    title_of,
)
from rehearsal.store.dossier_records import AuditionDossier

RESOLUTION_DPI = 300
CSS_DPI = 96
MARGIN_MM = 12.0
MIN_SCALE = 0.6
SCALE_STEPS = 12


class ExportError(Exception):
    """The file could not be written; ``str`` names it and says why."""


def _cannot_write(path: Path, exc: OSError) -> ExportError:
    reason = exc.strerror or str(exc)
    return ExportError(
        QCoreApplication.translate("PrepSheetExport", "%s: cannot be written (%s)") % (path, reason)
    )


def _check_writable(path: Path) -> None:
    """Fail early with the system's reason: ``QPdfWriter`` only says that painting failed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("ab"):
            pass
    except OSError as exc:
        raise _cannot_write(path, exc) from exc


def _document(
    html: str, device: QPagedPaintDevice, images: Mapping[str, QImage] | None = None
) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    return document


def load_photo(path: Path) -> QImage | None:
    """The photo at ``path``, at most as large as it prints (a phone photo is 12 MP), or None.

    The image is read already scaled down to the print size, with the camera's rotation
    applied, so the PDF carries no more pixels than the page can show.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        limit = [round(side * RESOLUTION_DPI / CSS_DPI) for side in PHOTO_BOX]
        scaled = size.scaled(limit[0], limit[1], Qt.AspectRatioMode.KeepAspectRatio)
        if scaled.width() < size.width():
            reader.setScaledSize(scaled)
    image = reader.read()
    return None if image.isNull() else image


def write_prep_sheet(
    dossier: AuditionDossier, path: Path, *, photo_file: Path | None, tz: tzinfo | None = None
) -> int:
    """Write the dossier's one-page prep sheet, the wardrobe photo drawn, to ``path``.

    ``photo_file`` is where the dossier's wardrobe photo is on disk (the caller resolves
    it inside the data folder); a photo that can no longer be read is named on the sheet
    as missing rather than failing the export.
    """
    image = load_photo(photo_file) if photo_file is not None else None
    if image is None:
        html = render_html(dossier, tz)
        return write_pdf(html, path, title=title_of(dossier))
    size = fit_within(image.width(), image.height())
    html = render_html(dossier, tz, photo_size=size)
    return write_pdf(html, path, title=title_of(dossier), images={PHOTO_RESOURCE: image})


def _height_at(document: QTextDocument, width: float, scale: float) -> float:
    """The page height the document needs when drawn at ``scale`` on a page ``width`` wide."""
    document.setTextWidth(width / scale)
    return float(document.size().height()) * scale


def fitting_scale(document: QTextDocument, width: float, height: float) -> float | None:
    """The largest scale (1 or less) at which the document fits one page, or ``None``."""
    if _height_at(document, width, 1.0) <= height:
        return 1.0
    if _height_at(document, width, MIN_SCALE) > height:
        return None
    low, high = MIN_SCALE, 1.0  # fits at low, not at high
    for _ in range(SCALE_STEPS):
        middle = (low + high) / 2
        if _height_at(document, width, middle) <= height:
            low = middle
        else:
            high = middle
    return low


def write_pdf(
    html: str, path: Path, *, title: str, images: Mapping[str, QImage] | None = None
) -> int:
    """Write ``html`` to ``path`` as an A4 PDF; returns the number of pages (1 normally).

    ``images`` are the pictures the HTML names in ``<img src>``, by those names.
    """
    _check_writable(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setTitle(title)
    writer.setCreator("Rehearsal")
    page = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
    document = _document(html, writer, images)
    scale = fitting_scale(document, page.width(), page.height())
    if scale is None:
        document.setTextWidth(-1)
        document.setPageSize(QSizeF(page.width(), page.height()))
        document.print_(writer)
        pages = document.pageCount()
    else:
        document.setTextWidth(page.width() / scale)
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(
                QCoreApplication.translate("PrepSheetExport", "%s: the PDF could not be started")
                % path
            )
        try:
            painter.scale(scale, scale)
            document.drawContents(painter)
        finally:
            painter.end()
        pages = 1
    if not path.exists() or path.stat().st_size == 0:
        raise ExportError(
            QCoreApplication.translate("PrepSheetExport", "%s: the PDF could not be written") % path
        )
    return pages


def write_markdown(text: str, path: Path) -> None:
    """Write the Markdown prep sheet (UTF-8)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, text)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc


def print_html(html: str, printer: QPrinter) -> int:
    """Print ``html`` (the worksheet) on ``printer``; returns the number of pages."""
    document = _document(html, printer)
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(printer)
    return document.pageCount()
