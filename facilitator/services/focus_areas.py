"""Focus areas of a project, each with a narrative and a responsible going forward."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    get_any,
    get_live,
    next_position,
    optional_body,
    optional_line,
    renumber,
    reorder,
    required_line,
    tombstone,
)
from facilitator.services.groups import refresh_group_names
from facilitator.store.models import FocusArea, Organisation, Person, Project

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ResponsibleRef:
    """A person, an organisation, or free text; at most one is set."""

    person_id: str | None = None
    organisation_id: str | None = None
    text: str = ""


@dataclass(frozen=True)
class FocusAreaInfo:
    id: str
    project_id: str
    position: int
    name: str
    narrative: str
    responsible: ResponsibleRef
    responsible_label: str


def _label(area: FocusArea) -> str:
    person = area.responsible_person
    if person is not None and person.deleted_at is None:
        return person.name + (f", {person.title}" if person.title else "")
    org = area.responsible_organisation
    if org is not None and org.deleted_at is None:
        return org.name
    return area.responsible_text


def _info(area: FocusArea) -> FocusAreaInfo:
    ref = ResponsibleRef(
        area.responsible_person_id, area.responsible_organisation_id, area.responsible_text
    )
    return FocusAreaInfo(area.id, area.project_id, area.position, area.name, area.narrative,
                         ref, _label(area))


def _live_areas(session: Session, project_id: str) -> list[FocusArea]:
    return list(session.scalars(
        select(FocusArea)
        .where(FocusArea.project_id == project_id, FocusArea.deleted_at.is_(None))
        .order_by(FocusArea.position)
    ))


def add_focus_area(store: Store, project_id: str, name: str, narrative: str = "") -> str:
    with store.write() as tx:
        s = tx.session
        get_live(s, Project, project_id, tr("The project"))
        area = FocusArea(
            project_id=project_id,
            name=required_line(name, tr("The focus area's name"), 300),
            narrative=optional_body(narrative, tr("The description")),
            position=next_position(s, FocusArea.position, FocusArea.project_id == project_id),
        )
        s.add(area)
        s.flush()
        tx.changed("focus_area", area.id)
        return area.id


def list_focus_areas(store: Store, project_id: str) -> list[FocusAreaInfo]:
    with store.read() as session:
        return [_info(a) for a in _live_areas(session, project_id)]


def get_focus_area(store: Store, area_id: str) -> FocusAreaInfo:
    with store.read() as session:
        return _info(get_live(session, FocusArea, area_id, tr("The focus area")))


def rename_focus_area(store: Store, area_id: str, name: str) -> str:
    with store.write() as tx:
        area = get_live(tx.session, FocusArea, area_id, tr("The focus area"))
        old = area.name
        area.name = required_line(name, tr("The focus area's name"), 300)
        tx.session.flush()
        refresh_group_names(tx, area.id)
        tx.changed("focus_area", area.id)
        return old


def set_narrative(store: Store, area_id: str, narrative: str) -> str:
    with store.write() as tx:
        area = get_live(tx.session, FocusArea, area_id, tr("The focus area"))
        old = area.narrative
        area.narrative = optional_body(narrative, tr("The description"))
        tx.changed("focus_area", area.id)
        return old


def set_responsible(store: Store, area_id: str, ref: ResponsibleRef) -> ResponsibleRef:
    """Name who carries the area on; returns the previous responsible (for undo)."""
    chosen = sum(1 for x in (ref.person_id, ref.organisation_id, ref.text.strip()) if x)
    if chosen > 1:
        raise ValidationError(
            tr("Name someone responsible: a person, an organisation or free text."))
    with store.write() as tx:
        s = tx.session
        area = get_live(s, FocusArea, area_id, tr("The focus area"))
        old = ResponsibleRef(
            area.responsible_person_id, area.responsible_organisation_id, area.responsible_text
        )
        if ref.person_id:
            get_live(s, Person, ref.person_id, tr("The person"))
        if ref.organisation_id:
            get_live(s, Organisation, ref.organisation_id, tr("The organisation"))
        area.responsible_person_id = ref.person_id
        area.responsible_organisation_id = ref.organisation_id
        area.responsible_text = optional_line(ref.text, tr("The person responsible"), 500)
        tx.changed("focus_area", area.id)
        return old


def move_focus_area(store: Store, area_id: str, new_index: int) -> int:
    with store.write() as tx:
        area = get_live(tx.session, FocusArea, area_id, tr("The focus area"))
        siblings = _live_areas(tx.session, area.project_id)
        old = siblings.index(area)
        reorder(siblings, area, new_index)
        tx.changed("focus_area", area.id)
        return old


def delete_focus_area(store: Store, area_id: str) -> None:
    with store.write() as tx:
        area = get_live(tx.session, FocusArea, area_id, tr("The focus area"))
        tombstone(area)
        tx.session.flush()
        renumber(_live_areas(tx.session, area.project_id))
        refresh_group_names(tx, area.id)
        tx.changed("focus_area", area.id)


def restore_focus_area(store: Store, area_id: str, index: int | None = None) -> None:
    with store.write() as tx:
        area = get_any(tx.session, FocusArea, area_id, tr("The focus area"))
        area.deleted_at = None
        tx.session.flush()
        siblings = _live_areas(tx.session, area.project_id)
        reorder(siblings, area, len(siblings) if index is None else index)
        refresh_group_names(tx, area.id)
        tx.changed("focus_area", area.id)
