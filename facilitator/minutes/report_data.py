"""What the project report shows, read from the store in one session with bulk queries.

Each kind of row (workshops, groups, wishes, reviews, actions, responsibles) is
fetched once for the whole project, so a project with ten thousand wishes is
read in well under a second. The layout is in ``project_report.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.orm import Session

from facilitator.minutes.phrases import joined, person_phrase
from facilitator.services.follow_up import reading_order, workshop_order
from facilitator.services.reviews import review_status_of_action
from facilitator.store.models import (
    Action,
    Attendance,
    FocusArea,
    Group,
    GroupFocusArea,
    Organisation,
    Person,
    Project,
    Responsible,
    Review,
    Wish,
    Workshop,
)
from facilitator.store.vocabulary import (
    AttendanceStatus,
    ResponsibleForm,
    ReviewStatus,
    WishStatus,
    WorkshopStatus,
)

HELD_STATUSES = (WorkshopStatus.HELD, WorkshopStatus.MINUTES_SENT, WorkshopStatus.FINALISED)
OPEN_STATUSES = (ReviewStatus.OPEN, ReviewStatus.IN_PROGRESS)


@dataclass(frozen=True)
class ReviewLine:
    reviewed_on: dt.date | None
    workshop_title: str
    status: ReviewStatus
    comment: str


@dataclass(frozen=True)
class WishRow:
    text: str
    depth: int  # a sub-point's level under its wish
    workshop: str  # its date, "2026-03-12" (its title when it has none)
    status: ReviewStatus
    history: tuple[ReviewLine, ...]  # oldest first


@dataclass(frozen=True)
class ActionRow:
    text: str
    responsibles: str
    due_date: dt.date | None
    status: ReviewStatus

    def overdue(self, today: dt.date) -> bool:
        return (self.due_date is not None and self.due_date < today
                and self.status in OPEN_STATUSES)


@dataclass
class AreaPart:
    """A focus area's narrative, responsibles, wishes and actions (id None: no area)."""

    id: str | None
    name: str
    narrative: str = ""
    responsibles: str = ""
    wishes: list[WishRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)


@dataclass
class ReportData:
    project_name: str
    language: str
    issuing_unit: str
    first_date: dt.date | None
    last_date: dt.date | None
    workshops_held: int
    people_met: int
    attendances: int
    organisations: int
    wishes_by_status: dict[ReviewStatus, int]
    areas: list[AreaPart]  # project order, then the part of no area (if it has anything)
    workshops: list[tuple[dt.date | None, str]] = field(default_factory=list)  # date, title


def read_report(s: Session, project: Project, today: dt.date) -> ReportData:
    workshops = sorted(s.scalars(select(Workshop).where(
        Workshop.project_id == project.id, Workshop.deleted_at.is_(None))), key=workshop_order)
    latest = workshops[-1] if workshops else None
    language = latest.language if latest is not None else "sv"
    form = latest.responsible_form if latest is not None else ResponsibleForm.NAME
    by_id = {w.id: w for w in workshops}
    dates = [w.date for w in workshops if w.date is not None]
    areas = list(s.scalars(select(FocusArea).where(
        FocusArea.project_id == project.id, FocusArea.deleted_at.is_(None)
    ).order_by(FocusArea.position, FocusArea.created_at)))
    parts = {a.id: AreaPart(a.id, a.name, a.narrative) for a in areas}
    other = AreaPart(None, "")

    groups = sorted(s.scalars(select(Group).where(
        Group.workshop_id.in_(list(by_id)), Group.deleted_at.is_(None))),
        key=lambda g: (workshop_order(by_id[g.workshop_id]), g.position, g.id))
    group_area: dict[str, str] = {}
    for link in s.scalars(select(GroupFocusArea).where(
            GroupFocusArea.group_id.in_([g.id for g in groups]),
            GroupFocusArea.deleted_at.is_(None)
    ).order_by(GroupFocusArea.position, GroupFocusArea.created_at)):
        if link.focus_area_id in parts:
            group_area.setdefault(link.group_id, link.focus_area_id)
    wishes_of: dict[str, list[Wish]] = defaultdict(list)
    for wish in s.scalars(select(Wish).where(
            Wish.group_id.in_([g.id for g in groups]), Wish.deleted_at.is_(None))):
        wishes_of[wish.group_id].append(wish)
    actions = list(s.scalars(select(Action).where(Action.deleted_at.is_(None), or_(
        Action.workshop_id.in_(list(by_id)),
        Action.workshop_id.is_(None) & Action.focus_area_id.in_(list(parts))))))
    history = _histories(s, by_id)
    responsibles = _responsibles(s, form, language, list(parts), [a.id for a in actions])

    for area in parts.values():
        area.responsibles = responsibles.get(area.id or "", "")
    counts = dict.fromkeys(ReviewStatus, 0)
    wish_area: dict[str, str | None] = {}
    for group in groups:
        workshop = by_id[group.workshop_id]
        # The date says which workshop (the report lists them); an undated one its title.
        origin = workshop.date.isoformat() if workshop.date else workshop.title
        part = parts.get(group_area.get(group.id, ""), other)
        for wish, depth in reading_order(wishes_of.get(group.id, [])):
            status = ReviewStatus(WishStatus(wish.status).value)
            counts[status] += 1
            wish_area[wish.id] = part.id
            part.wishes.append(WishRow(wish.text, depth, origin, status,
                                       history.get(wish.id, ())))
    for action in sorted(actions, key=lambda a: (
            workshop_order(by_id[a.workshop_id]) if a.workshop_id else (dt.date.min, a.created_at),
            a.position, a.id)):
        # An action of no area belongs where the wish it was made from belongs.
        area_id = action.focus_area_id if action.focus_area_id in parts else \
            wish_area.get(action.source_wish_id or "")
        parts.get(area_id or "", other).actions.append(ActionRow(
            action.text, responsibles.get(action.id, ""), action.due_date,
            review_status_of_action(action.status)))

    people_met, attendances, organisations = _attendance_figures(s, list(by_id))
    return ReportData(
        project.name, language, latest.issuing_unit if latest is not None else "",
        min(dates, default=None), max(dates, default=None),
        # Held: marked held (or later) by the facilitator, or dated today or earlier.
        sum(1 for w in workshops if w.status in HELD_STATUSES
            or (w.date is not None and w.date <= today)),
        people_met, attendances, organisations, counts,
        [*parts.values(), *([other] if other.wishes or other.actions else [])],
        [(w.date, w.title) for w in workshops])


