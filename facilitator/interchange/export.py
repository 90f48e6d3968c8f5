"""Store → package: a project with its focus areas and one or all of its workshops.

The output is deterministic: keys in the order of the field tables, lists in a
stable order (agenda/group/wish order, then id), so exporting the same data
twice gives the same text apart from ``exported_at``. Tombstoned rows are
included, so a later merge can see deletions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator import __version__
from facilitator.atomic import atomic_write_text
from facilitator.interchange.fields import (
    ACTION_RESPONSIBLE,
    ATTENDANCE,
    FOCUS_AREA,
    FOCUS_AREA_ACTION,
    FOCUS_AREA_RESPONSIBLE,
    FOCUS_CHOICE,
    FORMAT_NAME,
    FORMAT_VERSION,
    GROUP,
    GROUP_FOCUS_AREA,
    GROUP_MEMBER,
    KEY_FIGURE,
    ORGANISATION,
    PERSON,
    PROJECT,
    REVIEW,
    REVIEW_RESPONSIBLE,
    SECTION,
    WISH,
    WORKSHOP,
    WORKSHOP_ACTION,
    WORKSHOP_ROLE,
    datetime_to_json,
    row_to_json,
)
from facilitator.messages import tr
from facilitator.services.core import NotFoundError, Store
from facilitator.store.models import (
    Action,
    Attendance,
    FocusArea,
    FocusChoice,
    Group,
    GroupFocusArea,
    GroupMember,
    KeyFigure,
    Organisation,
    Person,
    Project,
    Responsible,
    Review,
    Section,
    StoreMeta,
    Tombstone,
    Wish,
    Workshop,
    WorkshopRole,
    utcnow,
)


def export_package(store: Store, ref_id: str) -> dict[str, Any]:
    """The package of a workshop (its project, all focus areas, that workshop) or a project."""
    with store.read() as session:
        return session_package(session, ref_id)


def session_package(session: Session, ref_id: str) -> dict[str, Any]:
    """:func:`export_package` read in an open session: what a transaction not yet
    committed holds (a sync's dry run, interchange/sync.py)."""
    workshop = session.get(Workshop, ref_id) if isinstance(ref_id, str) else None
    if workshop is not None:
        project = session.get(Project, workshop.project_id)
        workshops = _with_sources(session, workshop)
    else:
        project = session.get(Project, ref_id) if isinstance(ref_id, str) else None
        if project is None:
            raise NotFoundError(
                tr("There is no workshop and no project with id {row_id!r}. See "
                   "'facilitator list' for valid ids."), row_id=ref_id)
        workshops = list(session.scalars(
            select(Workshop).where(Workshop.project_id == project.id)
        ))
    assert project is not None
    return _Exporter(session).package(project, workshops)


def _with_sources(session: Session, workshop: Workshop) -> list[Workshop]:
    """The workshop and every earlier one it builds on: the one it was made from and those
    whose wishes and actions it follows up, so its package imports into any database."""
    found: dict[str, Workshop] = {}
    todo = [workshop]
    while todo:
        current = todo.pop()
        if current.id in found:
            continue
        found[current.id] = current
        wanted: set[str | None] = {current.source_workshop_id}
        for review in session.scalars(select(Review).where(Review.workshop_id == current.id)):
            if review.wish_id:
                wish = session.get(Wish, review.wish_id)
                group = session.get(Group, wish.group_id) if wish is not None else None
                wanted.add(group.workshop_id if group is not None else None)
            elif review.action_id:
                action = session.get(Action, review.action_id)
                wanted.add(action.workshop_id if action is not None else None)
        todo.extend(w for w in (session.get(Workshop, i) for i in wanted if i) if w is not None)
    return list(found.values())


def package_text(data: dict[str, Any]) -> str:
    """The package as the file holds it: UTF-8 JSON, indent 2, trailing newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_package(store: Store, ref_id: str, path: Path) -> Path:
    """Export ``ref_id`` to ``path`` atomically (the old file survives any failure)."""
    return atomic_write_text(Path(path), package_text(export_package(store, ref_id)))


def _by_position(rows: Iterable[Any]) -> list[Any]:
    return sorted(rows, key=lambda r: (r.position, r.id))


class _Exporter:
    """Collects one package within one read session, remembering who is referenced."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.person_ids: set[str] = set()
        self.organisation_ids: set[str] = set()

    def _ref(self, row: Any) -> None:
        value = getattr(row, "person_id", None)
        if value:
            self.person_ids.add(value)
        value = getattr(row, "organisation_id", None)
        if value:
            self.organisation_ids.add(value)

    def _responsibles(self, spec: Any, column: Any, owner_id: str) -> list[dict[str, Any]]:
        rows = _by_position(self.s.scalars(select(Responsible).where(column == owner_id)))
        for row in rows:
            self._ref(row)
        return [row_to_json(spec, x) for x in rows]

    def _area(self, area: FocusArea) -> dict[str, Any]:
        data = row_to_json(FOCUS_AREA, area)
        data["responsibles"] = self._responsibles(
            FOCUS_AREA_RESPONSIBLE, Responsible.focus_area_id, area.id)
        return data

    def _action(self, spec: Any, action: Action) -> dict[str, Any]:
        data = row_to_json(spec, action)
        data["responsibles"] = self._responsibles(
            ACTION_RESPONSIBLE, Responsible.action_id, action.id)
        return data

    def package(self, project: Project, workshops: list[Workshop]) -> dict[str, Any]:
        s = self.s
        areas = _by_position(s.scalars(select(FocusArea).where(FocusArea.project_id == project.id)))
        area_ids = [a.id for a in areas]
        area_actions = sorted(
            s.scalars(select(Action).where(
                Action.workshop_id.is_(None), Action.focus_area_id.in_(area_ids)
            )),
            key=lambda a: (area_ids.index(a.focus_area_id), a.position, a.id),
        )
        workshops = sorted(
            workshops, key=lambda w: (w.date or dt.date.min, w.created_at, w.id)
        )
        project_json = row_to_json(PROJECT, project)
        project_json["focus_areas"] = [self._area(a) for a in areas]
        project_json["actions"] = [self._action(FOCUS_AREA_ACTION, a) for a in area_actions]
        project_json["workshops"] = [self.workshop(w) for w in workshops]
        people = list(s.scalars(select(Person).where(Person.id.in_(self.person_ids))))
        joined_into = {p.merged_into_id for p in people if p.merged_into_id} - self.person_ids
        while joined_into:  # a joined duplicate travels with the person it was joined into
            self.person_ids |= joined_into
            found = list(s.scalars(select(Person).where(Person.id.in_(joined_into))))
            people += found
            joined_into = {p.merged_into_id for p in found if p.merged_into_id} - self.person_ids
        self.organisation_ids.update(p.organisation_id for p in people if p.organisation_id)
        organisations = list(s.scalars(
            select(Organisation).where(Organisation.id.in_(self.organisation_ids))
        ))
        meta = {str(k): str(v) for k, v in s.execute(select(StoreMeta.key, StoreMeta.value))}
        tombstones = [{"table": t.table_name, "row_id": t.row_id, "stamp": t.stamp,
                       "reason": str(t.reason)}
                      for t in s.scalars(select(Tombstone).order_by(
                          Tombstone.table_name, Tombstone.row_id))]
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "exported_at": datetime_to_json(utcnow()),
            "app_version": __version__,
            "device_id": meta.get("device_id"),
            "tombstones": tombstones,
            "organisations": [
                row_to_json(ORGANISATION, o) for o in sorted(organisations,
                                                             key=lambda o: (o.name, o.id))
            ],
            "people": [
                row_to_json(PERSON, p) for p in sorted(people, key=lambda p: (p.name, p.id))
            ],
            "project": project_json,
        }

    def _person_name(self, person_id: str) -> str:
        person = self.s.get(Person, person_id)
        return person.name if person is not None else ""

    def workshop(self, workshop: Workshop) -> dict[str, Any]:
        s = self.s
        sections = _by_position(s.scalars(
            select(Section).where(Section.workshop_id == workshop.id)
        ))
        attendance = sorted(
            s.scalars(select(Attendance).where(Attendance.workshop_id == workshop.id)),
            key=lambda a: (self._person_name(a.person_id), a.person_id, a.id),
        )
        area_order = {a.id: a.position for a in s.scalars(
            select(FocusArea).where(FocusArea.project_id == workshop.project_id))}
        choices = sorted(
            s.scalars(select(FocusChoice).where(FocusChoice.workshop_id == workshop.id)),
            key=lambda c: (self._person_name(c.person_id), c.person_id,
                           area_order.get(c.focus_area_id, 0), c.focus_area_id, c.id),
        )
        groups = _by_position(s.scalars(select(Group).where(Group.workshop_id == workshop.id)))
        actions = _by_position(s.scalars(select(Action).where(
            Action.workshop_id == workshop.id
        )))
        roles = _by_position(s.scalars(
            select(WorkshopRole).where(WorkshopRole.workshop_id == workshop.id)))
        figures = _by_position(s.scalars(
            select(KeyFigure).where(KeyFigure.workshop_id == workshop.id)))
        for row in (*attendance, *choices, *roles):
            self._ref(row)
        data = row_to_json(WORKSHOP, workshop)
        data["roles"] = [row_to_json(WORKSHOP_ROLE, x) for x in roles]
        data["key_figures"] = [row_to_json(KEY_FIGURE, x) for x in figures]
        data["sections"] = [row_to_json(SECTION, x) for x in sections]
        data["attendance"] = [row_to_json(ATTENDANCE, x) for x in attendance]
        data["focus_choices"] = [row_to_json(FOCUS_CHOICE, x) for x in choices]
        data["groups"] = [self.group(g) for g in groups]
        data["actions"] = [self._action(WORKSHOP_ACTION, x) for x in actions]
        data["reviews"] = [self._review(x) for x in _by_position(s.scalars(
            select(Review).where(Review.workshop_id == workshop.id)))]
        return data

    def _review(self, review: Review) -> dict[str, Any]:
        data = row_to_json(REVIEW, review)
        data["responsibles"] = self._responsibles(
            REVIEW_RESPONSIBLE, Responsible.review_id, review.id)
        return data

    def group(self, group: Group) -> dict[str, Any]:
        s = self.s
        links = _by_position(s.scalars(
            select(GroupFocusArea).where(GroupFocusArea.group_id == group.id)
        ))
        members = sorted(
            s.scalars(select(GroupMember).where(GroupMember.group_id == group.id)),
            key=lambda m: (self._person_name(m.person_id), m.person_id, m.id),
        )
        wishes = _reading_order(list(s.scalars(select(Wish).where(Wish.group_id == group.id))))
        for row in (*members, *wishes):
            self._ref(row)
        data = row_to_json(GROUP, group)
        data["focus_areas"] = [row_to_json(GROUP_FOCUS_AREA, x) for x in links]
        data["members"] = [row_to_json(GROUP_MEMBER, x) for x in members]
        data["wishes"] = [row_to_json(WISH, x) for x in wishes]
        return data


def _reading_order(wishes: list[Wish]) -> list[Wish]:
    """Depth-first, each level by position: parents always come before their sub-points."""
    ids = {w.id for w in wishes}
    children: dict[str | None, list[Wish]] = {}
    for wish in wishes:
        parent = wish.parent_id if wish.parent_id in ids else None
        children.setdefault(parent, []).append(wish)
    result: list[Wish] = []
    seen: set[str] = set()

    def walk(parent_id: str | None) -> None:
        for wish in _by_position(children.get(parent_id, [])):
            if wish.id not in seen:
                seen.add(wish.id)
                result.append(wish)
                walk(wish.id)

    walk(None)
    # A cycle (never made by the services) would hide rows; keep them, in id order.
    result.extend(sorted((w for w in wishes if w.id not in seen), key=lambda w: w.id))
    return result

