"""The listening core stays plain Python, and costs nothing until it is used."""

from __future__ import annotations

import json
import subprocess
import sys


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=120
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_the_listening_core_imports_no_qt_ui_or_store() -> None:
    modules = loaded_after(
        "import pkgutil, importlib, rehearsal.listen as p\n"
        "for m in pkgutil.iter_modules(p.__path__):\n"
        "    importlib.import_module(f'rehearsal.listen.{m.name}')"
    )
    assert "rehearsal.listen.pipeline" in modules
    assert not {m for m in modules if m.startswith(("PySide6", "rehearsal.ui", "rehearsal.store"))}


def test_the_command_line_parser_does_not_load_recognition() -> None:
    modules = loaded_after("from rehearsal.cli import build_parser\nbuild_parser()")
    assert "rehearsal.listen.command" in modules
    assert "numpy" not in modules
    assert "pocketsphinx" not in modules
