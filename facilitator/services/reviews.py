"""Following up an earlier wish or action at a later workshop, and actions made from wishes.

A review is one row per item and workshop: what was said about it there
(status, comment, who carries it on). Later workshops add their own rows,
so the history is never overwritten and reviews captured on several laptops
merge by union. The item's own ``status`` is its current one: the status its
latest review gave it (an action's status can also be changed on Åtgärder).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    get_live,
    next_position,
    optional_body,
    required_body,
    tombstone,
    unchanged_fields,
)
from facilitator.services.responsibles import Who, responsibles_in, write_responsibles
from facilitator.store.models import Action, Group, GroupFocusArea, Review, Wish, Workshop
from facilitator.store.vocabulary import ActionStatus, ReviewStatus, WishStatus, utcnow

KINDS = ("wish", "action")
MAX_COMMENT = 20_000

# An action's statuses beside a review's: "cancelled" is what a review calls "dropped".
_ACTION_STATUS = {ReviewStatus.OPEN: ActionStatus.OPEN,
                  ReviewStatus.IN_PROGRESS: ActionStatus.IN_PROGRESS,
                  ReviewStatus.DONE: ActionStatus.DONE,
                  ReviewStatus.DROPPED: ActionStatus.CANCELLED}
_REVIEW_STATUS = {v: k for k, v in _ACTION_STATUS.items()}


def review_status_of_action(status: ActionStatus | str) -> ReviewStatus:
    return _REVIEW_STATUS[ActionStatus(status)]


@dataclass(frozen=True)
class ReviewEntry:
    """What a workshop said about an item."""

    status: ReviewStatus
    comment: str = ""
    responsibles: tuple[Who, ...] = ()
    reviewed_on: dt.date | None = None


@dataclass(frozen=True)
class ReviewState:
    """An item's review at one workshop (None: not followed up there) and its own status;
    ``set_review`` takes one and returns the one it replaced, so undo gives it back."""

    entry: ReviewEntry | None
    item_status: ReviewStatus


def with_changes(state: ReviewState, **changes: Any) -> ReviewState:
    """``state`` with some of status, comment, responsibles changed; a review is made
    (from the item's current status) if there was none."""
    entry = state.entry or ReviewEntry(state.item_status)
    entry = replace(entry, **changes)
    return ReviewState(entry, entry.status)


def _item(session: Session, kind: str, item_id: str) -> Wish | Action:
    if kind == "wish":
        return get_live(session, Wish, item_id, tr("The wish"))
    if kind == "action":
        return get_live(session, Action, item_id, tr("The action"))
    raise ValidationError(tr("Unknown field {name!r}."), name=kind)


def item_workshop_id(session: Session, item: Wish | Action) -> str | None:
    if isinstance(item, Wish):
        group = session.get(Group, item.group_id)
        return group.workshop_id if group is not None else None
    return item.workshop_id


def _check_later(session: Session, workshop: Workshop, item: Wish | Action) -> None:
    origin_id = item_workshop_id(session, item)
    if origin_id == workshop.id:
        raise ValidationError(tr("An item is followed up at a later workshop, not at its own."))
    if origin_id is not None:
        origin = session.get(Workshop, origin_id)
        if origin is not None and origin.project_id == workshop.project_id:
            return
    elif isinstance(item, Action):
        return  # an action of a focus area alone: any workshop of the project follows it up
    raise ValidationError(tr("Only wishes and actions of the same project can be followed up."))


def _live_review(session: Session, workshop_id: str, kind: str, item_id: str,
                 include_trashed: bool = False) -> Review | None:
    column = Review.wish_id if kind == "wish" else Review.action_id
    query = select(Review).where(Review.workshop_id == workshop_id, column == item_id)
    if not include_trashed:
        query = query.where(Review.deleted_at.is_(None))
    return session.scalars(query.order_by(Review.deleted_at.is_not(None),
                                          Review.updated_at.desc())).first()


def _item_status(item: Wish | Action) -> ReviewStatus:
    if isinstance(item, Wish):
        return ReviewStatus(item.status)
    return review_status_of_action(item.status)


def _set_item_status(item: Wish | Action, status: ReviewStatus) -> None:
    if isinstance(item, Wish):
        item.status = WishStatus(status)
    else:
        item.status = _ACTION_STATUS[status]


def state_in(session: Session, workshop_id: str, kind: str, item_id: str) -> ReviewState:
    item = _item(session, kind, item_id)
    review = _live_review(session, workshop_id, kind, item_id)
    entry = None
    if review is not None:
        whos = tuple(r.who for r in responsibles_in(session, "review", review.id))
        entry = ReviewEntry(ReviewStatus(review.status), review.comment, whos,
                            review.reviewed_on)
    return ReviewState(entry, _item_status(item))


def review_state(store: Store, workshop_id: str, kind: str, item_id: str) -> ReviewState:
    with store.read() as session:
        return state_in(session, workshop_id, kind, item_id)


def set_review(store: Store, workshop_id: str, kind: str, item_id: str,
               state: ReviewState, *, shown_comment: str | None = None) -> ReviewState:
    """Make ``state`` the item's review at the workshop; returns the previous state.

    ``shown_comment``: the comment the user's typing started from; refused if another
    user changed it since (#15)."""
    with store.write() as tx:
        s = tx.session
        workshop = get_live(s, Workshop, workshop_id, tr("The workshop"))
        item = _item(s, kind, item_id)
        _check_later(s, workshop, item)
        before = state_in(s, workshop_id, kind, item_id)
        if shown_comment is not None:
            unchanged_fields(before.entry or ReviewEntry(before.item_status),
                             {"comment": shown_comment}, tr("The comment"))
        review = _live_review(s, workshop_id, kind, item_id, include_trashed=True)
        if state.entry is None:
            if review is not None and review.deleted_at is None:
                tombstone(review)
        else:
            review = _write_review(s, workshop, kind, item_id, review, state.entry)
        _set_item_status(item, ReviewStatus(state.item_status))
        if review is not None:
            tx.changed("review", review.id)
        tx.changed(kind, item_id)
        return before


def _write_review(session: Session, workshop: Workshop, kind: str, item_id: str,
                  review: Review | None, entry: ReviewEntry) -> Review:
    status = ReviewStatus(entry.status)
    comment = optional_body(entry.comment, tr("The comment"), MAX_COMMENT)
    if review is None:
        review = Review(workshop_id=workshop.id, position=next_position(
            session, Review.position, Review.workshop_id == workshop.id))
        setattr(review, f"{kind}_id", item_id)
        session.add(review)
    review.deleted_at = None  # an undone removal brings back the same row
    review.status, review.comment = status, comment
    review.reviewed_on = entry.reviewed_on or workshop.date or utcnow().date()
    session.flush()
    write_responsibles(session, "review", review.id, entry.responsibles)
    return review


def move_review(store: Store, review_id: str, position: float) -> float:
    """Give a review the order key ``position`` in its workshop; returns the old key."""
    with store.write() as tx:
        review = get_live(tx.session, Review, review_id, tr("The follow-up"))
        old, review.position = review.position, float(position)
        tx.changed("review", review_id)
        return old


def action_from_wish(store: Store, workshop_id: str, wish_id: str,
                     text: str | None = None, responsibles: Sequence[Who] = ()) -> str:
    """A new action of the workshop made from an earlier (or this evening's) wish; it
    keeps the wish it came from and the focus area of the wish's group."""
    with store.write() as tx:
        s = tx.session
        workshop = get_live(s, Workshop, workshop_id, tr("The workshop"))
        wish = get_live(s, Wish, wish_id, tr("The wish"))
        origin = session_workshop(s, wish)
        if origin is None or origin.project_id != workshop.project_id:
            raise ValidationError(
                tr("Only wishes and actions of the same project can be followed up."))
        area = s.scalars(select(GroupFocusArea.focus_area_id).where(
            GroupFocusArea.group_id == wish.group_id, GroupFocusArea.deleted_at.is_(None)
        ).order_by(GroupFocusArea.position)).first()
        action = Action(
            workshop_id=workshop.id, focus_area_id=area, source_wish_id=wish.id,
            text=required_body(text if text is not None else wish.text, tr("The action"),
                               20_000),
            position=next_position(s, Action.position, Action.workshop_id == workshop.id))
        s.add(action)
        s.flush()
        if responsibles:
            write_responsibles(s, "action", action.id, responsibles)
        tx.changed("action", action.id)
        tx.changed("wish", wish.id)
        return action.id


def session_workshop(session: Session, wish: Wish) -> Workshop | None:
    group = session.get(Group, wish.group_id)
    return session.get(Workshop, group.workshop_id) if group is not None else None
