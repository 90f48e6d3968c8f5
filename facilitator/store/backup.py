"""Verified copies of the database made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.messages import TranslatedError, tr
from facilitator.paths import backup_dir_for

if TYPE_CHECKING:
    from sqlalchemy import Engine


class BackupError(TranslatedError, RuntimeError):
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
        raise BackupError(tr("The backup {path} could not be verified."), path=target)
    partial.replace(target)
    target.chmod(0o600)
    return target


def backup_file(database: Path, folder: Path, reason: str) -> Path:
    """Back up the database file at ``database`` into ``folder``; returns the copy."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{database.stem}-{stamp}-{reason}.sqlite3"
    with open_readonly(database) as source:
        return backup_to(source, target)


# ----- automatic backups of the open database --------------------------------

KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY = 10, 7, 4
AUTOMATIC_REASONS = frozenset({"start", "auto", "close"})
_NAME = re.compile(
    r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[A-Za-z0-9_.-]+)\.sqlite3$")


class LowDiskSpaceError(BackupError):
    """Too little free space for a safe copy; older backups are kept."""

    def __init__(self, folder: Path, free: int, needed: int) -> None:
        super().__init__(
            tr("The backup was skipped: only {free} free on the disk, {needed} needed. The "
               "older backups are kept."), free=_size(free), needed=_size(needed))
        self.folder, self.free, self.needed = folder, free, needed


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what is in it."""

    path: Path
    time: dt.datetime
    size: int
    reason: str
    workshops: int | None  # None when the copy cannot be read
    wishes: int | None

    @property
    def readable(self) -> bool:
        return self.workshops is not None


def _size(count: int) -> str:
    value = float(count)
    for unit in ("byte", "kB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "byte" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover


def database_size(database: Path) -> int:
    """Bytes the database occupies, its write-ahead log included."""
    total = 0
    for candidate in (database, database.with_name(database.name + "-wal")):
        with suppress(OSError):
            total += candidate.stat().st_size
    return total


def check_free_space(database: Path, folder: Path) -> None:
    """Raise LowDiskSpaceError when ``folder`` has less than twice the database's size free."""
    needed = 2 * database_size(database)
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise LowDiskSpaceError(folder, free, needed)


def _target(database: Path, folder: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"{database.stem}-{stamp}-{reason}.sqlite3"


def backup_engine(engine: Engine, database: Path, reason: str = "auto",
                  folder: Path | None = None) -> Path:
    """A verified copy of the database the app holds open, made through its own connection.

    The app's single pooled connection holds an EXCLUSIVE lock, so no second
    connection could read the file; SQLite's backup API is run on that
    connection instead. Refused (LowDiskSpaceError) when the disk has less than
    twice the database's size free; the older backups are left alone.
    """
    folder = folder or backup_dir_for(database)
    check_free_space(database, folder)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        return backup_to(source, _target(database, folder, reason))
    finally:
        raw.close()


def backup_time(path: Path) -> dt.datetime:
    """When a backup was made: from its name, else from the file's time."""
    match = _NAME.match(path.name)
    if match:
        with suppress(ValueError):
            return dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def _reason(path: Path) -> str:
    match = _NAME.match(path.name)
    return match["reason"] if match else ""


def backup_files(database: Path) -> list[Path]:
    """The backup files of ``database``, newest first (nothing is created)."""
    folder = database.parent / f"{database.stem}-backups"
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.sqlite3") if p.is_file()]
    return sorted(files, key=backup_time, reverse=True)


def to_keep(times: dict[Path, dt.datetime], recent: int = KEEP_RECENT, daily: int = KEEP_DAILY,
            weekly: int = KEEP_WEEKLY) -> set[Path]:
    """The backups a retention of ``recent`` newest + newest per day + per ISO week keeps.

    Days and weeks count those that have a backup (as Borg's prune does), so a
    laptop used once a month still keeps copies from earlier workshops.
    """
    ordered = sorted(times, key=lambda p: times[p], reverse=True)
    keep = set(ordered[:recent])
    for limit, period in ((daily, lambda t: t.date()),
                          (weekly, lambda t: t.isocalendar()[:2])):
        seen: list[object] = []
        for path in ordered:
            key = period(times[path])
            if key in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(key)
            keep.add(path)
    return keep


def prune_backups(database: Path) -> list[Path]:
    """Delete automatic backups the retention no longer keeps; returns the removed files.

    Backups made before a migration or a restore are never pruned here.
    """
    automatic = {p: backup_time(p) for p in backup_files(database)
                 if _reason(p) in AUTOMATIC_REASONS}
    keep = to_keep(automatic)
    removed = []
    for path in automatic:
        if path not in keep:
            with suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def describe_backup(path: Path) -> BackupInfo:
    """Time, size and contents (live workshops and wishes) read from the backup file."""
    workshops = wishes = None
    try:
        with open_readonly(path, timeout=1) as conn:
            workshops = conn.execute(
                "SELECT count(*) FROM workshop WHERE deleted_at IS NULL").fetchone()[0]
            wishes = conn.execute(
                "SELECT count(*) FROM wish WHERE deleted_at IS NULL").fetchone()[0]
    except sqlite3.Error:
        workshops = wishes = None
    return BackupInfo(path=path, time=backup_time(path), size=path.stat().st_size,
                      reason=_reason(path), workshops=workshops, wishes=wishes)


def list_backups(database: Path) -> list[BackupInfo]:
    """Every backup of ``database`` with its date and contents, newest first."""
    return [describe_backup(path) for path in backup_files(database)]


def newest_verified_backup(database: Path) -> BackupInfo | None:
    """The newest backup that passes quick_check and can be read, or None."""
    for path in backup_files(database):
        if quick_check(path):
            info = describe_backup(path)
            if info.readable:
                return info
    return None


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def set_aside(database: Path, label: str) -> Path | None:
    """Rename the database (and its -wal/-shm) to "<name>.<label>-<stamp>"; never deletes.

    Returns the new name of the main file, or None when there was no file.
    The -wal keeps its suffix so SQLite pairs it with the set-aside file.
    """
    aside = database.with_name(f"{database.name}.{label}-{_stamp()}")
    n = 1
    while aside.exists():
        n += 1
        aside = database.with_name(f"{database.name}.{label}-{_stamp()}-{n}")
    moved = None
    for suffix in ("", "-wal", "-shm"):
        source = database.with_name(database.name + suffix)
        if source.exists():
            source.replace(aside.with_name(aside.name + suffix))
            if not suffix:
                moved = aside
    _fsync_folder(database.parent)
    return moved


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def restore_backup(database: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of ``database``; the current file is kept aside.

    The database must be closed. The backup is verified first and copied to a
    temporary file beside the database, so a failed copy leaves everything as
    it was. Returns where the replaced file went ("<name>.replaced-<stamp>"),
    or None when there was no current file.
    """
    if not quick_check(backup):
        raise BackupError(tr("The backup {path} is damaged and cannot be restored."), path=backup)
    incoming = database.with_name(database.name + ".restoring")
    incoming.unlink(missing_ok=True)
    try:
        with open(backup, "rb") as src, open(
            os.open(incoming, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600), "wb"
        ) as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        raise BackupError(tr("The backup could not be copied: {reason}"), reason=exc) from exc
    aside = set_aside(database, "replaced")
    incoming.replace(database)
    database.chmod(0o600)
    _fsync_folder(database.parent)
    return aside
