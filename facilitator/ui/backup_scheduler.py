"""Automatic backups while the window is open: at start, every 30 minutes of change, at close."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from facilitator.errors import log
from facilitator.events import ChangeBus
from facilitator.services.core import Store
from facilitator.store.backup import (
    BackupError,
    LowDiskSpaceError,
    backup_engine,
    prune_backups,
)

INTERVAL_MS = 30 * 60 * 1000


class BackupScheduler(QObject):
    """Backs the open database up through the app's own connection.

    After a change, the next copy is made once ``interval_ms`` has passed
    since the previous one; with nothing changed, nothing is copied. Each copy
    is verified (quick_check), then the retention prunes old automatic copies.
    A problem (low disk space, a failed copy) never interrupts the user: it
    is announced on ``warning`` for the status bar, and the old copies stay.
    """

    warning = Signal(str)
    backed_up = Signal(object)  # Path of the verified copy

    def __init__(self, store: Store, database: Path, bus: ChangeBus | None = None,
                 interval_ms: int = INTERVAL_MS, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.store, self.database = store, Path(database)
        self.interval_ms = interval_ms
        self._clock = clock
        self.dirty = False
        self.last_backup: float | None = None
        self._backed_up_at: dt.datetime | None = None  # wall clock, to compare with commits
        self.last_path: Path | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._due)
        if bus is not None:
            bus.changed.connect(self.on_changed)

    def on_changed(self, _change: object = None) -> None:
        self.dirty = True
        if self.timer.isActive():
            return
        wait = self.interval_ms
        if self.last_backup is not None:
            elapsed_ms = (self._clock() - self.last_backup) * 1000
            wait = max(0, int(self.interval_ms - elapsed_ms))
        self.timer.start(wait)

    def _due(self) -> None:
        if self.dirty:
            self.backup_now("auto")

    def backup_now(self, reason: str) -> Path | None:
        """Make a verified copy now; None (and a ``warning``) when it could not be made."""
        self.dirty = False
        self.last_backup = self._clock()
        self._backed_up_at = dt.datetime.now()
        try:
            path = backup_engine(self.store.engine, self.database, reason)
        except LowDiskSpaceError as exc:
            log.warning("Backup skipped: %s", exc)
            self.warning.emit(self.tr(
                "Backup skipped: only {free} MB free on the disk, {needed} MB needed. "
                "The older backups are kept.").format(
                    free=exc.free // 1_000_000, needed=max(1, exc.needed // 1_000_000)))
            return None
        except (BackupError, OSError) as exc:
            log.warning("Backup failed: %s", exc)
            self.warning.emit(self.tr("The backup could not be made: {reason}").format(
                reason=exc))
            return None
        except Exception as exc:  # noqa: BLE001 - a backup must never end the session
            log.exception("Backup failed")
            self.warning.emit(self.tr("The backup could not be made: {reason}").format(
                reason=exc))
            return None
        prune_backups(self.database)
        self.last_path = path
        self.backed_up.emit(path)
        log.info("Backup %s at %s", path, dt.datetime.now().isoformat(timespec="seconds"))
        return path

    def at_start(self) -> Path | None:
        return self.backup_now("start")

    def at_close(self) -> Path | None:
        """The last copy of the session, when anything changed since the previous one."""
        self.timer.stop()
        last_commit = self.store.last_commit
        # A commit just before closing may not have reached the bus yet.
        committed = last_commit is not None and (
            self._backed_up_at is None or last_commit >= self._backed_up_at)
        if not (self.dirty or committed):
            return None
        return self.backup_now("close")
