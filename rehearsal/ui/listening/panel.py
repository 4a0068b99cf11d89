"""Under the current line: the words followed, the prompt given, and how the take went.

Unobtrusive on purpose: one line of the script with the words already said in bold (the
word-follow), a grey line under it for a prompt or a summary, and two small controls. The
comparison itself (missed and changed words) shows after each line only when the actor
asks for it live; otherwise it waits for the end of the take, so it never distracts from
the scene.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QVBoxLayout, QWidget

from rehearsal.engine.settings import STRICTNESS_LEVELS
from rehearsal.engine.timing import LineTiming
from rehearsal.ui.theme import SPACING, colours, set_look

STRICTNESS_LABELS = {
    "exact": str(QT_TRANSLATE_NOOP("FollowPanel", "Exact words")),
    "close": str(QT_TRANSLATE_NOOP("FollowPanel", "Close (minor words may differ)")),
    "paraphrase": str(QT_TRANSLATE_NOOP("FollowPanel", "Paraphrase (meaning words)")),
}


def followed_html(
    words: Sequence[tuple[str, str]], said_up_to: int, *, live: bool, ahead: str | None = None
) -> str:
    """The line with the words got through in bold; live, also what went differently.

    Words still ahead are greyed (``ahead``, the theme's muted colour: rich text knows no
    ``palette()``); a prompted word is underlined; live, a missed word is struck through
    and a changed one shown in italics.
    """
    ahead = ahead or colours().muted
    parts = []
    for index, (word, status) in enumerate(words):
        text = html.escape(word)
        if status == "prompted":
            parts.append(f"<u>{text}</u>")
        elif index >= said_up_to:
            parts.append(f"<span style='color: {ahead}'>{text}</span>")
        elif status == "ok":
            parts.append(f"<b>{text}</b>")
        elif live and status == "missed":
            parts.append(f"<s>{text}</s>")
        elif live and status == "changed":
            parts.append(f"<i>{text}</i>")
        else:
            parts.append(text)
    return " ".join(parts)


def describe_differing(differing: Sequence[str]) -> str:
    """``("-the", "door>drawer", "+now")`` in words an actor reads at a glance."""
    out = []
    for item in differing:
        if item.startswith("-"):
            out.append(QCoreApplication.translate("FollowPanel", "dropped “%s”") % item[1:])
        elif item.startswith("+"):
            out.append(QCoreApplication.translate("FollowPanel", "added “%s”") % item[1:])
        elif item.startswith("?"):
            out.append(QCoreApplication.translate("FollowPanel", "prompted “%s”") % item[1:])
        elif ">" in item:
            written, heard = item.split(">", 1)
            out.append(
                QCoreApplication.translate("FollowPanel", "“%s” for “%s”") % (heard, written)
            )
    return ", ".join(out)


def line_summary(timing: LineTiming) -> str:
    """One line's result: accuracy, what differed, prompts, pickup."""
    parts = []
    if timing.accuracy is not None:
        parts.append(
            QCoreApplication.translate("FollowPanel", "%d%% of the words")
            % round(100 * timing.accuracy)
        )
        if timing.complete is False:
            parts.append(QCoreApplication.translate("FollowPanel", "unfinished"))
    if timing.differing:
        parts.append(describe_differing(timing.differing))
    if timing.prompts:
        parts.append(QCoreApplication.translate("FollowPanel", "%d prompts") % timing.prompts)
    if timing.pickup_s is not None:
        parts.append(QCoreApplication.translate("FollowPanel", "pickup %.1f s") % timing.pickup_s)
    return " · ".join(parts)


def take_summary(number: int, lines: Sequence[LineTiming]) -> str:
    """The take in one sentence: mean accuracy, prompts, mean and slowest pickup."""
    own = [t for t in lines if t.own]
    parts = [QCoreApplication.translate("FollowPanel", "Take %d") % number]
    scores = [t.accuracy for t in own if t.accuracy is not None]
    if scores:
        parts.append(
            QCoreApplication.translate("FollowPanel", "words %d%%")
            % round(100 * sum(scores) / len(scores))
        )
    prompts = sum(t.prompts for t in own)
    if prompts:
        parts.append(QCoreApplication.translate("FollowPanel", "%d prompts") % prompts)
    pickups = [t.pickup_s for t in own if t.pickup_s is not None]
    if pickups:
        parts.append(
            QCoreApplication.translate("FollowPanel", "pickup %.1f s on average, slowest %.1f s")
            % (sum(pickups) / len(pickups), max(pickups))
        )
    unfinished = sum(1 for t in own if t.complete is False)
    if unfinished:
        parts.append(QCoreApplication.translate("FollowPanel", "%d lines unfinished") % unfinished)
    return " · ".join(parts)


class _Line(QLabel):
    """A label that takes no room while it has nothing to say (the page keeps its height
    between lines)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


class FollowPanel(QWidget):
    """The word-follow line and the note under it; its two options (strictness and the
    live switch) are built here and shown in the run options by whoever places the panel."""

    strictness_changed = Signal(str)
    live_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_panel")
        self.words = _Line(self)
        self.words.hide()
        self.words.setObjectName("follow_words")
        self.words.setTextFormat(Qt.TextFormat.RichText)
        self.words.setWordWrap(True)
        self.words.setAccessibleName(self.tr("Your line as the partner follows it"))
        self.note = _Line(self)
        self.note.hide()
        self.note.setObjectName("follow_note")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("What you said"))
        set_look(self.note, "muted")
        self.strictness = QComboBox(self)
        self.strictness.setAccessibleName(self.tr("How closely your words must match"))
        for level in STRICTNESS_LEVELS:
            self.strictness.addItem(self.tr(STRICTNESS_LABELS[level]), level)
        self.strictness.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.live = QCheckBox(self.tr("Show what I said"), self)
        self.live.setToolTip(self.tr("After each line, show the words the partner heard"))
        self.live.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.small, 0, SPACING.small, 0)
        layout.addWidget(self.words)
        layout.addWidget(self.note)
        self.strictness.currentIndexChanged.connect(
            lambda _i: self.strictness_changed.emit(str(self.strictness.currentData()))
        )
        self.live.toggled.connect(self.live_changed)

    def set_options(self, strictness: str, live: bool) -> None:
        for widget in (self.strictness, self.live):
            widget.blockSignals(True)
        self.strictness.setCurrentIndex(max(0, self.strictness.findData(strictness)))
        self.live.setChecked(live)
        for widget in (self.strictness, self.live):
            widget.blockSignals(False)

    def show_words(self, words: Sequence[tuple[str, str]], said_up_to: int) -> None:
        self.words.setText(followed_html(words, said_up_to, live=self.live.isChecked()))
