"""The start-up check: is the database file whole, and was it closed cleanly?

Every start runs SQLite's quick_check; after an unclean shutdown (the
"<db>.open" marker written at open is still there) the full integrity_check
runs instead. Damage this finds:

- the start of the file overwritten (no SQLite header),
- a truncated file (shorter than its header says, or a partial page),
- pages overwritten with other bytes (quick_check / integrity_check errors),
- a stray or swapped "-wal": a write-ahead log after a clean shutdown (the app
  always checkpoints and removes its own log on close), one whose header is
  not a valid WAL header for this database's page size, or one that makes
  the integrity check fail.

Nothing here writes to the database. On damage the caller decides: the GUI
offers the newest verified backup and sets the damaged file aside with
``keep_damaged_aside`` (never deleting it); the CLI refuses with one line.
"""

from __future__ import annotations

import enum
import secrets
import sqlite3
import struct
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.messages import tr
from facilitator.store.backup import BackupInfo, newest_verified_backup, open_readonly, set_aside
from facilitator.store.db import DatabaseLockedError
from facilitator.store.migrate import DamagedDatabaseError
from facilitator.store.wal import (
    marker_path,
    page_size_of,
    valid_page_size,
    wal_header_problem,
    wal_identity_problem,
    wal_path,
    wal_session_problem,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_MAGIC = b"SQLite format 3\x00"


class DamageKind(enum.StrEnum):
    NOT_A_DATABASE = "not-a-database"
    TRUNCATED = "truncated"
    CORRUPT_PAGES = "corrupt-pages"
    STRAY_WAL = "stray-wal"


@dataclass(frozen=True)
class Damage:
    """What is wrong with a database file, and the newest backup that passed quick_check."""

    database: Path
    kind: DamageKind
    detail: str
    backup: BackupInfo | None

    def reason(self) -> str:
        """The damage in plain Swedish, without the file name."""
        if self.kind is DamageKind.NOT_A_DATABASE:
            return f"filen är inte längre en SQLite-databas ({self.detail})"
        if self.kind is DamageKind.TRUNCATED:
            return f"filen är avkortad ({self.detail})"
        if self.kind is DamageKind.STRAY_WAL:
            return f"en främmande loggfil (-wal) ligger bredvid den ({self.detail})"
        return f"SQLite:s kontroll hittade fel ({self.detail})"

    def message(self) -> str:
        """One line for the command line: what, that the file is kept, and the backup."""
        text = f"Databasen {self.database} är skadad: {self.reason()}. Filen har inte ändrats."
        if self.backup is None:
            return text + " Det finns ingen kontrollerad säkerhetskopia."
        b = self.backup
        return (
            f"{text} Senaste kontrollerade säkerhetskopia: {b.time:%Y-%m-%d %H:%M} "
            f"({b.workshops} workshoppar, {b.wishes} önskemål), {b.path}. "
            "Starta programfönstret för att återställa den."
        )


class DatabaseDamagedError(DamagedDatabaseError):
    """The start-up check found damage; ``damage`` says what and which backup to offer."""

    def __init__(self, damage: Damage) -> None:
        super().__init__(damage.message())
        self.damage = damage


@dataclass(frozen=True)
class CheckResult:
    """A passed start-up check: which check ran and whether the last close was clean."""

    new: bool  # no database yet (or an empty file): nothing to check
    clean_shutdown: bool
    full_check: bool  # integrity_check (after an unclean shutdown) rather than quick_check


def ensure_identity(engine: Engine) -> int:
    """Give the open database a random identity (PRAGMA user_version) once; returns it."""
    with engine.connect() as conn:
        identity = int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
        if identity == 0:
            identity = secrets.randbelow(2**31 - 1) + 1
            conn.exec_driver_sql(f"PRAGMA user_version = {identity}")
            conn.commit()
    return identity


def _structure_problem(database: Path, header: bytes, size: int, has_wal: bool) -> Damage | None:
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return _damage(database, DamageKind.NOT_A_DATABASE, "början av filen är överskriven")
    page_size = page_size_of(header)
    if not valid_page_size(page_size):
        return _damage(database, DamageKind.NOT_A_DATABASE, f"ogiltig sidstorlek {page_size}")
    if size % page_size:
        return _damage(database, DamageKind.TRUNCATED,
                       f"{size} byte är inte ett helt antal sidor om {page_size} byte")
    pages, counter, valid_for = (struct.unpack(">I", header[o:o + 4])[0] for o in (28, 24, 92))
    # A checkpoint cut short by a crash may leave the file shorter than page 1
    # says; the log still holds those pages, so only judge the size without one.
    if not has_wal and pages and counter == valid_for and size < pages * page_size:
        return _damage(database, DamageKind.TRUNCATED,
                       f"{size} av {pages * page_size} byte finns kvar")
    return None


def _damage(database: Path, kind: DamageKind, detail: str) -> Damage:
    return Damage(database, kind, detail, backup=None)


def _locked(database: Path, exc: Exception) -> DatabaseLockedError:
    error = DatabaseLockedError(
        tr("The database {path} is used by another program. Close it and try again."),
        path=database)
    error.__cause__ = exc
    return error


def _run_check(database: Path, full: bool) -> Damage | None:
    pragma = "integrity_check(10)" if full else "quick_check(10)"
    try:
        with open_readonly(database, timeout=0.5) as conn:
            # Error texts quote damaged bytes; they must not stop the check.
            conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise _locked(database, exc) from exc
        return _damage(database, DamageKind.CORRUPT_PAGES, str(exc))
    except sqlite3.DatabaseError as exc:
        kind = DamageKind.NOT_A_DATABASE if "not a database" in str(exc) \
            else DamageKind.CORRUPT_PAGES
        return _damage(database, kind, str(exc))
    except UnicodeDecodeError:  # SQLite's own message quotes the damaged bytes
        return _damage(database, DamageKind.CORRUPT_PAGES, "schemat innehåller oläsliga byte")
    if rows == [("ok",)]:
        return None
    first = str(rows[0][0]) if rows else "inget svar"
    more = f", {len(rows)} fel" if len(rows) > 1 else ""
    return _damage(database, DamageKind.CORRUPT_PAGES, first.splitlines()[0] + more)


def _probe_lock(database: Path) -> None:
    """Raise DatabaseLockedError when another process holds the database open."""
    try:
        with open_readonly(database, timeout=0.5) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise _locked(database, exc) from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        pass  # damage: judged by the checks that follow


def find_damage(database: Path) -> tuple[Damage | None, CheckResult]:
    """Check ``database`` without writing to it; (damage or None, what was checked).

    Raises DatabaseLockedError when another process holds the file: a database
    in use is never judged (its log is being written as we read).
    """
    database = Path(database)
    clean = not marker_path(database).exists()
    wal = wal_path(database)
    has_wal = wal.exists() and wal.stat().st_size > 0
    size = database.stat().st_size if database.exists() else 0
    if size == 0:
        if has_wal:
            return (_damage(database, DamageKind.STRAY_WAL, "loggfil utan databas"),
                    CheckResult(new=True, clean_shutdown=clean, full_check=False))
        return None, CheckResult(new=True, clean_shutdown=clean, full_check=False)
    result = CheckResult(new=False, clean_shutdown=clean, full_check=not clean)
    if has_wal:
        _probe_lock(database)
    with open(database, "rb") as f:
        header = f.read(100)
    damage = _structure_problem(database, header, size, has_wal)
    if damage is None and has_wal:
        if clean:
            damage = _damage(database, DamageKind.STRAY_WAL,
                             "programmet stängdes ordentligt senast, så loggen hör inte hit")
        else:
            problem = wal_header_problem(wal, page_size_of(header)) \
                or wal_identity_problem(wal, header) or wal_session_problem(database, wal)
            if problem:
                damage = _damage(database, DamageKind.STRAY_WAL, problem)
    if damage is None:
        damage = _run_check(database, full=not clean)
    return damage, result


def check_database(database: Path) -> CheckResult:
    """The start-up check; raises DatabaseDamagedError (with the backup to offer) on damage."""
    damage, result = find_damage(database)
    if damage is not None:
        damage = Damage(damage.database, damage.kind, damage.detail,
                        newest_verified_backup(Path(database)))
        raise DatabaseDamagedError(damage)
    return result


def keep_damaged_aside(database: Path) -> Path | None:
    """Move the damaged file, its -wal and -shm to "<name>.damaged-<stamp>"; never deletes.

    The marker goes too: the file that comes next (a restored backup or a new
    database) starts with a clean record.
    """
    moved = set_aside(Path(database), "damaged")
    with suppress(FileNotFoundError):
        marker_path(Path(database)).unlink()
    return moved


def in_use(database: Path) -> bool:
    """True when another connection holds ``database`` locked (a running app has it open).

    Cheap (one read attempt that does not wait), so a launch can tell whether it
    is the second one before anything heavier is loaded.
    """
    if not Path(database).exists():
        return False
    try:
        with open_readonly(database, timeout=0) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    except sqlite3.DatabaseError:
        return False
    return False
