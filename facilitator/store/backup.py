"""Verified copies of the database made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path


class BackupError(RuntimeError):
    """A backup could not be written or did not verify."""


def quick_check(path: Path) -> bool:
    """True when SQLite's quick_check finds nothing wrong with ``path``."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def backup_to(source: sqlite3.Connection, target: Path) -> Path:
    """Copy an open connection's database to ``target`` and verify the copy."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
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
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return backup_to(source, target)
    finally:
        source.close()
