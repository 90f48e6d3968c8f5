"""Who carries a focus area or an action on: several, people and organisations mixed.

Each responsible is a row that links to the register (a person or an
organisation) or holds a text for someone who is in neither, so GDPR erasure
and anonymising find every person named as responsible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    get_live,
    optional_line,
    unchanged_list,
)
from facilitator.services.row_lists import replace_rows
from facilitator.store.models import Action, FocusArea, Organisation, Person, Responsible, Review

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

MAX_RESPONSIBLES = 50
OWNERS = {"focus_area": (FocusArea, Responsible.focus_area_id, tr("The focus area")),
          "action": (Action, Responsible.action_id, tr("The action")),
          "review": (Review, Responsible.review_id, tr("The follow-up"))}


@dataclass(frozen=True)
class Who:
    """A person, an organisation or a text (exactly one); ``id`` is the row's, if it has one."""

    person_id: str | None = None
    organisation_id: str | None = None
    text: str = ""
    id: str | None = None


@dataclass(frozen=True)
class ResponsibleInfo:
    who: Who
    name: str  # person or organisation name, or the text
    title: str = ""
    organisation: str = ""  # a person's organisation

    @property
    def label(self) -> str:
        """How the app lists it: "Name, title (Organisation)"."""
        text = self.name + (f", {self.title}" if self.title else "")
        return text + (f" ({self.organisation})" if self.organisation else "")


def _owned(kind: str, owner_id: str) -> ColumnElement[bool]:
    return OWNERS[kind][1] == owner_id


def _info(session: Session, row: Responsible) -> ResponsibleInfo | None:
    who = Who(row.person_id, row.organisation_id, row.text, row.id)
    if row.person_id is not None:
        person = row.person
        if person is None or person.deleted_at is not None:
            return None
        org = person.organisation
        org_name = org.name if org is not None and org.deleted_at is None else ""
        return ResponsibleInfo(who, person.name, person.title, org_name)
    if row.organisation_id is not None:
        org = row.organisation
        if org is None or org.deleted_at is not None:
            return None
        return ResponsibleInfo(who, org.name)
    return ResponsibleInfo(who, row.text)


def responsibles_in(session: Session, kind: str, owner_id: str) -> list[ResponsibleInfo]:
    """The live responsibles of one owner, in order (people or organisations in the trash
    are left out: they come back with them)."""
    rows = session.scalars(
        select(Responsible)
        .where(_owned(kind, owner_id), Responsible.deleted_at.is_(None))
        .order_by(Responsible.position, Responsible.created_at)
    )
    return [info for row in rows if (info := _info(session, row)) is not None]


def responsibles_of(session: Session, kind: str,
                    owner_ids: Sequence[str]) -> dict[str, list[ResponsibleInfo]]:
    """``responsibles_in`` for many owners with one query per 500 (a follow-up list of
    thousands of reviews: one query each cost 1.3 s at 3,500, see benchmarks/follow_up)."""
    column = OWNERS[kind][1]
    found: dict[str, list[ResponsibleInfo]] = {}
    ids = list(owner_ids)
    for start in range(0, len(ids), 500):
        rows = session.scalars(
            select(Responsible)
            .where(column.in_(ids[start:start + 500]), Responsible.deleted_at.is_(None))
            .options(selectinload(Responsible.person).selectinload(Person.organisation),
                     selectinload(Responsible.organisation))
            .order_by(Responsible.position, Responsible.created_at))
        for row in rows:
            info = _info(session, row)
            if info is not None:
                found.setdefault(getattr(row, column.key), []).append(info)
    return found


def list_responsibles(store: Store, kind: str, owner_id: str) -> list[ResponsibleInfo]:
    with store.read() as session:
        return responsibles_in(session, kind, owner_id)


def _clean(session: Session, who: Who) -> Who:
    text = optional_line(who.text, tr("The person responsible"), 500)
    if sum(1 for x in (who.person_id, who.organisation_id, text) if x) != 1:
        raise ValidationError(
            tr("Name someone responsible: a person, an organisation or free text."))
    if who.person_id:
        get_live(session, Person, who.person_id, tr("The person"))
    if who.organisation_id:
        get_live(session, Organisation, who.organisation_id, tr("The organisation"))
    return Who(who.person_id, who.organisation_id, text, who.id)


def set_responsibles(store: Store, kind: str, owner_id: str, whos: Sequence[Who], *,
                     made_from: Sequence[Who] | None = None) -> list[Who]:
    """Make ``whos`` the owner's responsibles, in order; returns the previous list (for undo).

    Naming the same person or organisation twice keeps the first. ``made_from``: the
    list the edit was made from; refused if another user changed it since (#15).
    """
    if kind not in OWNERS:
        raise ValidationError(tr("Unknown field {name!r}."), name=kind)
    model, _column, label = OWNERS[kind]
    with store.write() as tx:
        get_live(tx.session, model, owner_id, label)
        unchanged_list([i.who for i in responsibles_in(tx.session, kind, owner_id)],
                       made_from, tr("Responsible"))
        before = write_responsibles(tx.session, kind, owner_id, whos)
        tx.changed(kind, owner_id)
        return before


def write_responsibles(session: Session, kind: str, owner_id: str,
                       whos: Sequence[Who]) -> list[Who]:
    """``set_responsibles`` inside a caller's transaction; returns the previous list."""
    if len(whos) > MAX_RESPONSIBLES:
        raise ValidationError(tr("At most {n} responsibles can be named."), n=MAX_RESPONSIBLES)
    before = [info.who for info in responsibles_in(session, kind, owner_id)]
    shown = {who.id for who in before}
    # Rows naming someone now in the trash are not shown; they stay, for a restore.
    hidden = [Who(r.person_id, r.organisation_id, r.text, r.id) for r in session.scalars(
        select(Responsible).where(_owned(kind, owner_id), Responsible.deleted_at.is_(None))
    ) if r.id not in shown]
    cleaned: list[Who] = []
    seen: set[tuple[str | None, str | None, str]] = set()
    for who in whos:
        who = _clean(session, who)
        key = (who.person_id, who.organisation_id, who.text.casefold())
        if key not in seen:
            seen.add(key)
            cleaned.append(who)
    replace_rows(
        session, Responsible, _owned(kind, owner_id), {f"{kind}_id": owner_id},
        cleaned + hidden,
        lambda w: {"person_id": w.person_id, "organisation_id": w.organisation_id,
                   "text": w.text},
    )
    return before
