"""Arkiv → Samla in…: the note-takers' packages, previewed before anything is written.

Files are added with the file chooser or typed as a path (Enter). Each one is
checked on its own, so a bad file shows its error in the list and the others
stay; the preview (``collect_preview``) shows, per group and kind, what the
good ones together would make new, change, delete or leave in conflict.
Importera merges them all in one transaction and says what it did.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.interchange.collect_preview import (
    OUTCOMES,
    CollectPreview,
    preview_collect,
)
from facilitator.interchange.importer import import_packages
from facilitator.interchange.package_file import read_package_file
from facilitator.services.core import ServiceError, Store
from facilitator.ui.shortcuts import CONFLICTS_KEY


@dataclass
class PackageFile:
    path: Path
    data: Any = None
    error: str = ""


class CollectDialog(QDialog):
    imported = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.files: list[PackageFile] = []
        self.preview: CollectPreview | None = None
        self.setObjectName("collectDialog")
        self.setWindowTitle(self.tr("Collect from note-takers"))
        self.resize(820, 560)
        self.kind_names = {
            "wish": self.tr("Wishes"), "attendance": self.tr("Check-ins"),
            "group": self.tr("Group"), "focus_area": self.tr("Focus areas"),
            "other": self.tr("Other")}
        intro = QLabel(self.tr(
            "Add the packages the note-takers exported. Nothing is written before you press "
            "Import; the table shows what would change."))
        intro.setWordWrap(True)

        self.path = QLineEdit()
        self.path.setObjectName("collectPath")
        self.path.setAccessibleName(self.tr("Path of a package"))
        self.path.setPlaceholderText(self.tr("Path of a package (.json); Enter adds it"))
        self.path.returnPressed.connect(self._add_typed)
        add_files = QPushButton(self.tr("&Add files…"))
        add_files.setObjectName("collectAddFiles")
        add_files.clicked.connect(self._choose_files)
        path_label = QLabel(self.tr("&Package:"))
        path_label.setBuddy(self.path)
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(add_files)

        self.file_list = QListWidget()
        self.file_list.setObjectName("collectFiles")
        self.file_list.setAccessibleName(self.tr("Packages (Delete removes one)"))
        self.file_list.setMaximumHeight(130)
        self.file_list.setWordWrap(True)  # a bad file's error is read in full, not scrolled
        self.file_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.file_list.installEventFilter(self)

        self.table = QTableWidget(0, 2 + len(OUTCOMES))
        self.table.setObjectName("collectPreview")
        self.table.setAccessibleName(self.tr("What the import would change, per group"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Group"), self.tr("What"), self.tr("New"), self.tr("Changed"),
            self.tr("Deleted"), self.tr("In conflict")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 2 + len(OUTCOMES)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.summary = QLabel()
        self.summary.setObjectName("collectSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("&Import"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("collectImport")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        for button in (add_files, self.import_button, close):
            button.setAutoDefault(False)  # Enter in the path field adds, never imports

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(path_row)
        layout.addWidget(self.file_list)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.path.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- files ---------------------------------------------------------------
    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Collect packages"), "",
                                                self.tr("Workshop package (*.json)"))
        self.add_files([Path(p) for p in paths])

    def _add_typed(self) -> None:
        text = self.path.text().strip().strip('"')
        if text:
            self.add_files([Path(text)])
            self.path.clear()

    def add_files(self, paths: list[Path]) -> None:
        known = {f.path.resolve() for f in self.files}
        for path in paths:
            if path.resolve() not in known:
                known.add(path.resolve())
                self.files.append(self._checked(path))
        self._refresh()

    def _checked(self, path: Path) -> PackageFile:
        """The file read and dry-run on its own, so its error is its own."""
        entry = PackageFile(path)
        try:
            entry.data = read_package_file(path)
            import_packages(self._store, [(copy.deepcopy(entry.data), path.name)],
                            dry_run=True)
        except ServiceError as exc:
            entry.error = str(exc)
        return entry

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if (watched is self.file_list and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            row = self.file_list.currentRow()
            if 0 <= row < len(self.files):
                del self.files[row]
                self._refresh()
                self.file_list.setCurrentRow(min(row, len(self.files) - 1))
            return True
        return super().eventFilter(watched, event)

    def good_packages(self) -> list[tuple[Any, str]]:
        return [(f.data, f.path.name) for f in self.files if not f.error]

    # ----- preview -------------------------------------------------------------
    def _refresh(self) -> None:
        self.file_list.clear()
        for entry in self.files:
            if entry.error:
                item = QListWidgetItem(self.tr("{name} – not imported: {error}").format(
                    name=entry.path.name, error=entry.error))
                item.setForeground(Qt.GlobalColor.darkRed)
            else:
                item = QListWidgetItem(entry.path.name)
            item.setToolTip(str(entry.path))
            self.file_list.addItem(item)
        self.preview = None
        packages = self.good_packages()
        error = ""
        if packages:
            try:
                self.preview = preview_collect(self._store, packages)
            except ServiceError as exc:
                error = self.tr("Together the packages cannot be imported: {error}").format(
                    error=exc)
        self._fill_table()
        self.import_button.setEnabled(self.preview is not None)
        if error:
            self.summary.setText(error)
        elif self.preview is not None:
            self.summary.setText(self._totals_text(self.preview, would=True))
        else:
            self.summary.setText(self.tr("Add at least one package."))

    def _fill_table(self) -> None:
        lines = self.preview.lines if self.preview is not None else []
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            group = (line.group_name or self.tr("Group without a name")) if line.group_id \
                else self.tr("All groups")
            cells = [group, self.kind_names[line.kind], *(str(line.counts[o]) for o in OUTCOMES)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if lines:
            self.table.setCurrentCell(0, 0)

    def table_rows(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and screen readers' sake alike)."""
        return [[cell.text() if (cell := self.table.item(r, c)) is not None else ""
                 for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def _totals_text(self, preview: CollectPreview, *, would: bool) -> str:
        text = (self.tr("{files} packages would give: {new} new, {changed} changed, "
                        "{deleted} deleted, {conflict} in conflict.") if would else
                self.tr("Imported {files} packages: {new} new, {changed} changed, "
                        "{deleted} deleted, {conflict} in conflict."))
        return text.format(files=len(preview.results), new=preview.total("new"),
                           changed=preview.total("changed"),
                           deleted=preview.total("deleted"),
                           conflict=preview.total("conflict"))

    # ----- import --------------------------------------------------------------
    def run_import(self) -> None:
        preview = self.preview
        packages = self.good_packages()
        if preview is None or not packages:
            return
        try:
            results = import_packages(self._store, copy.deepcopy(packages))
        except ServiceError as exc:
            self.summary.setText(self.tr("Nothing was imported: {error}").format(error=exc))
            return
        text = self._totals_text(preview, would=False)
        conflicts = sum(r.conflicts for r in results)
        if conflicts:
            text += " " + self.tr(
                "{n} fields were changed on two computers: both values are kept; choose in "
                "Arkiv → Konflikter ({key}).").format(n=conflicts, key=CONFLICTS_KEY)
        erased = [name for r in results for name in r.erased_again]
        if erased:
            text += " " + self.tr("Removed again, as erased earlier (GDPR): {names}.").format(
                names=", ".join(erased))
        self.files = [f for f in self.files if f.error]  # the bad ones stay to be seen
        self._refresh()
        self.summary.setText(text)
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
        self.imported.emit()
