"""Arkiv → Dela ut till antecknare…: one package per group for the note-takers' laptops.

Each chosen group gets a file "<workshop> – <group>[ – <note-taker>].json" in
one folder (a USB stick, usually): only that group, or the whole workshop. The
note-taker imports it, captures, exports the workshop back; Arkiv → Samla in…
brings the packages home.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator import settings as opts
from facilitator.atomic import TargetFileError
from facilitator.interchange.handout import HandoutRequest, safe_file_name, write_handout
from facilitator.services import groups
from facilitator.services.core import ServiceError, Store
from facilitator.settings import Settings


class HandoutPackagesDialog(QDialog):
    def __init__(self, store: Store, settings: Settings, workshop_id: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._workshop_id = store, workshop_id
        self.result_paths: list[Path] = []
        self.setObjectName("handoutPackagesDialog")
        self.setWindowTitle(self.tr("Hand out to note-takers"))
        self.setMinimumWidth(620)
        intro = QLabel(self.tr(
            "One package per group for the note-takers' laptops. They import it (Arkiv → "
            "Importera paket…), take notes and export the workshop back (Arkiv → Exportera "
            "paket…); then collect their packages with Arkiv → Samla in… (Ctrl+Shift+I)."))
        intro.setWordWrap(True)

        self.group_boxes: list[QCheckBox] = []
        self.note_takers: list[QLineEdit] = []
        self._group_ids: list[str] = []
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Group")), 0, 0)
        grid.addWidget(QLabel(self.tr("Note-taker (optional)")), 0, 1)
        for n, group in enumerate(groups.list_groups(store, workshop_id), 1):
            box = QCheckBox(group.name or self.tr("Group {n}").format(n=n))
            box.setObjectName(f"handoutGroup{n}")
            box.setChecked(True)
            name = QLineEdit()
            name.setObjectName(f"handoutNoteTaker{n}")
            name.setAccessibleName(self.tr("Note-taker of {group}").format(group=box.text()))
            name.setPlaceholderText(self.tr("Name, for the file name"))
            box.toggled.connect(name.setEnabled)
            grid.addWidget(box, n, 0)
            grid.addWidget(name, n, 1)
            self.group_boxes.append(box)
            self.note_takers.append(name)
            self._group_ids.append(group.id)
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMaximumHeight(240)
        # The groups stay in view when the list of written files appears below them.
        scroll.setMinimumHeight(min(inner.sizeHint().height() + 2 * scroll.frameWidth(), 240))
        if not self.group_boxes:
            grid.addWidget(QLabel(self.tr("The workshop has no groups yet (page Grupper).")),
                           1, 0, 1, 2)

        self.whole_workshop = QCheckBox(self.tr("&Whole workshop in each package"))
        self.whole_workshop.setObjectName("handoutWholeWorkshop")
        self.whole_workshop.setToolTip(self.tr(
            "Every package holds all groups; otherwise only the note-taker's group."))

        base = Path(settings.get(opts.MINUTES_FOLDER) or Path.home())
        note_takers = self.tr("note-takers")  # outside the f-string, where lupdate sees it
        folder_name = safe_file_name(f"{title} – {note_takers}", suffix="")
        self.folder = QLineEdit(str(base / folder_name))
        self.folder.setObjectName("handoutFolder")
        self.folder.setAccessibleName(self.tr("Folder for the packages"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setObjectName("handoutBrowseFolder")
        browse.setAutoDefault(False)
        browse.clicked.connect(self._choose_folder)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        self.written = QListWidget()
        self.written.setObjectName("handoutWritten")
        self.written.setAccessibleName(self.tr("Written packages"))
        self.written.setMaximumHeight(120)
        self.written.setVisible(False)  # until packages are written
        self.status = QLabel()
        self.status.setObjectName("handoutPackagesStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("&Save"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("handoutPackagesSave")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(bool(self.group_boxes))
        self.save_button.clicked.connect(self.save)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll)
        layout.addWidget(self.whole_workshop)
        layout.addLayout(folder_row)
        layout.addWidget(self.status)
        layout.addWidget(self.written)
        layout.addWidget(buttons)
        if self.group_boxes:
            self.group_boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the packages"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def requests(self) -> list[HandoutRequest]:
        return [HandoutRequest(group_id, name.text().strip())
                for box, name, group_id in zip(self.group_boxes, self.note_takers,
                                               self._group_ids, strict=True)
                if box.isChecked()]

    def save(self) -> None:
        requests = self.requests()
        folder = self.folder.text().strip()
        if not requests:
            self.status.setText(self.tr("Choose at least one group."))
            return
        if not folder:
            self.status.setText(self.tr("Choose a folder for the packages."))
            return
        try:
            paths = write_handout(self._store, self._workshop_id, requests, Path(folder),
                                  whole_workshop=self.whole_workshop.isChecked())
        except (ServiceError, TargetFileError) as exc:
            self.status.setText(self.tr("No packages were written: {reason}").format(
                reason=exc))
            return
        self.written.clear()
        self.written.addItems([p.name for p in paths])
        self.written.setVisible(True)
        self.adjustSize()  # grow for the list rather than squeeze the groups
        self.status.setText(self.tr("{n} packages written in {folder}:").format(
            n=len(paths), folder=folder))
        self.written.setFocus(Qt.FocusReason.OtherFocusReason)
        self.result_paths = paths
