"""The PyInstaller bundle: build it once per run, then start the built binary like a user.

The source tree passing its tests says little about the bundle, whose failures are all
about something left behind: an importer loaded by name, pdfium's shared library, the demo
scene, a migration file. So these tests run the frozen binary itself, offscreen, with a
throw-away data folder, and compare what it does with what the source does.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from rehearsal import __version__
from rehearsal.paths import Paths
from rehearsal.script.loader import load_script
from rehearsal.script.serialize import script_to_dict

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build_bundle.sh"
#: A cold build takes about 40 s on two cores; the rest is headroom for slow disks.
BUILD_TIMEOUT = 900
RUN_TIMEOUT = 120

pytestmark = [
    pytest.mark.slow,
    pytest.mark.gui,
    pytest.mark.timeout(BUILD_TIMEOUT + 60),
    pytest.mark.skipif(sys.platform != "linux", reason="the bundle build script is for Linux"),
    pytest.mark.skipif(
        shutil.which("objcopy") is None,
        reason="PyInstaller needs binutils (objdump, objcopy, strip) on Linux",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (pip install -e '.[packaging]')",
    ),
]


@pytest.fixture(scope="session")
def bundle_binary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``rehearsal`` binary of a bundle built from this checkout, shared by the tests."""
    root = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "REHEARSAL_PYTHON_BIN": sys.executable}
    try:
        result = subprocess.run(
            ["bash", str(BUILD_SCRIPT), str(root / "dist"), str(root / "work")],
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"building the bundle took more than {BUILD_TIMEOUT} s")
    if result.returncode != 0:
        pytest.fail(f"the bundle did not build:\n{(result.stdout + result.stderr)[-4000:]}")
    binary = root / "dist" / "rehearsal" / "rehearsal"
    assert binary.is_file(), result.stdout
    return binary


def _run(binary: Path, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Start the bundle offscreen with its own data folder, as a user's first launch."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "REHEARSAL_DATA_DIR": "",  # only --data-dir decides where data goes
    }
    try:
        return subprocess.run(
            [str(binary), "--data-dir", str(data_dir), *args],
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            env=env,
            cwd=data_dir.parent,  # not the checkout: nothing may be found by accident
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"`rehearsal {' '.join(args)}` did not exit within {RUN_TIMEOUT} s: {exc}")


def _internal(binary: Path) -> Path:
    """The folder PyInstaller unpacks the app's modules and data into."""
    return binary.parent / "_internal"


