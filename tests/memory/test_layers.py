"""The memory core stays plain Python: no Qt, no screens, and the model no database."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT

STORE_BRIDGES = {"book_store", "home", "progress"}
"""The modules that keep the memory in the database; the model itself never loads it."""


def _loaded(modules: list[str]) -> str:
    code = (
        "import sys\n"
        + "".join(f"import rehearsal.memory.{m}\n" for m in modules)
        + "bad = sorted(n for n in sys.modules if n.split('.')[0] == 'PySide6'"
        " or n.startswith(('rehearsal.ui', 'rehearsal.store')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()


def test_the_memory_model_loads_without_qt_the_ui_or_the_store() -> None:
    modules = sorted(p.stem for p in (REPO_ROOT / "rehearsal" / "memory").glob("*.py"))
    assert "command" in modules
    assert _loaded([m for m in modules if m != "__init__" and m not in STORE_BRIDGES]) == ""


def test_the_store_bridges_load_no_qt() -> None:
    present = [
        m
        for m in sorted(STORE_BRIDGES)
        if (REPO_ROOT / "rehearsal" / "memory" / f"{m}.py").exists()
    ]
    assert "book_store" in present
    loaded = _loaded(present).split(",")
    assert not [n for n in loaded if n.startswith(("PySide6", "rehearsal.ui"))]
