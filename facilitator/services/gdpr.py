"""Personal data (GDPR): erase a person everywhere, or export all that is stored about them.

Erasure (``erase_person``) is deliberately thorough and NOT undoable:

- the person's attendance rows and group memberships are deleted for good
  (tombstoned ones too: a tombstone still names the person);
- where the person is responsible (focus areas, wishes, actions) the
  reference is replaced by the person's organisation when there is one
  (a responsible row points at it; a wish gets its name as text), otherwise
  by the text "borttagen person"; a role in a title block (moderator …) keeps
  the role and names "borttagen person";
- every free-text field of every row (workshop facts such as moderator or
  note taker, agenda notes, wishes, narratives, notes…) is searched for the
  person's full name, e-mail address and phone number; each exact occurrence
  (case-insensitive) is replaced by "borttagen person";
- the person row itself is hard-deleted (no tombstone), which also removes
  its search-index entry; the full-text index is then merged ("optimize") so
  no old term lingers in an earlier index segment;
- all of that in ONE transaction; afterwards ``VACUUM`` rewrites the file and
  the write-ahead log is checkpointed and truncated, so no freed page or old
  log frame keeps the name (``secure_delete`` zeroes freed pages as well).

The ``ErasureReport`` lists every place that was changed. Backups made
before the erasure still hold the person; they age out with the backup
rotation (see store/backup.py), and the erasure is recorded in a ledger so
that opening a restored backup erases the person again (erasure_ledger.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Enum as SAEnum
from sqlalchemy import String, Text, delete, select

from facilitator.atomic import atomic_write_text
from facilitator.messages import tr
from facilitator.services.core import Store, get_any
from facilitator.services.erasure_ledger import record_erasure
from facilitator.store.models import (
    Action,
    Attendance,
    Base,
    FocusArea,
    Group,
    GroupMember,
    Organisation,
    Person,
    Project,
    Responsible,
    Review,
    Tombstone,
    Wish,
    Workshop,
    WorkshopRole,
    utcnow,
)
from facilitator.store.vocabulary import TombstoneReason

ERASED = "borttagen person"
EXPORT_FORMAT = "facilitator-personal-data"

# Columns that hold identifiers or codes, never free text.
_NOT_TEXT = {"id", "language"}


@dataclass(frozen=True)
class Place:
    """One place changed by an erasure.

    ``kind`` is the table (``workshop``, ``section``, ``wish``…), ``field`` the
    column, ``context`` a human hint (the workshop's title, the wish's text…),
    ``change`` one of ``removed`` (row deleted), ``replaced_by_organisation``,
    ``replaced_by_text`` or ``text_replaced`` (an occurrence in free text).
    """

    kind: str
    row_id: str
    field: str
    context: str
    change: str


@dataclass
class ErasureReport:
    person_id: str
    name: str
    places: list[Place] = field(default_factory=list)
    vacuumed: bool = False
    # Rows changed in projects this login cannot see (a server with units, server_setup.py).
    elsewhere: int = 0
    # Why the erasure could not be written to the ledger, if it could not.
    ledger_error: str = ""

    def count(self, change: str) -> int:
        return sum(1 for p in self.places if p.change == change)


@dataclass(frozen=True)
class PersonUsage:
    """What an erasure of a person would change, for the confirmation dialog."""

    name: str
    organisation: str
    attendance: int
    groups: int
    responsible: int
    mentions: int


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _context(row: Any) -> str:
    for attr in ("title", "heading", "name", "text"):
        value = getattr(row, attr, None)
        if isinstance(value, str) and value:
            return _short(value)
    return ""


def _patterns(person: Person) -> list[re.Pattern[str]]:
    needles = [person.name.strip(), person.email.strip()]
    phone = person.phone.strip()
    if sum(ch.isdigit() for ch in phone) >= 5:
        needles.append(phone)
    return [
        re.compile(re.escape(n), re.IGNORECASE)
        for n in sorted({n for n in needles if len(n) >= 2}, key=len, reverse=True)
    ]


def _text_columns(model: type[Base]) -> list[str]:
    names = []
    for column in model.__table__.columns:
        if column.name in _NOT_TEXT or column.name.endswith("_id"):
            continue
        if isinstance(column.type, SAEnum) or not isinstance(column.type, String | Text):
            continue
        names.append(column.key)
    return names


def _models() -> list[type[Base]]:
    return [m.class_ for m in Base.registry.mappers]


# Another person's own name and contact details are theirs, even when they are the
# same as the erased person's: only their free-text note is searched.
_OTHER_PERSON_IDENTITY = {"name", "title", "email", "phone"}


def _mentions(session: Any, person: Person, patterns: list[re.Pattern[str]],
              rows: Collection[str] | None = None) -> Iterator[tuple[Any, str, str]]:
    """(row, column, value) of every free-text value naming the person, the person excluded.

    ``rows``, when given, limits the search to the rows with those ids.
    """
    if not patterns:
        return
    for model in _models():
        columns = _text_columns(model)
        if model is Person:
            columns = [c for c in columns if c not in _OTHER_PERSON_IDENTITY]
        for row in session.scalars(select(model)):
            if row is person or (rows is not None and getattr(row, "id", None) not in rows):
                continue
            for column in columns:
                value = getattr(row, column)
                if isinstance(value, str) and any(p.search(value) for p in patterns):
                    yield row, column, value


def person_usage(store: Store, person_id: str) -> PersonUsage:
    """Counts of what ``erase_person`` would change (nothing is written)."""
    with store.read() as s:
        person = get_any(s, Person, person_id, tr("The person"))
        attendance = len(s.scalars(select(Attendance.id).where(
            Attendance.person_id == person_id)).all())
        groups = len(s.scalars(select(GroupMember.id).where(
            GroupMember.person_id == person_id)).all())
        responsible = sum(
            len(s.scalars(select(m.id).where(column == person_id)).all())
            for m, column in ((Responsible, Responsible.person_id),
                              (WorkshopRole, WorkshopRole.person_id))
        )
        mentions = sum(1 for _ in _mentions(s, person, _patterns(person)))
        org = person.organisation.name if person.organisation else ""
        return PersonUsage(person.name, org, attendance, groups, responsible, mentions)


def erase_person(store: Store, person_id: str, *, vacuum: bool = True,
                 mention_rows: Collection[str] | None = None) -> ErasureReport:
    """Remove a person and every trace of them (see the module docstring).

    ``mention_rows`` limits the free-text search to those rows (an import
    erasing again searches only what the package brought).
    """
    with store.read() as s:  # registrations joined into this one ("Samma person?") go too
        joined = list(s.scalars(select(Person.id).where(Person.merged_into_id == person_id)))
    earlier = [place for duplicate in joined for place in erase_person(
        store, duplicate, vacuum=False, mention_rows=mention_rows).places]
    with store.write() as tx:
        s = tx.session
        person = get_any(s, Person, person_id, tr("The person"))
        report = ErasureReport(person_id, person.name, earlier)
        org = person.organisation
        patterns = _patterns(person)

        # Rows that exist only because of the person: attendance, group
        # membership, and any other table with a person_id (focus choices…).
        for model in _person_rows():
            kind = model.__tablename__
            for row in s.scalars(select(model).where(model.person_id == person_id)):
                report.places.append(Place(kind, row.id, "person_id", _parent_context(s, row),
                                           "removed"))
                tx.changed(_change_kind(row), row.id)
            s.execute(delete(model).where(model.person_id == person_id))

        for item in s.scalars(select(Responsible).where(Responsible.person_id == person_id)):
            item.person_id = None
            if org is not None:
                item.organisation_id = org.id
                change = "replaced_by_organisation"
            else:
                item.text = ERASED
                change = "replaced_by_text"
            kind, owner_id, context = _responsible_owner(s, item)
            report.places.append(Place(kind, owner_id, "responsible", context, change))
            tx.changed(kind, owner_id)
        for role in s.scalars(select(WorkshopRole).where(WorkshopRole.person_id == person_id)):
            role.person_id = None
            role.name = ERASED
            report.places.append(Place("workshop", role.workshop_id, "role",
                                       _parent_context(s, role), "replaced_by_text"))
            tx.changed("workshop", role.workshop_id)
        s.flush()

        for row, column, value in list(_mentions(s, person, patterns, mention_rows)):
            new = value
            for pattern in patterns:
                new = pattern.sub(ERASED, new)
            setattr(row, column, new)
            report.places.append(Place(row.__tablename__, row.id, column, _context(row),
                                       "text_replaced"))
            tx.changed(_change_kind(row), row.id)

        s.flush()
        if store.on_server:  # other units' projects, with the owner's rights
            from facilitator.store.server_setup import erase_elsewhere

            report.elsewhere = erase_elsewhere(s.connection(), person_id)
        s.delete(person)
        # The erasure travels in packages: no laptop brings the person back (#14).
        if s.get(Tombstone, ("person", person_id)) is None:
            s.add(Tombstone(table_name="person", row_id=person_id, stamp=tx.stamp(),
                            reason=TombstoneReason.ERASURE))
        s.flush()
        if not store.on_server:  # a server's index is the rows' own: VACUUM clears it
            # Merge the full-text index so edited rows' old terms are gone too.
            s.connection().exec_driver_sql(
                "INSERT INTO search_index(search_index) VALUES ('optimize')")
        report.places.append(Place("person", person_id, "", "", "removed"))
        tx.changed("person", person_id)
        # Noted before the commit: a crash between the two must not forget it (an
        # id noted for an erasure that then failed only makes the next open try again).
        if store.database is not None:
            try:
                record_erasure(store.database, person_id)
            except OSError as exc:
                report.ledger_error = str(exc)
    if vacuum:
        compact(store)
        report.vacuumed = True
    return report


def _person_rows() -> list[type[Any]]:
    # Any: the models are found by their columns at run time, each has a person_id.
    # Responsibles and roles only point at the person: they are rewritten, not removed.
    kept = (Person, Responsible, WorkshopRole)
    return [m for m in _models() if m not in kept and "person_id" in m.__table__.columns]


def person_row_tables() -> list[str]:
    """The tables whose rows are removed with the person (server_setup.py does the same)."""
    return [str(m.__tablename__) for m in _person_rows()]


def erasable_text_columns() -> dict[str, list[str]]:
    """table → the free-text columns searched for the person (as ``_mentions`` does)."""
    tables = {}
    for model in _models():
        columns = _text_columns(model)
        if model is Person:
            columns = [c for c in columns if c not in _OTHER_PERSON_IDENTITY]
        if columns:
            tables[str(model.__tablename__)] = [model.__table__.columns[c].name
                                                for c in columns]
    return tables


def _responsible_owner(session: Any, item: Responsible) -> tuple[str, str, str]:
    """(change kind, id, context) of what a responsible belongs to; a review of a wish
    or an action is told by the text of what it follows up."""
    if item.focus_area_id:
        area = session.get(FocusArea, item.focus_area_id)
        return "focus_area", item.focus_area_id, _context(area)
    if item.action_id:
        return "action", item.action_id, _context(session.get(Action, item.action_id))
    review = session.get(Review, item.review_id)
    followed: Any = (session.get(Wish, review.wish_id) if review.wish_id
                     else session.get(Action, review.action_id))
    return "review", review.id, _context(followed)


def _parent_context(session: Any, row: Any) -> str:
    if getattr(row, "workshop_id", None):
        return _context(session.get(Workshop, row.workshop_id))
    if getattr(row, "group_id", None):
        group = session.get(Group, row.group_id)
        workshop = session.get(Workshop, group.workshop_id) if group else None
        return " / ".join(x for x in (_context(workshop), _context(group)) if x)
    return ""


def _change_kind(row: Any) -> str:
    table = row.__tablename__
    return {"work_group": "group", "group_member": "group", "group_focus_area": "group",
            "focus_choice": "attendance"}.get(table, table)


def compact(store: Store) -> None:
    """VACUUM and truncate the write-ahead log: freed pages and old frames are gone."""
    if store.on_server:
        _compact_server(store)
        return
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _compact_server(store: Store) -> None:
    """On PostgreSQL an erased row's old versions stay in the table and its indexes
    until vacuumed: the person table is rewritten (small), the others vacuumed, so the
    search indexes lose the old words too. (The server's write-ahead log and backups are
    the server's; docs/server.md says so.)"""
    with store.engine.connect() as connection:
        autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
        autocommit.exec_driver_sql("VACUUM FULL person")
        autocommit.exec_driver_sql("VACUUM")


# --- access: everything stored about one person -------------------------------------

def _iso(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def export_person_data(store: Store, person_id: str) -> dict[str, Any]:
    """All that is stored about one person, as plain JSON-ready data (GDPR access)."""
    with store.read() as s:
        person = get_any(s, Person, person_id, tr("The person"))
        org: Organisation | None = person.organisation

        def workshop_info(workshop_id: str | None) -> dict[str, Any]:
            w = s.get(Workshop, workshop_id) if workshop_id else None
            if w is None:
                return {}
            project = s.get(Project, w.project_id)
            return {"workshop": w.title, "date": _iso(w.date),
                    "project": project.name if project else ""}

        attendance = [
            {**workshop_info(a.workshop_id), "status": str(a.status), "role": a.role,
             "removed": a.deleted_at is not None}
            for a in s.scalars(select(Attendance).where(Attendance.person_id == person_id))
        ]
        groups = []
        for m in s.scalars(select(GroupMember).where(GroupMember.person_id == person_id)):
            g = s.get(Group, m.group_id)
            groups.append({**workshop_info(g.workshop_id if g else None),
                           "group": g.name if g else "", "removed": m.deleted_at is not None})
        responsible: list[dict[str, Any]] = []
        for item in s.scalars(select(Responsible).where(Responsible.person_id == person_id)):
            kind, _owner_id, context = _responsible_owner(s, item)
            responsible.append({"kind": kind, "text": context,
                                "removed": item.deleted_at is not None})
        for role in s.scalars(select(WorkshopRole).where(WorkshopRole.person_id == person_id)):
            responsible.append({**workshop_info(role.workshop_id), "kind": "role",
                                "text": str(role.role) if role.role != "other" else role.label,
                                "removed": role.deleted_at is not None})
        mentions = [
            {"kind": row.__tablename__, "field": column, "context": _context(row),
             "text": value}
            for row, column, value in _mentions(s, person, _patterns(person))
        ]
        return {
            "format": EXPORT_FORMAT,
            "exported_at": utcnow().replace(microsecond=0).isoformat() + "Z",
            "person": {
                "id": person.id, "name": person.name, "title": person.title,
                "organisation": org.name if org else "", "email": person.email,
                "phone": person.phone, "note": person.note,
                "created_at": _iso(person.created_at), "updated_at": _iso(person.updated_at),
                "in_trash": person.deleted_at is not None,
            },
            "attendance": attendance,
            "groups": groups,
            "responsible_for": responsible,
            "mentioned_in": mentions,
        }


def write_person_data(store: Store, person_id: str, path: Path) -> Path:
    """Write ``export_person_data`` to ``path`` as UTF-8 JSON, atomically."""
    data = export_person_data(store, person_id)
    return atomic_write_text(Path(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n")


__all__ = [
    "ERASED", "ErasureReport", "PersonUsage", "Place", "compact", "erase_person",
    "export_person_data", "person_usage", "write_person_data",
]
