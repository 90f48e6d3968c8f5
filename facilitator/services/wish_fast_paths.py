"""The wish board's fast paths: live capture and the change bus's reads, in Core SQL.

They give the results of their ORM twins in ``wishes`` (``insert_wish`` those
of ``add_wish``, ``get_wishes`` the rows of ``list_wishes``) through prepared
Core statements, without loading ORM objects: the board waits on them.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.core import Store, ValidationError, not_found, required_body
from facilitator.services.order_keys import append_key, keys_between
from facilitator.services.wishes import MAX_DEPTH, MAX_WISH, WishInfo, put_wish
from facilitator.store.models import Group, Wish
from facilitator.store.versions import written

if TYPE_CHECKING:
    from sqlalchemy import Connection, Executable


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

        def index(r: Any) -> int:  # the place among its siblings, as list_wishes counts
            level = "top" if r.parent_id is None else "under"
            return connection.scalar(sql[f"before {level}"], {
                "g": r.group_id, "p": r.parent_id, "at": r.position, "w": r.id}) or 0

        return {r.id: WishInfo(r.id, r.group_id, r.parent_id, index(r), depth(r.parent_id),
                               r.text, r.votes, r.status) for r in rows}


@cache
def _read_statements() -> dict[str, Any]:
    """The statements of ``get_wishes``, built on first use (see ``_capture_statements``)."""
    from sqlalchemy import and_, bindparam, func, or_

    live = Wish.deleted_at.is_(None)
    parents = {"top": Wish.parent_id.is_(None), "under": Wish.parent_id == bindparam("p")}
    earlier = or_(Wish.position < bindparam("at"),
                  and_(Wish.position == bindparam("at"), Wish.id < bindparam("w")))
    return {
        **{f"before {name}": select(func.count()).where(
            Wish.group_id == bindparam("g"), parent, live, earlier)
           for name, parent in parents.items()},
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
    from sqlalchemy import Table, bindparam, func, insert

    wish_table = Wish.__table__
    assert isinstance(wish_table, Table)  # a declarative model maps one Table

    live = Wish.deleted_at.is_(None)
    parents = {"top": Wish.parent_id.is_(None), "under": Wish.parent_id == bindparam("p")}
    statements: dict[str, Any] = {
        "group": select(Group.deleted_at).where(Group.id == bindparam("g")),
        "wish": select(Wish.group_id, Wish.deleted_at).where(Wish.id == bindparam("w")),
        "parent": select(Wish.parent_id).where(Wish.id == bindparam("w")),
        "insert": insert(wish_table),
    }
    for name, parent in parents.items():
        siblings = (Wish.group_id == bindparam("g"), parent, live)
        statements[f"count {name}"] = select(func.count(), func.max(Wish.position)) \
            .where(*siblings)
        statements[f"at {name}"] = select(Wish.position).where(*siblings) \
            .order_by(Wish.position, Wish.id).offset(bindparam("i")).limit(1)
    return statements


def insert_wish(store: Store, group_id: str, text: str, *, parent_id: str | None = None,
                index: int | None = None) -> str:
    """``add_wish`` for live capture: the same result, without loading the siblings.

    Live capture waits on this call (a key press, then the row), so it runs a
    few prepared Core statements on the transaction's connection and loads no
    ORM objects: one SELECT for the group, one count + max over the siblings,
    and only when the wish goes in the middle, one SELECT for the position at
    ``index`` and before it (an order key between theirs: no sibling is
    written). The INSERT takes the columns' defaults as the ORM would.
    """
    from facilitator.store.models import new_id

    clean = required_body(text, tr("The wish"), MAX_WISH)
    sql = _capture_statements()
    with store.write() as tx:
        connection = tx.session.connection()
        group = connection.execute(sql["group"], {"g": group_id}).first() \
            if isinstance(group_id, str) else None
        if group is None or group[0] is not None:
            raise not_found(tr("The group"), group_id)
        level = "top"
        params: dict[str, object] = {"g": group_id}
        if parent_id is not None:
            parent = connection.execute(sql["wish"], {"w": parent_id}).first() \
                if isinstance(parent_id, str) else None
            if parent is None or parent[1] is not None:
                raise not_found(tr("The wish"), parent_id)
            if parent[0] != group_id:
                raise ValidationError(tr("A wish can only be placed under one in the same group."))
            if _depth_of(connection, sql["parent"], parent_id) + 1 > MAX_DEPTH:
                raise ValidationError(
                    tr("Wishes can be nested at most {maximum} levels deep."), maximum=MAX_DEPTH)
            level, params["p"] = "under", parent_id
        count, last = connection.execute(sql[f"count {level}"], params).one()
        keys: list[float] | None = [append_key([] if last is None else [last])]
        if index is not None and max(0, index) < count:
            at = max(0, index)

            def key(i: int) -> float | None:
                return connection.scalar(sql[f"at {level}"], {**params, "i": i}) \
                    if i >= 0 else None

            keys = keys_between(key(at - 1), key(at), 1)
        stamp = tx.stamp()
        wish_id = new_id()
        connection.execute(sql["insert"], {
            "id": wish_id, "group_id": group_id, "parent_id": parent_id, "text": clean,
            "position": keys[0] if keys else append_key([last]), "votes": 0,
            "versions": written(None, (), stamp, None, new=True)})
        if tx.stamper is not None:
            tx.stamper.note_written(tx.session, "wish", wish_id, stamp)
        if keys is None:  # the gap is used up: the siblings are spaced out once
            put_wish(tx.session, tx.session.get_one(Wish, wish_id), parent_id, index or 0)
        tx.changed("wish", wish_id)
        return wish_id


def _depth_of(connection: Connection, parent_of: Executable, wish_id: str | None) -> int:
    """How many ancestors ``wish_id`` has (``wishes.wish_depth`` without loading rows)."""
    depth = -1
    while wish_id is not None:
        depth += 1
        wish_id = connection.scalar(parent_of, {"w": wish_id})
    return max(depth, 0)
