"""What the main window shows before any script is open: open your sides, or the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """What the window shows before any script is open."""

    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(
            self.tr(
                "<h1>Rehearsal</h1><p>Open your sides to run the scene with a "
                "reader who answers on cue.</p>"
            )
        )
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        open_button = QPushButton(self.tr("Open sides…"))
        open_button.setAccessibleName(self.tr("Open sides"))
        demo_button = QPushButton(self.tr("Open the demo scene"))
        demo_button.setAccessibleName(self.tr("Open the demo scene"))
        for button in (open_button, demo_button):
            button.setMinimumWidth(240)
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Fountain, Final Draft (.fdx), PDF and plain-text plays. "
                "You can also drop a file here."
            )
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        layout.addStretch(2)
        open_button.clicked.connect(self.open_requested)
        demo_button.clicked.connect(self.demo_requested)
