"""Render the application icon's PNG sizes from ``resources/icons/rehearsal.svg``.

Desktops, installers and Windows/macOS icon converters want bitmaps, and Qt's SVG renderer
is already a dependency, so the PNGs are made here instead of by hand in an editor; that
keeps every size in step with the SVG. ``--check`` re-renders in memory and fails when a
committed PNG no longer matches, so a changed SVG cannot ship with stale bitmaps.

    python packaging/render_icons.py [--check] [--icons DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICON_NAME = "rehearsal"
DEFAULT_ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
#: Mean per-channel difference (0-255) that still counts as "the same picture": another
#: Qt release may antialias an edge a little differently without anything having changed.
CHECK_TOLERANCE = 2.0

if "QT_QPA_PLATFORM" not in os.environ:  # rendering needs no display; set before Qt loads
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402


def png_path(icons_dir: Path, size: int) -> Path:
    """Where the PNG of one size lives."""
    return icons_dir / f"{ICON_NAME}-{size}.png"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent ``size`` x ``size`` image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def mean_difference(first: QImage, second: QImage) -> float:
    """Average absolute difference per channel; infinite when the sizes differ."""
    if first.size() != second.size():
        return float("inf")
    a = first.convertToFormat(QImage.Format.Format_RGBA8888)
    b = second.convertToFormat(QImage.Format.Format_RGBA8888)
    data_a, data_b = bytes(a.constBits()), bytes(b.constBits())
    return sum(abs(x - y) for x, y in zip(data_a, data_b, strict=True)) / max(len(data_a), 1)


def stale_pngs(svg: Path, icons_dir: Path) -> list[str]:
    """One line per PNG that is missing or no longer matches the SVG."""
    problems = []
    for size in ICON_SIZES:
        path = png_path(icons_dir, size)
        committed = QImage(str(path))
        if committed.isNull():
            problems.append(f"{path}: missing or unreadable")
            continue
        difference = mean_difference(render(svg, size), committed)
        if difference > CHECK_TOLERANCE:
            problems.append(f"{path}: differs from the SVG (mean difference {difference:.1f})")
    return problems


def write_pngs(svg: Path, icons_dir: Path) -> list[Path]:
    """Render every size next to the SVG and return the files written."""
    written = []
    for size in ICON_SIZES:
        path = png_path(icons_dir, size)
        if not render(svg, size).save(str(path), b"PNG"):
            raise OSError(f"{path}: could not be written")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Render (or with ``--check`` verify) the icon PNGs; exit status 1 when stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    parser.add_argument("--icons", type=Path, default=DEFAULT_ICONS_DIR, help="icons folder")
    args = parser.parse_args(argv)
    svg = args.icons / f"{ICON_NAME}.svg"
    if not svg.is_file():
        print(f"render_icons: {svg}: no such file", file=sys.stderr)
        return 2
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        if args.check:
            problems = stale_pngs(svg, args.icons)
            for line in problems:
                print(f"render_icons: {line}", file=sys.stderr)
            if problems:
                print("render_icons: run packaging/render_icons.py to refresh", file=sys.stderr)
            return 1 if problems else 0
        for path in write_pngs(svg, args.icons):
            print(path)
    except (ValueError, OSError) as exc:
        print(f"render_icons: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
