"""The bar above the page after an import that needs a look: never a box in the way.

An actor who just opened their sides wants to read them; a modal warning would stand
between them and the page. The bar says how many things to check and offers Review,
which opens the fix-up editor at the first one; it goes away when they are fixed or when
dismissed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from rehearsal.ui.theme import SPACING, set_look

if TYPE_CHECKING:
    from rehearsal.script.confidence import Report


def things_to_check(report: Report) -> int:
    """Findings worth the actor's time (a character heard once is only a note)."""
    from rehearsal.script.confidence import Severity

    return sum(1 for f in report.findings if f.severity >= Severity.CHECK)


class ConfidenceBar(QFrame):
    """ "N things to check in this import — Review" above the page."""

    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confidence_bar")
        self.setAccessibleName(self.tr("Import check"))
        set_look(self, "warning")
        self.label = QLabel(self)
        self.label.setAccessibleName(self.tr("What to check"))
        self.review = QPushButton(self.tr("Revie&w"), self)
        self.review.setAccessibleName(self.tr("Review the import"))
        self.dismiss = QPushButton(self.tr("Dismiss"), self)
        self.dismiss.setAccessibleName(self.tr("Dismiss the import check"))
        self.dismiss.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING.small, 0, SPACING.tight, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.review)
        layout.addWidget(self.dismiss)
        self.review.clicked.connect(self.review_requested)
        self.dismiss.clicked.connect(self.hide)
        self.hide()

    def show_report(self, report: Report) -> None:
        """Show the bar for a report with things to check; hide it otherwise."""
        from rehearsal.script.confidence import Level

        count = things_to_check(report)
        if count == 0:
            self.hide()
            return
        if count == 1:
            text = self.tr("1 thing to check in this import")
        else:
            text = self.tr("%d things to check in this import") % count
        if report.level is Level.PROBABLY_WRONG:
            text = self.tr("This import is probably wrong: %s") % text
        self.label.setText(text)
        self.show()
