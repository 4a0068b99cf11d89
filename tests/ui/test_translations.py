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


def _lrelease() -> str | None:
    candidate = Path(sys.executable).parent / "pyside6-lrelease"
    return str(candidate) if candidate.exists() else shutil.which("pyside6-lrelease")


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
