"""Undoable edits: every change a user makes goes through a command over a service.

The service runs first (``Editor.run``); only when it succeeds is the command
pushed on the undo stack, so a refused edit leaves no history entry and shows
its message instead. ``redo`` after an ``undo`` runs the service again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from facilitator.atomic import TargetFileError
from facilitator.services.core import ServiceError

MERGE_WINDOW_S = 5.0


class ServiceCommand(QUndoCommand):
    """An edit described by two callables: ``do`` (returns a result) and ``undo``.

    ``undo`` receives the result of the last ``do``, typically the previous
    value a setter returned, or the id a creation returned.
    """

    def __init__(self, text: str, do: Callable[[], Any],
                 undo: Callable[[Any], object],
                 redo: Callable[[Any], Any] | None = None,
                 merge_key: tuple[int, str] | None = None) -> None:
        super().__init__(text)
        self._do, self._undo, self._redo = do, undo, redo
        self._merge_key = merge_key
        self.result: Any = None
        self._done = False
        self._last_edit = time.monotonic()

    def execute(self) -> Any:
        self.result = self._do()
        self._done = True
        return self.result

    def redo(self) -> None:
        if self._done:  # the first redo happens in Editor.run, before push()
            return
        self.result = self._redo(self.result) if self._redo else self._do()
        self._done = True

    def undo(self) -> None:
        self._undo(self.result)
        self._done = False

    def id(self) -> int:
        return self._merge_key[0] if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Typing in one field in a burst becomes one undo step; undo keeps the oldest value.

        A pause longer than ``MERGE_WINDOW_S`` starts a new step, so a long
        writing session can still be undone a paragraph at a time.
        """
        if not isinstance(other, ServiceCommand) or other._merge_key != self._merge_key:
            return False
        if other._last_edit - self._last_edit > MERGE_WINDOW_S:
            return False
        self._do, self._redo = other._do, other._redo
        self._last_edit = other._last_edit
        return True


class Editor(QObject):
    """Runs edits as undoable commands and reports refusals instead of raising."""

    refused = Signal(str)

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def run(self, command: ServiceCommand) -> bool:
        """Execute ``command`` and push it when it succeeded (its result is ``command.result``).

        A refusal is announced through ``refused`` and leaves no history entry.
        """
        try:
            command.execute()
        except (ServiceError, TargetFileError) as exc:
            self.refused.emit(str(exc))
            return False
        self.stack.push(command)
        return True

    def attempt(self, call: Callable[[], Any]) -> Any:
        """Run an undo callback or other non-recorded call, reporting refusals."""
        try:
            return call()
        except (ServiceError, TargetFileError) as exc:
            self.refused.emit(str(exc))
            return None


def setter(text: str, apply: Callable[[Any], Any], value: Any,
           merge_key: tuple[int, str] | None = None) -> ServiceCommand:
    """A command for a service that sets a value and returns the previous one."""
    return ServiceCommand(
        text,
        do=lambda: apply(value),
        undo=lambda old: apply(old),
        redo=lambda _old: apply(value),
        merge_key=merge_key,
    )


def creator(text: str, create: Callable[[], str], delete: Callable[[str], Any],
            restore: Callable[[str], Any]) -> ServiceCommand:
    """A command that creates a row; undo moves it to the trash, redo restores the same row."""

    def redo_again(row_id: str) -> str:
        restore(row_id)
        return row_id

    return ServiceCommand(text, do=create, undo=lambda row_id: delete(row_id), redo=redo_again)


def deleter(text: str, delete: Callable[[], Any], restore: Callable[[Any], Any]) -> ServiceCommand:
    """A command that moves a row to the trash; ``delete`` returns what ``restore`` needs."""
    return ServiceCommand(text, do=delete, undo=lambda place: restore(place))
