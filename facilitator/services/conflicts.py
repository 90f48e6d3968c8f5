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
from sqlalchemy.orm import Session

from facilitator.messages import tr
from facilitator.services.core import Store, ValidationError, not_found
from facilitator.store.clock import Stamp
from facilitator.store.models import MergeConflict
from facilitator.store.vocabulary import utcnow


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
    chosen: str  # "open", "kept" or "other"
    label: str = ""  # the row as a user knows it: a wish's text, a person's name …
    where: str = ""  # where it is: a wish's group and workshop, a workshop's project
    # A reference (a wish's place under another, a responsible person) named as the user
    # knows the row it points to; None when the field is no reference.
    kept_named: str | None = None
    other_named: str | None = None


NAMING_FIELDS = ("text", "name", "title", "heading", "metric", "comment", "role")
LONGEST_LABEL = 60


def short_label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LONGEST_LABEL else text[:LONGEST_LABEL - 1] + "…"


def _label(row: object) -> str:
    for name in NAMING_FIELDS:
        value = getattr(row, name, None)
        if isinstance(value, str) and value.strip():
            return short_label(value)
    return ""


def _named(session: Session, field: str, value: object) -> str | None:
    """The row a reference points to, as the user names it ("" for none)."""
    from facilitator.interchange.fields import REF_TARGETS

    model = REF_TARGETS.get(field)
    if model is None:
        return None
    target = session.get(model, value) if isinstance(value, str) else None
    return _label(target) if target is not None else ""


def _where(session: Session, row: object) -> str:
    """The group and workshop (or the project) a row belongs to, as the user names them."""
    from facilitator.store.models import Group, Project, Workshop

    parts: list[str] = []
    group_id = getattr(row, "group_id", None)
    group = session.get(Group, group_id) if isinstance(group_id, str) else None
    if group is not None:
        parts.append(group.name)
    workshop_id = group.workshop_id if group is not None else getattr(row, "workshop_id", None)
    workshop = session.get(Workshop, workshop_id) if isinstance(workshop_id, str) else None
    if workshop is not None:
        parts.append(workshop.title)
    elif isinstance(project_id := getattr(row, "project_id", None), str):
        project = session.get(Project, project_id)
        if project is not None:
            parts.append(project.name)
    return ", ".join(short_label(p) for p in parts if p)


def _when(stamp: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(Stamp.parse(stamp).wall_ms / 1000, dt.UTC).replace(
        tzinfo=None)


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictInfo]:
    """The conflicts, newest first."""
    with store.read() as s:
        query = select(MergeConflict).order_by(MergeConflict.created_at.desc())
        if not include_resolved:
            query = query.where(MergeConflict.resolved_at.is_(None))
        from facilitator.interchange.fields import ALL_SPECS

        models = {spec.table: spec.model for spec in ALL_SPECS}
        found = []
        for c in s.scalars(query):
            model = models.get(c.table_name)
            row = s.get(model, c.row_id) if model is not None else None
            found.append(ConflictInfo(
                c.id, c.table_name, c.row_id, c.field, json.loads(c.kept_value or "null"),
                json.loads(c.other_value or "null"), _when(c.kept_stamp), _when(c.other_stamp),
                c.source, c.resolved_at is not None, c.chosen or "open",
                _label(row) if row is not None else "",
                _where(s, row) if row is not None else "",
                *(_named(s, c.field, json.loads(value or "null"))
                  for value in (c.kept_value, c.other_value))))
        return found


CHOICES = ("open", "kept", "other")


def set_choice(store: Store, conflict_id: str, choice: str) -> str:
    """Settle a conflict: "kept" (the merged value stays), "other" (the value that lost
    goes back into the row, as a new edit that wins on every laptop it reaches) or "open"
    (undecided again, the merged value back). Returns the previous choice (for undo)."""
    from facilitator.interchange.fields import ALL_SPECS
    from facilitator.interchange.validation import parse_value

    if choice not in CHOICES:
        raise ValidationError(tr("Unknown field {name!r}."), name=choice)
    with store.write() as tx:
        s = tx.session
        conflict = s.get(MergeConflict, conflict_id)
        if conflict is None:
            raise not_found(tr("The conflict"), conflict_id)
        before = conflict.chosen or "open"
        spec = next(x for x in ALL_SPECS if x.table == conflict.table_name)
        field = next(f for f in spec.all_fields if f.name == conflict.field)
        row = s.get(spec.model, conflict.row_id)
        if row is None:
            raise not_found(tr("The row"), conflict.row_id)
        wanted = conflict.other_value if choice == "other" else conflict.kept_value
        value = parse_value(spec, field, json.loads(wanted or "null"))
        if getattr(row, conflict.field) != value:
            setattr(row, conflict.field, value)
        conflict.chosen = None if choice == "open" else choice
        conflict.resolved_at = None if choice == "open" else utcnow()
        tx.changed(conflict.table_name, conflict.row_id)
        tx.changed("conflict", conflict.id)
        return before
