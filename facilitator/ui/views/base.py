"""What every workshop screen shares: the store to read, the editor to write through."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from facilitator.services.core import Change, NotFoundError, Store
from facilitator.ui.commands import Editor


class WorkshopPage(QWidget):
    """A tab showing one aspect of the current workshop.

    Pages read through services and write only through ``self.editor`` (undoable
    commands); they redraw when the change bus reports a kind in ``WATCHED``.
    """

    WATCHED: frozenset[str] = frozenset()

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.editor = editor
        self.workshop_id: str | None = None

    def set_workshop(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.safe_refresh()

    def on_changed(self, change: Change) -> None:
        if change.kinds & self.WATCHED:
            self.safe_refresh()

    def safe_refresh(self) -> None:
        try:
            self.refresh()
        except NotFoundError:
            self.workshop_id = None
            self.refresh()

    def refresh(self) -> None:
        """Redraw from the store; must cope with ``workshop_id`` being None."""
        raise NotImplementedError
