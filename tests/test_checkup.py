"""``rehearsal check``: each part checked for real, and a missing part reported, not raised."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rehearsal.checkup import Check, check_data_folder, check_listening, format_checks
from rehearsal.paths import Paths


def test_the_command_checks_every_part_in_a_child_process_like_the_app(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "rehearsal", "--data-dir", str(tmp_path), "check", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    checks = {c["name"]: c for c in json.loads(result.stdout)["checks"]}
    assert checks["Data folder"]["ok"] is True
    assert str(tmp_path / "data") in checks["Data folder"]["detail"]
    assert checks["Listening"]["ok"] is True, checks["Listening"]["detail"]
    assert "loaded in the listening process" in checks["Listening"]["detail"]
    assert checks["Self-tape export"]["ok"] is True
    if shutil.which("espeak-ng"):
        assert checks["Speech"]["ok"] is True
        assert "pyttsx3" in checks["Speech"]["detail"]
    assert {"Microphones", "Speakers", "Cameras"} <= set(checks)
    assert "qt.multimedia" not in result.stderr  # the backends' chatter is kept off the terminal


def test_a_data_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    check = check_data_folder(Paths.under(blocker / "inside"))
    assert check.ok is False
    assert str(blocker / "inside" / "data") in check.detail


def test_a_language_without_a_model_is_reported() -> None:
    check = check_listening("xx")
    assert check.ok is False
    assert "no speech model for 'xx'" in check.detail


@pytest.mark.parametrize("ok", [True, False])
def test_each_line_is_marked(ok: bool) -> None:
    text = format_checks([Check("Speech", ok, "137 voices")])
    assert text.splitlines()[1] == ("ok " if ok else "-- ") + "Speech: 137 voices"
