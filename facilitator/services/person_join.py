"""Samma person? The same person registered on two laptops, joined into one (#14).

Two live people are offered for joining when they have the same name (compared
without regard to case and spacing; Å, Ä and Ö stay letters of their own) and
either the same organisation or the same e-mail address. A name alone is never
enough: two Anna Karlsson in one municipality are common.

Joining moves every row that refers to the duplicate onto the person kept,
fills the kept person's empty fields from the duplicate, and puts the
duplicate in the trash with ``merged_into_id`` naming the person kept, so a
later package that still refers to the duplicate lands on the kept person
(interchange/importer.py). ``join_people`` returns a :class:`JoinRecord` of
exactly what it changed; ``unjoin`` puts it all back (one undo step).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.messages import tr
from facilitator.services.core import Store, ValidationError, WriteTx, get_any, get_live
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    FocusChoice,
    GroupMember,
    Organisation,
    Person,
    Responsible,
    WorkshopRole,
)
from facilitator.store.vocabulary import utcnow
from facilitator.text import sort_key

# Rows that may name a person, with the columns that make a row one per person: two rows
# of the same key can't both be on one person (the database refuses it for the first
# three), and the same responsible or role twice in one list says nothing.
REFERRING: tuple[tuple[type[Any], tuple[str, ...]], ...] = (
    (Attendance, ("workshop_id",)),
    (GroupMember, ("group_id",)),
    (FocusChoice, ("workshop_id", "focus_area_id")),
    (WorkshopRole, ("workshop_id", "role", "label")),
    (Responsible, ("focus_area_id", "action_id", "review_id")),
)
UNIQUE = (Attendance, GroupMember, FocusChoice)  # even a row in the trash counts
MODELS = {model.__tablename__: model for model, _key in REFERRING}
# The register fields a join fills in when the kept person's is empty.
FILLED = ("title", "organisation_id", "email", "phone", "note")
# A check-in is never lost: the status that says most wins a clash.
STATUS_WEIGHT = {AttendanceStatus.INVITED: 0, AttendanceStatus.ABSENT: 1,
                 AttendanceStatus.ATTENDED: 2}
CHANGED_KINDS = ("person", "attendance", "group", "choice", "workshop", "focus_area", "action",
                 "review")


@dataclass(frozen=True)
class PersonSummary:
    """One side of a pair, as the dialog shows it."""

    id: str
    name: str
    organisation: str
    email: str
    phone: str
    attended: int  # workshops where the person was present


@dataclass(frozen=True)
class DuplicatePair:
    """Two registrations that look like one person; ``keep`` is the one suggested to keep."""

    keep: PersonSummary
    duplicate: PersonSummary


@dataclass
class JoinRecord:
    """Exactly what a join changed, so that ``unjoin`` can put it back."""

    keep_id: str
    duplicate_id: str
    moved: list[tuple[str, str]] = field(default_factory=list)  # (table, row id)
    # Rows of the kept person given the duplicate's information: (table, id) → old values.
    enriched: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    # The duplicate's rows a clash put in the trash: (table, id) → their deleted_at before.
    trashed: dict[tuple[str, str], dt.datetime | None] = field(default_factory=dict)
    filled: dict[str, Any] = field(default_factory=dict)  # kept person's fields before


def same_name(a: str, b: str) -> bool:
    return _name_key(a) == _name_key(b)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _same_person(a: Person, b: Person) -> bool:
    """Same name, and the same organisation or the same e-mail: never on the name alone."""
    if not same_name(a.name, b.name):
        return False
    if a.organisation_id and a.organisation_id == b.organisation_id:
        return True
    email = a.email.strip().casefold()
    return bool(email) and email == b.email.strip().casefold()


def duplicate_candidates(store: Store) -> list[DuplicatePair]:
    """Pairs of live people that are probably one person, in name order."""
    with store.read() as s:
        live = list(s.scalars(select(Person).where(
            Person.deleted_at.is_(None), Person.merged_into_id.is_(None))))
        by_name: dict[str, list[Person]] = {}
        for person in live:
            by_name.setdefault(_name_key(person.name), []).append(person)
        groups = [sorted(g, key=lambda p: (p.created_at, p.id))
                  for g in by_name.values() if len(g) > 1]
        pairs = [(a, b) for g in groups for a, b in combinations(g, 2) if _same_person(a, b)]
        counts = _attended(s, {p.id for pair in pairs for p in pair})
        organisations = _organisation_names(s)
        found = []
        for a, b in pairs:
            first, second = (_summary(p, counts, organisations) for p in (a, b))
            keep, duplicate = (second, first) if second.attended > first.attended \
                else (first, second)
            found.append(DuplicatePair(keep, duplicate))
    return sorted(found, key=lambda pair: (sort_key(pair.keep.name), pair.keep.id))


def _attended(s: Session, person_ids: set[str]) -> Counter[str]:
    if not person_ids:
        return Counter()
    rows = s.execute(select(Attendance.person_id, func.count()).where(
        Attendance.person_id.in_(person_ids), Attendance.deleted_at.is_(None),
        Attendance.status == AttendanceStatus.ATTENDED).group_by(Attendance.person_id))
    return Counter({person_id: count for person_id, count in rows})


def _organisation_names(s: Session) -> dict[str, str]:
    return {org.id: org.name for org in s.scalars(
        select(Organisation).where(Organisation.deleted_at.is_(None)))}


def _summary(p: Person, counts: Counter[str], organisations: dict[str, str]) -> PersonSummary:
    return PersonSummary(p.id, p.name, organisations.get(p.organisation_id or "", ""),
                         p.email, p.phone, counts[p.id])


# --- joining ----------------------------------------------------------------------

def join_people(store: Store, keep_id: str, duplicate_id: str) -> JoinRecord:
    """Join ``duplicate_id`` into ``keep_id``; returns what ``unjoin`` needs."""
    with store.write() as tx:
        s = tx.session
        keep = get_live(s, Person, keep_id, tr("The person"))
        duplicate = get_live(s, Person, duplicate_id, tr("The person"))
        if keep.id == duplicate.id:
            raise ValidationError(tr("A person cannot be joined with themselves."))
        if keep.merged_into_id or duplicate.merged_into_id or not _same_person(keep, duplicate):
            raise ValidationError(
                tr("Two registrations are joined only when they have the same name and the "
                   "same organisation or e-mail: {name} and {other} do not."),
                name=keep.name, other=duplicate.name)
        record = JoinRecord(keep.id, duplicate.id)
        for model, key in REFERRING:
            _move_rows(s, model, key, record)
        for name in FILLED:
            if not getattr(keep, name) and getattr(duplicate, name):
                record.filled[name] = getattr(keep, name)
                setattr(keep, name, getattr(duplicate, name))
        duplicate.merged_into_id = keep.id
        duplicate.deleted_at = utcnow()
        _announce(tx, keep.id, duplicate.id)
        return record


def _move_rows(s: Session, model: Any, key: tuple[str, ...], record: JoinRecord) -> None:
    table = model.__tablename__
    unique = model in UNIQUE
    kept_rows = {tuple(getattr(r, k) for k in key): r
                 for r in s.scalars(select(model).where(model.person_id == record.keep_id))
                 if unique or r.deleted_at is None}
    for row in s.scalars(select(model).where(model.person_id == record.duplicate_id)):
        clash = kept_rows.get(tuple(getattr(row, k) for k in key))
        if clash is None or not (unique or row.deleted_at is None):
            row.person_id = record.keep_id
            record.moved.append((table, row.id))
            continue
        # Both were on the list: the kept person's row gets what only the duplicate's says.
        better = _better_values(clash, row)
        if better:
            record.enriched[(table, clash.id)] = {n: getattr(clash, n) for n in better}
            for name, value in better.items():
                setattr(clash, name, value)
        if row.deleted_at is None:
            record.trashed[(table, row.id)] = None
            row.deleted_at = utcnow()


def _better_values(kept: Any, other: Any) -> dict[str, Any]:
    """The fields of ``kept`` that ``other`` knows more about."""
    better: dict[str, Any] = {}
    if kept.deleted_at is not None and other.deleted_at is None:
        better["deleted_at"] = None
    if isinstance(kept, Attendance):
        if STATUS_WEIGHT[other.status] > STATUS_WEIGHT[kept.status]:
            better["status"] = other.status
        if not kept.role and other.role:
            better["role"] = other.role
        if kept.may_be_named and not other.may_be_named:  # a "do not name me" stands
            better["may_be_named"] = False
    elif isinstance(kept, FocusChoice) and kept.rank is None and other.rank is not None:
        better["rank"] = other.rank
    return better


def unjoin(store: Store, record: JoinRecord) -> None:
    """Undo ``join_people``: every row, field and the duplicate back as they were."""
    with store.write() as tx:
        s = tx.session
        keep = get_any(s, Person, record.keep_id, tr("The person"))
        duplicate = get_any(s, Person, record.duplicate_id, tr("The person"))
        for table, row_id in record.moved:
            row = s.get(MODELS[table], row_id)
            if row is not None and row.person_id == keep.id:
                row.person_id = duplicate.id
        for (table, row_id), old in record.enriched.items():
            row = s.get(MODELS[table], row_id)
            for name, value in old.items() if row is not None else ():
                setattr(row, name, value)
        for (table, row_id), deleted_at in record.trashed.items():
            row = s.get(MODELS[table], row_id)
            if row is not None:
                row.deleted_at = deleted_at
        for name, value in record.filled.items():
            setattr(keep, name, value)
        duplicate.merged_into_id = None
        duplicate.deleted_at = None
        _announce(tx, keep.id, duplicate.id)


def _announce(tx: WriteTx, *person_ids: str) -> None:
    for kind in CHANGED_KINDS:
        tx.changed(kind, *person_ids)


def redirect_targets(s: Session, person_ids: set[str]) -> dict[str, str]:
    """Joined people among ``person_ids`` → the person they live on as (chains followed)."""
    merged = {p.id: p.merged_into_id for p in s.scalars(select(Person).where(
        Person.id.in_(person_ids), Person.merged_into_id.is_not(None)))}
    targets: dict[str, str] = {}
    for person_id, into in merged.items():
        seen = {person_id}
        while into is not None and into not in seen:
            seen.add(into)
            following = s.get(Person, into)
            if following is None or following.merged_into_id is None:
                break
            into = following.merged_into_id
        if into is not None and into != person_id:
            targets[person_id] = into
    return targets
