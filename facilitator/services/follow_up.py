"""What a workshop follows up: the wishes and actions of its project's earlier workshops.

One read builds the whole list (each kind of row fetched once, not per item),
so the Uppföljning page stays quick with thousands of wishes. Items come
grouped by focus area in the project's order; within an area, those reviewed
at this workshop first in the facilitator's order, then the rest oldest first.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from facilitator.messages import tr
from facilitator.services.core import Store, get_live
from facilitator.services.responsibles import ResponsibleInfo, responsibles_of
from facilitator.services.reviews import review_status_of_action
from facilitator.store.models import (
    Action,
    FocusArea,
    Group,
    GroupFocusArea,
    Review,
    Wish,
    Workshop,
)
from facilitator.store.vocabulary import ReviewStatus

OPEN_STATUSES = (ReviewStatus.OPEN, ReviewStatus.IN_PROGRESS)


@dataclass(frozen=True)
class ReviewInfo:
    id: str
    workshop_id: str
    workshop_title: str
    reviewed_on: dt.date | None
    status: ReviewStatus
    comment: str
    responsibles: tuple[ResponsibleInfo, ...]
    position: float  # order key among the workshop's reviews


@dataclass(frozen=True)
class FollowUpItem:
    kind: str  # "wish" or "action"
    id: str
    text: str
    depth: int  # a sub-point's level under its wish (0 for actions and top-level wishes)
    focus_area_id: str | None
    focus_area_name: str
    origin_workshop_id: str | None  # None: an action of a focus area alone
    origin: str  # "Workshop title, 2026-03-12 · Group"
    status: ReviewStatus  # the item's current status
    due_date: dt.date | None
    history: tuple[ReviewInfo, ...]  # every review, oldest first
    review: ReviewInfo | None  # the review at the workshop being shown
    action_ids: tuple[str, ...] = ()  # actions made from this wish

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def responsibles(self) -> tuple[ResponsibleInfo, ...]:
        """Who carries it on, as the latest review with anyone named said."""
        for review in reversed(self.history):
            if review.responsibles:
                return review.responsibles
        return ()


def workshop_order(workshop: Workshop) -> tuple[dt.date, dt.datetime]:
    """When a workshop stands in its project's history (undated ones last)."""
    return (workshop.date or dt.date.max, workshop.created_at)


def earlier_workshops(session: Session, workshop: Workshop) -> list[Workshop]:
    """The project's live workshops held before ``workshop`` (undated ones count as last)."""
    others = session.scalars(select(Workshop).where(
        Workshop.project_id == workshop.project_id, Workshop.deleted_at.is_(None),
        Workshop.id != workshop.id))
    mine = workshop_order(workshop)
    return sorted((w for w in others if workshop_order(w) < mine), key=workshop_order)


def _origin(workshop: Workshop | None, group: Group | None) -> str:
    if workshop is None:
        return ""
    text = workshop.title + (f", {workshop.date.isoformat()}" if workshop.date else "")
    return text + (f" · {group.name}" if group is not None and group.name else "")


