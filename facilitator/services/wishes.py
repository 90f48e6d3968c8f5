"""Wishes and ambitions of a group: an ordered tree of short texts with votes.

One wish at a time here, through the ORM; whole lists at once (a paste, its
undo, the board's votes) are in ``wish_batch``, and the board's Core fast
paths (live capture, the change bus's reads) in ``wish_fast_paths``. Both use
the tree helpers below (``live_siblings``, ``put_wish`` …).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    choice,
    get_any,
    get_live,
    optional_body,
    required_body,
    tombstone,
    unchanged_since,
)
from facilitator.services.order_keys import append_key, reorder
from facilitator.store.models import Group, Wish, WishStatus

MAX_WISH = 20_000
MAX_DEPTH = 5


@dataclass(frozen=True)
class WishInfo:
    id: str
    group_id: str
    parent_id: str | None
    position: int  # its place among its siblings (0, 1, …), not the stored order key
    depth: int
    text: str
    votes: int
    status: WishStatus


@dataclass(frozen=True)
class WishPlace:
    """Where a wish sits, so an undo can put it back."""

    parent_id: str | None
    index: int


def live_siblings(session: Session, group_id: str, parent_id: str | None) -> list[Wish]:
    """The live wishes directly under ``parent_id`` (None: the top level), in order."""
    parent_clause = Wish.parent_id.is_(None) if parent_id is None else Wish.parent_id == parent_id
    return list(session.scalars(
        select(Wish)
        .where(Wish.group_id == group_id, parent_clause, Wish.deleted_at.is_(None))
        .order_by(Wish.position, Wish.id)
    ))


def wish_depth(session: Session, wish: Wish) -> int:
    """How many ancestors ``wish`` has: 0 at the top level."""
    depth, parent_id = 0, wish.parent_id
    while parent_id is not None:
        depth += 1
        parent = session.get(Wish, parent_id)
        parent_id = parent.parent_id if parent is not None else None
    return depth


def _subtree_height(session: Session, wish: Wish) -> int:
    children = session.scalars(
        select(Wish).where(Wish.parent_id == wish.id, Wish.deleted_at.is_(None))
    ).all()
    return 1 + max((_subtree_height(session, c) for c in children), default=0)


def place_of(session: Session, wish: Wish) -> WishPlace:
    """Where ``wish`` sits now among its live siblings."""
    siblings = live_siblings(session, wish.group_id, wish.parent_id)
    return WishPlace(wish.parent_id, siblings.index(wish))


def put_wish(session: Session, wish: Wish, parent_id: str | None, index: int) -> None:
    """Move ``wish`` under ``parent_id`` at ``index``; only its own order key changes."""
    if parent_id is not None:
        parent = get_live(session, Wish, parent_id, tr("The wish"))
        if parent.group_id != wish.group_id:
            raise ValidationError(tr("A wish can only be placed under one in the same group."))
        ancestor: Wish | None = parent
        while ancestor is not None:
            if ancestor.id == wish.id:
                raise ValidationError(tr("A wish cannot be placed under itself."))
            ancestor = session.get(Wish, ancestor.parent_id) if ancestor.parent_id else None
        if wish_depth(session, parent) + _subtree_height(session, wish) > MAX_DEPTH:
            raise ValidationError(
                tr("Wishes can be nested at most {maximum} levels deep."), maximum=MAX_DEPTH)
    if wish.parent_id != parent_id:
        wish.parent_id = parent_id
        session.flush()
    reorder(live_siblings(session, wish.group_id, parent_id), wish, index)


def add_wish(
    store: Store,
    group_id: str,
    text: str,
    *,
    parent_id: str | None = None,
    index: int | None = None,
    votes: int = 0,
) -> str:
    """Add a wish at ``index`` among its siblings (default: last)."""
    clean = required_body(text, tr("The wish"), MAX_WISH)
    with store.write() as tx:
        s = tx.session
        get_live(s, Group, group_id, tr("The group"))
        siblings = live_siblings(s, group_id, parent_id)
        wish = Wish(group_id=group_id, text=clean,
                    position=append_key([w.position for w in siblings]),
                    votes=checked_votes(votes))
        s.add(wish)
        s.flush()
        if parent_id is not None or index is not None:
            put_wish(s, wish, parent_id, len(siblings) if index is None else index)
        tx.changed("wish", wish.id)
        return wish.id


def checked_votes(value: object) -> int:
    """``value`` as a number of votes, or a ValidationError saying why not."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100_000:
        raise ValidationError(tr("Votes must be a whole number 0–100000, not {value!r}."),
                              value=value)
    return value


def set_text(store: Store, wish_id: str, text: str, *, expected: str | None = None) -> str:
    """The wish's text; returns the old one (for undo). ``expected``: the text the user
    started from; refused if someone else changed it since."""
    clean = required_body(text, tr("The wish"), MAX_WISH)
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, tr("The wish"))
        unchanged_since(wish.text, expected, tr("this wish"))
        old, wish.text = wish.text, clean
        tx.changed("wish", wish.id)
        return old


