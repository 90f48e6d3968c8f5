"""What the Översikt list editors (roles, key figures) share: the Delete key on
their list, and the new list a removal or a move makes.

Each editor hands the new list to its service as one undoable command, with
its own words for the undo menu.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class _Entry(Protocol):
    @property
    def id(self) -> str | None: ...


E = TypeVar("E", bound=_Entry)


def without(entries: Sequence[E], row: int) -> tuple[list[E], str | None] | None:
    """``entries`` without ``row``, and the id of the row to select after; None if no row."""
    if not 0 <= row < len(entries):
        return None
    rest = [*entries[:row], *entries[row + 1:]]
    return rest, (rest[min(row, len(rest) - 1)].id if rest else None)


def moved(entries: Sequence[E], row_id: str, target: int) -> list[E] | None:
    """``entries`` with the one whose id is ``row_id`` at ``target``; None if it is gone."""
    moving = next((e for e in entries if e.id == row_id), None)
    if moving is None:
        return None
    rest = [e for e in entries if e is not moving]
    rest.insert(target, moving)
    return rest


class _DeleteKey(QObject):
    def __init__(self, widget: QWidget, act: Callable[[], None]) -> None:
        super().__init__(widget)
        self.act = act

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_Delete \
                or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key is the list's, not the window's Delete action
            return True
        if event.type() == QEvent.Type.KeyPress:
            self.act()
            return True
        return False


def on_delete_key(widget: QWidget, act: Callable[[], None]) -> None:
    """Delete in ``widget`` calls ``act`` (the window's own Delete action stands back)."""
    widget.installEventFilter(_DeleteKey(widget, act))
