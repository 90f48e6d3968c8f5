"""What the window shows first: the navigator's listing and the Översikt facts.

Read with SQLAlchemy Core over light stand-ins for the two tables, not through
the ORM: at start-up the window is drawn from these before the ORM and our
models are loaded (~0.15 s, done just after the first paint). The stand-ins name
only the columns read here; a test checks them against the models' tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Boolean, Date, Time, column, select, table
from sqlalchemy.types import TypeEngine

from facilitator.messages import tr
from facilitator.services.core import Store, not_found
from facilitator.store.vocabulary import ResponsibleForm, WorkshopKind, WorkshopStatus
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


@dataclass(frozen=True)
class WorkshopFacts:
    """Everything on the Översikt form; also the minutes' title block."""

    title: str
    kind: WorkshopKind = WorkshopKind.WORKSHOP
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str = ""
    case_reference: str = ""
    issuing_unit: str = ""
    document_type: str = "Minnesanteckningar"
    lead: str = ""
    language: str = "sv"
    status: WorkshopStatus = WorkshopStatus.DRAFT
    responsible_form: ResponsibleForm = ResponsibleForm.NAME_TITLE_ORGANISATION
    group_lead_text: str | None = None  # None: the minutes count the groups themselves
    group_after_text: str = ""
    show_group_members: bool = False


FACT_NAMES = tuple(f.name for f in fields(WorkshopFacts))
# Dates and times are stored as ISO text: typed columns turn them back.
_TYPED: dict[str, TypeEngine[Any]] = {"date": Date(), "start_time": Time(), "end_time": Time(),
                                      "show_group_members": Boolean()}

PROJECT = table("project", column("id"), column("name"), column("deleted_at"))
WORKSHOP = table(
    "workshop", column("id"), column("project_id"), column("deleted_at"),
    *(column(name, _TYPED.get(name)) for name in FACT_NAMES),
)


def list_projects(store: Store, *, include_deleted: bool = False) -> list[ProjectSummary]:
    """Projects by name, each with its workshops newest first."""
    # Only the columns the navigator shows: loading whole rows (notes, leads) cost
    # 100 ms at 1,000 workshops, on every change to a workshop.
    p, w = PROJECT.c, WORKSHOP.c
    with store.connect() as connection:
        projects = sorted(connection.execute(select(p.id, p.name, p.deleted_at)).all(),
                          key=lambda row: sort_key(row.name))
        workshops = connection.execute(select(
            w.id, w.project_id, w.title, w.date, w.kind, w.status, w.deleted_at)).all()
    by_project: dict[str, list[WorkshopSummary]] = {}
    for row in workshops:
        if row.deleted_at is not None and not include_deleted:
            continue
        by_project.setdefault(row.project_id, []).append(WorkshopSummary(
            row.id, row.project_id, row.title, row.date, WorkshopKind(row.kind),
            WorkshopStatus(row.status), row.deleted_at is not None))
    result = []
    for project in projects:
        if project.deleted_at is not None and not include_deleted:
            continue
        items = by_project.get(project.id, [])
        items.sort(key=lambda s: sort_key(s.title))  # same day: alphabetical
        items.sort(key=lambda s: s.date or dt.date.min, reverse=True)  # newest first
        result.append(ProjectSummary(project.id, project.name, project.deleted_at is not None,
                                     tuple(items)))
    return result


def get_facts(store: Store, workshop_id: str) -> WorkshopFacts:
    if not isinstance(workshop_id, str):
        raise not_found(tr("The workshop"), workshop_id)
    w = WORKSHOP.c
    query = select(*(w[name] for name in FACT_NAMES)).where(
        w.id == workshop_id, w.deleted_at.is_(None))
    with store.connect() as connection:
        row = connection.execute(query).one_or_none()
    if row is None:
        raise not_found(tr("The workshop"), workshop_id)
    values = row._asdict()
    values["kind"] = WorkshopKind(values["kind"])
    values["status"] = WorkshopStatus(values["status"])
    values["responsible_form"] = ResponsibleForm(values["responsible_form"])
    return WorkshopFacts(**values)
