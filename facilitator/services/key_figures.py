"""Key figures of a workshop's minutes: typed by the facilitator, or counted from the store.

Nothing is printed that was not chosen: a counted figure is a row naming its
metric, and its value is counted when the minutes are made (and shown in the
list before it is added, so the facilitator sees what it will say).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import distinct, func, select

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    choice,
    get_live,
    optional_body,
    optional_line,
    unchanged_list,
)
from facilitator.store.vocabulary import AttendanceStatus, KeyFigureKind, Metric

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from facilitator.store.models import Workshop

MAX_FIGURES = 50


@dataclass(frozen=True)
class FigureEntry:
    """A typed figure (value, unit, label, or a whole sentence) or a counted one (metric)."""

    kind: KeyFigureKind
    metric: Metric | None = None
    value: str = ""
    unit: str = ""
    label: str = ""
    sentence: str = ""
    id: str | None = None


def count_metrics(session: Session, workshop: Workshop) -> dict[Metric, int]:
    """Every metric's current value for ``workshop`` (live rows only)."""
    from facilitator.store.models import Attendance, Group, Organisation, Person, Wish, Workshop

    attended = (Attendance.status == AttendanceStatus.ATTENDED) & Attendance.deleted_at.is_(None)
    live_person = Person.deleted_at.is_(None)
    project_workshops = select(Workshop.id).where(
        Workshop.project_id == workshop.project_id, Workshop.deleted_at.is_(None))

    def people(where: ColumnElement[bool]) -> int:
        return session.scalar(
            select(func.count(distinct(Attendance.person_id)))
            .join(Person, Person.id == Attendance.person_id)
            .where(attended, live_person, where)
        ) or 0

    group_ids = select(Group.id).where(Group.workshop_id == workshop.id,
                                       Group.deleted_at.is_(None))
    return {
        Metric.PARTICIPANTS: people(Attendance.workshop_id == workshop.id),
        Metric.PEOPLE_MET: people(Attendance.workshop_id.in_(project_workshops)),
        Metric.ATTENDANCES: session.scalar(
            select(func.count(Attendance.id))
            .join(Person, Person.id == Attendance.person_id)
            .where(attended, live_person, Attendance.workshop_id.in_(project_workshops))
        ) or 0,
        Metric.ORGANISATIONS: session.scalar(
            select(func.count(distinct(Person.organisation_id)))
            .join(Attendance, Attendance.person_id == Person.id)
            .join(Organisation, Organisation.id == Person.organisation_id)
            .where(attended, live_person, Organisation.deleted_at.is_(None),
                   Attendance.workshop_id.in_(project_workshops))
        ) or 0,
        Metric.WORKSHOPS: session.scalar(
            select(func.count()).select_from(project_workshops.subquery())) or 0,
        Metric.WISHES: session.scalar(
            select(func.count(Wish.id)).where(Wish.group_id.in_(group_ids),
                                              Wish.deleted_at.is_(None))
        ) or 0,
    }


def current_counts(store: Store, workshop_id: str) -> dict[Metric, int]:
    from facilitator.store.models import Workshop

    with store.read() as session:
        return count_metrics(session, get_live(session, Workshop, workshop_id,
                                               tr("The workshop")))


def figures_of(session: Session, workshop_id: str) -> list[FigureEntry]:
    from facilitator.store.models import KeyFigure

    rows = session.scalars(
        select(KeyFigure)
        .where(KeyFigure.workshop_id == workshop_id, KeyFigure.deleted_at.is_(None))
        .order_by(KeyFigure.position, KeyFigure.created_at)
    )
    return [FigureEntry(r.kind, r.metric, r.value, r.unit, r.label, r.sentence, r.id)
            for r in rows]


def list_figures(store: Store, workshop_id: str) -> list[FigureEntry]:
    with store.read() as session:
        return figures_of(session, workshop_id)


def set_figures(store: Store, workshop_id: str, entries: Sequence[FigureEntry], *,
                made_from: Sequence[FigureEntry] | None = None) -> list[FigureEntry]:
    """Make ``entries`` the workshop's key figures; returns the previous list (for undo).
    ``made_from``: the list the edit was made from; refused if it changed since (#15)."""
    if len(entries) > MAX_FIGURES:
        raise ValidationError(tr("At most {n} key figures can be given."), n=MAX_FIGURES)
    # Imported here: the Översikt page imports this module before the ORM may load.
    from facilitator.services.row_lists import replace_rows
    from facilitator.store.models import KeyFigure, Workshop

    cleaned = [_clean(entry) for entry in entries]
    metrics = [e.metric for e in cleaned if e.metric is not None]
    if len(metrics) != len(set(metrics)):
        raise ValidationError(tr("That counted figure is already in the list."))
    with store.write() as tx:
        s = tx.session
        get_live(s, Workshop, workshop_id, tr("The workshop"))
        before = figures_of(s, workshop_id)
        unchanged_list(before, made_from, tr("Key figures"))
        replace_rows(
            s, KeyFigure, KeyFigure.workshop_id == workshop_id, {"workshop_id": workshop_id},
            cleaned,
            lambda e: {"kind": e.kind, "metric": e.metric, "value": e.value, "unit": e.unit,
                       "label": e.label, "sentence": e.sentence},
        )
        tx.changed("workshop", workshop_id)
        return before


def _clean(entry: FigureEntry) -> FigureEntry:
    kind = choice(entry.kind, KeyFigureKind, tr("Type of figure"))
    if kind == KeyFigureKind.COUNTED:
        metric = choice(entry.metric, Metric, tr("What is counted"))
        return FigureEntry(kind, metric, id=entry.id)
    value = optional_line(entry.value, tr("The figure"), 100)
    unit = optional_line(entry.unit, tr("The unit"), 100)
    label = optional_line(entry.label, tr("The label"), 300)
    sentence = optional_body(entry.sentence, tr("The sentence"), 2000)
    if not value and not sentence:
        raise ValidationError(tr("Type a figure (for example \"ca 500\") or a whole sentence."))
    if sentence and (value or unit or label):
        value = unit = label = ""  # a sentence says it all; the form shows one or the other
    return FigureEntry(kind, None, value, unit, label, sentence, entry.id)
