"""Papperskorg: restore deleted projects and workshops, or remove them for good."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import projects, trash, workshops
from facilitator.services.core import Store
from facilitator.ui.commands import Editor, ServiceCommand

ID_ROLE = Qt.ItemDataRole.UserRole


class TrashDialog(QDialog):
    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.editor = store, editor
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self.resize(640, 380)
        self.items = QTreeWidget()
        self.items.setObjectName("trashItems")
        self.items.setAccessibleName(self.tr("Deleted projects and workshops"))
        self.items.setHeaderLabels([self.tr("Name"), self.tr("Project"), self.tr("Deleted")])
        self.items.setRootIsDecorated(False)
        self.items.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("The trash is empty."))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("trashRestore")
        self.restore_button.clicked.connect(self.restore_selected)
        self.remove_button = QPushButton(self.tr("Remove for good…"))
        self.remove_button.setObjectName("trashRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.empty_button = QPushButton(self.tr("Empty the trash…"))
        self.empty_button.setObjectName("trashEmpty")
        self.empty_button.clicked.connect(self.empty_all)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Deleted workshops stay here until the trash is emptied. Restoring brings "
            "back everything that was in them.")))
        layout.addWidget(self.items, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.items.clear()
        for item in trash.list_trash(self.store):
            kind = self.tr("Project") if item.kind == "project" else self.tr("Workshop")
            row = QTreeWidgetItem(self.items, [
                item.title, item.project if item.kind == "workshop" else kind,
                item.deleted_at.strftime("%Y-%m-%d %H:%M")])
            row.setData(0, ID_ROLE, (item.kind, item.id, item.finalised))
        self.items.resizeColumnToContents(0)
        self.empty_label.setVisible(self.items.topLevelItemCount() == 0)
        self._update_buttons()

    def _selected(self) -> tuple[str, str, bool] | None:
        current = self.items.currentItem()
        return current.data(0, ID_ROLE) if current is not None else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.restore_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.empty_button.setEnabled(self.items.topLevelItemCount() > 0)

    def restore_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        kind, row_id, _final = chosen
        if kind == "project":
            command = ServiceCommand(
                self.tr("Restore project"),
                do=lambda: projects.restore_project(self.store, row_id),
                undo=lambda _r: projects.delete_project(self.store, row_id))
        else:
            command = ServiceCommand(
                self.tr("Restore workshop"),
                do=lambda: workshops.restore_workshop(self.store, row_id),
                undo=lambda _r: workshops.delete_workshop(self.store, row_id,
                                                          allow_finalised=True))
        self.editor.run(command)
        self.reload()

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Remove for good?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        kind, row_id, finalised = chosen
        text = self.tr("This cannot be undone. Remove it and everything in it for good?")
        if finalised:
            text = self.tr("This is a finalised public record (allmän handling). Remove it "
                           "only if the archive rules allow it. This cannot be undone.")
        if self._confirm(text):
            self.editor.attempt(lambda: trash.remove_for_good(
                self.store, kind, row_id, allow_finalised=finalised))
            self.editor.stack.clear()  # undo history may refer to what is gone
            self.reload()

    def empty_all(self) -> None:
        if self._confirm(self.tr("Everything in the trash except finalised public records "
                                 "is removed for good. This cannot be undone.")):
            self.editor.attempt(lambda: trash.empty_trash(self.store))
            self.editor.stack.clear()
            self.reload()
