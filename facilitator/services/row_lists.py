"""Replace an ordered list of child rows with a new list, keeping row identity.

The list editors (responsibles, roles, key figures) hand over the whole list
after each edit, and undo hands back the list as it was. Rows keep their ids:
an entry with an id updates that row (bringing it back from the trash if need
be), an entry without one makes a new row, and a row left out goes to the
trash. So an edit touches only the rows it changed, and a later merge of two
laptops can take each row on its own (docs/data-model.md: rows, not lists).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy import select

from facilitator.services.core import tombstone
from facilitator.store.models import KeyFigure, Responsible, WorkshopRole

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session


class Entry(Protocol):
    """One item of an edited list: the row's id (None = new) and its values."""

    @property
    def id(self) -> str | None: ...


E = TypeVar("E", bound=Entry)
R = TypeVar("R", Responsible, WorkshopRole, KeyFigure)


def replace_rows(
    session: Session,
    model: type[R],
    owned: ColumnElement[bool],
    owner_values: dict[str, Any],
    entries: Sequence[E],
    values_of: Callable[[E], dict[str, Any]],
) -> list[str]:
    """Make the live rows matching ``owned`` equal ``entries``, in order; returns their ids."""
    existing = {row.id: row for row in session.scalars(select(model).where(owned))}
    kept: list[str] = []
    for position, entry in enumerate(entries):
        values = {**values_of(entry), "position": position}
        row = existing.get(entry.id) if entry.id else None
        if row is None:
            row = model(**owner_values, **values)
            if entry.id:  # undo of a removal whose row was since emptied from the trash
                row.id = entry.id
            session.add(row)
        else:
            if row.deleted_at is not None:
                row.deleted_at = None
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
        session.flush()
        kept.append(row.id)
    for row_id, row in existing.items():
        if row_id not in kept and row.deleted_at is None:
            tombstone(row)
    return kept
