"""A password store and a password-only login for the password tests (#15).

``MemoryKeyring`` is a real keyring backend (keyring.set_keyring), kept in memory:
the tests never touch the OS password store. ``password_login`` makes the role
pw_only, which tools/pg_cluster.sh's cluster lets in only with its password
(scram); on a cluster that trusts it, the tests that need a refusal skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import psycopg
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy import make_url

from facilitator.store import secrets

ROLE = "pw_only"
PASSWORD = "Rätt-lösen å ä ö 16"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # keyring's class property, a plain value here

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.saved.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@contextmanager
def keyring_in_memory() -> Iterator[MemoryKeyring]:
    """A fresh in-memory keyring and an empty session, both restored afterwards."""
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    forget_session()
    try:
        yield backend
    finally:
        forget_session()
        keyring.set_keyring(before)


def forget_session() -> None:
    """As if the program started again: no password in memory."""
    secrets._session.clear()
    secrets._not_in_keyring.clear()


def password_login(server_database: str) -> str:
    """The address of ``server_database`` for pw_only (no password in it): the role may
    use every table there."""
    with psycopg.connect(server_database, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (ROLE,)).fetchone()
        if exists is None:
            admin.execute(f"CREATE ROLE {ROLE} LOGIN")
        admin.execute(f"ALTER ROLE {ROLE} PASSWORD '{PASSWORD}'")
        for grant in (f"GRANT ALL ON SCHEMA public TO {ROLE}",
                      f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {ROLE}",
                      f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {ROLE}",
                      f"GRANT ALL ON ALL FUNCTIONS IN SCHEMA public TO {ROLE}"):
            admin.execute(grant)
    return make_url(server_database).set(username=ROLE, password=None).render_as_string(
        hide_password=False)


def server_asks_for_password(address: str) -> bool:
    """Whether the server refuses ``address``'s login without a password."""
    try:
        psycopg.connect(address, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        return "password" in str(exc)
    return False