def _histories(s: Session, workshops: dict[str, Workshop]
               ) -> dict[str, tuple[ReviewLine, ...]]:
    """Every live review made at a live workshop of the project, per wish or action."""
    found: dict[str, list[tuple[tuple[object, ...], ReviewLine]]] = defaultdict(list)
    for row in s.scalars(select(Review).where(
            Review.deleted_at.is_(None), Review.workshop_id.in_(list(workshops)))):
        line = ReviewLine(row.reviewed_on, workshops[row.workshop_id].title,
                          ReviewStatus(row.status), row.comment)
        key = (row.reviewed_on or dt.date.min, row.created_at, row.id)
        found[row.wish_id or row.action_id or ""].append((key, line))
    return {item: tuple(line for _, line in sorted(pairs, key=lambda p: p[0]))
            for item, pairs in found.items()}


def _responsibles(s: Session, form: ResponsibleForm, language: str, area_ids: list[str],
                  action_ids: list[str]) -> dict[str, str]:
    """"A, B och C" per focus area and action, people written as the latest workshop asks."""
    names: dict[str, list[str]] = defaultdict(list)
    rows = s.execute(
        select(Responsible, Person, Organisation)
        .outerjoin(Person, (Person.id == Responsible.person_id) & Person.deleted_at.is_(None))
        .outerjoin(Organisation, (Organisation.id == func.coalesce(
            Responsible.organisation_id, Person.organisation_id))
            & Organisation.deleted_at.is_(None))
        .where(Responsible.deleted_at.is_(None), or_(
            Responsible.focus_area_id.in_(area_ids), Responsible.action_id.in_(action_ids)))
        .order_by(Responsible.position, Responsible.created_at))
    for row, person, organisation in rows:
        owner = row.focus_area_id or row.action_id or ""
        org_name = organisation.name if organisation is not None else ""
        if row.person_id is not None:
            if person is not None:
                names[owner].append(person_phrase(person.name, person.title, org_name, form,
                                                  language))
        elif row.organisation_id is not None:
            if organisation is not None:
                names[owner].append(org_name)
        else:
            names[owner].append(row.text)
    return {owner: joined(parts, language) for owner, parts in names.items()}


def _attendance_figures(s: Session, workshop_ids: list[str]) -> tuple[int, int, int]:
    """People met, attendances and organisations represented (attended, live rows)."""
    attended = (Attendance.status == AttendanceStatus.ATTENDED) \
        & Attendance.deleted_at.is_(None) & Person.deleted_at.is_(None) \
        & Attendance.workshop_id.in_(workshop_ids)
    people, attendances = s.execute(
        select(func.count(distinct(Attendance.person_id)), func.count(Attendance.id))
        .join(Person, Person.id == Attendance.person_id).where(attended)).one()
    organisations = s.scalar(
        select(func.count(distinct(Person.organisation_id)))
        .join(Attendance, Attendance.person_id == Person.id)
        .join(Organisation, Organisation.id == Person.organisation_id)
        .where(attended, Organisation.deleted_at.is_(None))) or 0
    return people or 0, attendances or 0, organisations
