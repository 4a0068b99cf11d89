"""Comparing an output with its checked-in expected file ("golden file").

A golden file is the exact output a user gets — ``rehearsal parse --json``, the prep sheet's
Markdown — kept under ``tests/golden/``, so any change to it shows up as a diff in review.
When a change is intended, regenerate the files and commit them with the change::

    REHEARSAL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/script/test_parse_golden.py \
        tests/dossier/test_prep_sheet_golden.py

then read ``git diff tests/golden`` before committing: the diff is what users will see change.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent
UPDATE_ENV = "REHEARSAL_UPDATE_GOLDEN"
MAX_DIFF_LINES = 60


def updating() -> bool:
    """True when the run should rewrite the expected files instead of checking them."""
    return os.environ.get(UPDATE_ENV) == "1"


def assert_golden(actual: str, expected_path: Path) -> None:
    """Fail with a readable diff unless ``actual`` is exactly the text of ``expected_path``."""
    if updating():
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not expected_path.is_file():
        pytest.fail(
            f"{expected_path} does not exist: run with {UPDATE_ENV}=1 to create it, "
            "then check it and commit it"
        )
    expected = expected_path.read_text(encoding="utf-8")
    if actual == expected:
        return
    diff = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(expected_path),
            tofile="actual output",
        )
    )
    shown = "".join(diff[:MAX_DIFF_LINES])
    more = f"\n… {len(diff) - MAX_DIFF_LINES} more diff lines" if len(diff) > MAX_DIFF_LINES else ""
    pytest.fail(
        f"output differs from {expected_path.name} "
        f"(if the change is intended, rerun with {UPDATE_ENV}=1):\n{shown}{more}"
    )
