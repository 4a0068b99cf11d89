"""The script shown like a screenplay (or a play), with a highlighted current line.

The document is built once with ``QTextCursor`` blocks rather than HTML so that every
element's character range is known: highlighting the current line is then an extra
selection and scrolling is one cursor move, cheap even on a 120-page feature. Only a
re-render (another role, another hiding level) rebuilds the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from rehearsal.script.model import (
    Element,
    ElementKind,
    Part,
    PartKind,
    Script,
    SourceFormat,
    TextElement,
)
from rehearsal.script.roles import joint_cues, speakers_of
from rehearsal.ui.theme import SPACING, TYPE, colours, is_dark

ElementKey = tuple[int, int]
"""(scene index, element index): how the engine and the view name a line."""

PartsOverride = Callable[[ElementKey], Sequence[Part] | None]
"""The parts to show instead of a dialogue's own (line hiding), or None to show them as is."""


@dataclass(frozen=True, slots=True)
class _Indents:
    """Left/right indents in characters of the monospace font, per element kind."""

    cue: float
    parenthetical: float
    dialogue: float
    dialogue_right: float


_SCREENPLAY = _Indents(cue=20, parenthetical=14, dialogue=9, dialogue_right=12)
_PLAY = _Indents(cue=0, parenthetical=4, dialogue=4, dialogue_right=0)


