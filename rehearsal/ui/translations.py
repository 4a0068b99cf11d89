"""Loading translations for the user's language, when the app ships them.

Qt's own dialogs (file chooser, message boxes) are translated by Qt's catalogues; the
app's texts by ``resources/translations/rehearsal_<locale>.qm`` made with
``pyside6-lupdate``/``pyside6-lrelease``. A missing catalogue leaves the English source.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def install_translations(
    app: QCoreApplication, folder: Path, locale: QLocale | None = None
) -> list[QTranslator]:
    """Install Qt's and the app's catalogues for ``locale`` (default: the system's).

    Returns the installed translators (``filePath()`` says which file, for the log).
    """
    locale = locale or QLocale.system()
    loaded: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase", qt_dir), ("rehearsal", str(folder))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            loaded.append(translator)
        else:
            translator.deleteLater()
    return loaded
