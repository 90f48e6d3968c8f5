"""Ta med offline: copy projects of the organisation's database to this computer (#15).

The window runs on the server; the chosen projects are merged into this
computer's own database (the one Facilitator opens when started without
--db), where they can be worked on without a network and later brought back
with Arkiv → Synchronise.
"""

from __future__ import annotations

from pathlib import Path

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

from facilitator.messages import TranslatedError, translate_error
from facilitator.services.core import Store

ID_ROLE = Qt.ItemDataRole.UserRole


class TakeOfflineDialog(QDialog):
    def __init__(self, server: Store, laptop_database: Path,
                 parent: QWidget | None = None) -> None:
        from facilitator.services.overview import list_projects

        super().__init__(parent)
        self.server, self.laptop_database = server, laptop_database
        self.taken: list[str] = []
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
        self.take_button.setEnabled(bool(self.checked_ids()))

    def take(self) -> None:
        """Copy the checked projects into this computer's database and say where."""
        from facilitator.app import open_store
        from facilitator.interchange.sync import take_offline

        chosen = self.checked_ids()
        if not chosen:
            return
        try:
            laptop = open_store(self.laptop_database)
        except (TranslatedError, OSError) as exc:
            self._show_error(translate_error(exc))
            return
        try:
            take_offline(self.server, laptop, chosen)
        except TranslatedError as exc:
            self._show_error(translate_error(exc))
            return
        except SQLAlchemyError as exc:  # the server's connection dropped
            self._show_error(str(getattr(exc, "orig", None) or exc).strip().splitlines()[0])
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
