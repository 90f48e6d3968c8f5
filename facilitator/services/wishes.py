"""Wishes and ambitions of a group: an ordered tree of short texts with votes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.services.core import (
    NotFoundError,
    Store,
    ValidationError,
    choice,
    get_any,
    get_live,
    optional_body,
    optional_line,
    renumber,
    reorder,
    required_body,
    tombstone,
)
from facilitator.store.models import Group, Person, Wish, WishStatus

MAX_WISH = 20_000
MAX_DEPTH = 5


@dataclass(frozen=True)
class WishInfo:
    id: str
    group_id: str
    parent_id: str | None
    position: int
    depth: int
    text: str
    votes: int
    status: WishStatus


@dataclass(frozen=True)
class WishPlace:
    """Where a wish sits, so an undo can put it back."""

    parent_id: str | None
    index: int


def _siblings(session: Session, group_id: str, parent_id: str | None) -> list[Wish]:
    parent_clause = Wish.parent_id.is_(None) if parent_id is None else Wish.parent_id == parent_id
    return list(session.scalars(
        select(Wish)
        .where(Wish.group_id == group_id, parent_clause, Wish.deleted_at.is_(None))
        .order_by(Wish.position)
    ))


def _depth(session: Session, wish: Wish) -> int:
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


def _place(session: Session, wish: Wish) -> WishPlace:
    siblings = _siblings(session, wish.group_id, wish.parent_id)
    return WishPlace(wish.parent_id, siblings.index(wish))


def _put(session: Session, wish: Wish, parent_id: str | None, index: int) -> None:
    """Move ``wish`` under ``parent_id`` at ``index``, renumbering both sibling lists."""
    if parent_id is not None:
        parent = get_live(session, Wish, parent_id, "Önskemålet")
        if parent.group_id != wish.group_id:
            raise ValidationError("Ett önskemål kan bara ligga under ett i samma grupp.")
        ancestor: Wish | None = parent
        while ancestor is not None:
            if ancestor.id == wish.id:
                raise ValidationError("Ett önskemål kan inte läggas under sig självt.")
            ancestor = session.get(Wish, ancestor.parent_id) if ancestor.parent_id else None
        if _depth(session, parent) + _subtree_height(session, wish) > MAX_DEPTH:
            raise ValidationError(f"Önskemål kan nästlas högst {MAX_DEPTH} nivåer djupt.")
    old_parent = wish.parent_id
    wish.parent_id = parent_id
    session.flush()
    if old_parent != parent_id:
        renumber(_siblings(session, wish.group_id, old_parent))
    reorder(_siblings(session, wish.group_id, parent_id), wish, index)


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
    clean = required_body(text, "Önskemålet", MAX_WISH)
    with store.write() as tx:
        s = tx.session
        get_live(s, Group, group_id, "Gruppen")
        siblings = _siblings(s, group_id, parent_id)
        wish = Wish(group_id=group_id, text=clean, position=len(siblings),
                    votes=_votes(votes))
        s.add(wish)
        s.flush()
        if parent_id is not None or index is not None:
            _put(s, wish, parent_id, len(siblings) if index is None else index)
        tx.changed("wish", wish.id)
        return wish.id


def _votes(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100_000:
        raise ValidationError(f"Antal röster måste vara ett heltal 0–100000, inte {value!r}.")
    return value


def set_text(store: Store, wish_id: str, text: str) -> str:
    clean = required_body(text, "Önskemålet", MAX_WISH)
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, "Önskemålet")
        old, wish.text = wish.text, clean
        tx.changed("wish", wish.id)
        return old


def set_votes(store: Store, wish_id: str, votes: int) -> int:
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, "Önskemålet")
        old, wish.votes = wish.votes, _votes(votes)
        tx.changed("wish", wish.id)
        return old


def set_status(store: Store, wish_id: str, status: WishStatus | str) -> WishStatus:
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, "Önskemålet")
        old, wish.status = wish.status, choice(status, WishStatus, "Status")
        tx.changed("wish", wish.id)
        return old


def set_follow_up(
    store: Store, wish_id: str, *, responsible_person_id: str | None = None,
    responsible_text: str = "", note: str = "",
) -> None:
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, "Önskemålet")
        if responsible_person_id:
            get_live(tx.session, Person, responsible_person_id, "Personen")
        wish.responsible_person_id = responsible_person_id
        wish.responsible_text = optional_line(responsible_text, "Ansvarig")
        wish.note = optional_body(note, "Anteckningen", 100_000)
        tx.changed("wish", wish.id)


def move_wish(store: Store, wish_id: str, parent_id: str | None, index: int) -> WishPlace:
    """Put a wish (with its sub-points) anywhere in its group; returns the old place."""
    with store.write() as tx:
        wish = get_live(tx.session, Wish, wish_id, "Önskemålet")
        old = _place(tx.session, wish)
        _put(tx.session, wish, parent_id, index)
        tx.changed("wish", wish.id)
        return old


def indent_wish(store: Store, wish_id: str) -> WishPlace:
    """Make a wish the last sub-point of the wish above it (Tab)."""
    with store.write() as tx:
        s = tx.session
        wish = get_live(s, Wish, wish_id, "Önskemålet")
        old = _place(s, wish)
        if old.index == 0:
            raise ValidationError("Det första önskemålet på en nivå kan inte flyttas in.")
        new_parent = _siblings(s, wish.group_id, wish.parent_id)[old.index - 1]
        _put(s, wish, new_parent.id, len(_siblings(s, wish.group_id, new_parent.id)))
        tx.changed("wish", wish.id)
        return old


def outdent_wish(store: Store, wish_id: str) -> WishPlace:
    """Make a sub-point a sibling right after its parent (Shift+Tab)."""
    with store.write() as tx:
        s = tx.session
        wish = get_live(s, Wish, wish_id, "Önskemålet")
        if wish.parent_id is None:
            raise ValidationError("Önskemålet ligger redan på översta nivån.")
        old = _place(s, wish)
        parent = get_live(s, Wish, wish.parent_id, "Önskemålet")
        parent_place = _place(s, parent)
        _put(s, wish, parent.parent_id, parent_place.index + 1)
        tx.changed("wish", wish.id)
        return old


def delete_wish(store: Store, wish_id: str) -> WishPlace:
    """Move a wish and its sub-points to the trash; returns where it was."""
    with store.write() as tx:
        s = tx.session
        wish = get_live(s, Wish, wish_id, "Önskemålet")
        old = _place(s, wish)
        tombstone(wish)
        for child in _descendants(s, wish, live=True):
            child.deleted_at = wish.deleted_at  # same moment: restored together
        s.flush()
        renumber(_siblings(s, wish.group_id, wish.parent_id))
        tx.changed("wish", wish.id)
        return old


def _descendants(s: Session, wish: Wish, *, live: bool) -> list[Wish]:
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


def restore_wish(store: Store, wish_id: str, place: WishPlace | None = None) -> None:
    with store.write() as tx:
        s = tx.session
        wish = get_any(s, Wish, wish_id, "Önskemålet")
        if wish.deleted_at is not None:
            for child in _descendants(s, wish, live=False):
                child.deleted_at = None
        wish.deleted_at = None
        s.flush()
        if place is None:
            place = WishPlace(wish.parent_id, len(_siblings(s, wish.group_id, wish.parent_id)))
        _put(s, wish, place.parent_id, place.index)
        tx.changed("wish", wish.id)


def list_wishes(store: Store, group_id: str) -> list[WishInfo]:
    """The group's live wishes in reading order (depth-first), with their depth."""
    with store.read() as session:
        rows = session.scalars(
            select(Wish)
            .where(Wish.group_id == group_id, Wish.deleted_at.is_(None))
            .order_by(Wish.position)
        ).all()
    children: dict[str | None, list[Wish]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    result: list[WishInfo] = []

    def walk(parent_id: str | None, depth: int) -> None:
        for w in children.get(parent_id, []):
            result.append(WishInfo(w.id, w.group_id, w.parent_id, w.position, depth, w.text,
                                   w.votes, w.status))
            walk(w.id, depth + 1)

    walk(None, 0)
    return result


# ----- whole lists at once: a pasted list, undo of a paste, votes of a board -----

MAX_BATCH = 10_000


def _item(item: object) -> tuple[int, str]:
    depth = getattr(item, "depth", None)
    text = getattr(item, "text", None)
    if depth is None and isinstance(item, tuple | list) and len(item) == 2:
        depth, text = item
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
        raise ValidationError(f"Nivån måste vara ett heltal ≥ 0, inte {depth!r}.")
    return depth, required_body(text, "Önskemålet", MAX_WISH)


def add_wishes(
    store: Store,
    group_id: str,
    items: list,  # type: ignore[type-arg]  # PasteItem or (depth, text)
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
        raise ValidationError(f"För många önskemål på en gång ({len(clean)}, högst {MAX_BATCH}).")
    previous = -1
    for depth, _text in clean:
        if depth > previous + 1:
            raise ValidationError("En underpunkt måste ligga direkt under en punkt en nivå upp.")
        previous = depth
    with store.write() as tx:
        s = tx.session
        get_live(s, Group, group_id, "Gruppen")
        base = 0
        if parent_id is not None:
            parent = get_live(s, Wish, parent_id, "Önskemålet")
            if parent.group_id != group_id:
                raise ValidationError("Ett önskemål kan bara ligga under ett i samma grupp.")
            base = _depth(s, parent) + 1
        if base + max(d for d, _t in clean) > MAX_DEPTH:
            raise ValidationError(f"Önskemål kan nästlas högst {MAX_DEPTH} nivåer djupt.")
        siblings = _siblings(s, group_id, parent_id)
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
        renumber([*siblings[:at], *top, *siblings[at:]])
        tx.changed("wish", *ids)
        return ids


def delete_wishes(store: Store, wish_ids: list[str]) -> list[WishPlace]:
    """Trash several wishes (with their sub-points) in one transaction.

    Returns each one's place before the deletion, for ``restore_wishes``.
    """
    with store.write() as tx:
        s = tx.session
        wishes = [get_live(s, Wish, wish_id, "Önskemålet") for wish_id in wish_ids]
        places = [_place(s, wish) for wish in wishes]
        for wish in wishes:
            if wish.deleted_at is not None:
                continue  # already trashed with an ancestor in this list
            tombstone(wish)
            for child in _descendants(s, wish, live=True):
                child.deleted_at = wish.deleted_at
        s.flush()
        for group_id, parent_id in {(w.group_id, w.parent_id) for w in wishes}:
            renumber(_siblings(s, group_id, parent_id))
        tx.changed("wish", *wish_ids)
        return places


def restore_wishes(store: Store, wish_ids: list[str],
                   places: list[WishPlace] | None = None) -> None:
    """Bring back wishes trashed together (the redo of a paste, the undo of a delete)."""
    with store.write() as tx:
        s = tx.session
        wishes = [get_any(s, Wish, wish_id, "Önskemålet") for wish_id in wish_ids]
        for wish in wishes:
            if wish.deleted_at is not None:
                for child in _descendants(s, wish, live=False):
                    child.deleted_at = None
            wish.deleted_at = None
        s.flush()
        if places is None:
            for group_id, parent_id in {(w.group_id, w.parent_id) for w in wishes}:
                renumber(_siblings(s, group_id, parent_id))
        else:
            for wish, place in sorted(zip(wishes, places, strict=True),
                                      key=lambda pair: pair[1].index):
                _put(s, wish, place.parent_id, place.index)
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
            wish = get_live(tx.session, Wish, wish_id, "Önskemålet")
            old[wish_id], wish.votes = wish.votes, _votes(value)
        if old:
            tx.changed("wish", *old)
        return old


def get_wishes(store: Store, wish_ids: list[str]) -> dict[str, WishInfo]:
    """The live wishes among ``wish_ids`` (a trashed or unknown id is left out).

    The board's change bus reads every committed wish through this, so it is
    Core rows, not ORM objects, and a wish's depth walks up through ids only.
    """
    sql = _read_statements()
    with store.read() as s:
        connection = s.connection()
        rows = connection.execute(sql["wishes"], {"ids": list(wish_ids)}).all()
        parent_of: dict[str, str | None] = {r.id: r.parent_id for r in rows}

        def depth(parent_id: str | None) -> int:
            n = 0
            while parent_id is not None:
                n += 1
                if parent_id not in parent_of:
                    parent_of[parent_id] = connection.scalar(sql["parent"], {"w": parent_id})
                parent_id = parent_of[parent_id]
            return n

        return {r.id: WishInfo(r.id, r.group_id, r.parent_id, r.position, depth(r.parent_id),
                               r.text, r.votes, r.status) for r in rows}


@cache
def _read_statements() -> dict[str, Any]:
    """The statements of ``get_wishes``, built on first use (see ``_capture_statements``)."""
    from sqlalchemy import bindparam

    return {
        "wishes": select(Wish.id, Wish.group_id, Wish.parent_id, Wish.position, Wish.text,
                         Wish.votes, Wish.status)
        .where(Wish.id.in_(bindparam("ids", expanding=True)), Wish.deleted_at.is_(None)),
        "parent": select(Wish.parent_id).where(Wish.id == bindparam("w")),
    }


@cache
def _capture_statements() -> dict[str, Any]:
    """The statements of ``insert_wish``, built on first use: a call only binds values.

    A statement object made once also keeps its SQLAlchemy cache key, which
    otherwise is computed anew on every execution (a third of the call).
    """
    from sqlalchemy import bindparam, func, insert, update

    live = Wish.deleted_at.is_(None)
    parents = {"top": Wish.parent_id.is_(None), "under": Wish.parent_id == bindparam("p")}
    statements: dict[str, Any] = {
        "group": select(Group.deleted_at).where(Group.id == bindparam("g")),
        "wish": select(Wish.group_id, Wish.deleted_at).where(Wish.id == bindparam("w")),
        "parent": select(Wish.parent_id).where(Wish.id == bindparam("w")),
        "insert": insert(Wish.__table__),
    }
    for name, parent in parents.items():
        siblings = (Wish.group_id == bindparam("g"), parent, live)
        statements[f"count {name}"] = select(func.count(), func.max(Wish.position)) \
            .where(*siblings)
        statements[f"at {name}"] = select(Wish.position).where(*siblings) \
            .order_by(Wish.position).offset(bindparam("i")).limit(1)
        statements[f"shift {name}"] = update(Wish.__table__) \
            .where(*siblings, Wish.position >= bindparam("at")) \
            .values(position=Wish.position + 1)
    return statements


def insert_wish(store: Store, group_id: str, text: str, *, parent_id: str | None = None,
                index: int | None = None) -> str:
    """``add_wish`` for live capture: the same result, without loading the siblings.

    Live capture waits on this call (a key press, then the row), so it runs a
    few prepared Core statements on the transaction's connection and loads no
    ORM objects: one SELECT for the group, one count + max over the siblings,
    and only when the wish goes in the middle, one SELECT for the position at
    ``index`` and one UPDATE shifting the later siblings (add_wish renumbers row
    by row). The INSERT takes the columns' defaults as the ORM would.
    """
    from facilitator.store.models import new_id

    clean = required_body(text, "Önskemålet", MAX_WISH)
    sql = _capture_statements()
    with store.write() as tx:
        connection = tx.session.connection()
        group = connection.execute(sql["group"], {"g": group_id}).first() \
            if isinstance(group_id, str) else None
        if group is None or group[0] is not None:
            raise NotFoundError(f"Gruppen finns inte (id {group_id!r}).")
        level = "top"
        params: dict[str, object] = {"g": group_id}
        if parent_id is not None:
            parent = connection.execute(sql["wish"], {"w": parent_id}).first() \
                if isinstance(parent_id, str) else None
            if parent is None or parent[1] is not None:
                raise NotFoundError(f"Önskemålet finns inte (id {parent_id!r}).")
            if parent[0] != group_id:
                raise ValidationError("Ett önskemål kan bara ligga under ett i samma grupp.")
            if _depth_of(connection, sql["parent"], parent_id) + 1 > MAX_DEPTH:
                raise ValidationError(f"Önskemål kan nästlas högst {MAX_DEPTH} nivåer djupt.")
            level, params["p"] = "under", parent_id
        count, last = connection.execute(sql[f"count {level}"], params).one()
        position: int | None = None
        if index is not None and max(0, index) < count:
            position = connection.scalar(sql[f"at {level}"], {**params, "i": max(0, index)})
        if position is None:
            position = 0 if last is None else last + 1
        else:
            connection.execute(sql[f"shift {level}"], {**params, "at": position})
        wish_id = new_id()
        connection.execute(sql["insert"], {
            "id": wish_id, "group_id": group_id, "parent_id": parent_id, "text": clean,
            "position": position, "votes": 0})
        tx.changed("wish", wish_id)
        return wish_id


def _depth_of(connection, parent_of, wish_id: str | None) -> int:  # type: ignore[no-untyped-def]
    """How many ancestors ``wish_id`` has (``_depth`` without loading rows)."""
    depth = -1
    while wish_id is not None:
        depth += 1
        wish_id = connection.scalar(parent_of, {"w": wish_id})
    return max(depth, 0)
