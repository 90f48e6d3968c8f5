"""Verified copies of the database made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


class BackupError(RuntimeError):
    """A backup could not be written or did not verify."""


def readonly_uri(path: Path) -> str:
    """A URI that opens ``path`` read-only, whatever characters its folders contain.

    A plain ``file:{path}`` would cut the path at "#" or "?" and decode "%xx", so
    a database in "Möten #1" would silently open (and create) another file. When
    no write-ahead log exists the file is opened immutable, so reading it leaves
    no -wal/-shm files behind.
    """
    path = Path(path).resolve()
    uri = path.as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not wal.exists():
        uri += "&immutable=1"
    return uri


@contextmanager
def open_readonly(path: Path, timeout: float = 5.0) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``path`` that leaves no -shm file of its own behind."""
    shm = Path(path).resolve().with_name(Path(path).name + "-shm")
    had_shm = shm.exists()
    conn = sqlite3.connect(readonly_uri(path), uri=True, timeout=timeout)
    try:
        yield conn
    finally:
        conn.close()
        if not had_shm:
            with suppress(OSError):
                shm.unlink()


def quick_check(path: Path) -> bool:
    """True when SQLite's quick_check finds nothing wrong with ``path``."""
    try:
        with open_readonly(path) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def backup_to(source: sqlite3.Connection, target: Path) -> Path:
    """Copy an open connection's database to ``target`` and verify the copy."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    # Created owner-only before SQLite writes a byte into it (GDPR data).
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    if not quick_check(partial):
        partial.unlink(missing_ok=True)
        raise BackupError(f"Säkerhetskopian {target} kunde inte verifieras.")
    partial.replace(target)
    target.chmod(0o600)
    return target


def backup_file(database: Path, folder: Path, reason: str) -> Path:
    """Back up the database file at ``database`` into ``folder``; returns the copy."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{database.stem}-{stamp}-{reason}.sqlite3"
    with open_readonly(database) as source:
        return backup_to(source, target)
