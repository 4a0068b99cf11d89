"""Reading what a window shows, failing with a message that names what is missing.

Qt hands back ``None`` for an empty cell, a missing child or a window without a central
widget; a test that relies on one being there says so here instead of failing later with
an ``AttributeError``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QMainWindow,
    QStackedWidget,
    QTableWidget,
    QTreeWidgetItem,
    QWidget,
)


def current_page(window: QMainWindow) -> QWidget | None:
    """The page the main window shows: its central widget is the stack of its pages."""
    stack = window.centralWidget()
    assert isinstance(stack, QStackedWidget), f"the central widget is {stack!r}, not a stack"
    return stack.currentWidget()


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a table's cell, which must hold an item."""
    item = table.item(row, column)
    assert item is not None, f"no item in row {row}, column {column}"
    return item.text()


def child_texts(item: QTreeWidgetItem, column: int = 0) -> list[str]:
    """The texts of a tree item's children, in order."""
    texts = []
    for index in range(item.childCount()):
        child = item.child(index)
        assert child is not None, f"no child {index} under {item.text(column)!r}"
        texts.append(child.text(column))
    return texts
