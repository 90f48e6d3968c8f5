"""The password of the organisation's database (#15): in memory, or in the OS keyring.

A password never enters an address, a setting, a log or a message. The
program asks for it when the server wants one (ui/dialogs/password_dialog.py,
or getpass in the command line) and keeps it in memory for the session
(``remember_for_session``); the user may also keep it in the operating
system's password store (Windows Credential Manager, macOS Keychain, the
Secret Service on Linux) under the service "Facilitator", the account being
the address without a password (``store.server.describe``). A pgpass file
remains the other way: with no password known here, libpq looks there.
"""

from __future__ import annotations

import logging
import threading

KEYRING_SERVICE = "Facilitator"

log = logging.getLogger(__name__)
_lock = threading.Lock()  # the sync dialog's worker connects too
_session: dict[str, str] = {}
# Accounts the keyring had no password for: not asked again at every new connection
# (a locked Secret Service would prompt each time); libpq's pgpass is used for them.
_not_in_keyring: set[str] = set()


def remember_for_session(account: str, password: str) -> None:
    with _lock:
        _session[account] = password


def forget_for_session(account: str) -> None:
    with _lock:
        _session.pop(account, None)
        _not_in_keyring.discard(account)


def known_password(account: str) -> str | None:
    """The password of ``account``: this session's, else the keyring's, else None."""
    with _lock:
        if account in _session or account in _not_in_keyring:
            return _session.get(account)
    password = _from_keyring(account)  # the keyring is asked once a session
    with _lock:
        if password is None:
            _not_in_keyring.add(account)
        else:
            _session[account] = password
    return password


def keyring_usable() -> bool:
    """Whether the operating system offers a password store keyring can use."""
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # noqa: BLE001 - a broken backend is as good as none
        return False


def save_password(account: str, password: str) -> bool:
    """Keep the password in the keyring; False when there is no usable keyring."""
    if not keyring_usable():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, account, password)
    except KeyringError as exc:
        log.warning("The password of %s could not be kept in the keyring: %s",
                    account, type(exc).__name__)
        return False
    return True


def saved_in_keyring(account: str) -> bool:
    return _from_keyring(account) is not None


def forget_password(account: str) -> bool:
    """Remove the password from the keyring and this session; True when one was saved."""
    forget_for_session(account)
    if not keyring_usable():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(KEYRING_SERVICE, account)
    except KeyringError:  # PasswordDeleteError: none was saved
        return False
    return True


def _from_keyring(account: str) -> str | None:
    if not keyring_usable():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, account)
    except KeyringError as exc:  # a locked or refusing store: ask the user instead
        log.warning("The keyring could not be read for %s: %s", account, type(exc).__name__)
        return None
