"""The memory core stays plain Python: no Qt, no screens, no database."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_the_memory_package_loads_without_qt_the_ui_or_the_store() -> None:
    modules = sorted(p.stem for p in (REPO_ROOT / "rehearsal" / "memory").glob("*.py"))
    assert "command" in modules
    code = (
        "import sys\n"
        + "".join(f"import rehearsal.memory.{m}\n" for m in modules if m != "__init__")
        + "bad = sorted(n for n in sys.modules if n.split('.')[0] == 'PySide6'"
        " or n.startswith(('rehearsal.ui', 'rehearsal.store')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == ""
