"""Projects: create, rename, trash and restore, and the navigator's listing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from facilitator.services.core import (
    Store,
    get_any,
    get_live,
    optional_body,
    required_line,
    tombstone,
)
from facilitator.store.models import Project, Workshop, WorkshopKind, WorkshopStatus
from facilitator.text import sort_key


@dataclass(frozen=True)
class WorkshopSummary:
    id: str
    project_id: str
    title: str
    date: dt.date | None
    kind: WorkshopKind
    status: WorkshopStatus
    deleted: bool


@dataclass(frozen=True)
class ProjectSummary:
    id: str
    name: str
    deleted: bool
    workshops: tuple[WorkshopSummary, ...]


def create_project(store: Store, name: str, description: str = "") -> str:
    with store.write() as tx:
        project = Project(
            name=required_line(name, "Projektets namn", 300),
            description=optional_body(description, "Beskrivning"),
        )
        tx.session.add(project)
        tx.session.flush()
        tx.changed("project", project.id)
        return project.id


def rename_project(store: Store, project_id: str, name: str) -> str:
    """Rename; returns the previous name (for undo)."""
    with store.write() as tx:
        project = get_live(tx.session, Project, project_id, "Projektet")
        old = project.name
        project.name = required_line(name, "Projektets namn", 300)
        tx.changed("project", project.id)
        return old


def update_project_description(store: Store, project_id: str, description: str) -> str:
    with store.write() as tx:
        project = get_live(tx.session, Project, project_id, "Projektet")
        old = project.description
        project.description = optional_body(description, "Beskrivning")
        tx.changed("project", project.id)
        return old


def delete_project(store: Store, project_id: str) -> None:
    """Move a project (and so its workshops) to the trash."""
    with store.write() as tx:
        project = get_live(tx.session, Project, project_id, "Projektet")
        tombstone(project)
        tx.changed("project", project.id)


def restore_project(store: Store, project_id: str) -> None:
    with store.write() as tx:
        project = get_any(tx.session, Project, project_id, "Projektet")
        project.deleted_at = None
        tx.changed("project", project.id)


def list_projects(store: Store, *, include_deleted: bool = False) -> list[ProjectSummary]:
    """Projects by name, each with its workshops newest first."""
    # Only the columns the navigator shows: loading whole rows (notes, leads) cost
    # 100 ms at 1,000 workshops, on every change to a workshop. Table columns, not
    # ORM attributes: the navigator is drawn at start-up, and a Core query does not
    # wait for the ORM to configure its mappers (~15 ms, done at the first ORM query).
    p_, w_ = Project.__table__.c, Workshop.__table__.c
    with store.read() as session:
        projects = sorted(
            session.execute(select(p_.id, p_.name, p_.deleted_at)).all(),
            key=lambda p: sort_key(p.name))
        workshops = session.execute(select(
            w_.id, w_.project_id, w_.title, w_.date, w_.kind, w_.status, w_.deleted_at)).all()
    by_project: dict[str, list[WorkshopSummary]] = {}
    for w in workshops:
        if w.deleted_at is not None and not include_deleted:
            continue
        by_project.setdefault(w.project_id, []).append(
            WorkshopSummary(
                w.id, w.project_id, w.title, w.date, w.kind, w.status, w.deleted_at is not None
            )
        )
    result = []
    for p in projects:
        if p.deleted_at is not None and not include_deleted:
            continue
        items = by_project.get(p.id, [])
        items.sort(key=lambda s: sort_key(s.title))  # same day: alphabetical
        items.sort(key=lambda s: s.date or dt.date.min, reverse=True)  # newest first
        result.append(ProjectSummary(p.id, p.name, p.deleted_at is not None, tuple(items)))
    return result
