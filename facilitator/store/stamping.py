"""Every write is stamped: this database's device id and clock, and each row's versions.

The store hangs ``Stamper.before_flush`` on its sessions: each flush ticks the
clock once, gives new rows ``"*"`` at that stamp and changed rows the stamp on
the fields that changed (``store/versions.py``), and saves the clock in
``store_meta``, in the same transaction. Core writes that bypass the ORM (the
wish board's live capture) call ``tick`` and ``versions.written`` themselves.

A database file copied to another laptop must not write under the same device
id as the original (their edits would look like one laptop's, and a conflict
between them would pass unseen), so the file's identity is kept beside the
device id and a copy takes a new id the first time it writes.
"""

from __future__ import annotations

import os
import uuid
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, inspect, text

from facilitator.store import vote_shares
from facilitator.store.clock import HybridClock
from facilitator.store.versions import UNVERSIONED, parse, written

WRITTEN = "written"  # session.info: (table, id) → stamp, for this transaction

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


# Set while an undo or redo runs (ui/commands.py): a row this store wrote last must not
# have been written by anyone else since, or the undo would overwrite their edit.
guarding_undo: ContextVar[bool] = ContextVar("guarding_undo", default=False)


class WrittenSinceError(RuntimeError):
    """An undo would overwrite what another user (or an imported package) wrote since."""

    def __init__(self, table: str, row_id: str) -> None:
        super().__init__(f"{table} {row_id} was written by someone else since")
        self.table, self.row_id = table, row_id


def newest_stamp(versions_text: str | None) -> str:
    """The newest stamp anywhere in a row's versions ("" for a row without any)."""
    return max((s for stamps in parse(versions_text).values() for s in stamps), default="")


class Stamper:
    def __init__(self, database: Path | None) -> None:
        self.database = database
        self._clock: HybridClock | None = None
        # (table, id) → the stamp this store last wrote there (committed writes only).
        self.mine: dict[tuple[str, str], str] = {}

    def committed(self, session: Session) -> None:
        """The transaction's writes are in the database: they are this store's last ones."""
        self.mine.update(session.info.pop(WRITTEN, {}))

    def rolled_back(self, session: Session) -> None:
        session.info.pop(WRITTEN, None)

    @staticmethod
    def note_written(session: Session, table: str, row_id: str, stamp: str) -> None:
        session.info.setdefault(WRITTEN, {})[(table, row_id)] = stamp

    def _check_not_written_since(self, session: Session, row: Any) -> None:
        key = (str(row.__tablename__), str(row.id))
        # Written already in this transaction (an earlier flush): that write is the last.
        last = session.info.get(WRITTEN, {}).get(key) or self.mine.get(key)
        if last is not None and newest_stamp(row.versions) != last:
            raise WrittenSinceError(*key)

    # ----- the clock ---------------------------------------------------------------
    def clock(self, connection: Connection) -> HybridClock:
        if self._clock is None:
            meta: dict[str, str] = {str(k): str(v) for k, v in connection.execute(
                text("SELECT key, value FROM store_meta")).all()}
            device = meta.get("device_id") or str(uuid.uuid4())
            identity = self._identity()
            if identity is not None and meta.get("file") not in (None, identity):
                device = str(uuid.uuid4())  # a copy of another database file
            elif identity is not None and "file" not in meta:
                device = str(uuid.uuid4())  # the first write: perhaps to a copied file
            self._save(connection, "device_id", device)
            if identity is not None:
                self._save(connection, "file", identity)
            self._clock = HybridClock(device, meta.get("clock"))
        return self._clock

    def device_id(self, connection: Connection) -> str:
        return self.clock(connection).device

    def tick(self, connection: Connection) -> str:
        clock = self.clock(connection)
        stamp = clock.tick()
        self._save(connection, "clock", stamp)
        return stamp

    def observe(self, connection: Connection, stamp: str) -> None:
        """Move the clock past a stamp that came in a package."""
        clock = self.clock(connection)
        clock.observe(stamp)
        self._save(connection, "clock", clock.last)

    def forget(self) -> None:
        """Read the clock again on the next write (after a rollback)."""
        self._clock = None

    def _identity(self) -> str | None:
        if self.database is None:
            return None
        try:
            info = os.stat(self.database)
        except OSError:
            return None
        return f"{info.st_dev}:{info.st_ino}"

    @staticmethod
    def _save(connection: Connection, key: str, value: str) -> None:
        connection.execute(text(
            "INSERT INTO store_meta (key, value) VALUES (:k, :v) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"), {"k": key, "v": value})

    # ----- the ORM hook --------------------------------------------------------------
    def before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        from facilitator.store.models import Tracked, Wish

        if session.info.get("merging"):
            return  # an import writes the package's own versions (interchange/merge.py)
        new = [row for row in session.new if isinstance(row, Tracked)]
        changed: list[tuple[Any, list[str]]] = []
        for row in session.dirty:
            if isinstance(row, Tracked) and row not in session.deleted:
                fields = _changed_fields(row)
                if fields:
                    changed.append((row, fields))
        if not new and not changed:
            return
        if guarding_undo.get():
            for row, _fields in changed:
                self._check_not_written_since(session, row)
        stamp = self.tick(session.connection())
        device = self.device_id(session.connection())
        for row in (*new, *(r for r, _f in changed)):
            self.note_written(session, str(row.__tablename__), str(row.id), stamp)
        for row in new:
            if row.versions is None:  # an import brings the row's own versions
                row.versions = written(None, (), stamp, None, new=True)
            if isinstance(row, Wish) and row.votes:
                row.vote_shares = vote_shares.dump({device: (row.votes, stamp)})
        for row, fields in changed:
            if "versions" not in fields:  # the merge sets versions itself
                row.versions = written(row.versions, fields, stamp, row.updated_at)
            if isinstance(row, Wish) and "votes" in fields and "vote_shares" not in fields:
                before = inspect(row).attrs.votes.history.deleted
                shares = vote_shares.parse(row.vote_shares, int(before[0]) if before else 0,
                                           row.updated_at)
                row.vote_shares = vote_shares.dump(
                    vote_shares.after_setting(shares, row.votes, device, stamp))


def _changed_fields(row: Any) -> list[str]:
    state = inspect(row)
    fields = []
    for attribute in state.mapper.column_attrs:
        key = attribute.key
        if key in UNVERSIONED and key != "versions":
            continue
        history = state.attrs[key].history
        if history.added and list(history.added) != list(history.deleted):
            fields.append(key)
    return fields
