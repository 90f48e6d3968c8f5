"""Arkiv → Närvarolista… / Dagordning att dela ut…: paper printed before the evening.

One dialog for both: where to save, and for the sign-in sheet the GDPR notice
(prefilled with the text last used, or the default) and how many blank rows.
The organisation's Word template chosen for the minutes is used here too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator import settings as opts
from facilitator.atomic import TargetFileError
from facilitator.minutes.handouts import (
    MAX_BLANK_ROWS,
    default_notice,
    export_agenda_handout,
    export_signin_sheet,
)
from facilitator.services.core import ServiceError, Store
from facilitator.settings import Settings
from facilitator.ui.widgets.docx_save_bar import DocxSaveBar
from facilitator.ui.widgets.docx_target import choose_docx, default_target, docx_path


class HandoutDialog(QDialog):
    """Save the sign-in sheet (``kind="signin"``) or the agenda handout (``kind="agenda"``)."""

    def __init__(self, store: Store, settings: Settings, workshop_id: str, title: str,
                 language: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._settings, self._workshop_id = store, settings, workshop_id
        self._kind, self._language = kind, language
        signin = kind == "signin"
        self.setObjectName("handoutDialog")
        self.setWindowTitle(self.tr("Sign-in sheet") if signin else self.tr("Agenda handout"))
        self.setMinimumWidth(560)

        self.target = QLineEdit(str(self._default_target(title)))
        self.target.setObjectName("handoutTarget")
        self.target.setAccessibleName(self.tr("File to save"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("handoutBrowse")
        browse.clicked.connect(self._choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Save as:"), target_row)

        self.notice = QPlainTextEdit()
        self.notice.setObjectName("handoutNotice")
        self.notice.setAccessibleName(self.tr("Text about personal data"))
        self.notice.setTabChangesFocus(True)
        self.notice.setPlainText(settings.get(opts.SIGNIN_NOTICE) or default_notice(language))
        self.default_button = QPushButton(self.tr("Default text"))
        self.default_button.setObjectName("handoutDefaultNotice")
        self.default_button.clicked.connect(
            lambda: self.notice.setPlainText(default_notice(self._language)))
        self.blank_rows = QSpinBox()
        self.blank_rows.setObjectName("handoutBlankRows")
        self.blank_rows.setAccessibleName(self.tr("Blank rows for walk-ins"))
        self.blank_rows.setRange(0, MAX_BLANK_ROWS)
        self.blank_rows.setValue(settings.get(opts.SIGNIN_BLANK_ROWS))
        if signin:
            notice_label = QLabel(self.tr("Text about &personal data (GDPR):"))
            notice_label.setBuddy(self.notice)
            form.addRow(notice_label)
            form.addRow(self.notice)
            below = QHBoxLayout()
            below.addWidget(self.blank_rows)
            below.addStretch(1)
            below.addWidget(self.default_button)
            form.addRow(self.tr("Blank rows:"), below)
        else:
            for widget in (self.notice, self.default_button, self.blank_rows):
                widget.setVisible(False)

        self.bar = DocxSaveBar(self, "handout")
        self.status, self.save_button = self.bar.status, self.bar.save_button
        self.bar.save_button.clicked.connect(self.save)
        # Enter saves wherever the cursor is, never "Choose…" (a focused button would
        # otherwise become the default for as long as it has focus).
        for button in (browse, self.default_button):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        if signin:  # reading order: the text, then the row below it left to right
            QWidget.setTabOrder(self.notice, self.blank_rows)
            QWidget.setTabOrder(self.blank_rows, self.default_button)
        (self.notice if signin else self.target).setFocus(Qt.FocusReason.OtherFocusReason)

    def _default_target(self, title: str) -> Path:
        prefix = self.tr("Sign-in sheet") if self._kind == "signin" else self.tr("Agenda")
        return default_target(self._settings, prefix, title, "workshop")

    def _choose_target(self) -> None:
        choose_docx(self, self.target, self.tr("Save as"))

    def save(self) -> None:
        target = docx_path(self.target.text())
        if target is None:
            self.bar.no_target()
            return
        template_text = self._settings.get(opts.MINUTES_TEMPLATE).strip()
        template = Path(template_text) if template_text else None
        notice = self.notice.toPlainText()
        try:
            if self._kind == "signin":
                path = export_signin_sheet(self._store, self._workshop_id, target, notice,
                                           self.blank_rows.value(), template)
            else:
                path = export_agenda_handout(self._store, self._workshop_id, target, template)
        except (ServiceError, TargetFileError) as exc:
            self.bar.failed(str(exc))
            return
        self._remember(path, notice)
        self.bar.saved(path)

    @property
    def result_path(self) -> Path | None:
        return self.bar.result_path

    def _remember(self, target: Path, notice: str) -> None:
        s = self._settings
        s.set(opts.MINUTES_FOLDER, str(target.parent))
        if self._kind == "signin":
            # The default text is not stored, so a later, better default reaches the user.
            own = notice.strip() != default_notice(self._language).strip()
            s.set(opts.SIGNIN_NOTICE, notice if own else "")
            s.set(opts.SIGNIN_BLANK_ROWS, self.blank_rows.value())
