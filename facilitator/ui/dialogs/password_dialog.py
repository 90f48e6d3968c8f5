"""Lösenord till organisationens databas (#15): asked when the server wants a password.

The password stays in memory for the session (store/secrets.py); "Kom ihåg på
den här datorn" also keeps it in the operating system's password store, once
the server has accepted it (``keep_if_asked``). A refused password asks again
with the server's refusal shown. Without a usable password store the box is
off, with a line saying the password is then asked at every start.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.store import secrets


class PasswordDialog(QDialog):
    def __init__(self, account: str, refused: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Password for the organisation's database"))
        self.setMinimumWidth(480)  # the address on one line, the hint in a few
        where = QLabel(self.tr("The organisation's database {address} wants a password.")
                       .format(address=account))
        where.setObjectName("passwordAddress")
        where.setWordWrap(True)
        if "password authentication failed" in refused:  # libpq's words, in English
            said = self.tr("The password was not accepted ({reason}).")
        else:
            said = self.tr("The server refused it: {reason}")
        self.refusal = QLabel(said.format(reason=refused))
        self.refusal.setObjectName("passwordRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #a4000f;")  # dark red: 7:1 on white
        self.refusal.setVisible(bool(refused))
        self.password = QLineEdit()
        self.password.setObjectName("passwordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        if refused:
            self.password.setAccessibleDescription(self.refusal.text())
        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setObjectName("passwordRemember")
        self.no_keyring = QLabel(self.tr(
            "This computer has no password store Facilitator can use, so the password is "
            "asked each time the program starts. The organisation's IT department can put it "
            "in a pgpass file instead."))
        self.no_keyring.setObjectName("passwordNoKeyring")
        self.no_keyring.setWordWrap(True)
        usable = secrets.keyring_usable()
        self.remember.setEnabled(usable)
        self.no_keyring.setVisible(not usable)
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.refusal)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.no_keyring)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():  # the wrapped lines' height
            self.resize(self.width(), layout.heightForWidth(self.width()))
        self.password.setFocus()  # also when opened over another dialog

    def accept(self) -> None:
        if not self.password.text():
            self.password.setFocus()
            return
        secrets.remember_for_session(self.account, self.password.text())
        super().accept()


def ask_password(account: str, refused: str = "", parent: QWidget | None = None) -> bool | None:
    """Ask for the password of ``account``; None when the user cancels, else whether it is
    to be kept in the keyring once the server has accepted it. The password itself is in
    this session's memory (store/secrets.py) and nowhere else."""
    dialog = PasswordDialog(account, refused, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.remember.isEnabled() and dialog.remember.isChecked()
    finally:
        dialog.password.clear()
        dialog.deleteLater()


def keep_if_asked(account: str, remember: bool) -> None:
    """After the server accepted the session's password: into the keyring if asked."""
    if remember and (password := secrets.known_password(account)) is not None:
        secrets.save_password(account, password)
