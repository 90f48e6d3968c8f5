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


class TargetFileError(OSError):
    """The target could not be written; the message names the file and why."""


def atomic_write_bytes(
    path: Path, data: bytes, *, retries: int = 3, delay: float = 0.2
) -> Path:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise TargetFileError(f"Mappen {folder} finns inte.")
    if path.exists() and not (path.stat().st_mode & stat.S_IWUSR and os.access(path, os.W_OK)):
        raise TargetFileError(
            f"{path} är skrivskyddad. Välj ett annat filnamn eller ta bort skrivskyddet."
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise TargetFileError(f"Kan inte skriva i mappen {folder}: {exc.strerror}.") from exc
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
                        f"{path} är öppen i ett annat program (till exempel Word) eller "
                        "skrivskyddad. Stäng filen och försök igen."
                    ) from exc
                time.sleep(delay)
        _fsync_folder(folder)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, TargetFileError):
            # Disk full, device gone: the user needs to know which file was not saved.
            raise TargetFileError(
                f"{path} kunde inte sparas: {exc.strerror or exc}. Originalet är oförändrat."
            ) from exc
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
