"""``rehearsal parse`` with the actor's corrections, ``--raw`` without, and confidence warnings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from rehearsal.paths import Paths
from rehearsal.script.corrections import MergeCharacters, SetKind
from rehearsal.script.lines import LineId, LineKind
from rehearsal.script.loader import load_script
from rehearsal.store.scripts_repo import import_script, save_corrections
from rehearsal.store.startup import open_store

SIDES = """INT. KITCHEN - DAY

MARY
Hello there.

MARRY
Hi.

MARY
Bye now.

JOHN
Yes.

Door slams.

JOHN
No.
"""


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rehearsal", "--data-dir", str(data), "parse", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _store_corrections(paths: Paths, sides: Path) -> None:
    opened = open_store(paths)
    try:
        script_id = import_script(opened.engine, load_script(sides), sides, sides.read_bytes())
        save_corrections(
            opened.engine,
            script_id,
            (
                MergeCharacters(("MARY", "MARRY"), "MARY"),
                SetKind((LineId(0, 4),), LineKind.SPEECH),  # "Door slams." is JOHN's
            ),
        )
    finally:
        opened.close()


def test_parse_applies_stored_corrections_and_raw_does_not(paths: Paths, tmp_path: Path) -> None:
    sides = tmp_path / "kitchen.fountain"
    sides.write_text(SIDES, encoding="utf-8")
    before = paths.database.stat().st_mtime_ns if paths.database.exists() else None
    raw = _run(paths.data.parent, str(sides), "--json", "--raw")
    assert raw.returncode == 0, raw.stderr
    assert json.loads(raw.stdout)["characters"] == ["MARY", "MARRY", "JOHN"]
    assert before is None
    assert not paths.database.exists()  # nothing created by parse

    _store_corrections(paths, sides)
    stamp = paths.database.stat().st_mtime_ns
    corrected = _run(paths.data.parent, str(sides), "--json")
    assert corrected.returncode == 0, corrected.stderr
    document = json.loads(corrected.stdout)
    assert set(document) == {"title", "format", "characters", "scenes"}  # PARSE_FORMAT only
    assert document["characters"] == ["MARY", "JOHN"]
    elements = document["scenes"][0]["elements"]
    assert [e["type"] for e in elements] == ["dialogue"] * 5
    assert elements[3]["content"] == [
        {"type": "speech", "text": "Yes."},
        {"type": "speech", "text": "Door slams."},
    ]
    assert "2 of your corrections applied" in corrected.stderr
    assert paths.database.stat().st_mtime_ns == stamp  # read-only

    again_raw = _run(paths.data.parent, str(sides), "--json", "--raw")
    assert json.loads(again_raw.stdout) == json.loads(raw.stdout)
    assert "corrections applied" not in again_raw.stderr


def test_parse_prints_findings_as_warnings(tmp_path: Path) -> None:
    sides = tmp_path / "kitchen.fountain"
    sides.write_text(SIDES, encoding="utf-8")
    result = _run(tmp_path / "data", str(sides))
    assert result.returncode == 0
    assert "Characters (3):" in result.stdout
    warnings = result.stderr.splitlines()
    assert f"rehearsal: warning: {sides}: Check these lines before rehearsing" in warnings[0]
    assert any("MARY and MARRY look alike" in line for line in warnings)
    assert all(line.startswith(f"rehearsal: warning: {sides}: ") for line in warnings)


def test_the_demo_scene_parses_without_warnings(tmp_path: Path) -> None:
    demo = Path(__file__).parents[1] / "resources" / "scenes"
    for scene in sorted(demo.iterdir()):
        if scene.suffix in {".fountain", ".fdx", ".txt"}:
            result = _run(tmp_path / "data", str(scene))
            assert result.returncode == 0
            assert result.stderr == "", scene


def test_unreadable_corrections_are_a_warning_not_a_failure(paths: Paths, tmp_path: Path) -> None:
    sides = tmp_path / "kitchen.fountain"
    sides.write_text(SIDES, encoding="utf-8")
    _store_corrections(paths, sides)
    opened = open_store(paths)
    try:
        with opened.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE scripts SET corrections = '{\"version\": 99}'")
    finally:
        opened.close()
    result = _run(paths.data.parent, str(sides), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["characters"] == ["MARY", "MARRY", "JOHN"]
    assert "corrections not applied" in result.stderr
