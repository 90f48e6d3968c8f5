"""Arkiv → Projektrapport…: the project's report (.docx) for a closing session's summary.

Like the handout dialog: where to save (suggested "Projektrapport <project>.docx"
in the folder last used), Save, and "Sparade …". The organisation's Word
template chosen for the minutes is used here too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator import settings as opts
from facilitator.atomic import TargetFileError
from facilitator.minutes.project_report import export_project_report
from facilitator.services.core import ServiceError, Store
from facilitator.settings import Settings
from facilitator.ui.widgets.docx_save_bar import DocxSaveBar
from facilitator.ui.widgets.docx_target import choose_docx, default_target, docx_path


class ProjectReportDialog(QDialog):
    """Save the report of ``project_id`` as a Word document."""

    def __init__(self, store: Store, settings: Settings, project_id: str, project_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._settings, self._project_id = store, settings, project_id
        self.setObjectName("projectReportDialog")
        self.setWindowTitle(self.tr("Project report"))
        self.setMinimumWidth(560)

        intro = QLabel(self.tr(
            "Figures for the project, then per focus area its narrative, the wishes of every "
            "workshop with their follow-ups, and the actions with their due dates."))
        intro.setWordWrap(True)
        self.target = QLineEdit(str(default_target(
            settings, self.tr("Project report"), project_name, "project")))
        self.target.setObjectName("reportTarget")
        self.target.setAccessibleName(self.tr("File to save"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("reportBrowse")
        browse.clicked.connect(lambda: choose_docx(self, self.target, self.tr("Save as")))
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Save as:"), target_row)

        self.bar = DocxSaveBar(self, "report")
        self.status, self.save_button = self.bar.status, self.bar.save_button
        self.bar.save_button.clicked.connect(self.save)
        browse.setAutoDefault(False)  # Enter saves wherever the cursor is, never "Choose…"

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        self.target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.target.selectAll()

    def save(self) -> None:
        target = docx_path(self.target.text())
        if target is None:
            self.bar.no_target()
            return
        template_text = self._settings.get(opts.MINUTES_TEMPLATE).strip()
        template = Path(template_text) if template_text else None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = export_project_report(self._store, self._project_id, target, template)
        except (ServiceError, TargetFileError) as exc:
            QApplication.restoreOverrideCursor()
            self.bar.failed(str(exc))
            return
        QApplication.restoreOverrideCursor()
        self._settings.set(opts.MINUTES_FOLDER, str(path.parent))
        self.bar.saved(path)

    @property
    def result_path(self) -> Path | None:
        return self.bar.result_path
