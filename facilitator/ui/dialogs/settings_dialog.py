"""Inställningar: preferences of the user interface (not of the workshops)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.settings import LANGUAGE, ORGANISATION_DATABASE, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        self.organisation_database = QLineEdit(settings.get(ORGANISATION_DATABASE))
        self.organisation_database.setObjectName("settingsOrganisationDatabase")
        self.organisation_database.setAccessibleName(self.tr("The organisation's database"))
        self.organisation_database.setPlaceholderText("postgresql://användare@server/databas")
        self.organisation_database.setMinimumWidth(360)
        self.address_error = QLabel()
        self.address_error.setObjectName("settingsAddressError")
        self.address_error.setWordWrap(True)
        self.address_error.setStyleSheet("color: #a4000f;")  # dark red: 7:1 on white
        self.address_error.hide()
        self.organisation_database.textEdited.connect(lambda _text: self.address_error.hide())
        self.forget_button = QPushButton(self.tr("&Forget the saved password"))
        self.forget_button.setObjectName("settingsForgetPassword")
        self.forget_button.setAutoDefault(False)  # Enter still means OK
        self.forget_button.clicked.connect(self.forget_password)
        self.password_note = QLabel()
        self.password_note.setObjectName("settingsPasswordNote")
        self.password_note.setWordWrap(True)
        self.password_note.hide()
        address_row = QHBoxLayout()
        address_row.addWidget(self.organisation_database, 1)
        address_row.addWidget(self.forget_button)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("The organisation's database:"), address_row)
        note = QLabel(self.tr("A new language is used from the next start of Facilitator."))
        note.setWordWrap(True)
        sync_note = QLabel(self.tr(
            "File → Synchronise merges this computer's projects with the organisation's "
            "database. Its password is never kept in the settings: Facilitator asks for it "
            "and can keep it in this computer's password store, or libpq reads it from a "
            "pgpass file."))
        sync_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.address_error)
        layout.addWidget(self.password_note)
        layout.addWidget(note)
        layout.addWidget(sync_note)
        layout.addWidget(buttons)

    def forget_password(self) -> None:
        """Remove the address's password from the keyring (and from this session)."""
        from facilitator.store import secrets
        from facilitator.store.server import ServerError, describe, is_server_url, server_url

        address = self.organisation_database.text().strip()
        try:
            account = describe(server_url(address)) if is_server_url(address) else None
        except ServerError:
            account = None
        if account is None:
            note = self.tr("Write the organisation's database address first.")
        elif secrets.forget_password(account):
            note = self.tr("The saved password of {address} was removed from this computer.")
        else:
            note = self.tr("No password of {address} was saved on this computer.")
        self.password_note.setText(note.format(address=account))
        self.password_note.show()
        self.forget_button.setAccessibleDescription(self.password_note.text())

    def address_problem(self, address: str) -> str | None:
        """Why ``address`` can't be the organisation's database, or None when it can."""
        from facilitator.messages import TranslatedError, translate_error
        from facilitator.store.server import is_server_url, server_url

        if not address:
            return None
        if not is_server_url(address):
            return self.tr("Write the address of a PostgreSQL database, beginning with "
                           "postgresql://, for example postgresql://anna@server/facilitator.")
        try:
            url = server_url(address)
        except TranslatedError as exc:
            return translate_error(exc)
        if url.password is not None or "password" in url.query:
            # Settings are a plain file: a password there is readable by anything the user runs.
            return self.tr("Leave the password out of the address: the settings are not a "
                           "safe place for it. Facilitator asks for it when it connects and "
                           "can keep it in this computer's password store; or put it in a "
                           "pgpass file (pgpass.conf in %APPDATA%\\postgresql on Windows, "
                           "~/.pgpass elsewhere), where the database connection finds it.")
        if not (url.host or "host" in url.query) or not url.database:
            return self.tr("The address needs both the server and the database, for "
                           "example postgresql://anna@server/facilitator.")
        return None

    def accept(self) -> None:
        address = self.organisation_database.text().strip()
        problem = self.address_problem(address)
        if problem is not None:
            self.address_error.setText(problem)
            self.organisation_database.setAccessibleDescription(problem)  # read out with it
            self.address_error.show()
            self.adjustSize()  # room for the reason, however long
            self.organisation_database.setFocus()
            self.organisation_database.selectAll()
            return
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set(ORGANISATION_DATABASE, address)
        self.settings.sync()
        super().accept()
