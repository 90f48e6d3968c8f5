"""Wish trees that two laptops' edits bent out of shape, put right the same way everywhere.

Each wish's ``parent_id`` merges on its own. So A putting Y under X while B
puts X under Y leaves X and Y under each other in a circle (they would vanish
from the list, and every package from this database would be refused), and
two nestings made apart can together go more than MAX_DEPTH levels under the
top level (what the services allow).

After the wishes of a package are merged, such a tree is repaired: in a
circle, the wish whose placement was written last moves to the top level; a
wish too deep moves up under its deepest allowed ancestor. The choice depends
only on the merged rows and their versions, so every laptop that has both
edits repairs it the same way and the databases still end identical. The
repair is not a new edit (no stamp): it is what the merged versions mean. The
placement given up is kept in Konflikter, never dropped silently.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from facilitator.services.wishes import MAX_DEPTH
from facilitator.store import versions as v
from facilitator.store.models import MergeConflict, Wish


def repair_wish_trees(session: Any, group_ids: set[str], source: str) -> int:
    """Break circles and too-deep nesting in ``group_ids``; returns how many wishes moved."""
    moved = 0
    for group_id in sorted(group_ids):
        rows = {w.id: w for w in session.scalars(select(Wish).where(Wish.group_id == group_id))}
        while (circle := _a_circle(rows)) is not None:
            _move(session, max(circle, key=lambda w: (_placed(w), w.id)), None, source)
            moved += 1
        for wish in sorted(rows.values(), key=lambda w: (_depth(w, rows), w.id)):
            ancestors = _ancestors(wish, rows)
            if len(ancestors) > MAX_DEPTH:  # under its ancestor MAX_DEPTH - 1 levels down
                _move(session, wish, ancestors[-MAX_DEPTH].id, source)
                moved += 1
    if moved:
        session.flush()
    return moved


def _placed(wish: Wish) -> str:
    """The newest stamp of the wish's placement: the later edit is the one given up."""
    vector = v.field_vector(v.parse(wish.versions), "parent_id", wish.updated_at)
    return v.newest(vector)


def _ancestors(wish: Wish, rows: dict[str, Wish]) -> list[Wish]:
    """The wish's ancestors, nearest first (the tree has no circle by now)."""
    found: list[Wish] = []
    parent = rows.get(wish.parent_id) if wish.parent_id else None
    while parent is not None:
        found.append(parent)
        parent = rows.get(parent.parent_id) if parent.parent_id else None
    return found


def _depth(wish: Wish, rows: dict[str, Wish]) -> int:
    return len(_ancestors(wish, rows))


def _a_circle(rows: dict[str, Wish]) -> list[Wish] | None:
    done: set[str] = set()
    for start in sorted(rows):
        path: list[Wish] = []
        on_path: set[str] = set()
        current = rows.get(start)
        while current is not None and current.id not in done:
            if current.id in on_path:
                return path[path.index(current):]
            path.append(current)
            on_path.add(current.id)
            current = rows.get(current.parent_id) if current.parent_id else None
        done |= on_path
    return None


def _move(session: Any, wish: Wish, parent_id: str | None, source: str) -> None:
    stamp = _placed(wish)
    session.add(MergeConflict(
        table_name="wish", row_id=wish.id, field="parent_id",
        kept_value=json.dumps(parent_id), kept_stamp=stamp,
        other_value=json.dumps(wish.parent_id), other_stamp=stamp, source=source[:500]))
    wish.parent_id = parent_id