def reading_order(wishes: list[Wish]) -> list[tuple[Wish, int]]:
    """One group's wishes depth-first, each level by position, with their depth."""
    children: dict[str | None, list[Wish]] = defaultdict(list)
    ids = {w.id for w in wishes}
    for wish in wishes:
        children[wish.parent_id if wish.parent_id in ids else None].append(wish)
    result: list[tuple[Wish, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for wish in sorted(children.get(parent, []), key=lambda w: (w.position, w.id)):
            result.append((wish, depth))
            walk(wish.id, depth + 1)

    walk(None, 0)
    return result


def list_follow_up(store: Store, workshop_id: str) -> list[FollowUpItem]:
    with store.read() as s:
        workshop = get_live(s, Workshop, workshop_id, tr("The workshop"))
        return items_in(s, workshop)


def items_in(s: Session, workshop: Workshop) -> list[FollowUpItem]:
    """``list_follow_up`` inside a caller's read (the minutes build in one session)."""
    earlier = earlier_workshops(s, workshop)
    by_workshop = {w.id: w for w in (*earlier, workshop)}
    areas = list(s.scalars(select(FocusArea).where(
        FocusArea.project_id == workshop.project_id, FocusArea.deleted_at.is_(None)
    ).order_by(FocusArea.position)))
    area_names = {a.id: a.name for a in areas}
    groups = {g.id: g for g in s.scalars(select(Group).where(
        Group.workshop_id.in_([w.id for w in earlier]), Group.deleted_at.is_(None)))}
    group_area: dict[str, str] = {}
    for link in s.scalars(select(GroupFocusArea).where(
            GroupFocusArea.group_id.in_(list(groups)), GroupFocusArea.deleted_at.is_(None)
    ).order_by(GroupFocusArea.position)):
        group_area.setdefault(link.group_id, link.focus_area_id)
    wishes = list(s.scalars(select(Wish).where(
        Wish.group_id.in_(list(groups)), Wish.deleted_at.is_(None))))
    actions = list(s.scalars(select(Action).where(Action.deleted_at.is_(None), or_(
        Action.workshop_id.in_([w.id for w in earlier]),
        Action.workshop_id.is_(None) & Action.focus_area_id.in_(list(area_names))))))
    reviews = _reviews(s, [w.id for w in wishes], [a.id for a in actions], by_workshop)
    made_from: dict[str, list[str]] = defaultdict(list)
    for action_id, wish_id in s.execute(select(Action.id, Action.source_wish_id).where(
            Action.source_wish_id.in_([w.id for w in wishes]), Action.deleted_at.is_(None))):
        made_from[wish_id or ""].append(action_id)

    by_group: dict[str, list[Wish]] = defaultdict(list)
    for wish in wishes:
        by_group[wish.group_id].append(wish)
    items: list[FollowUpItem] = []
    for w in earlier:
        for group in sorted((g for g in groups.values() if g.workshop_id == w.id),
                            key=lambda g: (g.position, g.id)):
            area = group_area.get(group.id)
            for wish, depth in reading_order(by_group[group.id]):
                history = reviews.get(wish.id, ())
                items.append(FollowUpItem(
                    "wish", wish.id, wish.text, depth, area, area_names.get(area or "", ""),
                    w.id, _origin(w, group), ReviewStatus(wish.status), None, history,
                    _at(history, workshop.id), tuple(made_from.get(wish.id, ()))))
    for action in sorted(actions, key=lambda a: (
            workshop_order(by_workshop[a.workshop_id]) if a.workshop_id else (dt.date.min,
                                                                         a.created_at),
            a.position, a.id)):
        history = reviews.get(action.id, ())
        origin = by_workshop.get(action.workshop_id or "")
        items.append(FollowUpItem(
            "action", action.id, action.text, 0, action.focus_area_id,
            area_names.get(action.focus_area_id or "", ""), action.workshop_id,
            _origin(origin, None), review_status_of_action(action.status), action.due_date,
            history, _at(history, workshop.id)))
    return _grouped(items, [a.id for a in areas])


def _at(history: tuple[ReviewInfo, ...], workshop_id: str) -> ReviewInfo | None:
    return next((r for r in reversed(history) if r.workshop_id == workshop_id), None)


def _reviews(s: Session, wish_ids: list[str], action_ids: list[str],
             workshops: dict[str, Workshop]) -> dict[str, tuple[ReviewInfo, ...]]:
    rows = list(s.scalars(select(Review).where(Review.deleted_at.is_(None), or_(
        Review.wish_id.in_(wish_ids), Review.action_id.in_(action_ids)))))
    found: dict[str, list[tuple[tuple[object, ...], ReviewInfo]]] = defaultdict(list)
    named = responsibles_of(s, "review", [row.id for row in rows])
    for row in rows:
        workshop = workshops.get(row.workshop_id) or s.get(Workshop, row.workshop_id)
        if workshop is None or workshop.deleted_at is not None:
            continue
        info = ReviewInfo(row.id, row.workshop_id, workshop.title, row.reviewed_on,
                          ReviewStatus(row.status), row.comment,
                          tuple(named.get(row.id, ())), row.position)
        key = (row.reviewed_on or dt.date.min, row.created_at, row.id)
        found[row.wish_id or row.action_id or ""].append((key, info))
    return {item: tuple(info for _, info in sorted(pairs, key=lambda p: p[0]))
            for item, pairs in found.items()}


def _grouped(items: list[FollowUpItem], area_order: list[str]) -> list[FollowUpItem]:
    rank = {area: i for i, area in enumerate(area_order)}
    return [item for _, item in sorted(
        enumerate(items), key=lambda p: (rank.get(p[1].focus_area_id or "", len(rank)), p[0]))]


def reviewed_at(store: Store, workshop_id: str) -> list[FollowUpItem]:
    """The items followed up at the workshop, grouped by focus area, in the facilitator's
    order within each (what the minutes' "Uppföljning sedan förra mötet" lists)."""
    with store.read() as s:
        return reviewed_in(s, get_live(s, Workshop, workshop_id, tr("The workshop")))


def reviewed_in(s: Session, workshop: Workshop) -> list[FollowUpItem]:
    items = items_in(s, workshop)
    area_rank: dict[str | None, int] = {}
    for item in items:
        area_rank.setdefault(item.focus_area_id, len(area_rank))
    return sorted((item for item in items if item.review is not None),
                  key=lambda i: (area_rank[i.focus_area_id], i.review.position if i.review
                                 else 0))
