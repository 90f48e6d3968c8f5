"""Actions (åtgärder): follow-ups with a responsible and an optional due date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    choice,
    get_any,
    get_live,
    next_position,
    required_body,
    tombstone,
    unchanged_fields,
    unchanged_list,
)
from facilitator.services.responsibles import (
    ResponsibleInfo,
    Who,
    responsibles_in,
    write_responsibles,
)
from facilitator.store.models import (
    Action,
    ActionStatus,
    FocusArea,
    Workshop,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ActionInfo:
    id: str
    workshop_id: str | None
    focus_area_id: str | None
    text: str
    responsible: str  # the responsibles' names, as the app lists them
    responsibles: tuple[ResponsibleInfo, ...]
    due_date: dt.date | None
    status: ActionStatus


def _due(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(tr("The date {value!r} is not a date (YYYY-MM-DD)."), value=value)


def _clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key == "text":
            cleaned[key] = required_body(value, tr("The action"), 20_000)
        elif key == "due_date":
            cleaned[key] = _due(value)
        elif key == "status":
            cleaned[key] = choice(value, ActionStatus, tr("Status"))
        else:
            raise ValidationError(tr("Unknown field {name!r}."), name=key)
    return cleaned


def add_action(
    store: Store,
    text: str,
    *,
    workshop_id: str | None = None,
    focus_area_id: str | None = None,
    responsibles: Sequence[Who] = (),
    **values: Any,
) -> str:
    if workshop_id is None and focus_area_id is None:
        raise ValidationError(tr("An action must belong to a workshop or a focus area."))
    with store.write() as tx:
        s = tx.session
        if workshop_id is not None:
            get_live(s, Workshop, workshop_id, tr("The workshop"))
        if focus_area_id is not None:
            get_live(s, FocusArea, focus_area_id, tr("The focus area"))
        action = Action(
            workshop_id=workshop_id,
            focus_area_id=focus_area_id,
            position=next_position(
                s, Action.position,
                Action.workshop_id == workshop_id if workshop_id
                else Action.focus_area_id == focus_area_id,
            ),
            **_clean(s, {"text": text, **values}),
        )
        s.add(action)
        s.flush()
        if responsibles:
            write_responsibles(s, "action", action.id, responsibles)
        tx.changed("action", action.id)
        return action.id


def update_action(store: Store, action_id: str, *, expected: dict[str, Any] | None = None,
                  **values: Any) -> dict[str, Any]:
    """Change some fields; returns their previous values (for undo).

    ``responsibles`` (a list of :class:`Who`) replaces the action's responsibles.
    ``expected``: the fields' values the user's edit started from (not responsibles);
    refused if another user changed one of them since.
    """
    whos = values.pop("responsibles", None)
    with store.write() as tx:
        action = get_live(tx.session, Action, action_id, tr("The action"))
        checked = dict(expected or {})
        if "responsibles" in checked:  # a list: compared as the table showed it
            unchanged_list([i.who for i in responsibles_in(tx.session, "action", action.id)],
                           checked.pop("responsibles"), tr("Responsible"))
        unchanged_fields(action, checked, tr("The action"))
        cleaned = _clean(tx.session, values)
        old: dict[str, Any] = {key: getattr(action, key) for key in cleaned}
        for key, value in cleaned.items():
            setattr(action, key, value)
        if whos is not None:
            old["responsibles"] = write_responsibles(tx.session, "action", action.id, whos)
        tx.changed("action", action.id)
        return old


def delete_action(store: Store, action_id: str) -> None:
    with store.write() as tx:
        tombstone(get_live(tx.session, Action, action_id, tr("The action")))
        tx.changed("action", action_id)


def restore_action(store: Store, action_id: str) -> None:
    with store.write() as tx:
        get_any(tx.session, Action, action_id, tr("The action")).deleted_at = None
        tx.changed("action", action_id)


def list_actions(
    store: Store, *, workshop_id: str | None = None, project_id: str | None = None
) -> list[ActionInfo]:
    """Actions of one workshop, or of every workshop and focus area of a project."""
    with store.read() as s:
        query = select(Action).where(Action.deleted_at.is_(None))
        if workshop_id is not None:
            query = query.where(Action.workshop_id == workshop_id)
        elif project_id is not None:
            workshops = select(Workshop.id).where(Workshop.project_id == project_id)
            areas = select(FocusArea.id).where(FocusArea.project_id == project_id)
            query = query.where(
                or_(Action.workshop_id.in_(workshops), Action.focus_area_id.in_(areas))
            )
        rows = s.scalars(query.order_by(Action.position, Action.created_at)).all()
        infos = []
        for a in rows:
            who = tuple(responsibles_in(s, "action", a.id))
            infos.append(ActionInfo(a.id, a.workshop_id, a.focus_area_id, a.text,
                                    "; ".join(r.name for r in who), who, a.due_date, a.status))
        return infos
