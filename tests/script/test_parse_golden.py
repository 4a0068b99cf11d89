"""``rehearsal parse --json`` output, byte for byte, against checked-in expected files.

Other tools and the stored snapshots read this format, so a change to it must be seen and
meant: each input's output is compared with ``tests/golden/parse/<input>.json`` (how to
update them on purpose is in ``tests/golden/check.py``). The inputs are the three demo
scenes the app ships and a few small files for what the demos do not show (dual dialogue,
extensions, transitions, a plain-text play with inline directions).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rehearsal.cli import main
from rehearsal.script.serialize import script_from_dict, script_to_dict
from tests.conftest import REPO_ROOT
from tests.golden.check import GOLDEN_DIR, assert_golden

INPUTS = sorted((REPO_ROOT / "resources" / "scenes").glob("demo-*")) + sorted(
    (GOLDEN_DIR / "inputs").iterdir()
)


def test_every_demo_scene_and_fixture_is_covered() -> None:
    names = [path.name for path in INPUTS]
    assert len([n for n in names if n.startswith("demo-")]) == 3
    assert {Path(n).suffix for n in names} >= {".fountain", ".fdx", ".txt"}


@pytest.mark.parametrize("source", INPUTS, ids=lambda path: path.name)
def test_parse_json_matches_the_expected_file(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(source), "--json"]) == 0
    out = capsys.readouterr().out
    assert_golden(out, GOLDEN_DIR / "parse" / f"{source.name}.json")
    data = json.loads(out)
    assert script_to_dict(script_from_dict(data)) == data
