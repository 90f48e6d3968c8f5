"""Engine creation with the SQLite settings every connection must have."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from facilitator.messages import TranslatedError

# One writer per database; battery death must not lose the last edit.
# locking_mode comes before journal_mode: set first, WAL keeps its index in
# private memory (no -shm file) and even a read takes the exclusive lock; set
# after, another program can still read the file until our first write.
PRAGMAS: tuple[tuple[str, str], ...] = (
    ("locking_mode", "EXCLUSIVE"),
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
    ("busy_timeout", "5000"),
    ("secure_delete", "ON"),
)


class DatabaseLockedError(TranslatedError, RuntimeError):
    """Another process holds the database."""


def _apply_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for name, value in PRAGMAS:
            cursor.execute(f"PRAGMA {name}={value}")
    finally:
        cursor.close()


def ensure_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (GDPR data)."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)


def make_engine(path: Path) -> Engine:
    """An engine with a single pooled connection (the exclusive lock is per connection)."""
    ensure_private_file(path)
    engine = create_engine(
        # URL.create, not an f-string: a "?" or "#" in a folder name must stay in the path.
        URL.create("sqlite", database=str(path)),
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=30,
        connect_args={"check_same_thread": False, "timeout": 5},
    )
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def read_pragmas(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {
            name: str(conn.exec_driver_sql(f"PRAGMA {name}").scalar())
            for name, _ in PRAGMAS
        }
