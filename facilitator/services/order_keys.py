"""Order keys: where a row sits among its siblings, without renumbering them (#14).

A row's ``position`` is a number that only means something beside its
siblings'. A row moved or inserted between two siblings gets a key between
theirs, at the end one more than the last, at the start one less than the
first; no other row is written. So a move on one laptop and a text edit of the
neighbours on another touch different rows, and both survive the merge.
Deleting leaves a gap, which is harmless.

A double has room for about fifty halvings between two neighbours. When a gap
is used up, or two siblings share a key (moved to the same spot on two
laptops), the siblings are spaced 0, 1, 2, … once: the only time a move
writes other rows. Readers order by (position, id), so a shared key sorts the
same on every laptop.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol


class Positioned(Protocol):
    """A row kept in order among its siblings."""

    position: float


def keys_between(before: float | None, after: float | None, count: int) -> list[float] | None:
    """``count`` increasing keys strictly between ``before`` and ``after`` (None: open
    end), or None when the gap has no room for them."""
    if before is None and after is None:
        return [float(i) for i in range(count)]
    if after is None:
        assert before is not None
        return [float(before + 1 + i) for i in range(count)]
    if before is None:
        return [float(after - count + i) for i in range(count)]
    step = (after - before) / (count + 1)
    keys = [before + step * (i + 1) for i in range(count)]
    bounds = [before, *keys, after]
    if all(a < b for a, b in pairwise(bounds)):
        return keys
    return None


def place(siblings: Sequence[Positioned], rows: Sequence[Positioned], index: int) -> None:
    """Put ``rows`` (in their order) at ``index`` among ``siblings``, which are in
    order and don't contain them. Only ``rows`` are written, unless the gap is used up."""
    index = max(0, min(index, len(siblings)))
    before = siblings[index - 1].position if index > 0 else None
    after = siblings[index].position if index < len(siblings) else None
    keys = keys_between(before, after, len(rows))
    if keys is None:
        respace([*siblings[:index], *rows, *siblings[index:]])
        return
    for row, key in zip(rows, keys, strict=True):
        if row.position != key:
            row.position = key


def reorder(rows: Sequence[Positioned], moved: Positioned, new_index: int) -> None:
    """Put ``moved`` at ``new_index`` among ``rows`` (which may contain it)."""
    place([r for r in rows if r is not moved], [moved], new_index)


def append_key(siblings: Sequence[float]) -> float:
    """The key of a row added after ``siblings`` (their keys, any order)."""
    return float(max(siblings) + 1) if siblings else 0.0


def respace(rows: Sequence[Positioned]) -> None:
    """Give ``rows`` the keys 0, 1, 2, … in their list order."""
    for index, row in enumerate(rows):
        if row.position != index:
            row.position = float(index)

