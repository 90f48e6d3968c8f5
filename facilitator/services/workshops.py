"""Workshops: the facts of one session, its life cycle and copies of earlier ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from facilitator.messages import Source, tr
from facilitator.services.core import (
    Store,
    ValidationError,
    choice,
    get_any,
    get_live,
    optional_body,
    optional_line,
    required_line,
    tombstone,
    unchanged_fields,
)
from facilitator.services.overview import FACT_NAMES as FACT_NAMES
from facilitator.services.overview import WorkshopFacts as WorkshopFacts
from facilitator.services.overview import get_facts as get_facts
from facilitator.store.models import (
    Group,
    GroupFocusArea,
    Project,
    Section,
    Workshop,
    WorkshopKind,
    WorkshopRole,
    WorkshopStatus,
)
from facilitator.store.vocabulary import ResponsibleForm

_LINE_LABELS = {
    "venue": tr("Venue"),
    "case_reference": tr("Case reference"),
    "issuing_unit": tr("The issuing unit"),
    "document_type": tr("Document type"),
}

_FACT_LABELS = {
    **_LINE_LABELS,
    "title": tr("The title"),
    "kind": tr("Type of meeting"),
    "status": tr("Status"),
    "date": tr("The date"),
    "start_time": tr("Start time"),
    "end_time": tr("End time"),
    "lead": tr("The lead paragraph"),
    "language": tr("Language of the minutes"),
    "responsible_form": tr("How responsibles are written"),
    "group_lead_text": tr("The text before the groups"),
    "group_after_text": tr("The text after the list of groups"),
    "show_group_members": tr("List each group's members"),
}


def _parse_date(value: object) -> dt.date | None:
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


def _parse_time(value: object, label: Source) -> dt.time | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value.strip()).replace(second=0, microsecond=0)
        except ValueError:
            pass
    raise ValidationError(tr("{label} {value!r} is not a time (HH:MM)."), label=label, value=value)


def _clean_fact(name: str, value: Any) -> Any:
    if name == "title":
        return required_line(value, tr("The title"))
    if name == "kind":
        return choice(value, WorkshopKind, tr("Type of meeting"))
    if name == "status":
        return choice(value, WorkshopStatus, tr("Status"))
    if name == "date":
        return _parse_date(value)
    if name == "start_time":
        return _parse_time(value, tr("Start time"))
    if name == "end_time":
        return _parse_time(value, tr("End time"))
    if name == "lead":
        return optional_body(value, tr("The lead paragraph"))
    if name == "language":
        if value not in ("sv", "en"):
            raise ValidationError(
                tr("Language {value!r} is not supported (sv or en)."), value=value)
        return value
    if name == "responsible_form":
        return choice(value, ResponsibleForm, tr("How responsibles are written"))
    if name == "group_lead_text":
        return None if value is None else optional_body(value, tr("The text before the groups"),
                                                        20_000)
    if name == "group_after_text":
        return optional_body(value, tr("The text after the list of groups"), 20_000)
    if name == "show_group_members":
        if not isinstance(value, bool):
            raise ValidationError(tr("{label}: unknown value {value!r} (allowed: {options})."),
                                  label=tr("List each group's members"), value=value,
                                  options="true, false")
        return value
    if name in _LINE_LABELS:
        limits = {"venue": 500, "document_type": 100}
        return optional_line(value, _LINE_LABELS[name], limits.get(name, 300))
    raise ValidationError(tr("Unknown field {name!r}."), name=name)


def _clean_facts(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = {name: _clean_fact(name, value) for name, value in values.items()}
    start, end = cleaned.get("start_time"), cleaned.get("end_time")
    if start and end and end < start:
        raise ValidationError(tr("The end time is before the start time."))
    return cleaned


def create_workshop(store: Store, project_id: str, title: str, **facts: Any) -> str:
    cleaned = _clean_facts({"title": title, **facts})
    with store.write() as tx:
        get_live(tx.session, Project, project_id, tr("The project"))
        workshop = Workshop(project_id=project_id, **cleaned)
        tx.session.add(workshop)
        tx.session.flush()
        tx.changed("workshop", workshop.id)
        return workshop.id


def update_workshop(store: Store, workshop_id: str, *,
                    expected: dict[str, Any] | None = None, **facts: Any) -> dict[str, Any]:
    """Change some facts; returns their previous values (for undo).

    ``expected``: the values the user's edit started from; refused if another user
    changed one of them since."""
    cleaned = _clean_facts(facts)
    with store.write() as tx:
        w = get_live(tx.session, Workshop, workshop_id, tr("The workshop"))
        for name, value in (expected or {}).items():
            unchanged_fields(w, {name: value}, _FACT_LABELS.get(name, tr("The workshop")))
        old = {name: getattr(w, name) for name in cleaned}
        start = cleaned.get("start_time", w.start_time)
        end = cleaned.get("end_time", w.end_time)
        if start and end and end < start:
            raise ValidationError(tr("The end time is before the start time."))
        for name, value in cleaned.items():
            setattr(w, name, value)
        tx.changed("workshop", w.id)
        return old


def rename_workshop(store: Store, workshop_id: str, title: str, *,
                    expected: str | None = None) -> str:
    check = None if expected is None else {"title": expected}
    return update_workshop(store, workshop_id, title=title, expected=check)["title"]


def delete_workshop(store: Store, workshop_id: str, *, allow_finalised: bool = False) -> None:
    """Move a workshop to the trash. A finalised public record needs ``allow_finalised``."""
    with store.write() as tx:
        w = get_live(tx.session, Workshop, workshop_id, tr("The workshop"))
        if w.status is WorkshopStatus.FINALISED and not allow_finalised:
            raise ValidationError(
                tr("”{title}” is a finalised public record and cannot be deleted without "
                   "explicit confirmation."), title=w.title)
        tombstone(w)
        tx.changed("workshop", w.id)


def restore_workshop(store: Store, workshop_id: str) -> None:
    with store.write() as tx:
        w = get_any(tx.session, Workshop, workshop_id, tr("The workshop"))
        w.deleted_at = None
        project = tx.session.get(Project, w.project_id)
        if project is not None and project.deleted_at is not None:
            project.deleted_at = None
        tx.changed("workshop", w.id)


def create_from_earlier(
    store: Store, source_id: str, title: str, date: dt.date | str | None = None
) -> str:
    """A new workshop with the earlier one's agenda headings and group structure.

    Captured content (notes, attendance, members, wishes) is not copied; the
    focus areas belong to the project and so are shared already. The new workshop
    and its groups keep the ones they were made from.
    """
    cleaned = _clean_facts({"title": title, "date": date})
    with store.write() as tx:
        s = tx.session
        source = get_live(s, Workshop, source_id, tr("The workshop"))
        copy = Workshop(project_id=source.project_id, source_workshop_id=source.id, **cleaned)
        for name in ("kind", "venue", "case_reference", "issuing_unit", "document_type",
                     "language", "start_time", "end_time", "responsible_form",
                     "show_group_members"):
            setattr(copy, name, getattr(source, name))
        s.add(copy)
        s.flush()
        for role in source.roles:
            if role.deleted_at is None:
                s.add(WorkshopRole(workshop_id=copy.id, position=role.position, role=role.role,
                                   label=role.label, person_id=role.person_id, name=role.name))
        live_sections = [x for x in source.sections if x.deleted_at is None]
        for index, section in enumerate(live_sections):
            s.add(Section(workshop_id=copy.id, position=index, heading=section.heading,
                          number=section.number, kind=section.kind,
                          focus_area_id=section.focus_area_id))
        live_groups = [g for g in source.groups if g.deleted_at is None]
        for index, group in enumerate(live_groups):
            new_group = Group(workshop_id=copy.id, position=index, name=group.name,
                              custom_name=group.custom_name, source_group_id=group.id)
            s.add(new_group)
            s.flush()
            links = [link for link in group.focus_links if link.deleted_at is None]
            for link in links:
                s.add(GroupFocusArea(group_id=new_group.id, focus_area_id=link.focus_area_id,
                                     position=link.position))
        tx.changed("workshop", copy.id)
        return copy.id


def workshop_ids(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(Workshop.id).where(Workshop.deleted_at.is_(None))))


def project_of(store: Store, workshop_id: str) -> str:
    """The id of the project a (live) workshop belongs to."""
    with store.read() as session:
        return get_live(session, Workshop, workshop_id, tr("The workshop")).project_id
