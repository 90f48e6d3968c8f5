"""The change bus: one coalesced Qt signal for everything the store committed."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.services.core import Change, Store


class ChangeBus(QObject):
    """Re-announces store commits on the GUI thread, coalesced per event-loop turn.

    ``changed`` carries the union of kinds and ids committed since the last
    emission, so a burst of edits redraws a view once.
    """

    changed = Signal(object)  # Change
    saved = Signal()
    # Auto connection: a commit made on another thread is delivered on the GUI thread.
    _committed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kinds: set[str] = set()
        self._ids: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._flush)
        self._committed.connect(self._on_commit)
        store.subscribe(self._committed.emit)

    def _on_commit(self, change: Change) -> None:
        self._kinds |= change.kinds
        self._ids |= change.ids
        if not change.by_others:  # "Sparat hh:mm" is about what this window stored
            self.saved.emit()
        self._timer.start()

    def _flush(self) -> None:
        if not self._kinds:
            return
        change = Change(frozenset(self._kinds), frozenset(self._ids))
        self._kinds.clear()
        self._ids.clear()
        self.changed.emit(change)
