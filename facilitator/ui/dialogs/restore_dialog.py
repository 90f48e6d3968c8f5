"""Återställ från säkerhetskopia: choose a backup; app.py closes, restores and reopens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.store.backup import BackupInfo, list_backups
from facilitator.ui.tree_items import top_level_items

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """Lists the database's backups with date, size and contents; returns the chosen one.

    The dialog restores nothing itself: the database must be closed first, so
    the caller (app.py) closes the window and store, restores and reopens.
    """

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = Path(database)
        self.backups: list[BackupInfo] = []
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(680, 380)
        self.items = QTreeWidget()
        self.items.setObjectName("restoreBackups")
        self.items.setAccessibleName(self.tr("Backups"))
        self.items.setHeaderLabels([self.tr("Date"), self.tr("Made"), self.tr("Size"),
                                    self.tr("Workshops"), self.tr("Wishes")])
        self.items.setRootIsDecorated(False)
        self.items.itemSelectionChanged.connect(self._update_buttons)
        self.items.itemDoubleClicked.connect(lambda *_: self.accept())
        self.empty_label = QLabel(self.tr("There are no backups of this database yet."))
        self.empty_label.setObjectName("restoreEmpty")
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setObjectName("restoreButton")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        explanation = QLabel(self.tr(
            "Restoring replaces the open database with the chosen backup. The current "
            "file is not deleted: it is kept beside it as “{name}.replaced-…”.").format(
                name=self.database.name))
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.items.clear()
        self.backups = list_backups(self.database)
        unreadable = self.tr("unreadable")
        for info in self.backups:
            row = QTreeWidgetItem(self.items, [
                info.time.strftime("%Y-%m-%d %H:%M"),
                self._reason(info.reason),
                self._size(info.size),
                unreadable if info.workshops is None else str(info.workshops),
                unreadable if info.wishes is None else str(info.wishes),
            ])
            for column in (2, 3, 4):
                row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter)
            row.setData(0, PATH_ROLE, str(info.path))
            if not info.readable:
                row.setDisabled(True)
        for column in range(5):
            self.items.resizeColumnToContents(column)
        self.empty_label.setVisible(not self.backups)
        first = next((item for item in top_level_items(self.items) if not item.isDisabled()),
                     None)
        if first is not None:
            self.items.setCurrentItem(first)
        self._update_buttons()

    def _reason(self, reason: str) -> str:
        if reason == "start":
            return self.tr("at start")
        if reason == "close":
            return self.tr("at close")
        if reason == "auto":
            return self.tr("while working")
        if reason.startswith("before-"):
            return self.tr("before an update")
        return reason

    def _size(self, size: int) -> str:
        if size >= 1_000_000:
            return self.tr("{size} MB").format(size=f"{size / 1_000_000:.1f}")
        return self.tr("{size} kB").format(size=max(1, round(size / 1000)))

    def chosen_backup(self) -> Path | None:
        current = self.items.currentItem()
        if current is None or current.isDisabled():
            return None
        return Path(current.data(0, PATH_ROLE))

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.chosen_backup() is not None)

    def accept(self) -> None:
        if self.chosen_backup() is None:
            return
        super().accept()
