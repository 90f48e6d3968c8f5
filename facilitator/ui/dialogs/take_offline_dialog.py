"""Ta med offline: copy projects of the organisation's database to this computer (#15).

The window runs on the server; the chosen projects are merged into this
computer's own database (the one Facilitator opens when started without
--db), where they can be worked on without a network and later brought back
with Arkiv → Synchronise.

Reading the projects from the server (possibly big, possibly slow) runs on a
worker thread (ui/server_worker.py), so the window keeps going and Avbryt
closes the dialog at once. The import into this computer's database stays on
this (the UI) thread, in one transaction, once the packages are all read: a
dialog closed before that leaves this computer's database as it was.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from facilitator.messages import TranslatedError
from facilitator.services.core import Store
from facilitator.ui.server_worker import failure_reason, run_on_worker

ID_ROLE = Qt.ItemDataRole.UserRole


class TakeOfflineDialog(QDialog):
    def __init__(self, server: Store, laptop_database: Path,
                 parent: QWidget | None = None) -> None:
        from facilitator.services.overview import list_projects

        super().__init__(parent)
        self.server, self.laptop_database = server, laptop_database
        self.taken: list[str] = []
        self.worker: threading.Thread | None = None  # reading the server, while it runs
        self.closed = threading.Event()  # set as the dialog closes: a late answer is dropped
        self.setObjectName("takeOfflineDialog")
        self.setWindowTitle(self.tr("Take offline"))
        self.resize(560, 420)
        intro = QLabel(self.tr("Check the projects to copy to this computer (Space checks "
                               "and unchecks)."))
        intro.setWordWrap(True)
        self.projects = QListWidget()
        self.projects.setObjectName("takeOfflineProjects")
        self.projects.setAccessibleName(self.tr("Projects on the organisation's database"))
        for project in list_projects(server):
            item = QListWidgetItem(project.name)
            item.setData(ID_ROLE, project.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.projects.addItem(item)
        self.projects.setCurrentRow(0)
        self.projects.itemChanged.connect(lambda _item: self._update_button())
        self.status = QLabel(self.tr("They are copied into {path}.").format(
            path=laptop_database))
        self.status.setObjectName("takeOfflineStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.take_button = QPushButton(self.tr("&Take offline"))
        self.take_button.setObjectName("takeOfflineRun")
        self.take_button.clicked.connect(self.take)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self._close_text = self.close_button.text()  # Avbryt while the server is read
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.projects, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._update_button()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Enter in the list takes the checked projects; the button box made Close the
        # default while it was shown.
        self.take_button.setDefault(True)

    def checked_ids(self) -> list[str]:
        items = (self.projects.item(row) for row in range(self.projects.count()))
        return [str(item.data(ID_ROLE)) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def _update_button(self) -> None:
        self.take_button.setEnabled(self.worker is None and bool(self.checked_ids()))

    def take(self) -> None:
        """Read the checked projects from the server (on a worker), then copy them into
        this computer's database and say where."""
        from facilitator.interchange.sync import server_packages

        chosen = self.checked_ids()
        if not chosen or self.worker is not None:
            return
        server = self.server

        def answered(packages: list[Any]) -> None:
            self._idle()
            self._copy(chosen, packages)

        def failed(reason: str) -> None:
            self._idle()
            self._show_error(reason)

        def dropped(_packages: Any) -> None:
            self.worker = None  # nothing was written here; the window's server stays open

        self.worker = run_on_worker(lambda: server_packages(server, chosen),
                                    closed=self.closed, answered=answered, failed=failed,
                                    dropped=dropped, name="take-offline-server")
        self.status.setText(self.tr("Reading the projects from the organisation's "
                                    "database…"))
        self.projects.setEnabled(False)
        self.take_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.close_button.setFocus()

    def _idle(self) -> None:
        self.worker = None
        self.close_button.setText(self._close_text)
        self.projects.setEnabled(True)
        self._update_button()

    def _copy(self, chosen: list[str], packages: list[Any]) -> None:
        """The server's packages into this computer's database, in one transaction."""
        from facilitator.app import open_store
        from facilitator.interchange.sync import import_offline

        try:
            laptop = open_store(self.laptop_database)
        except (TranslatedError, OSError) as exc:
            self._show_error(failure_reason(exc))
            return
        try:
            import_offline(laptop, packages)
        except (TranslatedError, SQLAlchemyError) as exc:
            self._show_error(failure_reason(exc))
            return
        finally:
            laptop.close()
        self.taken = chosen
        names = [item.text() for item in map(self.projects.item, range(self.projects.count()))
                 if item.data(ID_ROLE) in chosen]
        self.status.setText(self.tr(
            "Copied to this computer, into {path}: {names}. Start Facilitator without --db "
            "to work on them offline; File → Synchronise with the organisation's database "
            "brings the changes back.").format(path=self.laptop_database,
                                               names=", ".join(names)))
        self.close_button.setFocus()

    def _show_error(self, reason: str) -> None:
        self.status.setText(self.tr("Could not be done: {reason}\nNothing has been "
                                    "changed.").format(reason=reason))
        self.close_button.setFocus()

    def done(self, code: int) -> None:
        self.closed.set()  # a worker still reading drops its answer: nothing is copied
        super().done(code)
