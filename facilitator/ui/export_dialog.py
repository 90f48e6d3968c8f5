"""Arkiv → Exportera minnesanteckningar…: options, progress, and the finished file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator import settings as opts
from facilitator.atomic import TargetFileError
from facilitator.errors import log
from facilitator.minutes.export import MinutesOptions, write_docx
from facilitator.services.core import ServiceError, Store
from facilitator.settings import Settings
from facilitator.ui.views.export_preview import replaced_text
from facilitator.ui.widgets.docx_target import choose_docx, default_target, docx_path


class ExportMinutesDialog(QDialog):
    # The options as they are being chosen, for a preview behind the dialog (MinutesOptions).
    options_changed = Signal(object)

    def __init__(self, store: Store, settings: Settings, workshop_id: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._settings, self._workshop_id = store, settings, workshop_id
        self._busy = False
        self.result_path: Path | None = None
        self.replaced = ""  # after an export for publication: how many names were replaced
        self.setObjectName("exportMinutesDialog")
        self.setWindowTitle(self.tr("Export minutes"))
        self.setMinimumWidth(560)

        self.target = QLineEdit(str(self._default_target(title)))
        self.target.setObjectName("exportTarget")
        self.target.setAccessibleName(self.tr("File to save"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self._choose_target)
        browse.setAutoDefault(False)  # Enter in the dialog exports; it never opens a chooser
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)

        self.template = QLineEdit(settings.get(opts.MINUTES_TEMPLATE))
        self.template.setObjectName("exportTemplate")
        self.template.setAccessibleName(self.tr("Word template"))
        self.template.setPlaceholderText(self.tr("Built-in municipal template"))
        template_browse = QPushButton(self.tr("Choose…"))
        template_browse.setObjectName("exportTemplateBrowse")
        template_browse.clicked.connect(self._choose_template)
        template_browse.setAutoDefault(False)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(template_browse)

        self.participants = QCheckBox(self.tr("Include the list of participants"))
        self.participants.setObjectName("exportParticipants")
        self.participants.setChecked(settings.get(opts.MINUTES_PARTICIPANTS))
        self.anonymise = QCheckBox(self.tr("Anonymise names (for publication on the web)"))
        self.anonymise.setObjectName("exportAnonymise")
        self.anonymise.setChecked(settings.get(opts.MINUTES_ANONYMISE))
        self.publication = QCheckBox(self.tr(
            "For publication (replace the names of those who may not be named)"))
        self.publication.setObjectName("exportForPublication")
        self.publication.setToolTip(self.tr(
            "Who may be named is ticked on the participants' page (May be named)"))
        self.publication.setChecked(settings.get(opts.MINUTES_PUBLICATION))
        self.votes = QCheckBox(self.tr("Show the number of votes per wish"))
        self.votes.setObjectName("exportVotes")
        self.votes.setChecked(settings.get(opts.MINUTES_VOTES))
        self.order = QComboBox()
        self.order.setObjectName("exportOrder")
        self.order.setAccessibleName(self.tr("Order of wishes"))
        self.order.addItem(self.tr("As they were written"), "capture")
        self.order.addItem(self.tr("Most votes first"), "votes")
        self.order.setCurrentIndex(max(0, self.order.findData(settings.get(opts.MINUTES_ORDER))))

        for box in (self.participants, self.anonymise, self.publication, self.votes):
            box.toggled.connect(self._announce_options)
        self.order.currentIndexChanged.connect(self._announce_options)

        form = QFormLayout()
        form.addRow(self.tr("Save as:"), target_row)
        form.addRow(self.tr("Template:"), template_row)
        form.addRow(self.tr("Wishes:"), self.order)
        form.addRow("", self.votes)
        form.addRow("", self.participants)
        form.addRow("", self.anonymise)
        form.addRow("", self.publication)

        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.setObjectName("exportOpenFolder")
        self.open_folder.setVisible(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.open_folder.setAutoDefault(False)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(self.tr("Close"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_folder)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _default_target(self, title: str) -> Path:
        return default_target(self._settings, self.tr("Minutes"), title, "minnesanteckningar")

    def _choose_target(self) -> None:
        choose_docx(self, self.target, self.tr("Save minutes as"))

    def _choose_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a Word template"),
                                              self.template.text(),
                                              self.tr("Word templates (*.docx *.dotx)"))
        if path:
            self.template.setText(path)

    def options(self) -> MinutesOptions:
        template = self.template.text().strip()
        return MinutesOptions(
            template=Path(template) if template else None,
            include_participants=self.participants.isChecked(),
            anonymise=self.anonymise.isChecked(),
            for_publication=self.publication.isChecked(),
            order=self.order.currentData(),
            show_votes=self.votes.isChecked(),
        )

    def _announce_options(self) -> None:
        self.options_changed.emit(self.options())

    def _remember(self, target: Path) -> None:
        s = self._settings
        s.set(opts.MINUTES_TEMPLATE, self.template.text().strip())
        s.set(opts.MINUTES_FOLDER, str(target.parent))
        s.set(opts.MINUTES_PARTICIPANTS, self.participants.isChecked())
        s.set(opts.MINUTES_ANONYMISE, self.anonymise.isChecked())
        s.set(opts.MINUTES_PUBLICATION, self.publication.isChecked())
        s.set(opts.MINUTES_ORDER, self.order.currentData())
        s.set(opts.MINUTES_VOTES, self.votes.isChecked())

    @Slot()
    def start_export(self) -> None:
        target = docx_path(self.target.text())
        if target is None:
            self.status.setText(self.tr("Choose where to save the minutes."))
            return
        self._remember(target)
        self.export_button.setEnabled(False)
        self.open_folder.setVisible(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Exporting…"))
        # In this thread, with the window kept painted between steps: the export
        # takes under half a second even for 10,000 wishes, and a second Python
        # thread next to Qt's crashed a test run in garbage collection.
        self._busy = True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._repaint()
            from facilitator.minutes.build import build_minutes

            options = self.options()
            model = build_minutes(self._store, self._workshop_id, options)
            path = write_docx(model, target, options.template, self._on_progress)
            self.replaced = replaced_text(model) if options.for_publication else ""
        except (ServiceError, TargetFileError) as exc:
            self._finish_busy()
            self._on_failed(str(exc))
        except Exception as exc:  # noqa: BLE001 - reported in the dialog, logged in full
            log.exception("Minutes export failed")
            self._finish_busy()
            self._on_failed(f"{type(exc).__name__}: {exc}")
        else:
            self._finish_busy()
            self._on_finished(str(path))

    def _finish_busy(self) -> None:
        self._busy = False
        QApplication.restoreOverrideCursor()

    @staticmethod
    def _repaint() -> None:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._repaint()

    def _on_finished(self, path: str) -> None:
        self.result_path = Path(path)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        saved = self.tr("Saved {path}").format(path=path)
        self.status.setText(f"{saved}\n{self.replaced}" if self.replaced else saved)
        self.open_folder.setVisible(True)
        self.export_button.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.status.setText(self.tr("The minutes were not saved."))
        self.export_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("The minutes were not saved"), message)

    def _open_folder(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path.parent)))

    def is_busy(self) -> bool:
        return self._busy

    def reject(self) -> None:
        if self.is_busy():
            self.status.setText(self.tr("Please wait until the export is finished."))
            return
        super().reject()
