"""The desktop integration files and the icon: valid, consistent with each other and the app.

The validators are the freedesktop tools distributions run on the same files; they run
when installed (Debian: desktop-file-utils, appstream) and the tests skip otherwise. The
consistency checks need nothing: the launcher must start a command the package installs,
name an icon that ships, and describe the version being released.
"""

from __future__ import annotations

import configparser
import importlib.util
import shlex
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import defusedxml.ElementTree as SafeET
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from rehearsal import __version__
from rehearsal.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_ID = "app.rehearsal.Rehearsal"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_COLOR_TYPE_RGBA = 6


def _render_icons() -> ModuleType:
    """packaging/render_icons.py, loaded by path: ``packaging`` is not a Python package."""
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_header(path: Path) -> tuple[int, int, int]:
    """Width, height and colour type from a PNG's IHDR chunk."""
    data = path.read_bytes()[:33]
    assert data[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG file"
    assert data[12:16] == b"IHDR", f"{path.name} has no IHDR chunk first"
    width, height, _depth, color_type = struct.unpack(">IIBB", data[16:26])
    return width, height, color_type


# -- validators ---------------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)",
)
def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Newer releases add "hint:" lines for matters of taste; errors and warnings must not appear.
    assert ": error:" not in output
    assert ": warning:" not in output


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli is not installed (Debian: appstream)",
)
def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- consistency --------------------------------------------------------------------------


def test_desktop_exec_starts_the_installed_command_with_a_real_subcommand() -> None:
    entry = _desktop_entry()
    program, *arguments = shlex.split(entry["Exec"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert program in scripts, f"Exec runs {program!r}, which the package does not install"
    assert entry["TryExec"] == program
    assert 'name="rehearsal"' in (PACKAGING / "rehearsal.spec").read_text(encoding="utf-8"), (
        "the bundle's binary must have the name the launcher runs"
    )
    # The field code stands for the file a user opened the app with; argparse must accept
    # the command line with a real path in its place, and without one.
    for field in ("%f", "%F", "%u", "%U"):
        assert arguments.count(field) <= 1
    with_file = [arg.replace("%f", "sides.pdf") for arg in arguments]
    without_file = [arg for arg in arguments if not arg.startswith("%")]
    for argv in (with_file, without_file):
        args = build_parser().parse_args(argv)
        assert args.command == "gui"
    assert build_parser().parse_args(with_file).file == "sides.pdf"


def test_desktop_icon_names_an_icon_that_ships_in_every_size() -> None:
    entry = _desktop_entry()
    name = entry["Icon"]
    assert "/" not in name, "a themed icon name, not a path"
    assert not name.endswith((".png", ".svg")), "a themed icon name, without extension"
    assert (ICONS / f"{name}.svg").is_file()
    renderer = _render_icons()
    assert name == renderer.ICON_NAME
    for size in renderer.ICON_SIZES:
        assert (ICONS / f"{name}-{size}.png").is_file(), f"{name}-{size}.png is missing"


def test_metainfo_describes_this_desktop_file_and_this_version() -> None:
    root = SafeET.parse(METAINFO_FILE).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID == DESKTOP_FILE.name.removesuffix(".desktop")
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    program = shlex.split(_desktop_entry()["Exec"])[0]
    assert root.findtext("provides/binary") == program
    assert root.findtext("name") == _desktop_entry()["Name"]
    license_text = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "license"
    ]["text"]
    assert root.findtext("project_license") == license_text
    releases = root.findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == __version__, (
        "the newest <release> in the metainfo must be the package's version; add one when "
        "bumping rehearsal.__version__"
    )


# -- icon ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256, 512])
def test_icon_png_has_its_size_and_an_alpha_channel(size: int) -> None:
    width, height, color_type = _png_header(ICONS / f"rehearsal-{size}.png")
    assert (width, height) == (size, size)
    assert color_type == PNG_COLOR_TYPE_RGBA, "icons need transparent corners"


def test_the_tested_sizes_are_the_rendered_sizes() -> None:
    assert _render_icons().ICON_SIZES == (16, 32, 48, 64, 128, 256, 512)


@pytest.mark.gui
def test_svg_icon_is_square_and_has_transparent_corners(qapp: QApplication) -> None:
    renderer = QSvgRenderer(str(ICONS / "rehearsal.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize() == QSize(128, 128)
    image = _render_icons().render(ICONS / "rehearsal.svg", 64)
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(32, 32).alpha() == 255
    # The page is light, the stage around it dark: the icon reads on any panel.
    assert image.pixelColor(18, 24).lightness() > 200
    assert image.pixelColor(6, 32).lightness() < 100


@pytest.mark.gui
def test_committed_pngs_are_renderings_of_the_svg(qapp: QApplication) -> None:
    renderer = _render_icons()
    assert renderer.stale_pngs(ICONS / "rehearsal.svg", ICONS) == []


@pytest.mark.gui
def test_a_png_left_behind_after_an_svg_change_is_reported(
    qapp: QApplication, tmp_path: Path
) -> None:
    renderer = _render_icons()
    icons = tmp_path / "icons"
    shutil.copytree(ICONS, icons)
    stale = QImage(str(icons / "rehearsal-48.png"))
    stale.fill(QColor("#00a000"))
    assert stale.save(str(icons / "rehearsal-48.png"))
    (icons / "rehearsal-256.png").unlink()
    problems = renderer.stale_pngs(icons / "rehearsal.svg", icons)
    assert len(problems) == 2
    assert "rehearsal-48.png: differs from the SVG" in problems[0]
    assert "rehearsal-256.png: missing" in problems[1]


@pytest.mark.gui
def test_render_icons_check_mode_exits_1_on_stale_pngs(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    shutil.copytree(ICONS, icons)
    script = PACKAGING / "render_icons.py"
    fresh = subprocess.run(
        [sys.executable, str(script), "--check", "--icons", str(icons)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert fresh.returncode == 0, fresh.stderr
    (icons / "rehearsal-16.png").write_bytes(b"not a png")
    stale = subprocess.run(
        [sys.executable, str(script), "--check", "--icons", str(icons)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert stale.returncode == 1
    assert "rehearsal-16.png: missing or unreadable" in stale.stderr
    assert "Traceback" not in stale.stderr
