"""Which focus areas each participant chose at a workshop, for forming groups.

A person may choose several areas. Un-choosing tombstones the row and choosing
again revives it, so (workshop, person, area) stays unique and merges by content.
Every write announces the change kind ``"choice"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.core import Store, ValidationError, WriteTx, get_live, tombstone
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    FocusArea,
    FocusChoice,
    Person,
    Workshop,
)

ChoiceKey = tuple[str, str]  # (person id, focus area id)


def _set(tx: WriteTx, workshop: Workshop, person_id: str, area_id: str, chosen: bool,
         rows: dict[ChoiceKey, FocusChoice]) -> bool:
    """Mark or unmark one choice; returns whether it was chosen before."""
    s = tx.session
    if not isinstance(chosen, bool):
        raise ValidationError(tr("The choice must be yes or no."))
    get_live(s, Person, person_id, tr("The person"))
    area = get_live(s, FocusArea, area_id, tr("The focus area"))
    if area.project_id != workshop.project_id:
        raise ValidationError(
            tr("The focus area ”{name}” belongs to another project."), name=area.name)
    row = rows.get((person_id, area_id))
    old = row is not None and row.deleted_at is None
    if old == chosen:
        return old
    if row is None:
        row = FocusChoice(workshop_id=workshop.id, person_id=person_id, focus_area_id=area_id)
        s.add(row)
        rows[(person_id, area_id)] = row
    elif chosen:
        row.deleted_at = None
    if not chosen:
        tombstone(row)
    s.flush()
    tx.changed("choice", row.id, person_id)
    return old


def _rows(tx: WriteTx, workshop_id: str, keys: Iterable[ChoiceKey]) -> dict[ChoiceKey, FocusChoice]:
    people = sorted({person for person, _ in keys})
    rows: dict[ChoiceKey, FocusChoice] = {}
    for start in range(0, len(people), 500):
        for row in tx.session.scalars(select(FocusChoice).where(
                FocusChoice.workshop_id == workshop_id,
                FocusChoice.person_id.in_(people[start:start + 500]))):
            rows[(row.person_id, row.focus_area_id)] = row
    return rows


def set_choice(store: Store, workshop_id: str, person_id: str, area_id: str,
               chosen: bool) -> bool:
    """Mark (``chosen``) or unmark one person's choice of one area; returns the old state."""
    with store.write() as tx:
        workshop = get_live(tx.session, Workshop, workshop_id, tr("The workshop"))
        rows = _rows(tx, workshop_id, [(person_id, area_id)])
        return _set(tx, workshop, person_id, area_id, chosen, rows)


def set_choices(store: Store, workshop_id: str,
                changes: Mapping[ChoiceKey, bool]) -> dict[ChoiceKey, bool]:
    """Set many choices in one transaction; returns the old states (pass back to undo)."""
    with store.write() as tx:
        workshop = get_live(tx.session, Workshop, workshop_id, tr("The workshop"))
        rows = _rows(tx, workshop_id, changes.keys())
        return {key: _set(tx, workshop, key[0], key[1], chosen, rows)
                for key, chosen in changes.items()}


def list_choices(store: Store, workshop_id: str) -> dict[str, set[str]]:
    """Person id → the ids of the live focus areas that person chose (only people who chose)."""
    with store.read() as session:
        rows = session.execute(
            select(FocusChoice.person_id, FocusChoice.focus_area_id)
            .join(Person, Person.id == FocusChoice.person_id)
            .join(FocusArea, FocusArea.id == FocusChoice.focus_area_id)
            .where(FocusChoice.workshop_id == workshop_id, FocusChoice.deleted_at.is_(None),
                   Person.deleted_at.is_(None), FocusArea.deleted_at.is_(None))
        ).all()
    result: dict[str, set[str]] = {}
    for person_id, area_id in rows:
        result.setdefault(person_id, set()).add(area_id)
    return result


def attending_ids(store: Store, workshop_id: str) -> set[str]:
    """The people checked in as present at the workshop."""
    with store.read() as session:
        return set(session.scalars(
            select(Attendance.person_id)
            .join(Person, Person.id == Attendance.person_id)
            .where(Attendance.workshop_id == workshop_id, Attendance.deleted_at.is_(None),
                   Attendance.status == AttendanceStatus.ATTENDED,
                   Person.deleted_at.is_(None))
        ))


def count_choices(store: Store, workshop_id: str, *,
                  attending_only: bool = True) -> dict[str, int]:
    """Focus area id → how many (attending) people chose it; areas nobody chose are left out."""
    chosen = list_choices(store, workshop_id)
    present = attending_ids(store, workshop_id) if attending_only else set(chosen)
    counts: dict[str, int] = {}
    for person_id, areas in chosen.items():
        if person_id in present:
            for area_id in areas:
                counts[area_id] = counts.get(area_id, 0) + 1
    return counts
