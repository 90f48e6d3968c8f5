"""Unexpected errors: logged to a file in the user log folder, shown as a friendly message."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from facilitator.paths import log_dir

log = logging.getLogger("facilitator")


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


class RotatingLog(logging.Handler):
    """A rotating log file that is opened when the first record comes.

    Most launches log nothing before the window is up; opening the file (and
    importing logging.handlers, ~9 ms) waits until there is something to write.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        # A log that cannot be written must never break what was being logged:
        # logging's own convention, handleError reports it on stderr and goes on.
        try:
            if self._file is None:
                from logging.handlers import RotatingFileHandler

                self._file = RotatingFileHandler(self.path, maxBytes=LOG_MAX_BYTES,
                                                 backupCount=LOG_BACKUPS, encoding="utf-8")
                self._file.setFormatter(self.formatter)
            self._file.handle(record)
        except Exception:  # noqa: BLE001
            self.handleError(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        super().close()


def setup_logging() -> Path:
    """Log to a rotating file in the user log folder; returns its path."""
    path = log_dir() / "facilitator.log"
    for old in [h for h in log.handlers if isinstance(h, RotatingLog)]:
        if old.path == path:
            return path
        log.removeHandler(old)
        old.close()
    log.addHandler(RotatingLog(path))
    log.setLevel(logging.INFO)
    return path


def install_excepthook(show: Callable[[str, Path], None]) -> None:
    """Route uncaught exceptions to the log and to ``show(summary, log_path)``."""
    log_path = setup_logging()

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        try:
            show(f"{kind.__name__}: {value}", log_path)
        except Exception:
            log.exception("Could not show the error dialog")

    sys.excepthook = hook
