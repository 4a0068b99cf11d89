"""The welcome an actor sees once: what the app does and how the partner waits for them.

Shown on the first start only (or from Help ▸ Welcome); it never blocks the window behind
it, so the demo scene is already open while the actor reads.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from rehearsal.ui.theme import SPACING, text_width

WELCOME_HTML = str(
    QT_TRANSLATE_NOOP(
        "FirstRunDialog",
        """
<h2>Welcome to Rehearsal</h2>
<p>Run a scene with a partner who answers on cue. Open the sides you were sent
(PDF, Final Draft, Fountain or a play text), choose your role, and the app reads every
other part aloud.</p>
<p><b>The partner waits for you in one of four ways</b> (Partner waits, in the options
beside the page, F9):</p>
<ul>
<li><b>Wait for my key</b> — say your line, then press <b>Space</b> (or →, or a foot
pedal that sends a key). Best for learning lines.</li>
<li><b>Timed pause</b> — the partner comes in after the time your line takes at your
pace. Best for keeping the rhythm going.</li>
<li><b>Listen for my voice</b> — the partner comes in when you stop speaking. Needs a
microphone; nothing is recorded.</li>
<li><b>Follow my words</b> — the partner follows what you say and comes in when you reach
the end of your line, not at the first pause; press <b>L</b> or say "line" for a prompt.
Needs a microphone; nothing is recorded.</li>
</ul>
<p>Hide your lines (first letters, first words, cue only) to get off book, and press
<b>R</b> when you need a prompt. Director notes and cold-read drills are in the Drill menu.</p>
""",
    )
)


DEMO_BEHIND_HTML = str(
    QT_TRANSLATE_NOOP(
        "FirstRunDialog", "<p>A demo scene, <i>Night Shift</i>, is open behind this window.</p>"
    )
)
"""Said only when it is true: from Help ▸ Welcome another script, or none, may be open."""


class FirstRunDialog(QDialog):
    """The welcome; ``import_requested`` asks the window to open the actor's own sides,
    ``demo_requested`` to open the demo scene when it is not the one already open."""

    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None, demo_open: bool = True) -> None:
        super().__init__(parent)
        self.import_chosen = False  # the actor asked for their own sides, not the demo
        self.setWindowTitle(self.tr("Welcome to Rehearsal"))
        self.setAccessibleName(self.tr("Welcome"))
        self.setMinimumWidth(text_width(self, SPACING.measure))
        layout = QVBoxLayout(self)
        html = self.tr(WELCOME_HTML)
        if demo_open:
            head, _, rest = html.partition("<p><b>")
            html = head + self.tr(DEMO_BEHIND_HTML) + "<p><b>" + rest if rest else html
        self.demo_open = demo_open
        text = QLabel(html, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(self)
        self.try_demo = buttons.addButton(
            self.tr("Try the demo scene"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_sides = buttons.addButton(
            self.tr("Import my sides…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_sides.clicked.connect(self._on_import)
        buttons.accepted.connect(self._on_demo)
        layout.addWidget(buttons)

    def _on_demo(self) -> None:
        self.accept()
        if not self.demo_open:
            self.demo_requested.emit()

    def _on_import(self) -> None:
        self.import_chosen = True
        self.accept()
        self.import_requested.emit()
