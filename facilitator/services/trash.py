"""The trash: what was deleted from the navigator, restored or removed for good."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, select, update
from sqlalchemy.orm import Session

from facilitator.messages import tr
from facilitator.services.core import Store, ValidationError, get_any
from facilitator.store.models import (
    Action,
    Attendance,
    FocusArea,
    FocusChoice,
    Group,
    GroupFocusArea,
    GroupMember,
    KeyFigure,
    Project,
    Responsible,
    Review,
    Section,
    Tombstone,
    Wish,
    Workshop,
    WorkshopRole,
    WorkshopStatus,
)
from facilitator.store.vocabulary import TombstoneReason, utcnow


@dataclass(frozen=True)
class TrashItem:
    kind: str  # "project" or "workshop"
    id: str
    title: str
    project: str
    deleted_at: dt.datetime
    finalised: bool


def list_trash(store: Store) -> list[TrashItem]:
    """Deleted projects, and deleted workshops of projects that are not deleted themselves."""
    with store.read() as s:
        items = [
            TrashItem("project", p.id, p.name, p.name, p.deleted_at, False)
            for p in s.scalars(select(Project).where(Project.deleted_at.is_not(None)))
            if p.deleted_at is not None
        ]
        rows = s.execute(
            select(Workshop, Project.name)
            .join(Project, Project.id == Workshop.project_id)
            .where(Workshop.deleted_at.is_not(None), Project.deleted_at.is_(None))
        ).all()
        items += [
            TrashItem("workshop", w.id, w.title, name, w.deleted_at,
                      w.status is WorkshopStatus.FINALISED)
            for w, name in rows if w.deleted_at is not None
        ]
    return sorted(items, key=lambda i: i.deleted_at, reverse=True)


def _purge_workshop(s: Session, workshop_id: str) -> None:
    """Delete a workshop and everything in it. What other workshops hold about it stays,
    unlinked: an action made from one of its wishes keeps its text, a workshop made from
    it keeps its agenda; only follow-ups of its own wishes and actions go with them."""
    group_ids = select(Group.id).where(Group.workshop_id == workshop_id)
    wish_ids = select(Wish.id).where(Wish.group_id.in_(group_ids))
    action_ids = select(Action.id).where(Action.workshop_id == workshop_id)
    _purge_reviews(s, (Review.workshop_id == workshop_id) | Review.wish_id.in_(wish_ids)
                   | Review.action_id.in_(action_ids))
    s.execute(update(Action).where(Action.source_wish_id.in_(wish_ids))
              .values(source_wish_id=None))
    s.execute(update(Group).where(Group.source_group_id.in_(group_ids))
              .values(source_group_id=None))
    s.execute(update(Workshop).where(Workshop.source_workshop_id == workshop_id)
              .values(source_workshop_id=None))
    _gone(s, Responsible, Responsible.action_id.in_(action_ids))
    _gone(s, Action, Action.workshop_id == workshop_id)
    _gone(s, Wish, Wish.group_id.in_(group_ids))
    _gone(s, GroupMember, GroupMember.group_id.in_(group_ids))
    _gone(s, GroupFocusArea, GroupFocusArea.group_id.in_(group_ids))
    _gone(s, Group, Group.workshop_id == workshop_id)
    _gone(s, Attendance, Attendance.workshop_id == workshop_id)
    _gone(s, FocusChoice, FocusChoice.workshop_id == workshop_id)
    _gone(s, Section, Section.workshop_id == workshop_id)
    _gone(s, WorkshopRole, WorkshopRole.workshop_id == workshop_id)
    _gone(s, KeyFigure, KeyFigure.workshop_id == workshop_id)
    _gone(s, Workshop, Workshop.id == workshop_id)


def _gone(s: Session, model: type[Any], which: ColumnElement[bool]) -> None:
    """Delete rows for good, leaving tombstones: no older package brings them back."""
    stamp = str(s.info["stamp"])
    ids = list(s.scalars(select(model.id).where(which)))
    if not ids:
        return
    table = model.__tablename__
    known = set(s.scalars(select(Tombstone.row_id).where(
        Tombstone.table_name == table, Tombstone.row_id.in_(ids))))
    new = [{"table_name": table, "row_id": row_id, "stamp": stamp,
            "reason": TombstoneReason.PURGED, "created_at": utcnow()}
           for row_id in ids if row_id not in known]
    if new:  # plain INSERT, no "OR IGNORE": the same SQL on PostgreSQL (#15)
        s.execute(insert(Tombstone), new)
    s.execute(delete(model).where(model.id.in_(ids)))


def _purge_reviews(s: Session, which: ColumnElement[bool]) -> None:
    review_ids = select(Review.id).where(which)
    _gone(s, Responsible, Responsible.review_id.in_(review_ids))
    _gone(s, Review, which)


def _purge_project(s: Session, project_id: str) -> None:
    for workshop_id in s.scalars(select(Workshop.id).where(Workshop.project_id == project_id)):
        _purge_workshop(s, workshop_id)
    area_ids = select(FocusArea.id).where(FocusArea.project_id == project_id)
    action_ids = select(Action.id).where(Action.focus_area_id.in_(area_ids))
    _purge_reviews(s, Review.action_id.in_(action_ids))
    _gone(s, Responsible, Responsible.action_id.in_(action_ids))
    _gone(s, Responsible, Responsible.focus_area_id.in_(area_ids))
    _gone(s, Action, Action.focus_area_id.in_(area_ids))
    _gone(s, GroupFocusArea, GroupFocusArea.focus_area_id.in_(area_ids))
    _gone(s, FocusChoice, FocusChoice.focus_area_id.in_(area_ids))
    s.execute(update(Section).where(Section.focus_area_id.in_(area_ids))
              .values(focus_area_id=None))
    _gone(s, FocusArea, FocusArea.project_id == project_id)
    _gone(s, Project, Project.id == project_id)


def remove_for_good(store: Store, kind: str, row_id: str, *,
                    allow_finalised: bool = False) -> None:
    """Delete one trashed project or workshop and everything in it, permanently."""
    with store.write() as tx:
        s = tx.session
        model: type[Project | Workshop] = Project if kind == "project" else Workshop
        label = tr("The project") if kind == "project" else tr("The workshop")
        row = get_any(s, model, row_id, label)
        if row.deleted_at is None:
            raise ValidationError(tr("Only what is in the trash can be removed for good."))
        finalised = s.scalars(select(Workshop.title).where(
            (Workshop.project_id == row_id) if kind == "project" else (Workshop.id == row_id),
            Workshop.status == WorkshopStatus.FINALISED)).first()
        if finalised and not allow_finalised:
            raise ValidationError(
                tr("”{title}” is a finalised public record and may only be disposed of "
                   "according to the archive rules."), title=finalised)
        purge(s, kind, row_id, tx.stamp())
        tx.changed(kind, row_id)


def purge(s: Session, kind: str, row_id: str, stamp: str) -> None:
    """Delete a project or workshop with everything in it, each row leaving a tombstone
    at ``stamp`` (also what an import does with one removed for good elsewhere)."""
    s.info["stamp"] = stamp
    if kind == "project":
        _purge_project(s, row_id)
    else:
        _purge_workshop(s, row_id)


def empty_trash(store: Store) -> int:
    """Remove everything in the trash except finalised public records; returns how many."""
    removed = 0
    for item in list_trash(store):
        if item.finalised:
            continue
        try:
            remove_for_good(store, item.kind, item.id)
        except ValidationError:
            continue
        removed += 1
    return removed
