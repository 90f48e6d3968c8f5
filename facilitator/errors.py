"""Unexpected errors: logged to a file in the user log folder, shown as a friendly message."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from facilitator.paths import log_dir

log = logging.getLogger("facilitator")


def setup_logging() -> Path:
    """Log to a rotating file in the user log folder; returns its path."""
    path = log_dir() / "facilitator.log"
    for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) == path:
            return path
        log.removeHandler(old)
        old.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
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
