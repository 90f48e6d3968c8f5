"""The bottom of a dialog that saves one Word document: a status line, then
"Öppna mappen", "Spara" and "Stäng" (the sign-in sheet, the agenda handout and
the project report share it).

Enter saves wherever the cursor is in the dialog: only "Spara" is a default
button, so a focused "Välj…" never takes Enter over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class DocxSaveBar(QWidget):
    def __init__(self, dialog: QDialog, prefix: str) -> None:
        """``prefix`` starts the object names ("handout" → "handoutSave" …)."""
        super().__init__(dialog)
        self._dialog = dialog
        self.result_path: Path | None = None
        self.status = QLabel()
        self.status.setObjectName(f"{prefix}Status")
        self.status.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.setObjectName(f"{prefix}OpenFolder")
        self.open_folder.setVisible(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName(f"{prefix}Save")
        self.save_button.setDefault(True)
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(dialog.reject)
        for button in (self.open_folder, close):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_folder)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def no_target(self) -> None:
        self.status.setText(self.tr("Choose where to save the document."))

    def failed(self, reason: str) -> None:
        self.status.setText(self.tr("The document was not saved."))
        QMessageBox.warning(self._dialog, self.tr("The document was not saved"), reason)

    def saved(self, path: Path) -> None:
        self.result_path = path
        self.status.setText(self.tr("Saved {path}").format(path=path))
        self.open_folder.setVisible(True)

    def _open_folder(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path.parent)))
