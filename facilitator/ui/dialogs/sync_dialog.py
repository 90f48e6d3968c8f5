"""Synkronisera: this computer's projects and the organisation's database, both ways (#15).

The dialog connects to the server, shows what a sync would do (a dry run of
interchange/sync.py: new, changed and in conflict, per direction) and runs it
when asked. A server that can't be reached, or a sync cut off, is shown here
and loses nothing: each direction is one transaction, and running it again
finishes it. The server's connections are closed when the dialog closes.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from facilitator.interchange.sync import SyncResult
from facilitator.messages import TranslatedError, translate_error
from facilitator.services.core import Store
from facilitator.ui.shortcuts import CONFLICTS_KEY

T = TypeVar("T")


class SyncDialog(QDialog):
    # The laptop's database changed: the window reloads what it shows.
    synchronised = Signal()

    def __init__(self, laptop: Store, address: str, parent: QWidget | None = None) -> None:
        from facilitator.store.server import ServerError, describe, server_url

        super().__init__(parent)
        self.laptop, self.address = laptop, address
        self.server: Store | None = None
        self.outcome: SyncResult | None = None
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Synchronise with the organisation's database"))
        self.resize(640, 320)
        try:
            shown = describe(server_url(address))
        except ServerError:
            shown = address
        where = QLabel(self.tr("The organisation's database: {address}").format(address=shown))
        where.setObjectName("syncAddress")
        where.setWordWrap(True)
        self.projects_label = QLabel()
        self.projects_label.setObjectName("syncProjects")
        self.projects_label.setWordWrap(True)
        self.table = QTableWidget(2, 3)
        self.table.setObjectName("syncPreview")
        self.table.setAccessibleName(self.tr("What the sync brings, per direction"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("New"), self.tr("Changed"), self.tr("In conflict")])
        self.table.setVerticalHeaderLabels(
            [self.tr("To the server"), self.tr("To this computer")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + 2 * self.table.verticalHeader().defaultSectionSize()
                                  + 2 * self.table.frameWidth() + 2)
        self.status = QLabel(self.tr("Connecting to the organisation's database…"))
        self.status.setObjectName("syncStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.run_button = QPushButton(self.tr("&Synchronise"))
        self.run_button.setObjectName("syncRun")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        hint = QLabel(self.tr("Enter: synchronise · Esc: close · {key}: Conflicts").format(
            key=CONFLICTS_KEY))
        hint.setObjectName("syncHint")
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.projects_label)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._started = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.run_button.setDefault(True)  # the button box made Close the default as it showed
        if not self._started:  # once the dialog is on screen: connecting may take seconds
            self._started = True
            QTimer.singleShot(0, self.preview)

    # ----- the work ----------------------------------------------------------------------
    def preview(self) -> None:
        """Connect and show what a sync would do; nothing is written."""
        from facilitator.interchange.sync import synchronise
        from facilitator.store.server import open_server_database

        if self.server is None:
            engine = self._attempt(lambda: open_server_database(self.address))
            if engine is None:
                return
            self.server = Store(engine)
        server = self.server
        result = self._attempt(lambda: synchronise(self.laptop, server, dry_run=True))
        if result is None:
            return
        self._show_projects(result.project_ids)
        self._show_counts(result)
        if not result.project_ids:
            self.status.setText(self.tr(
                "This computer and the organisation's database have no project in common. "
                "Take a project offline first: start Facilitator on the organisation's "
                "database and choose File → Take offline…"))
            return
        text = self.tr("Nothing has been written yet. Synchronise to bring these changes to "
                       "both sides.")
        if result.counts(result.to_laptop)[2]:
            text += " " + self.tr("The row To this computer is counted before this computer's "
                                  "changes reach the server: a field changed on both sides "
                                  "may be counted on both rows.")
        self.status.setText(text)
        self.run_button.setEnabled(True)
        self.run_button.setFocus()

    def run(self) -> None:
        """Synchronise: the laptop's edits to the server, then the server's back."""
        from facilitator.interchange.sync import synchronise

        if self.server is None or self.outcome is not None:
            return
        server = self.server
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Synchronising…"))
        result = self._attempt(lambda: synchronise(
            self.laptop, server, laptop_name=socket.gethostname() or "laptop"))
        if result is None:
            self.run_button.setEnabled(True)  # nothing lost: running it again finishes it
            return
        self.outcome = result
        self._show_counts(result)
        text = self.tr("Synchronised: this computer and the organisation's database now "
                       "hold the same.")
        # A conflict is kept in the database that found it; it does not travel.
        here, there = result.counts(result.to_laptop)[2], result.counts(result.to_server)[2]
        if here:
            text += " " + self.tr(
                "{n} fields were changed on both sides: the newer value is kept and the other "
                "is saved, see File → Conflicts ({key}).").format(n=here, key=CONFLICTS_KEY)
        if there:
            text += " " + self.tr(
                "{n} fields were changed on both sides and the organisation's database kept "
                "the newer value: the other one is in Conflicts there (Facilitator started on "
                "the organisation's database).").format(n=there)
        self.status.setText(text)
        self.close_button.setFocus()
        self.synchronised.emit()

    def _attempt(self, call: Callable[[], T]) -> T | None:
        try:
            return call()
        except TranslatedError as exc:
            self._show_error(translate_error(exc))
        except SQLAlchemyError as exc:  # the connection dropped in the middle
            self._show_error(str(getattr(exc, "orig", None) or exc).strip().splitlines()[0])
        return None

    def _show_error(self, reason: str) -> None:
        self.status.setText(self.tr("Could not be done: {reason}\nNothing has been lost; "
                                    "try again when the connection works.").format(
                                        reason=reason))
        self.close_button.setFocus()

    # ----- showing it ---------------------------------------------------------------------
    def _show_projects(self, project_ids: list[str]) -> None:
        from facilitator.services.overview import list_projects

        names = [p.name for p in list_projects(self.laptop, include_deleted=True)
                 if p.id in set(project_ids)]
        self.projects_label.setText(self.tr("Projects on both: {names}").format(
            names=", ".join(names)) if names else "")

    def _show_counts(self, result: SyncResult) -> None:
        for row, results in enumerate((result.to_server, result.to_laptop)):
            for column, count in enumerate(result.counts(results)):
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    def counts_shown(self) -> list[list[str]]:
        """The table as the user reads it: a row per direction."""
        return [[(item.text() if (item := self.table.item(row, column)) else "")
                 for column in range(3)] for row in range(2)]

    def done(self, code: int) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        super().done(code)
