"""The title block's labelled people: the workshop's roles, in the facilitator's order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    choice,
    get_live,
    optional_line,
    unchanged_list,
)
from facilitator.store.vocabulary import RoleKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MAX_ROLES = 30


@dataclass(frozen=True)
class RoleEntry:
    """A role (a known kind, or OTHER with its own label) and who holds it: a person of
    the register or a typed name (exactly one)."""

    role: RoleKind
    label: str = ""
    person_id: str | None = None
    name: str = ""
    id: str | None = None


@dataclass(frozen=True)
class RoleInfo:
    entry: RoleEntry
    holder: str  # the person's name or the typed name


def roles_of(session: Session, workshop_id: str) -> list[RoleInfo]:
    from facilitator.store.models import WorkshopRole

    rows = session.scalars(
        select(WorkshopRole)
        .where(WorkshopRole.workshop_id == workshop_id, WorkshopRole.deleted_at.is_(None))
        .order_by(WorkshopRole.position, WorkshopRole.created_at)
    )
    infos = []
    for row in rows:
        holder = row.name
        if row.person_id is not None:
            if row.person is None or row.person.deleted_at is not None:
                continue
            holder = row.person.name
        infos.append(RoleInfo(
            RoleEntry(row.role, row.label, row.person_id, row.name, row.id), holder))
    return infos


def list_roles(store: Store, workshop_id: str) -> list[RoleInfo]:
    with store.read() as session:
        return roles_of(session, workshop_id)


def set_roles(store: Store, workshop_id: str, entries: Sequence[RoleEntry], *,
              made_from: Sequence[RoleEntry] | None = None) -> list[RoleEntry]:
    """Make ``entries`` the workshop's roles; returns the previous list (for undo).
    ``made_from``: the list the edit was made from; refused if it changed since (#15)."""
    # Imported here: the Översikt page imports this module before the ORM may load.
    from facilitator.services.row_lists import replace_rows
    from facilitator.store.models import Workshop, WorkshopRole

    if len(entries) > MAX_ROLES:
        raise ValidationError(tr("At most {n} roles can be named."), n=MAX_ROLES)
    with store.write() as tx:
        s = tx.session
        get_live(s, Workshop, workshop_id, tr("The workshop"))
        before = [info.entry for info in roles_of(s, workshop_id)]
        unchanged_list(before, made_from, tr("Roles"))
        shown = {entry.id for entry in before}
        hidden = [RoleEntry(r.role, r.label, r.person_id, r.name, r.id) for r in s.scalars(
            select(WorkshopRole).where(WorkshopRole.workshop_id == workshop_id,
                                       WorkshopRole.deleted_at.is_(None))
        ) if r.id not in shown]
        cleaned = [_clean(s, entry) for entry in entries]
        replace_rows(
            s, WorkshopRole, WorkshopRole.workshop_id == workshop_id,
            {"workshop_id": workshop_id}, cleaned + hidden,
            lambda e: {"role": e.role, "label": e.label, "person_id": e.person_id,
                       "name": e.name},
        )
        tx.changed("workshop", workshop_id)
        return before


def _clean(session: Session, entry: RoleEntry) -> RoleEntry:
    from facilitator.store.models import Person

    role = choice(entry.role, RoleKind, tr("The role"))
    label = optional_line(entry.label, tr("The role"), 100) if role == RoleKind.OTHER else ""
    if role == RoleKind.OTHER and not label:
        raise ValidationError(tr("Name the role: choose one from the list or type it."))
    name = optional_line(entry.name, tr("The name"), 300)
    if sum(1 for x in (entry.person_id, name) if x) != 1:
        raise ValidationError(tr("Name who has the role: a person in the register or a name."))
    if entry.person_id:
        get_live(session, Person, entry.person_id, tr("The person"))
    return RoleEntry(role, label, entry.person_id, name, entry.id)
