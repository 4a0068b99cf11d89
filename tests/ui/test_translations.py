"""Translations load for the user's language when a catalogue exists."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from rehearsal.ui.translations import install_translations
from tests.ui.catalogue import REPO_ROOT, catalogue_messages

pytestmark = pytest.mark.gui

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
</context>
</TS>
"""


UPDATE_SCRIPT = REPO_ROOT / "scripts" / "update_translations.sh"


def _tool(name: str) -> str | None:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else shutil.which(name)


def _lrelease() -> str | None:
    return _tool("pyside6-lrelease")


def test_the_source_catalogue_is_current(tmp_path: Path) -> None:
    """Translators start from the shipped catalogue, so it must hold today's texts."""
    if _tool("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "rehearsal.ts"
    sources = sorted(str(p.relative_to(REPO_ROOT)) for p in (REPO_ROOT / "rehearsal").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate") or "", *sources, "-ts", str(fresh), "-source-language", "en",
         "-no-obsolete", "-locations", "none"],
        check=True, cwd=REPO_ROOT, capture_output=True,
    )  # fmt: skip
    shipped, current = catalogue_messages(), catalogue_messages(fresh)
    assert shipped == current, (
        f"run {UPDATE_SCRIPT.relative_to(REPO_ROOT)}: new {sorted(current - shipped)[:5]}, "
        f"gone {sorted(shipped - current)[:5]}"
    )


def test_every_text_has_the_context_it_is_looked_up_in() -> None:
    """A text lupdate cannot place in a class is looked up under a context it never gets."""
    nameless = sorted(source for context, source in catalogue_messages() if not context)
    assert nameless == []


def test_no_catalogue_leaves_the_english_source(qapp: QApplication, tmp_path: Path) -> None:
    installed = install_translations(qapp, tmp_path, QLocale(QLocale.Language.English))
    try:
        assert not any("rehearsal" in t.filePath() for t in installed)
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_the_app_catalogue_for_the_locale_is_used(qapp: QApplication, tmp_path: Path) -> None:
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    source = tmp_path / "rehearsal_de.ts"
    source.write_text(TS, encoding="utf-8")
    subprocess.run([tool, str(source), "-qm", str(tmp_path / "rehearsal_de.qm")], check=True)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    installed = install_translations(qapp, tmp_path, german)
    try:
        assert any(t.filePath().endswith("rehearsal_de.qm") for t in installed)
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
