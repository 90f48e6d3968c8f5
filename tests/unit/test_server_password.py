"""The organisation's database password (#15): never in an address, given to each new
connection by the password provider (the session's, else the OS keyring's), asked on the
command line's terminal, refused by the server when wrong. The keyring is a real backend
kept in memory (tests/passwords.py); the server is the test server, where pw_only must
give its password (tools/pg_cluster.sh)."""

from __future__ import annotations

import getpass
import io
import sys
from typing import Any

import pytest
from sqlalchemy import event, text

from facilitator import cli
from facilitator.services.core import Store
from facilitator.store import secrets
from facilitator.store.server import (
    PasswordNeededError,
    describe,
    make_server_engine,
    open_server_database,
    server_url,
)
from tests.passwords import (
    PASSWORD,
    forget_session,
)


def _parameters_given(engine: Any) -> list[dict[str, Any]]:
    """The parameters psycopg is called with, for each new connection (after ours)."""
    seen: list[dict[str, Any]] = []
    event.listen(engine, "do_connect",
                 lambda _d, _r, _a, params: seen.append(dict(params)))
    return seen


def test_the_providers_password_reaches_psycopg_and_nothing_else(  # type: ignore[no-untyped-def]
        server_database, memory_keyring) -> None:
    engine = make_server_engine(server_database, password=lambda: "Hemligt-ö")
    seen = _parameters_given(engine)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()
    assert seen[0]["password"] == "Hemligt-ö"
    assert "Hemligt" not in engine.url.render_as_string(hide_password=False)
    assert memory_keyring.saved == {}


def test_the_keyrings_password_is_read_once_a_session(  # type: ignore[no-untyped-def]
        server_database, memory_keyring) -> None:
    account = describe(server_url(server_database))
    memory_keyring.set_password("Facilitator", account, "Från-nyckelringen")
    engine = make_server_engine(server_database)
    seen = _parameters_given(engine)
    try:
        with engine.connect():
            pass
        memory_keyring.saved.clear()  # the session keeps it: the keyring is not asked again
        engine.dispose()
        with engine.connect():
            pass
    finally:
        engine.dispose()
    assert [params["password"] for params in seen] == ["Från-nyckelringen"] * 2


def test_without_a_password_the_server_asks_and_a_wrong_one_is_refused(  # type: ignore[no-untyped-def]
        pw_address, memory_keyring) -> None:
    account = describe(server_url(pw_address))
    with pytest.raises(PasswordNeededError) as none_given:
        open_server_database(pw_address)
    assert none_given.value.account == account and none_given.value.refused == ""
    assert "pgpass" in str(none_given.value)
    with pytest.raises(PasswordNeededError) as wrong:
        open_server_database(pw_address, password=lambda: "fel")
    assert "password authentication failed" in wrong.value.refused
    assert "fel" not in str(wrong.value).replace("failed", "")

    secrets.remember_for_session(account, PASSWORD)
    engine = open_server_database(pw_address)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT current_user")).scalar() == "pw_only"
    finally:
        engine.dispose()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_command_line_asks_on_a_terminal_and_remembers_only_when_told(  # type: ignore[no-untyped-def]
        pw_address, memory_keyring, monkeypatch, capsys) -> None:
    account = describe(server_url(pw_address))
    Store(open_server_database(pw_address, password=lambda: PASSWORD)).close()  # migrated
    assert cli.run(["--db", pw_address, "list"]) == cli.EXIT_FAILED  # no terminal
    assert "pgpass" in capsys.readouterr().err

    prompts: list[str] = []
    answers = iter(["fel", PASSWORD])

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(getpass, "getpass", typed)
    assert cli.run(["--db", pw_address, "list"]) == cli.EXIT_OK
    assert prompts == [f"Lösenord för {account}: "] * 2
    assert "password authentication failed" in capsys.readouterr().err
    assert memory_keyring.saved == {}  # read, never written, without --remember-password

    forget_session()
    answers = iter([PASSWORD])
    assert cli.run(["--db", pw_address, "--remember-password", "list"]) == cli.EXIT_OK
    assert memory_keyring.saved == {("Facilitator", account): PASSWORD}

    forget_session()
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # no terminal: the keyring's is used
    assert cli.run(["--db", pw_address, "list"]) == cli.EXIT_OK
    assert len(prompts) == 3


def test_a_password_given_is_forgotten_from_the_keyring_and_the_session(  # type: ignore[no-untyped-def]
        memory_keyring) -> None:
    account = "postgresql://anna@server/facilitator"
    secrets.remember_for_session(account, "x")
    assert secrets.save_password(account, "x")
    assert secrets.forget_password(account) is True
    assert secrets.known_password(account) is None
    assert secrets.forget_password(account) is False


def test_the_it_commands_ask_on_a_terminal_too(  # type: ignore[no-untyped-def]
        pw_address, memory_keyring, monkeypatch, capsys) -> None:
    assert cli.run(["server-units", pw_address]) == cli.EXIT_FAILED  # no terminal
    assert "pgpass" in capsys.readouterr().err
    prompts: list[str] = []
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or PASSWORD)
    cli.run(["server-units", pw_address])  # pw_only may not read the roles: it got in
    assert prompts == [f"Lösenord för {describe(server_url(pw_address))}: "]
    assert "pgpass" not in capsys.readouterr().err  # past the password