@pytest.fixture(scope="module")
def demo_launch(
    bundle_binary: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[subprocess.CompletedProcess[str], Paths]:
    """One first launch of the bundle on the demo scene, and the folders it was given."""
    root = tmp_path_factory.mktemp("demo-launch") / "app"
    result = _run(bundle_binary, "gui", "--demo", "--quit-after-load", data_dir=root)
    return result, Paths.under(root)


def test_bundle_opens_the_demo_scene_and_exits_0(
    demo_launch: tuple[subprocess.CompletedProcess[str], Paths],
) -> None:
    result, paths = demo_launch
    output = result.stdout + result.stderr
    assert "unrecognized arguments: --quit-after-load" not in output, (
        "`rehearsal gui` needs --quit-after-load (exit 0 once the script is shown, 1 if the "
        "import fails) for this test and benchmarks/bench_startup.py"
    )
    assert result.returncode == 0, output
    assert "Traceback" not in output
    assert (paths.logs / "rehearsal.log").is_file(), "the app ignored the --data-dir it was given"


def test_bundle_brings_a_new_database_to_the_newest_migration(
    demo_launch: tuple[subprocess.CompletedProcess[str], Paths],
) -> None:
    """The migrations are read from files, so only running them in the bundle proves them."""
    _, paths = demo_launch
    if not paths.database.exists():
        pytest.skip("the app does not open its database at startup yet")
    from rehearsal.store.migrate import head_revision

    with closing(sqlite3.connect(paths.database)) as db:
        rows = db.execute("SELECT version_num FROM alembic_version").fetchall()
    assert rows == [(head_revision(),)]


def test_bundle_exits_1_when_the_sides_cannot_be_imported(
    bundle_binary: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n this is not a PDF body \x00\x01\x02")
    result = _run(bundle_binary, "gui", "--quit-after-load", str(broken), data_dir=tmp_path / "d")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_bundle_reports_the_package_version(bundle_binary: Path, tmp_path: Path) -> None:
    result = _run(bundle_binary, "--version", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"rehearsal {__version__}"


def _bundled_scenes(binary: Path) -> list[Path]:
    scenes = sorted(
        p for p in (_internal(binary) / "resources" / "scenes").iterdir() if p.name != "README.md"
    )
    assert scenes, "no demo scenes in the bundle"
    return scenes


def _screenplay_pdf(path: Path) -> Path:
    """A one-page screenplay PDF, so the bundle's PDF importer and pdfium are exercised."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=LETTER)
    pdf.setFont("Courier", 12)
    lines = [
        (108, "INT. STAGE DOOR - NIGHT"),
        (108, "Rain. A bare bulb over the door."),
        (266, "MAYA"),
        (180, "You said eight o'clock."),
        (266, "THEO"),
        (180, "I said eight-ish. There is a difference."),
        (266, "MAYA"),
        (180, "Not to the stage manager."),
    ]
    y = 720.0
    for x, text in lines:
        pdf.drawString(x, y, text)
        y -= 24
    pdf.showPage()
    pdf.save()
    return path


def test_bundle_imports_every_format_like_the_source(bundle_binary: Path, tmp_path: Path) -> None:
    files = [*_bundled_scenes(bundle_binary), _screenplay_pdf(tmp_path / "stage-door.pdf")]
    suffixes = {path.suffix for path in files}
    assert {".fountain", ".fdx", ".txt", ".pdf"} <= suffixes
    for path in files:
        result = _run(bundle_binary, "parse", "--json", str(path), data_dir=tmp_path / "data")
        assert result.returncode == 0, f"{path.name}: {result.stderr}"
        frozen = json.loads(result.stdout)
        assert frozen == script_to_dict(load_script(path)), f"{path.name} differs in the bundle"
        assert frozen["scenes"], f"{path.name}: no scenes"


def test_bundle_ships_the_resources_and_migrations_of_the_checkout(bundle_binary: Path) -> None:
    def files(folder: Path) -> set[str]:
        return {
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }

    internal = _internal(bundle_binary)
    assert files(internal / "resources") == files(ROOT / "resources")
    migrations = ROOT / "rehearsal" / "store" / "migrations"
    assert files(migrations), "the checkout has no migrations"
    assert files(internal / "rehearsal" / "store" / "migrations") == files(migrations)
    ini = ROOT / "rehearsal" / "store" / "alembic.ini"
    assert (internal / "rehearsal" / "store" / "alembic.ini").is_file() == ini.is_file()


def test_bundle_listens_in_its_child_process_and_exports_video(
    bundle_binary: Path, tmp_path: Path
) -> None:
    """The listening runs in a process the frozen app spawns from itself, with numpy and
    the recogniser's model files; self-tapes need PyAV's encoders. All four are things a
    bundle silently leaves behind."""
    result = _run(bundle_binary, "check", "--json", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert checks["Listening"]["ok"] is True, checks["Listening"]["detail"]
    assert checks["Self-tape export"]["ok"] is True, checks["Self-tape export"]["detail"]


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="eSpeak NG is not installed")
def test_bundle_hears_a_line_like_the_source(bundle_binary: Path, tmp_path: Path) -> None:
    line = "I told you already, the keys are on the hook by the door."
    wav = tmp_path / "line.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), line], check=True, timeout=60)
    args = ("listen", str(wav), "--text", line, "--json")
    frozen = _run(bundle_binary, *args, data_dir=tmp_path / "data")
    assert frozen.returncode == 0, frozen.stderr
    source = subprocess.run(
        [sys.executable, "-m", "rehearsal", "--data-dir", str(tmp_path / "src"), *args],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=True,
    )
    assert json.loads(frozen.stdout) == json.loads(source.stdout)
    assert json.loads(frozen.stdout)["accuracy"] > 0.5


def test_bundle_schedules_the_lines_to_learn_like_the_source(
    bundle_binary: Path, tmp_path: Path
) -> None:
    demo = next(p for p in _bundled_scenes(bundle_binary) if p.suffix == ".fountain")
    role = load_script(demo).characters[0]
    args = ("lines", str(demo), "--role", role, "--json")
    frozen = _run(bundle_binary, *args, data_dir=tmp_path / "frozen")
    assert frozen.returncode == 0, frozen.stderr
    source = subprocess.run(
        [sys.executable, "-m", "rehearsal", "--data-dir", str(tmp_path / "source"), *args],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=True,
    )

    def schedule(output: str) -> tuple[object, ...]:
        document = json.loads(output)  # "now" differs by the seconds between the runs
        return document["summary"], document["sentence"], document["today"]

    assert schedule(frozen.stdout) == schedule(source.stdout)
    assert json.loads(frozen.stdout)["summary"]["total"] > 0
