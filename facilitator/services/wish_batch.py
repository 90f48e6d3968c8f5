"""Whole lists of wishes at once: a pasted list, the undo of a paste, the votes of a board.

Each call is ONE transaction (one undo step, one change on the bus), however
many wishes it touches; the tree rules are those of ``wishes``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services import order_keys
from facilitator.services.core import (
    Store,
    ValidationError,
    get_any,
    get_live,
    required_body,
    tombstone,
)
from facilitator.services.wishes import (
    MAX_DEPTH,
    MAX_WISH,
    WishPlace,
    checked_votes,
    descendants,
    live_siblings,
    place_of,
    put_wish,
    undelete_wish,
    wish_depth,
)
from facilitator.store.models import Group, Wish

MAX_BATCH = 10_000


def _item(item: object) -> tuple[int, str]:
    depth = getattr(item, "depth", None)
    text = getattr(item, "text", None)
    if depth is None and isinstance(item, tuple | list) and len(item) == 2:
        depth, text = item
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
        raise ValidationError(
            tr("The level must be a whole number ≥ 0, not {depth!r}."), depth=depth)
    return depth, required_body(text, tr("The wish"), MAX_WISH)


def add_wishes(
    store: Store,
    group_id: str,
    items: Sequence[object],  # PasteItem or (depth, text)
    parent_id: str | None = None,
    index: int | None = None,
) -> list[str]:
    """Add a nested list in ONE transaction; returns the new ids in reading order.

    ``items`` are (depth, text) pairs (or objects with ``depth`` and ``text``)
    in reading order, depth relative to ``parent_id``: the first is 0 and each
    is at most one deeper than the one before. The depth-0 items go in one run
    at ``index`` among the children of ``parent_id`` (default: last).
    """
    from facilitator.store.models import new_id

    clean = [_item(item) for item in items]
    if not clean:
        return []
    if len(clean) > MAX_BATCH:
        raise ValidationError(tr("Too many wishes at once ({count}, at most {maximum})."),
                              count=len(clean), maximum=MAX_BATCH)
    previous = -1
    for depth, _text in clean:
        if depth > previous + 1:
            raise ValidationError(tr("A sub-item must come directly under an item one level up."))
        previous = depth
    with store.write() as tx:
        s = tx.session
        get_live(s, Group, group_id, tr("The group"))
        base = 0
        if parent_id is not None:
            parent = get_live(s, Wish, parent_id, tr("The wish"))
            if parent.group_id != group_id:
                raise ValidationError(tr("A wish can only be placed under one in the same group."))
            base = wish_depth(s, parent) + 1
        if base + max(d for d, _t in clean) > MAX_DEPTH:
            raise ValidationError(
                tr("Wishes can be nested at most {maximum} levels deep."), maximum=MAX_DEPTH)
        siblings = live_siblings(s, group_id, parent_id)
        at = len(siblings) if index is None else max(0, min(index, len(siblings)))
        ids: list[str] = []
        top: list[Wish] = []
        chain: list[str | None] = [parent_id]  # chain[d] = parent of an item at depth d
        counts: dict[str | None, int] = {}
        for depth, text in clean:
            del chain[depth + 1:]
            owner = chain[depth]
            wish = Wish(id=new_id(), group_id=group_id, parent_id=owner, text=text, votes=0)
            if depth == 0:
                top.append(wish)
            else:
                wish.position = counts.get(owner, 0)
                counts[owner] = wish.position + 1
            s.add(wish)
            ids.append(wish.id)
            chain.append(wish.id)
        order_keys.place(siblings, top, at)
        tx.changed("wish", *ids)
        return ids


def delete_wishes(store: Store, wish_ids: list[str]) -> list[WishPlace]:
    """Trash several wishes (with their sub-points) in one transaction.

    Returns each one's place before the deletion, for ``restore_wishes``.
    """
    with store.write() as tx:
        s = tx.session
        wishes = [get_live(s, Wish, wish_id, tr("The wish")) for wish_id in wish_ids]
        places = [place_of(s, wish) for wish in wishes]
        for wish in wishes:
            if wish.deleted_at is not None:
                continue  # already trashed with an ancestor in this list
            tombstone(wish)
            for child in descendants(s, wish, live=True):
                child.deleted_at = wish.deleted_at
        tx.changed("wish", *wish_ids)
        return places


def restore_wishes(store: Store, wish_ids: list[str],
                   places: list[WishPlace] | None = None) -> None:
    """Bring back wishes trashed together (the redo of a paste, the undo of a delete)."""
    with store.write() as tx:
        s = tx.session
        wishes = [get_any(s, Wish, wish_id, tr("The wish")) for wish_id in wish_ids]
        for wish in wishes:
            undelete_wish(s, wish)
        s.flush()
        if places is not None:  # without them each keeps its old order key
            for wish, place in sorted(zip(wishes, places, strict=True),
                                      key=lambda pair: pair[1].index):
                put_wish(s, wish, place.parent_id, place.index)
        tx.changed("wish", *wish_ids)


def reset_votes(store: Store, group_ids: list[str]) -> dict[str, int]:
    """Set every vote in these groups to 0; returns {wish_id: old votes} of those changed."""
    with store.write() as tx:
        rows = tx.session.scalars(
            select(Wish).where(Wish.group_id.in_(list(group_ids)), Wish.deleted_at.is_(None),
                               Wish.votes != 0)
        ).all()
        old = {w.id: w.votes for w in rows}
        for w in rows:
            w.votes = 0
        if old:
            tx.changed("wish", *old)
        return old


def set_votes_bulk(store: Store, votes: dict[str, int]) -> dict[str, int]:
    """Set the votes of several wishes in one transaction; returns their old votes."""
    with store.write() as tx:
        old: dict[str, int] = {}
        for wish_id, value in votes.items():
            wish = get_live(tx.session, Wish, wish_id, tr("The wish"))
            old[wish_id], wish.votes = wish.votes, checked_votes(value)
        if old:
            tx.changed("wish", *old)
        return old
