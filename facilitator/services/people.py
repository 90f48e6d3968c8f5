"""The people register, organisations, and attendance per workshop."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    WriteTx,
    choice,
    get_any,
    get_live,
    optional_body,
    optional_line,
    required_line,
    tombstone,
    unchanged_fields,
)
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    Organisation,
    Person,
    Workshop,
)
from facilitator.text import clean_text, sort_key


@dataclass(frozen=True)
class PersonInfo:
    id: str
    name: str
    title: str
    organisation_id: str | None
    organisation: str
    email: str
    phone: str
    note: str


@dataclass(frozen=True)
class AttendanceInfo:
    person_id: str
    name: str
    organisation: str
    status: AttendanceStatus
    role: str
    may_be_named: bool = True


def _person_info(p: Person) -> PersonInfo:
    org = p.organisation.name if p.organisation and p.organisation.deleted_at is None else ""
    return PersonInfo(p.id, p.name, p.title, p.organisation_id, org, p.email, p.phone, p.note)


def _find_or_create_organisation(tx: WriteTx, name: str) -> Organisation:
    clean = required_line(name, tr("The organisation's name"), 300)
    # Compared in Python: SQLite's lower() leaves Å, Ä and Ö as they are.
    wanted = clean.casefold()
    for existing in tx.session.scalars(
        select(Organisation)
        .where(Organisation.deleted_at.is_(None))
        .order_by(Organisation.created_at)
    ):
        if existing.name.casefold() == wanted:
            return existing
    org = Organisation(name=clean)
    tx.session.add(org)
    tx.session.flush()
    tx.changed("organisation", org.id)
    return org


def create_organisation(store: Store, name: str, kind: str = "") -> str:
    """Create an organisation, or return the existing one with the same name."""
    with store.write() as tx:
        org = _find_or_create_organisation(tx, name)
        if kind:
            org.kind = optional_line(kind, tr("The type"), 100)
        return org.id


def list_organisations(store: Store) -> list[tuple[str, str]]:
    with store.read() as session:
        rows = session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.deleted_at.is_(None))
        ).all()
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: sort_key(r[1]))


def create_person(
    store: Store,
    name: str,
    *,
    title: str = "",
    organisation: str = "",
    organisation_id: str | None = None,
    email: str = "",
    phone: str = "",
    note: str = "",
) -> str:
    """Register a person; ``organisation`` (a name) is created on the fly if new."""
    with store.write() as tx:
        return _create_person(tx, name, title=title, organisation=organisation,
                              organisation_id=organisation_id, email=email, phone=phone,
                              note=note)


def _create_person(
    tx: WriteTx,
    name: str,
    *,
    title: str = "",
    organisation: str = "",
    organisation_id: str | None = None,
    email: str = "",
    phone: str = "",
    note: str = "",
) -> str:
    person = Person(
        name=required_line(name, tr("The name"), 300),
        title=optional_line(title, tr("The title"), 300),
        email=_email(email),
        phone=optional_line(phone, tr("Phone"), 100),
        note=optional_body(note, tr("The note"), 100_000),
    )
    if organisation_id is not None:
        person.organisation_id = get_live(
            tx.session, Organisation, organisation_id, tr("The organisation")
        ).id
    elif organisation and organisation.strip():
        person.organisation_id = _find_or_create_organisation(tx, organisation).id
    tx.session.add(person)
    tx.session.flush()
    tx.changed("person", person.id)
    return person.id


def _email(value: str) -> str:
    email = optional_line(value, tr("Email"), 300)
    if email and ("@" not in email or " " in email):
        raise ValidationError(tr("The email address {email!r} does not look right."), email=email)
    return email


def update_person(store: Store, person_id: str, *, expected: dict[str, object] | None = None,
                  **values: str | None) -> dict[str, object]:
    """Change register fields; ``organisation`` takes a name. Returns old values.

    ``expected``: the register fields (``organisation_id``, not a name) as the user saw
    them; refused if another user changed one of them since."""
    with store.write() as tx:
        person = get_live(tx.session, Person, person_id, tr("The person"))
        unchanged_fields(person, expected, tr("The person"))
        old: dict[str, object] = {}
        for key, value in values.items():
            if key == "organisation":
                old["organisation_id"] = person.organisation_id
                person.organisation_id = (
                    _find_or_create_organisation(tx, value).id if value and value.strip() else None
                )
            elif key == "organisation_id":
                old[key] = person.organisation_id
                person.organisation_id = (
                    get_live(tx.session, Organisation, value, tr("The organisation")).id
                    if value else None
                )
            elif key == "name":
                old[key], person.name = person.name, required_line(value, tr("The name"), 300)
            elif key == "email":
                old[key], person.email = person.email, _email(value or "")
            elif key == "title":
                old[key], person.title = person.title, optional_line(value, tr("The title"), 300)
            elif key == "phone":
                old[key], person.phone = person.phone, optional_line(value, tr("Phone"), 100)
            elif key == "note":
                old[key], person.note = person.note, optional_body(value, tr("The note"), 100_000)
            else:
                raise ValidationError(tr("Unknown field {name!r}."), name=key)
        tx.changed("person", person.id)
        return old


def delete_person(store: Store, person_id: str) -> None:
    """Move a person to the trash (GDPR erasure is a separate, thorough operation)."""
    with store.write() as tx:
        tombstone(get_live(tx.session, Person, person_id, tr("The person")))
        tx.changed("person", person_id)


def restore_person(store: Store, person_id: str) -> None:
    with store.write() as tx:
        get_any(tx.session, Person, person_id, tr("The person")).deleted_at = None
        tx.changed("person", person_id)


def get_person(store: Store, person_id: str) -> PersonInfo:
    with store.read() as session:
        return _person_info(get_live(session, Person, person_id, tr("The person")))


def list_people(store: Store, query: str = "") -> list[PersonInfo]:
    """People by name; ``query`` matches name, title, organisation or e-mail."""
    with store.read() as session:
        people = session.scalars(select(Person).where(Person.deleted_at.is_(None))).all()
        infos = sorted((_person_info(p) for p in people), key=lambda i: sort_key(i.name))
    needle = clean_text(query, multiline=False).casefold() if isinstance(query, str) else ""
    if not needle:
        return infos
    return [
        i for i in infos
        if needle in f"{i.name}\n{i.title}\n{i.organisation}\n{i.email}".casefold()
    ]


def set_attendance(
    store: Store,
    workshop_id: str,
    person_id: str,
    status: AttendanceStatus | str = AttendanceStatus.ATTENDED,
    role: str | None = None,
) -> tuple[AttendanceStatus, str] | None:
    """Set a person's attendance; returns the previous (status, role) or None if new."""
    with store.write() as tx:
        return _set_attendance(tx, workshop_id, person_id, status, role)