def set_votes(store: Store, wish_id: str, votes: int) -> int:
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, tr("The wish"))
        old, wish.votes = wish.votes, checked_votes(votes)
        tx.changed("wish", wish.id)
        return old


def set_status(store: Store, wish_id: str, status: WishStatus | str) -> WishStatus:
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, tr("The wish"))
        old, wish.status = wish.status, choice(status, WishStatus, tr("Status"))
        tx.changed("wish", wish.id)
        return old


def set_note(store: Store, wish_id: str, note: str) -> str:
    """The wish's note (searchable, not printed); returns the old note for undo."""
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, tr("The wish"))
        old, wish.note = wish.note, optional_body(note, tr("The note"), 100_000)
        tx.changed("wish", wish.id)
        return old


def move_wish(store: Store, wish_id: str, parent_id: str | None, index: int) -> WishPlace:
    """Put a wish (with its sub-points) anywhere in its group; returns the old place."""
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, tr("The wish"))
        old = place_of(tx.session, wish)
        put_wish(tx.session, wish, parent_id, index)
        tx.changed("wish", wish.id)
        return old


def indent_wish(store: Store, wish_id: str) -> WishPlace:
    """Make a wish the last sub-point of the wish above it (Tab)."""
    with store.write() as tx:
        s = tx.session
        wish = get_live(s, Wish, wish_id, tr("The wish"))
        old = place_of(s, wish)
        if old.index == 0:
            raise ValidationError(tr("The first wish on a level cannot be nested."))
        new_parent = live_siblings(s, wish.group_id, wish.parent_id)[old.index - 1]
        put_wish(s, wish, new_parent.id, len(live_siblings(s, wish.group_id, new_parent.id)))
        tx.changed("wish", wish.id)
        return old


def outdent_wish(store: Store, wish_id: str) -> WishPlace:
    """Make a sub-point a sibling right after its parent (Shift+Tab)."""
    with store.write() as tx:
        s = tx.session
        wish = get_live(s, Wish, wish_id, tr("The wish"))
        if wish.parent_id is None:
            raise ValidationError(tr("The wish is already on the top level."))
        old = place_of(s, wish)
        parent = get_live(s, Wish, wish.parent_id, tr("The wish"))
        parent_place = place_of(s, parent)
        put_wish(s, wish, parent.parent_id, parent_place.index + 1)
        tx.changed("wish", wish.id)
        return old


def delete_wish(store: Store, wish_id: str) -> WishPlace:
    """Move a wish and its sub-points to the trash; returns where it was."""
    with store.write() as tx:
        s = tx.session
        wish = get_live(s, Wish, wish_id, tr("The wish"))
        old = place_of(s, wish)
        tombstone(wish)
        for child in descendants(s, wish, live=True):
            child.deleted_at = wish.deleted_at  # same moment: restored together
        tx.changed("wish", wish.id)
        return old


def descendants(s: Session, wish: Wish, *, live: bool) -> list[Wish]:
    """Sub-points of ``wish`` at any depth: live ones, or those trashed with it."""
    found: list[Wish] = []
    frontier = [wish.id]
    while frontier:
        children = s.scalars(select(Wish).where(Wish.parent_id.in_(frontier))).all()
        if live:
            children = [c for c in children if c.deleted_at is None]
        else:
            children = [c for c in children if c.deleted_at == wish.deleted_at]
        found.extend(children)
        frontier = [c.id for c in children]
    return found


def undelete_wish(session: Session, wish: Wish) -> None:
    """Take a wish out of the trash with the subtree that was trashed with it."""
    if wish.deleted_at is not None:
        for child in descendants(session, wish, live=False):
            child.deleted_at = None
    wish.deleted_at = None


def restore_wish(store: Store, wish_id: str, place: WishPlace | None = None) -> None:
    with store.write() as tx:
        s = tx.session
        wish = get_any(s, Wish, wish_id, tr("The wish"))
        undelete_wish(s, wish)
        s.flush()
        if place is None:
            place = WishPlace(wish.parent_id, len(live_siblings(s, wish.group_id, wish.parent_id)))
        put_wish(s, wish, place.parent_id, place.index)
        tx.changed("wish", wish.id)


def list_wishes(store: Store, group_id: str) -> list[WishInfo]:
    """The group's live wishes in reading order (depth-first), with their depth."""
    with store.read() as session:
        rows = session.scalars(
            select(Wish)
            .where(Wish.group_id == group_id, Wish.deleted_at.is_(None))
            .order_by(Wish.position, Wish.id)
        ).all()
    children: dict[str | None, list[Wish]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    result: list[WishInfo] = []

    def walk(parent_id: str | None, depth: int) -> None:
        for index, w in enumerate(children.get(parent_id, [])):
            result.append(WishInfo(w.id, w.group_id, w.parent_id, index, depth, w.text,
                                   w.votes, w.status))
            walk(w.id, depth + 1)

    walk(None, 0)
    return result
