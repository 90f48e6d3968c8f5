"""Actions (åtgärder): follow-ups with a responsible and an optional due date."""

from __future__ import annotations

import datetime as dt
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
    optional_line,
    required_body,
    tombstone,
)
from facilitator.store.models import (
    Action,
    ActionStatus,
    FocusArea,
    Organisation,
    Person,
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
    responsible: str
    responsible_person_id: str | None
    responsible_organisation_id: str | None
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
        elif key == "responsible_text":
            cleaned[key] = optional_line(value, tr("The person responsible"))
        elif key == "responsible_person_id":
            cleaned[key] = get_live(session, Person, value, tr("The person")).id if value else None
        elif key == "responsible_organisation_id":
            cleaned[key] = (
                get_live(session, Organisation, value, tr("The organisation")).id if value else None
            )
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
        tx.changed("action", action.id)
        return action.id


def update_action(store: Store, action_id: str, **values: Any) -> dict[str, Any]:
    """Change some fields; returns their previous values (for undo)."""
    with store.write() as tx:
        action = get_live(tx.session, Action, action_id, tr("The action"))
        cleaned = _clean(tx.session, values)
        old = {key: getattr(action, key) for key in cleaned}
        for key, value in cleaned.items():
            setattr(action, key, value)
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


def _responsible_label(session: Session, a: Action) -> str:
    if a.responsible_person_id:
        person = session.get(Person, a.responsible_person_id)
        if person is not None and person.deleted_at is None:
            return person.name
    if a.responsible_organisation_id:
        org = session.get(Organisation, a.responsible_organisation_id)
        if org is not None and org.deleted_at is None:
            return org.name
    return a.responsible_text


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
        return [
            ActionInfo(a.id, a.workshop_id, a.focus_area_id, a.text, _responsible_label(s, a),
                       a.responsible_person_id, a.responsible_organisation_id, a.due_date,
                       a.status)
            for a in rows
        ]
