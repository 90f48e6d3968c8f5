"""Focus areas of a project, each with a narrative and who carries it on
(facilitator.services.responsibles)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    get_any,
    get_live,
    next_position,
    optional_body,
    required_line,
    tombstone,
    unchanged_fields,
    unchanged_since,
)
from facilitator.services.groups import refresh_group_names
from facilitator.services.order_keys import reorder
from facilitator.services.responsibles import ResponsibleInfo, responsibles_in
from facilitator.store.models import FocusArea, Project

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class FocusAreaInfo:
    id: str
    project_id: str
    position: int
    name: str
    narrative: str
    responsibles: tuple[ResponsibleInfo, ...]

    @property
    def responsible_label(self) -> str:
        return "; ".join(r.label for r in self.responsibles)


def _info(session: Session, area: FocusArea, index: int) -> FocusAreaInfo:
    return FocusAreaInfo(area.id, area.project_id, index, area.name, area.narrative,
                         tuple(responsibles_in(session, "focus_area", area.id)))


def _live_areas(session: Session, project_id: str) -> list[FocusArea]:
    return list(session.scalars(
        select(FocusArea)
        .where(FocusArea.project_id == project_id, FocusArea.deleted_at.is_(None))
        .order_by(FocusArea.position, FocusArea.id)
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
        return [_info(session, a, i) for i, a in enumerate(_live_areas(session, project_id))]


def get_focus_area(store: Store, area_id: str) -> FocusAreaInfo:
    with store.read() as session:
        area = get_live(session, FocusArea, area_id, tr("The focus area"))
        return _info(session, area, _live_areas(session, area.project_id).index(area))


def rename_focus_area(store: Store, area_id: str, name: str, *,
                      expected: str | None = None) -> str:
    with store.write() as tx:
        area = get_live(tx.session, FocusArea, area_id, tr("The focus area"))
        if expected is not None:
            unchanged_fields(area, {"name": expected}, tr("The focus area's name"))
        old = area.name
        area.name = required_line(name, tr("The focus area's name"), 300)
        tx.session.flush()
        refresh_group_names(tx, area.id)
        tx.changed("focus_area", area.id)
        return old


def set_narrative(store: Store, area_id: str, narrative: str, *,
                  expected: str | None = None) -> str:
    """The area's narrative; returns the old one (for undo). ``expected``: the text the
    user started from; refused if someone else changed it since."""
    with store.write() as tx:
        area = get_live(tx.session, FocusArea, area_id, tr("The focus area"))
        old = area.narrative
        unchanged_since(old, expected, tr("this narrative"))
        area.narrative = optional_body(narrative, tr("The description"))
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