def _set_attendance(
    tx: WriteTx,
    workshop_id: str,
    person_id: str,
    status: AttendanceStatus | str,
    role: str | None,
) -> tuple[AttendanceStatus, str] | None:
    s = tx.session
    get_live(s, Workshop, workshop_id, tr("The workshop"))
    get_live(s, Person, person_id, tr("The person"))
    new_status = choice(status, AttendanceStatus, tr("Attendance"))
    row = s.scalars(
        select(Attendance).where(
            Attendance.workshop_id == workshop_id, Attendance.person_id == person_id
        )
    ).first()
    previous = None
    if row is None:
        row = Attendance(workshop_id=workshop_id, person_id=person_id)
        s.add(row)
    elif row.deleted_at is None:
        previous = (row.status, row.role)
    row.deleted_at = None
    row.status = new_status
    if role is not None:
        row.role = optional_line(role, tr("The role"), 300)
    s.flush()
    tx.changed("attendance", row.id, person_id)
    return previous


def _listed(tx: WriteTx, workshop_id: str, person_id: str) -> Attendance:
    """The person's live attendance row at the workshop, or a ValidationError."""
    row = tx.session.scalars(
        select(Attendance).where(
            Attendance.workshop_id == workshop_id,
            Attendance.person_id == person_id,
            Attendance.deleted_at.is_(None),
        )
    ).first()
    if row is None:
        raise ValidationError(tr("The person is not on this workshop's list of participants."))
    return row


def remove_attendance(store: Store, workshop_id: str, person_id: str) -> None:
    with store.write() as tx:
        row = _listed(tx, workshop_id, person_id)
        tombstone(row)
        tx.changed("attendance", row.id, person_id)


def add_walk_in(store: Store, workshop_id: str, name: str, organisation: str = "") -> str:
    """Register someone who just walked in and mark them as attended, in one step."""
    with store.write() as tx:
        get_live(tx.session, Workshop, workshop_id, tr("The workshop"))
        person_id = _create_person(tx, name, organisation=organisation)
        _set_attendance(tx, workshop_id, person_id, AttendanceStatus.ATTENDED, None)
        return person_id


def list_attendance(store: Store, workshop_id: str) -> list[AttendanceInfo]:
    with store.read() as session:
        rows = session.scalars(
            select(Attendance)
            .join(Person, Person.id == Attendance.person_id)
            .where(
                Attendance.workshop_id == workshop_id,
                Attendance.deleted_at.is_(None),
                Person.deleted_at.is_(None),
            )
        ).all()
        infos = [
            AttendanceInfo(
                r.person_id,
                r.person.name,
                _person_info(r.person).organisation,
                r.status,
                r.role,
                r.may_be_named,
            )
            for r in rows
        ]
    return sorted(infos, key=lambda i: sort_key(i.name))


def set_may_be_named(store: Store, workshop_id: str, person_id: str, allowed: bool) -> bool:
    """Record whether the person may be named in published minutes; returns the old answer."""
    if not isinstance(allowed, bool):
        raise ValidationError(tr("{label}: unknown value {value!r} (allowed: {options})."),
                              label=tr("May be named"), value=allowed, options="true, false")
    with store.write() as tx:
        row = _listed(tx, workshop_id, person_id)
        old = row.may_be_named
        row.may_be_named = allowed
        tx.changed("attendance", row.id, person_id)
        return old


AttendanceState = tuple[AttendanceStatus | str, str | None] | None


def put_attendances(
    store: Store, workshop_id: str, states: dict[str, AttendanceState]
) -> dict[str, tuple[AttendanceStatus, str] | None]:
    """Set several people's attendance in one transaction; a setter for undo.

    Each person id maps to ``(status, role)`` (role None keeps the role) or to
    None, which takes the person off the list. Returns the states replaced, in
    the same form, so passing the result back undoes the change.
    """
    with store.write() as tx:
        previous: dict[str, tuple[AttendanceStatus, str] | None] = {}
        for person_id, state in states.items():
            if state is not None:
                status, role = state
                previous[person_id] = _set_attendance(tx, workshop_id, person_id, status, role)
                continue
            get_live(tx.session, Workshop, workshop_id, tr("The workshop"))
            row = tx.session.scalars(
                select(Attendance).where(
                    Attendance.workshop_id == workshop_id,
                    Attendance.person_id == person_id,
                    Attendance.deleted_at.is_(None),
                )
            ).first()
            previous[person_id] = (row.status, row.role) if row is not None else None
            if row is not None:
                tombstone(row)
                tx.changed("attendance", row.id, person_id)
        return previous
