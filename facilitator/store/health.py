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

import datetime as dt
import enum
import os
import secrets
import socket
import sqlite3
import struct
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.store.backup import BackupInfo, newest_verified_backup, open_readonly, set_aside
from facilitator.store.db import DatabaseLockedError
from facilitator.store.migrate import DamagedDatabaseError

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (0x377F0682, 0x377F0683)
WAL_VERSION = 3007000
MAX_LOG_RESTARTS = 8  # log restarts between two recorded commits that are still believed


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


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def marker_path(database: Path) -> Path:
    """The clean-shutdown marker: present while the database is open (or after a crash)."""
    return database.with_name(database.name + ".open")


def mark_open(database: Path, salts: tuple[int, int] | None = None) -> None:
    """Write the marker; removed again by ``mark_closed`` after a clean close.

    ``salts`` are the salts of the session's write-ahead log: a log left by a
    crash must carry them (or the next ones), else it is not this session's.
    """
    marker = marker_path(database)
    since = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    text = f"pid={os.getpid()} host={socket.gethostname()} since={since}\n"
    if salts is not None:
        text += f"wal-salt={salts[0]}:{salts[1]}\n"
    with suppress(OSError):
        fd = os.open(marker, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())


def wal_salts(wal: Path) -> tuple[int, int] | None:
    """The two salts in a write-ahead log's header (they change when the log restarts)."""
    try:
        with open(wal, "rb") as f:
            header = f.read(32)
    except OSError:
        return None
    if len(header) < 32:
        return None
    salt1, salt2 = struct.unpack(">II", header[16:24])
    return salt1, salt2


def marked_salts(database: Path) -> tuple[int, int] | None:
    try:
        text = marker_path(database).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        if line.startswith("wal-salt="):
            with suppress(ValueError):
                first, second = line.removeprefix("wal-salt=").split(":")
                return int(first), int(second)
    return None


class WalTracker:
    """Keeps the marker's record of the session's log salts current (call after commits).

    SQLite adds one to salt-1 each time the log restarts after a checkpoint,
    and a commit restarts it at most once, so a crash's log carries the
    recorded salts or the next salt-1; a log from elsewhere carries random ones.
    """

    def __init__(self, database: Path) -> None:
        self.database = Path(database)
        self.salts: tuple[int, int] | None = None

    def update(self, *_args: object) -> None:
        salts = wal_salts(wal_path(self.database))
        if salts is not None and salts != self.salts:
            self.salts = salts
            mark_open(self.database, salts)


def wal_session_problem(database: Path, wal: Path) -> str | None:
    """Why a crash's log is not from the session the marker records, or None."""
    recorded, found = marked_salts(database), wal_salts(wal)
    if recorded is None or found is None:
        return None
    if found == recorded or 0 < (found[0] - recorded[0]) % 2**32 <= MAX_LOG_RESTARTS:
        return None
    return "loggen hör inte till det senaste passet med databasen"


def mark_closed(database: Path) -> bool:
    """Remove the marker once the database is closed and its log folded in.

    A -wal still present means the close did not complete (a connection still
    out, a failed checkpoint): then the marker stays, so the next start runs
    the full check rather than taking that log for a stray one.
    """
    if wal_path(database).exists():
        return False
    with suppress(FileNotFoundError):
        marker_path(database).unlink()
    return True


def _page_size(header: bytes) -> int:
    value = struct.unpack(">H", header[16:18])[0]
    return 65536 if value == 1 else value


def _valid_page_size(size: int) -> bool:
    return 512 <= size <= 65536 and size & (size - 1) == 0


def wal_checksum(data: bytes, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum over ``data`` (a multiple of 8 bytes)."""
    fmt = ">" if big_endian else "<"
    s0 = s1 = 0
    for x0, x1 in struct.iter_unpack(fmt + "II", data):
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def wal_header_problem(wal: Path, page_size: int) -> str | None:
    """Why ``wal`` cannot be this database's log, or None when its header fits."""
    with open(wal, "rb") as f:
        header = f.read(32)
    if len(header) < 32:
        return "för kort för en loggfil"
    magic, version, wal_page, _seq, _salt1, _salt2, c1, c2 = struct.unpack(">8I", header)
    if magic not in WAL_MAGICS or version != WAL_VERSION:
        return "inte en SQLite-loggfil"
    if wal_checksum(header[:24], big_endian=magic & 1 == 1) != (c1, c2):
        return "loggfilens huvud är skadat"
    if wal_page != page_size:
        return f"sidstorlek {wal_page} i loggen, {page_size} i databasen"
    return None


def wal_identity_problem(wal: Path, db_header: bytes) -> str | None:
    """Why ``wal`` belongs to another database, judged by the identity in page 1.

    ``ensure_identity`` gives every database a random number in its header's
    user_version; a log that rewrites page 1 with another number is a swapped
    one, even when it is a perfectly consistent log of another Facilitator file.
    """
    identity = db_header[60:64]
    if identity == bytes(4):
        return None
    page_size = _page_size(db_header)
    with open(wal, "rb") as f:
        header = f.read(32)
        salts = header[16:24]
        while True:
            frame = f.read(24)
            if len(frame) < 24 or frame[8:16] != salts:
                return None  # SQLite stops reading the log here too
            page = f.read(page_size)
            if len(page) < page_size:
                return None
            if struct.unpack(">I", frame[:4])[0] == 1 and page[60:64] != identity:
                return "loggen hör till en annan databas"


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
    page_size = _page_size(header)
    if not _valid_page_size(page_size):
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
        f"Databasen {database} används av ett annat program. Stäng det och försök igen."
    )
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
            problem = wal_header_problem(wal, _page_size(header)) \
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
