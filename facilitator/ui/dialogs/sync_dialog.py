"""Synkronisera: this computer's projects and the organisation's database, both ways (#15).

The dialog connects to the server, shows what a sync would do (a dry run of
interchange/sync.py: new, changed and in conflict, per direction) and runs it
when asked. A server that can't be reached, or a sync cut off, is shown here
and loses nothing: each direction is one transaction, and running it again
finishes it. The server's connections are closed when the dialog closes.

The server's half (connecting, reading this computer's projects, the import
there) runs on a worker thread, so a server that does not answer never freezes
the window; Avbryt closes the dialog at once. The laptop's half stays on this
(the UI) thread: the laptop's store announces its commits to the window's
listeners, and those must run here. Reading the laptop's database from the
worker is safe: its engine hands each thread its own pooled connection
(store/db.py, check_same_thread off), and while the dialog is open nothing
else writes to it (the dialog is modal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

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

from facilitator.interchange.sync import ServerHalf, SyncResult, laptop_label
from facilitator.messages import TranslatedError
from facilitator.services.core import Store
from facilitator.ui.server_worker import PENDING, failure_reason, run_on_worker
from facilitator.ui.shortcuts import CONFLICTS_KEY

# The answers still to come, also of dialogs already closed (server_worker.py).
_PENDING = PENDING


class SyncDialog(QDialog):
    # The laptop's database changed: the window reloads what it shows.
    synchronised = Signal()

    def __init__(self, laptop: Store, address: str, parent: QWidget | None = None) -> None:
        from facilitator.store.server import ServerError, describe, server_url

        super().__init__(parent)
        self.laptop, self.address = laptop, address
        self.laptop_name = laptop_label(laptop)
        self.server: Store | None = None
        self.outcome: SyncResult | None = None
        self.worker: threading.Thread | None = None  # the server's half, while it runs
        self.closed = threading.Event()  # set as the dialog closes: answers are dropped
        self.wants_conflicts = False  # closed by "Visa konflikter": the window opens them
        self.remember_password = False  # asked for one to be kept: once the server takes it
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Synchronise with the organisation's database"))
        self.resize(640, 1)  # as tall as its lines; it grows with a longer status
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
        # Room for its longest message (three lines), so the dialog need not grow later.
        self.status.setMinimumHeight(3 * self.status.fontMetrics().lineSpacing())
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.run_button = QPushButton(self.tr("&Synchronise"))
        self.run_button.setObjectName("syncRun")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.conflicts_button = QPushButton(self.tr("Show &conflicts"))
        self.conflicts_button.setObjectName("syncShowConflicts")
        self.conflicts_button.setVisible(False)
        self.conflicts_button.clicked.connect(self.open_conflicts)
        buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self._close_text = self.close_button.text()  # Avbryt while the server's half runs
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
        if not self._started:  # once the dialog is on screen
            self._started = True
            QTimer.singleShot(0, self.preview)

    # ----- the work ----------------------------------------------------------------------
    def preview(self) -> None:
        """Connect and show what a sync would do; nothing is written."""
        from facilitator.interchange.sync import shared_projects, to_server
        from facilitator.store.server import open_server_database

        laptop, address, name = self.laptop, self.address, self.laptop_name

        def work() -> tuple[Store, list[str], ServerHalf]:
            server = Store(open_server_database(address))
            try:
                ids = shared_projects(laptop, server)
                return server, ids, to_server(laptop, server, ids, dry_run=True,
                                              laptop_name=name)
            except BaseException:
                server.close()
                raise

        self._busy(self.tr("Connecting to the organisation's database…"))
        self._in_worker(work, self._previewed)

    def _previewed(self, answer: tuple[Store, list[str], ServerHalf]) -> None:
        from facilitator.interchange.sync import to_laptop
        from facilitator.ui.dialogs.password_dialog import keep_if_asked
        from facilitator.ui.server_session import describe_account

        self.server, ids, half = answer
        keep_if_asked(describe_account(self.server), self.remember_password)
        result = SyncResult(ids, half.results)
        if ids:
            outcome = self._attempt(lambda: to_laptop(self.laptop, half, dry_run=True))
            if outcome is None:
                return
            result.to_laptop, result.conflicts_copied = outcome
        self._show_projects(ids)
        self._show_counts(result)
        if not ids:
            self.status.setText(self.tr(
                "This computer and the organisation's database have no project in common. "
                "Take a project offline first: start Facilitator on the organisation's "
                "database and choose File → Take offline…"))
            return
        self.status.setText(self.tr("Nothing has been written yet. Synchronise to bring "
                                    "these changes to both sides."))
        self.run_button.setEnabled(True)
        self.run_button.setFocus()

    def run(self) -> None:
        """Synchronise: the laptop's edits to the server, then the server's back."""
        from facilitator.interchange.sync import shared_projects, to_server

        if self.server is None or self.outcome is not None or self.worker is not None:
            return
        laptop, server, name = self.laptop, self.server, self.laptop_name

        def work() -> tuple[list[str], ServerHalf]:
            ids = shared_projects(laptop, server)
            return ids, to_server(laptop, server, ids, laptop_name=name)

        self.run_button.setEnabled(False)
        self._busy(self.tr("Synchronising…"))
        self._in_worker(work, self._synchronised)

    def _synchronised(self, answer: tuple[list[str], ServerHalf]) -> None:
        from facilitator.interchange.sync import to_laptop

        ids, half = answer
        result = SyncResult(ids, half.results)
        outcome = self._attempt(lambda: to_laptop(self.laptop, half))
        if outcome is None:  # the server has it; running it again brings it here
            self.run_button.setEnabled(True)
            return
        result.to_laptop, result.conflicts_copied = outcome
        self.outcome = result
        self._show_counts(result)
        text = self.tr("Synchronised: this computer and the organisation's database now "
                       "hold the same.")
        found = result.conflicts_here
        if found:
            text += " " + self.tr(
                "{n} fields were changed on both sides: the newer value is kept and the other "
                "is saved in Conflicts on this computer ({key}).").format(
                    n=found, key=CONFLICTS_KEY)
            self.conflicts_button.setVisible(True)
        self.status.setText(text)
        (self.conflicts_button if found else self.close_button).setFocus()
        self.synchronised.emit()

    def open_conflicts(self) -> None:
        """Close, and have the window open Konflikter (sync_commands.py)."""
        self.wants_conflicts = True
        self.accept()

    def ask_password(self, account: str, refused: str) -> None:
        """The server wants a password: ask here (the worker never shows a dialog), then
        connect again; Avbryt leaves the server's refusal shown."""
        from facilitator.store import secrets
        from facilitator.ui.dialogs.password_dialog import ask_password

        secrets.forget_for_session(account)  # none, or refused: not to be offered again
        answer = ask_password(account, refused, self)
        if answer is None:
            self._show_error(refused or self.tr("The server wants a password."))
            return
        self.remember_password = answer
        self.preview()

    def _in_worker(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """``work`` on a thread of its own, then ``then(answer)`` here, unless the dialog
        was closed meanwhile: then a server the work connected to is closed."""

        def answered(answer: Any) -> None:
            self.worker = None
            self._idle()
            then(answer)

        def failed(reason: str) -> None:
            self.worker = None
            self._idle()
            self._show_error(reason)
            # Connected, the sync not done: nothing lost, and running it again finishes it.
            self.run_button.setEnabled(self.server is not None and self.outcome is None)

        def dropped(answer: Any) -> None:
            self.worker = None
            if isinstance(answer, tuple) and isinstance(answer[0], Store):
                answer[0].close()
            self._close_server()

        def needs_password(account: str, refused: str) -> None:
            self.worker = None
            self._idle()
            self.ask_password(account, refused)

        self.worker = run_on_worker(work, closed=self.closed, answered=answered,
                                    failed=failed, dropped=dropped, name="sync-server",
                                    password_needed=needs_password)

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.close_button.setText(self.tr("Cancel"))
        self.close_button.setFocus()

    def _idle(self) -> None:
        self.close_button.setText(self._close_text)

    def _attempt(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except (TranslatedError, SQLAlchemyError) as exc:
            self._show_error(failure_reason(exc))
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

    def _close_server(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    def done(self, code: int) -> None:
        self.closed.set()  # a worker still at work drops its answer and closes the server
        if self.worker is None:
            self._close_server()
        super().done(code)
