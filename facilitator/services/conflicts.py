"""The conflicts a merge kept: a field two laptops changed without seeing each other.

The merge took the value with the newer stamp and kept the other here
(``merge_conflict``). Listing them is what ``facilitator conflicts`` and the
window's "Konflikter" show; nothing is ever dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from facilitator.services.core import Store
from facilitator.store.clock import Stamp
from facilitator.store.models import MergeConflict


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    table: str
    row_id: str
    field: str
    kept: object  # the value in the database now
    other: object  # the value that lost
    kept_at: dt.datetime  # when each was written (the stamps' clock time, UTC)
    other_at: dt.datetime
    source: str  # the package it came with
    resolved: bool


def _when(stamp: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(Stamp.parse(stamp).wall_ms / 1000, dt.UTC).replace(
        tzinfo=None)


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictInfo]:
    """The conflicts, newest first."""
    with store.read() as s:
        query = select(MergeConflict).order_by(MergeConflict.created_at.desc())
        if not include_resolved:
            query = query.where(MergeConflict.resolved_at.is_(None))
        return [ConflictInfo(c.id, c.table_name, c.row_id, c.field,
                             json.loads(c.kept_value or "null"),
                             json.loads(c.other_value or "null"), _when(c.kept_stamp),
                             _when(c.other_stamp), c.source, c.resolved_at is not None)
                for c in s.scalars(query)]
