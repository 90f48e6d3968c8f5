"""Undoable edits: every change a user makes goes through a command over a service.

The service runs first (``Editor.run``); only when it succeeds is the command
pushed on the undo stack, so a refused edit leaves no history entry and shows
its message instead. ``redo`` after an ``undo`` runs the service again.

An undo or redo can be refused too (disk full, database locked). QUndoStack has
moved its index by then, so the Editor moves it back to where the data is and
reports the refusal: the stack always says what the database holds.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from facilitator.atomic import TargetFileError
from facilitator.messages import translate_error
from facilitator.services.core import ChangedSinceError, ServiceError
from facilitator.store.stamping import guarding_undo

MERGE_WINDOW_S = 5.0


@contextmanager
def undoing_guard() -> Iterator[None]:
    """While an undo or redo runs, the store refuses to write a row someone else wrote
    after this window's last write to it (store/stamping.py)."""
    token = guarding_undo.set(True)
    try:
        yield
    finally:
        guarding_undo.reset(token)


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
        # The Editor that pushed it, told about a refused undo/redo. Held weakly: the stack
        # owns its commands, and a cycle through them crashes the garbage collector.
        self._editor: weakref.ref[Editor] | None = None
        self._done = False
        self._last_edit = time.monotonic()

    @property
    def done(self) -> bool:
        """Whether the database holds this edit (the state undo/redo last left it in)."""
        return self._done

    def execute(self) -> Any:
        self.result = self._do()
        self._done = True
        return self.result

    def redo(self) -> None:
        # Already done: the first redo happens in Editor.run before push(), and the Editor
        # steps forward over a command whose undo was refused.
        if self._done or self._halted():
            return
        try:
            with undoing_guard():
                self.result = self._redo(self.result) if self._redo else self._do()
        except (ServiceError, TargetFileError) as exc:
            self._refused(exc, undoing=False)
            return
        self._done = True

    def undo(self) -> None:
        if not self._done or self._halted():
            return
        try:
            with undoing_guard():
                self._undo(self.result)
        except (ServiceError, TargetFileError) as exc:
            self._refused(exc, undoing=True)
            return
        self._done = False

    @property
    def editor(self) -> Editor | None:
        return self._editor() if self._editor is not None else None

    @editor.setter
    def editor(self, editor: Editor) -> None:
        self._editor = weakref.ref(editor)

    def _halted(self) -> bool:
        """An earlier step of the same undo/redo run was refused: the rest must not run."""
        editor = self.editor
        return editor is not None and editor.halted

    def _refused(self, exc: Exception, undoing: bool) -> None:
        editor = self.editor
        if editor is not None:
            editor.step_refused(self, exc, undoing)

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
        self._refusal: tuple[ServiceCommand, Exception, bool] | None = None
        # Why the last ``run`` was refused: a page keeps typed text after some refusals.
        self.last_refusal: Exception | None = None
        self._stepping_back = False
        # A plain function holding the Editor weakly: the stack may signal while it is being
        # destroyed (it clears itself), after this Editor has already gone.
        editor = weakref.ref(self)

        def keep_in_step(_index: int) -> None:
            alive = editor()
            if alive is not None:
                alive.keep_in_step()

        stack.indexChanged.connect(keep_in_step)

    @property
    def halted(self) -> bool:
        """True from a refused undo/redo until the stack is back in step with the data."""
        return self._refusal is not None or self._stepping_back

    def step_refused(self, command: ServiceCommand, exc: Exception, undoing: bool) -> None:
        """``command`` could not be undone (``undoing``) or redone; the data did not change."""
        if self._refusal is None:
            self._refusal = (command, exc, undoing)

    def keep_in_step(self) -> None:
        """Put the index back where the data is, after the stack moved over a refused step.

        QUndoStack (undo, redo, a click in the history) moves its index after calling the
        commands, whatever they did. The refused command is still in the state it was in,
        and every later step of the same run was skipped, so the right index is just past
        the refused command when undoing and just before it when redoing. The commands
        between are already in that state, so stepping over them runs no service.
        """
        if self._refusal is None or self._stepping_back:
            return
        command, exc, undoing = self._refusal
        self._refusal = None
        position = next((i for i in range(self.stack.count())
                         if self.stack.command(i) is command), None)
        if position is not None:
            self._stepping_back = True
            try:
                self.stack.setIndex(position + 1 if undoing else position)
            finally:
                self._stepping_back = False
        if undoing:
            message = self.tr("Could not undo ”{action}”: {reason}")
        else:
            message = self.tr("Could not redo ”{action}”: {reason}")
        self.refused.emit(message.format(action=command.text(), reason=translate_error(exc)))

    def run(self, command: ServiceCommand) -> bool:
        """Execute ``command`` and push it when it succeeded (its result is ``command.result``).

        A refusal is announced through ``refused`` and leaves no history entry.
        """
        self.last_refusal = None
        try:
            command.execute()
        except (ServiceError, TargetFileError) as exc:
            self.last_refusal = exc
            self.refused.emit(translate_error(exc))
            return False
        command.editor = self
        self.stack.push(command)
        return True

    def attempt(self, call: Callable[[], Any]) -> Any:
        """Run an undo callback or other non-recorded call, reporting refusals."""
        try:
            return call()
        except (ServiceError, TargetFileError) as exc:
            self.refused.emit(translate_error(exc))
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


def refused_by_colleague(editor: Editor) -> bool:
    """Whether the last ``run`` was refused because someone else changed the value first."""
    return isinstance(editor.last_refusal, ChangedSinceError)


def checked_setter(text: str, apply: Callable[[Any, Any], Any], value: Any, shown: Any,
                   merge_key: tuple[int, str] | None = None) -> ServiceCommand:
    """A setter over a value a colleague may change meanwhile (#15): ``apply(value,
    expected)`` stores ``value`` only if the stored value is still ``shown``, what the
    user saw when they began. Undo and redo pass None: the undo guard protects those."""
    return ServiceCommand(
        text,
        do=lambda: apply(value, shown),
        undo=lambda old: apply(old, None),
        redo=lambda _old: apply(value, None),
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
