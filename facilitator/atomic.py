"""Atomic file writes: temp file in the target folder, fsync, replace.

The original file is untouched on any failure and no temp file is left behind.
A target held open by Word on Windows (or made read-only) fails the replace;
we retry briefly, then raise a message that names the file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

from facilitator.messages import TranslatedError, tr


class TargetFileError(TranslatedError, OSError):
    """The target could not be written; the message names the file and why."""


def atomic_write_bytes(
    path: Path, data: bytes, *, retries: int = 3, delay: float = 0.2
) -> Path:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise TargetFileError(tr("The folder {folder} does not exist."), folder=folder)
    if path.exists() and not (path.stat().st_mode & stat.S_IWUSR and os.access(path, os.W_OK)):
        raise TargetFileError(
            tr("{path} is read-only. Choose another file name or remove the protection."),
            path=path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise TargetFileError(tr("Cannot write in the folder {folder}: {reason}."), folder=folder,
                              reason=exc.strerror) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        for attempt in range(retries + 1):
            try:
                os.replace(tmp, path)
                break
            except PermissionError as exc:
                if attempt == retries:
                    raise TargetFileError(
                        tr("{path} is open in another program (Word, for example) or "
                           "read-only. Close the file and try again."), path=path
                    ) from exc
                time.sleep(delay)
        _fsync_folder(folder)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, TargetFileError):
            # Disk full, device gone: the user needs to know which file was not saved.
            raise TargetFileError(
                tr("{path} could not be saved: {reason}. The original is unchanged."),
                path=path, reason=exc.strerror or exc) from exc
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