def script_font(point_size: float = 12.0) -> QFont:
    """A Courier-like monospace font: scripts are read at their printed rhythm."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    for family in (
        "Courier Prime",
        "Courier New",
        "Courier",
        "Liberation Mono",
        "DejaVu Sans Mono",
    ):
        if family in QFontDatabase.families():
            font = QFont(family)
            break
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setPointSizeF(point_size)
    return font


DOCUMENT_MARGIN = 24
LINE_HEIGHT_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
LINE_MARGIN = 8
"""Pixels kept above a line that is too long for the view, so its first word is clear."""


class ScriptView(QTextEdit):
    """A read-only page showing a script; knows where every element is."""

    line_activated = Signal(object)  # ElementKey
    current_changed = Signal(object)  # ElementKey or None: the highlighted line moved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("Script"))
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._script: Script | None = None
        self._own_role: str | None = None
        self._override: PartsOverride | None = None
        self._ranges: dict[ElementKey, tuple[int, int]] = {}
        self._current: ElementKey | None = None
        self._joint: dict[str, tuple[str, ...]] = {}
        self.setFont(script_font())

    # -- rendering -------------------------------------------------------------------------
    @property
    def script(self) -> Script | None:
        """The script on display, if any."""
        return self._script

    def element_keys(self) -> list[ElementKey]:
        """Every rendered element's key, in reading order."""
        return list(self._ranges)

    def show_script(
        self,
        script: Script,
        own_role: str | None = None,
        override: PartsOverride | None = None,
    ) -> None:
        """Render ``script``; the actor's ``own_role`` lines are marked, and ``override``
        may replace any dialogue's parts (hidden words). Another script starts at its top
        with no line marked: the last one's place means nothing in it."""
        another = script is not self._script
        self._script, self._own_role, self._override = script, own_role, override
        self._joint = joint_cues(script)
        self._render()
        if another:
            self.highlight(None)
            self.verticalScrollBar().setValue(0)

    def set_font_size(self, point_size: float) -> None:
        """Change the reading size (Ctrl +/-) and re-lay the page out."""
        self.setFont(script_font(point_size))
        self._centre_column()
        if self._script is not None:
            self._render()

    def _render(self) -> None:
        assert self._script is not None
        script = self._script
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(DOCUMENT_MARGIN)
        char_width = QFontMetricsF(self.font()).horizontalAdvance("M")
        indents = _PLAY if script.format is SourceFormat.TEXT else _SCREENPLAY
        cursor = QTextCursor(document)
        ranges: dict[ElementKey, tuple[int, int]] = {}
        first = True

        def block(
            text: str,
            *,
            left: float = 0,
            right: float = 0,
            bold: bool = False,
            align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
            top: float = 0,
            colour: QColor | None = None,
            italic: bool = False,
        ) -> None:
            nonlocal first
            fmt = QTextBlockFormat()
            fmt.setLeftMargin(left * char_width)
            fmt.setRightMargin(right * char_width)
            fmt.setTopMargin(top)
            fmt.setLineHeight(TYPE.line_height, LINE_HEIGHT_PROPORTIONAL)
            fmt.setAlignment(align)
            char = QTextCharFormat()
            char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            char.setFontItalic(italic)
            if colour is not None:
                char.setForeground(colour)
            if first:
                cursor.setBlockFormat(fmt)
                first = False
            else:
                cursor.insertBlock(fmt)
            cursor.insertText(text, char)

        line_height = QFontMetricsF(self.font()).height()
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        own_colour = QColor(colours(self.palette()).own_line)
        if script.title:
            block(script.title, bold=True, align=Qt.AlignmentFlag.AlignHCenter)
        for s_index, scene in enumerate(script.scenes):
            if scene.heading:
                number = f"{scene.number}  " if scene.number else ""
                block(f"{number}{scene.heading}", bold=True, top=line_height)
            for e_index, element in enumerate(scene.elements):
                start = cursor.position() + (0 if first else 1)
                self._render_element(
                    element, (s_index, e_index), block, indents, line_height, muted, own_colour
                )
                ranges[(s_index, e_index)] = (start, cursor.position())
        self.setDocument(document)
        self._pad_the_end()
        self._ranges = ranges
        if self._current is not None and self._current in ranges:
            self.highlight(self._current)

    def _render_element(
        self,
        element: Element,
        key: ElementKey,
        block: Callable[..., None],
        indents: _Indents,
        line_height: float,
        muted: QColor,
        own_colour: QColor,
    ) -> None:
        if isinstance(element, TextElement):
            kind = element.kind
            if kind is ElementKind.TRANSITION:
                block(element.text, align=Qt.AlignmentFlag.AlignRight, top=line_height / 2)
            elif kind is ElementKind.CENTERED:
                block(element.text, align=Qt.AlignmentFlag.AlignHCenter, top=line_height / 2)
            elif kind is ElementKind.PAGE_BREAK:
                block("", top=line_height / 2)
            elif kind in (ElementKind.NOTE, ElementKind.SYNOPSIS):
                block(element.text, italic=True, colour=muted, top=line_height / 2)
            elif kind is ElementKind.SECTION:
                block(element.text, bold=True, colour=muted, top=line_height)
            elif kind is ElementKind.LYRIC:
                block(element.text, italic=True, left=indents.dialogue, top=line_height / 2)
            else:
                block(element.text, top=line_height / 2)
            return
        own = self._own_role is not None and self._own_role in speakers_of(
            element.character, self._joint
        )
        colour = own_colour if own else None
        cue = element.character + (f" ({element.extension})" if element.extension else "")
        if element.dual:
            cue += "  ^"
        if indents is _PLAY:
            block(cue, bold=True, top=line_height / 2, colour=colour)
        else:
            block(cue, left=indents.cue, bold=own, top=line_height / 2, colour=colour)
        parts = self._override(key) if self._override is not None else None
        for part in element.parts if parts is None else parts:
            if part.kind is PartKind.PARENTHETICAL:
                block(
                    part.text,
                    left=indents.parenthetical,
                    right=indents.dialogue_right + 4,
                    colour=muted,
                    italic=True,
                )
            else:
                block(part.text, left=indents.dialogue, right=indents.dialogue_right, colour=colour)

    def refresh(self) -> None:
        """Render again with the same script, role and override (hiding changed)."""
        if self._script is not None:
            bar = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(bar)

    def key_at(self, position: int) -> ElementKey | None:
        """The element containing document ``position``, for clicks on a line."""
        for key, (start, end) in self._ranges.items():
            if start <= position <= end:
                return key
        return None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-clicking a line asks to rehearse from there."""
        key = self.key_at(self.cursorForPosition(event.position().toPoint()).position())
        if key is not None:
            self.line_activated.emit(key)
        else:
            super().mouseDoubleClickEvent(event)

    # -- following the rehearsal ------------------------------------------------------------
    def highlight(self, key: ElementKey | None) -> None:
        """Mark ``key`` as the current line and keep it in view (None clears the mark)."""
        changed = key != self._current
        self._current = key
        if changed:
            self.current_changed.emit(key)
        if key is None or key not in self._ranges:
            self.setExtraSelections([])
            return
        start, end = self._ranges[key]
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        fmt.setBackground(
            highlight.darker(160) if is_dark(self.palette()) else highlight.lighter(170)
        )
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = fmt
        self.setExtraSelections([selection])
        view_cursor = QTextCursor(self.document())
        view_cursor.setPosition(start)
        self.setTextCursor(view_cursor)  # screen readers follow the text cursor
        self._scroll_to(key)

    def _scroll_to(self, key: ElementKey) -> None:
        """Keep the current line in the upper third of the view, wholly visible.

        The actor reads ahead: the line they are about to say must be whole, with room
        below it for what comes next, and the cue just above. Left where it is while it
        already sits there, so the page does not jump on every line.
        """
        rect = self.element_rect(key)
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        top = rect.top() - bar.value()
        if 0 <= top <= height / 3 and rect.bottom() - bar.value() <= height:
            return
        if rect.height() > height * 5 / 6:  # longer than the view: from its first word
            target = rect.top() - LINE_MARGIN
        else:
            target = rect.top() - height / 6
        bar.setValue(max(0, int(target)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the page a centred column, and room below the last line so it, too, can
        scroll up to the upper third."""
        super().resizeEvent(event)
        self._centre_column()
        self._pad_the_end()
        if self._current is not None and self._current in self._ranges:
            self._scroll_to(self._current)

    def column_width(self) -> int:
        """The page's width: a printed line of the script font and its margins."""
        char_width = QFontMetricsF(self.font()).horizontalAdvance("M")
        return int(char_width * SPACING.page_chars + 2 * DOCUMENT_MARGIN)

    def _centre_column(self) -> None:
        """Narrow the page to :meth:`column_width` in the middle of a wide window.

        Margins around the viewport, not inside the document: the current line's band and
        a click both stay within the page, and the scroll bar stays at the window's edge.
        """
        bar = self.verticalScrollBar()
        spare = self.width() - 2 * self.frameWidth() - bar.sizeHint().width()
        side = max(0, (spare - self.column_width()) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
            # The text edit wraps its document to the viewport only in its own resize
            # event, which ran before these margins narrowed the viewport: without this
            # the page kept the wider width, cut off behind a sideways scroll bar.
            self.document().setTextWidth(self.viewport().width())

    def _pad_the_end(self) -> None:
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        padding = max(0, int(self.viewport().height() * 2 / 3))
        if abs(fmt.bottomMargin() - padding) > 8:
            fmt.setBottomMargin(padding)
            root.setFrameFormat(fmt)

    def element_rect(self, key: ElementKey) -> QRectF:
        """Where an element's text lies on the page, in document pixels (top to bottom)."""
        start, end = self._ranges[key]
        layout = self.document().documentLayout()
        first = layout.blockBoundingRect(self.document().findBlock(start))
        last = layout.blockBoundingRect(self.document().findBlock(max(start, end - 1)))
        return QRectF(first.left(), first.top(), first.width(), last.bottom() - first.top())

    def show_scene_start(self, scene: int) -> None:
        """Clear the mark and scroll so scene ``scene`` (its heading) is at the top of the page:
        a cold read's prep starts there, not where the last run left the page."""
        self.highlight(None)
        first = next((start for (s, _), (start, _) in self._ranges.items() if s == scene), None)
        if first is None or self._script is None:
            return
        block = self.document().findBlock(first)
        if self._script.scenes[scene].heading and block.previous().isValid():
            block = block.previous()  # the heading is the block just before the first element
        top = self.document().documentLayout().blockBoundingRect(block).top()
        if not any(s < scene for (s, _) in self._ranges):
            top = 0  # the first scene: the page from its title, as it was printed
        self.verticalScrollBar().setValue(int(top))

    def current(self) -> ElementKey | None:
        """The highlighted line, if any."""
        return self._current

    def element_text(self, key: ElementKey) -> str:
        """The text as displayed for one element (what a test or screen reader sees)."""
        start, end = self._ranges[key]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")
