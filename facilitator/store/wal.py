"""The clean-shutdown marker, and the write-ahead log read byte by byte.

While a database is open, "<db>.open" says so and records the salts of the
session's write-ahead log ("<db>-wal"); the start-up check (health.py) uses
both to tell a crash's log from a stray or swapped one without asking SQLite,
which would fold any log it finds into the database.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import struct
from contextlib import suppress
from pathlib import Path

WAL_MAGICS = (0x377F0682, 0x377F0683)
WAL_VERSION = 3007000
MAX_LOG_RESTARTS = 8  # log restarts between two recorded commits that are still believed


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


def page_size_of(header: bytes) -> int:
    """The page size a database header records."""
    value = struct.unpack(">H", header[16:18])[0]
    return 65536 if value == 1 else value


def valid_page_size(size: int) -> bool:
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
    page_size = page_size_of(db_header)
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
