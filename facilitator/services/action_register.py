"""The action register: every live action of every project, overdue first.

For the municipality's follow-up: each action with the project, workshop and
focus area it came from, its responsibles and due date. Reads through
``list_actions`` so the register shows an action exactly as the Åtgärder page does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.actions import ActionInfo, list_actions
from facilitator.services.core import Store, not_found
from facilitator.store.models import ActionStatus, FocusArea, Project, Workshop
from facilitator.text import sort_key

#: Statuses still to be followed up: the register's default, and what can be overdue.
NOT_DONE = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


@dataclass(frozen=True)
class RegisterRow:
    action: ActionInfo
    project_id: str
    project: str  # the project's name
    workshop: str  # the workshop's title; "" for an action of a focus area only
    workshop_date: dt.date | None
    focus_area: str  # the focus area's name; "" when the action has none
    overdue: bool


def is_overdue(action: ActionInfo, today: dt.date) -> bool:
    """Due before today and still open or in progress."""
    return action.due_date is not None and action.due_date < today \
        and action.status in NOT_DONE


def register_order(row: RegisterRow) -> tuple[Any, ...]:
    """Overdue first (oldest due first), then by due date, undated last; ties by project
    and workshop date."""
    due = row.action.due_date
    return (not row.overdue, due is None, due or dt.date.max, sort_key(row.project),
            row.workshop_date or dt.date.min, sort_key(row.workshop))


def action_register(
    store: Store,
    *,
    project_id: str | None = None,
    statuses: Iterable[ActionStatus] | None = None,
    today: dt.date | None = None,
) -> list[RegisterRow]:
    """The live actions of every project (or of one), in register order.

    An action in a trashed workshop, focus area or project is not in the
    register. ``statuses`` None means every status. An unknown (or trashed)
    ``project_id`` raises NotFoundError.
    """
    today = today or dt.date.today()
    wanted = frozenset(statuses) if statuses is not None else None
    with store.read() as s:
        live_projects = {p.id: p.name for p in s.scalars(
            select(Project).where(Project.deleted_at.is_(None)))}
        workshops = {w.id: (w.project_id, w.title, w.date) for w in s.scalars(
            select(Workshop).where(Workshop.deleted_at.is_(None)))
            if w.project_id in live_projects}
        areas = {a.id: (a.project_id, a.name) for a in s.scalars(
            select(FocusArea).where(FocusArea.deleted_at.is_(None)))
            if a.project_id in live_projects}
    if project_id is not None and project_id not in live_projects:
        raise not_found(tr("The project"), project_id)
    rows: list[RegisterRow] = []
    for action in list_actions(store):
        if wanted is not None and action.status not in wanted:
            continue
        row = _row(action, live_projects, workshops, areas, today)
        if row is not None and (project_id is None or row.project_id == project_id):
            rows.append(row)
    rows.sort(key=register_order)  # stable: equal keys keep the order actions were made in
    return rows


def _row(action: ActionInfo, projects: dict[str, str],
         workshops: dict[str, tuple[str, str, dt.date | None]],
         areas: dict[str, tuple[str, str]], today: dt.date) -> RegisterRow | None:
    """The register line of ``action``; None when where it belongs is in the trash."""
    project_id, title, date, area = None, "", None, ""
    if action.workshop_id is not None:
        if action.workshop_id not in workshops:
            return None
        project_id, title, date = workshops[action.workshop_id]
    if action.focus_area_id is not None:
        if action.focus_area_id not in areas:
            return None
        area_project, area = areas[action.focus_area_id]
        project_id = project_id or area_project
    if project_id is None:
        return None
    return RegisterRow(action, project_id, projects[project_id], title, date, area,
                       is_overdue(action, today))
