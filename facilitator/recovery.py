"""The recovery file: what was on screen and half-typed, for the next start after a crash.

Beside the database, ``<database>.recovery.json`` holds the text typed into the
capture line, the notes and the walk-in field that is not committed yet
(drafts), the page that was shown and the state of the timer and projector.
It is written atomically (temp file, fsync, rename) so a dead battery leaves
either the previous or the new file, never half of one. Drafts hold what
people typed, personal data among it: they are dropped the moment they are
committed, and a GDPR erasure drops every draft that names the person.
Qt-free, like the store.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facilitator.atomic import atomic_write_bytes

FORMAT = 1


def recovery_path(database: Path | None) -> Path | None:
    """Where the recovery file of ``database`` lives (None: an in-memory database)."""
    if database is None:
        return None
    return database.with_name(database.name + ".recovery.json")


class RecoveryFile:
    """Reads and writes the recovery file; a missing or damaged file reads as empty."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # nothing to recover is better than not starting
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        return data

    def write(self, state: dict[str, Any]) -> None:
        if self.path is None:
            return
        data = json.dumps({"format": FORMAT, **state}, ensure_ascii=False, sort_keys=True)
        atomic_write_bytes(self.path, data.encode("utf-8"))
