"""The quick self-rating after a take: "Did you commit to the note?" 1-5, a comment, or Skip.

It sits inline under the page instead of popping up a dialog, because a modal box between
takes breaks the actor's concentration and would block the drill's clock. Keys 1-5 rate at
once (the shortcuts are live only while the panel is shown, and the comment box keeps its
digits), so the actor can answer without reaching for the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.engine.timing import Rating
from rehearsal.ui.theme import SPACING, TYPE, font_scaled, set_look

MAX_COMMENT_CHARS = 200

SCORE_HINTS = {
    1: str(QT_TRANSLATE_NOOP("RatingPanel", "Not at all")),
    2: str(QT_TRANSLATE_NOOP("RatingPanel", "A little")),
    3: str(QT_TRANSLATE_NOOP("RatingPanel", "Halfway")),
    4: str(QT_TRANSLATE_NOOP("RatingPanel", "Mostly")),
    5: str(QT_TRANSLATE_NOOP("RatingPanel", "Completely")),
}


class RatingPanel(QWidget):
    """Asks for one rating at a time; answers with ``rated(Rating | None)`` and hides.

    ``None`` means the actor skipped rating this take. Call :meth:`ask` for each take.
    """

    rated = Signal(object)  # Rating | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rating_panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("Rate your take"))
        set_look(self, "card")
        self._take: int | None = None
        self._waiting = False

        self.title = QLabel(self.tr("Did you commit to the note?"), self)
        self.title.setObjectName("rating_title")
        self.title.setAccessibleName(self.tr("Rating question"))
        font_scaled(self.title, TYPE.heading, bold=True)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("rating_note")
        self.note_label.setWordWrap(True)
        self.note_label.setAccessibleName(self.tr("The note you are rating"))
        font_scaled(self.note_label, TYPE.speaker)
        font = self.note_label.font()
        font.setItalic(True)
        self.note_label.setFont(font)

        self.score_buttons: dict[int, QPushButton] = {}
        self._group = QButtonGroup(self)
        scores = QHBoxLayout()
        scores.setSpacing(SPACING.small)
        scores.addWidget(QLabel(self.tr("Not at all"), self))
        for score in range(1, 6):
            button = QPushButton(str(score), self)
            set_look(button, "score")
            font_scaled(button, TYPE.score, bold=True)
            hint = self.tr(SCORE_HINTS[score])
            button.setToolTip(self.tr("%s (key %d)") % (hint, score))
            button.setAccessibleName(self.tr("Rate %d: %s") % (score, hint))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self._group.addButton(button, score)
            self.score_buttons[score] = button
            scores.addWidget(button)
            shortcut = QShortcut(QKeySequence(str(score)), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(button.click)
        scores.addWidget(QLabel(self.tr("Completely"), self))
        scores.addStretch(1)

        self.comment = QLineEdit(self)
        self.comment.setMaxLength(MAX_COMMENT_CHARS)
        self.comment.setPlaceholderText(self.tr("A word on this take (optional)"))
        self.comment.setAccessibleName(self.tr("Comment on this take"))
        self.comment.setClearButtonEnabled(True)
        self.skip_button = QPushButton(self.tr("Skip"), self)
        self.skip_button.setAccessibleName(self.tr("Skip rating this take"))
        self.skip_button.setToolTip(self.tr("Go on without rating this take"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.comment, 1)
        bottom.addWidget(self.skip_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.large, SPACING.medium, SPACING.large, SPACING.medium)
        layout.setSpacing(SPACING.small)
        layout.addWidget(self.title)
        layout.addWidget(self.note_label)
        layout.addLayout(scores)
        layout.addLayout(bottom)

        self._group.idClicked.connect(self._on_score)
        self.skip_button.clicked.connect(self._on_skip)
        self.comment.returnPressed.connect(self._on_comment_done)
        self.hide()

    @property
    def take(self) -> int | None:
        """The take being rated, or None when the panel is not asking."""
        return self._take if self._waiting else None

    def is_waiting(self) -> bool:
        return self._waiting

    def ask(self, take: int, note: str | None = None) -> None:
        """Show the panel for ``take``; ``note`` is the direction the take was played under."""
        self._take = take
        self._waiting = True
        self.comment.clear()
        if note:
            self.title.setText(self.tr("Did you commit to the note?"))
            self.note_label.setText(self.tr("Take %d — “%s”") % (take, note))
        else:
            self.title.setText(self.tr("How committed was that take?"))
            self.note_label.setText(self.tr("Take %d — no note") % take)
        for button in self.score_buttons.values():
            button.setEnabled(True)
        self.skip_button.setEnabled(True)
        self.show()

    def cancel(self) -> None:
        """Stop asking without answering (e.g. the drill was ended)."""
        self._waiting = False
        self.hide()

    @Slot(int)
    def _on_score(self, score: int) -> None:
        if not self._waiting:
            return
        self._answer(Rating(score, self.comment.text() or None))

    @Slot()
    def _on_skip(self) -> None:
        if self._waiting:
            self._answer(None)

    @Slot()
    def _on_comment_done(self) -> None:
        # Enter leaves the comment box so the keys 1-5 rate again.
        self.comment.clearFocus()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer(self, rating: Rating | None) -> None:
        """Answer once: a double click or a key held down must not rate the next take."""
        self._waiting = False
        for button in self.score_buttons.values():
            button.setEnabled(False)
        self.skip_button.setEnabled(False)
        self.hide()
        self.rated.emit(rating)
