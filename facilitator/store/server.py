"""A shared store on a PostgreSQL server (#15): the same models, migrations and services.

``open_server_database(url)`` is the server twin of ``migrate.open_database``:
it refuses a schema newer than this program, then brings the schema to head
under an advisory lock, so two facilitators starting the app at the same
moment don't both migrate. There is no file to back up: the server's backups
are the municipality's IT department's (docs/server.md).

The URL is the user's (``postgresql://user@host/dbname``); the password is
never in it: each new connection gets it from a password provider (by default
the one the user gave this session, or the OS keyring: store/secrets.py),
else libpq looks in its own places (a pgpass file, PGPASSWORD). TLS: libpq's
default ``sslmode=prefer`` uses it when the server offers it; ``?sslmode=require``
in the URL insists on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, OperationalError

from facilitator.messages import TranslatedError, tr

SERVER_SCHEMES = ("postgresql", "postgres")
# Any constant of our own: the lock only has to be the same in every copy of the program.
MIGRATION_LOCK = 0x46_61_63_69  # "Faci"


class ServerError(TranslatedError, RuntimeError):
    """The server could not be reached, or its database is not one we can use."""


class PasswordNeededError(ServerError):
    """The server wants a password: none was known, or the one given was refused.

    ``account`` is the address without a password (the keyring's account), ``refused``
    the server's refusal of a password given (empty when none was given)."""

    def __init__(self, message: str, /, *, account: str, refused: str, **fields: Any) -> None:
        super().__init__(message, **fields)
        self.account, self.refused = account, refused


# libpq's words when the server wants a password it did not get, or refused the one it got.
_NO_PASSWORD = "no password supplied"
_PASSWORD_REFUSED = "password authentication failed"


def password_refusal(exc: BaseException) -> str | None:
    """None unless ``exc`` is the server asking for a password; then the refusal ("" when
    no password was given at all)."""
    orig = getattr(exc, "orig", None) or exc
    message = str(orig)
    if _NO_PASSWORD in message:
        return ""
    if _PASSWORD_REFUSED in message or getattr(orig, "sqlstate", None) == "28P01":
        at = message.find(_PASSWORD_REFUSED)
        return message[at:].splitlines()[0].strip() if at >= 0 else _first_line(exc)
    return None


def is_server_url(target: object) -> bool:
    """Whether ``target`` names a database server rather than a file."""
    return isinstance(target, str) and target.split(":", 1)[0].lower() in SERVER_SCHEMES


def server_url(target: str) -> URL:
    """The SQLAlchemy URL (psycopg 3) of a ``postgresql://`` address."""
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise ServerError(tr("{address} is not a database address: {reason}"),
                          address=target, reason=exc) from None
    return url.set(drivername="postgresql+psycopg")


def describe(url: URL) -> str:
    """The address to show a user: never the password."""
    return url.render_as_string(hide_password=True).replace("postgresql+psycopg", "postgresql")


def make_server_engine(target: str,
                       password: Callable[[], str | None] | None = None) -> Engine:
    """An engine whose every new connection asks ``password`` (by default the session's or
    the keyring's password of the address) unless the address holds one itself."""
    from facilitator.store import secrets

    url = server_url(target)
    if password is None:
        account = describe(url)
        password = lambda: secrets.known_password(account)  # noqa: E731
    engine = create_engine(
        url, pool_size=5, max_overflow=5, pool_pre_ping=True, pool_recycle=1800,
        # JIT off: our queries are small, and the search's estimated cost made PostgreSQL
        # spend a second compiling it (benchmarks/server.py: 1.1 s → see docs/BENCHMARKS.md).
        connect_args={"application_name": "Facilitator", "connect_timeout": 10,
                      "options": "-c jit=off"},
    )
    provider = password

    @event.listens_for(engine, "do_connect")
    def _give_password(_dialect: object, _record: object, _args: object,
                       params: dict[str, Any]) -> None:
        if "password" not in params and (given := provider()) is not None:
            params["password"] = given

    return engine


def open_server_database(target: str,
                         password: Callable[[], str | None] | None = None) -> Engine:
    """An engine on the server's database with the schema at head; PasswordNeededError when
    the server wants a password that ``password`` (make_server_engine) did not give."""
    from facilitator.store.migrate import NewerSchemaError, _alembic_config, _scripts

    engine = make_server_engine(target, password)
    try:
        with engine.connect() as connection:
            head, known = _scripts()
            current = _revision(connection)
            if current is not None and current not in known:
                raise NewerSchemaError(
                    tr("The database {path} was made by a newer version of Facilitator "
                       "(schema {schema}). Update the program; the database has not been "
                       "changed."), path=describe(engine.url), schema=current)
            if current != head:
                from alembic import command
                from sqlalchemy.exc import ProgrammingError

                try:
                    with connection.begin():
                        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                           {"key": MIGRATION_LOCK})
                        cfg = _alembic_config()
                        cfg.attributes["connection"] = connection
                        command.upgrade(cfg, "head")  # another copy may have done it
                except ProgrammingError as exc:
                    if getattr(exc.orig, "sqlstate", "") != "42501":  # insufficient_privilege
                        raise
                    raise ServerError(tr(
                        "The database {address} needs an update for this version of "
                        "Facilitator that only its owner may make. Ask the IT department to "
                        "run 'facilitator server-init' (docs/server.md); nothing has been "
                        "changed."), address=describe(engine.url)) from None
    except OperationalError as exc:
        engine.dispose()
        refused = password_refusal(exc)
        if refused is not None:
            raise PasswordNeededError(
                tr("The database server {address} wants a password ({reason}). Type it "
                   "when Facilitator asks for it, or put it in a pgpass file "
                   "(docs/server.md)."),
                account=describe(engine.url), refused=refused,
                address=describe(engine.url), reason=_first_line(exc)) from None
        raise ServerError(tr("The database server {address} could not be reached: {reason}"),
                          address=describe(engine.url), reason=_first_line(exc)) from None
    except Exception:
        engine.dispose()
        raise
    return engine


def _revision(connection: object) -> str | None:
    from sqlalchemy import Connection

    assert isinstance(connection, Connection)
    exists = connection.execute(text("SELECT to_regclass('alembic_version')")).scalar()
    if exists is None:
        connection.rollback()
        return None
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    connection.rollback()
    return str(value) if value is not None else None


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
