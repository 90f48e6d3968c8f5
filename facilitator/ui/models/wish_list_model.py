"""One group's wishes as a flat, indented list model (depth-first reading order).

A flat list with a depth per row keeps a 10,000-row column fast (uniform rows,
no tree bookkeeping in Qt) and lets every update be incremental: a new wish is
one ``rowsInserted``, a vote one ``dataChanged``; a reload from the store is
diffed against what is shown (common head and tail kept), so the selection,
the scroll position and the editor's focus survive it.

The row count lives in C++: the model is a ``QStringListModel`` (its strings
stay empty; ``data`` answers from Python) and ``rowCount`` / ``index`` are not
overridden. A ``QListView`` re-lays out every row after an insert and asks the
model for an index of each row twice; with ``rowCount`` in Python that was
20,000 calls into Python (about 14 ms) per new wish in a 10,000-row column,
now it is a C++ loop (under 1 ms). Rows are added and removed with
``insertRows`` / ``removeRows``; the Python rows are swapped in by the first
slot on ``rowsInserted`` / ``rowsRemoved``, so, as between ``beginInsertRows``
and ``endInsertRows``, views see the old rows while they are told rows are
about to change and the new ones once they have.

The model never writes: an in-place edit is announced with ``edit_requested``
and the view runs it as an undoable command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)

from facilitator.services.wishes import WishInfo

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 2
VOTES_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex
_ITEM_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
               | Qt.ItemFlag.ItemNeverHasChildren | Qt.ItemFlag.ItemIsEditable)


class WishListModel(QStringListModel):
    """Rows are ``WishInfo``; ``canonical`` is the stored order, rows the shown order."""

    edit_requested = Signal(str, str)  # wish id, new text

    def __init__(self, group_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group_id = group_id
        self._canonical: list[WishInfo] = []
        self._rows: list[WishInfo] = []
        self._row_of: dict[str, int] = {}
        self._sorted = False
        self.max_votes = 0  # the board's largest count: bars are comparable across groups
        self._pending: Callable[[], None] | None = None
        self._votes: int | None = None  # the sum of every row's votes, once asked for
        # Connected before any view: runs first, between "about to" and "done".
        self.rowsInserted.connect(self._apply_pending)
        self.rowsRemoved.connect(self._apply_pending)

    # ----- Qt model (rowCount and index are QStringListModel's, in C++) -------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        info = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return info.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return info.text if len(info.text) > 60 else None
        if role == ID_ROLE:
            return info.id
        if role == DEPTH_ROLE:
            return info.depth
        if role == VOTES_ROLE:
            return info.votes
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{info.text} ({info.votes})"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Not QStringListModel's: no drag and drop.
        return _ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def setData(self, index: AnyIndex, value: object,  # noqa: N802 - Qt override
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        info = self._rows[index.row()]
        if text and text != info.text:
            self.edit_requested.emit(info.id, text)
        return False  # the store is the truth; the change bus brings the new text

    # ----- reading -----------------------------------------------------------
    def info(self, row: int) -> WishInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, wish_id: str | None) -> int:
        return self._row_of.get(wish_id, -1) if wish_id else -1

    def find(self, wish_id: str) -> WishInfo | None:
        row = self.row_of(wish_id)
        return self._rows[row] if row >= 0 else None

    def rows(self) -> list[WishInfo]:
        return list(self._rows)

    def total_votes(self) -> int:
        if self._votes is None:
            self._votes = sum(w.votes for w in self._canonical)
        return self._votes

    def sibling_count(self, info: WishInfo) -> int:
        return sum(1 for w in self._canonical if w.parent_id == info.parent_id)

    def subtree_height(self, info: WishInfo) -> int:
        """1 for a wish without sub-points, 2 with sub-points, … (canonical order)."""
        start = next(i for i, w in enumerate(self._canonical) if w.id == info.id)
        deepest = info.depth
        for w in self._canonical[start + 1:]:
            if w.depth <= info.depth:
                break
            deepest = max(deepest, w.depth)
        return deepest - info.depth + 1

    @property
    def sorted_by_votes(self) -> bool:
        return self._sorted

    # ----- updating ----------------------------------------------------------
    def set_sorted(self, on: bool) -> None:
        if on != self._sorted:
            self._sorted = on
            self._show(self._display(self._canonical))

    def load(self, infos: list[WishInfo]) -> None:
        """Show ``infos`` (the store's reading order), changing only what differs."""
        self._canonical = list(infos)
        self._votes = None
        self._show(self._display(self._canonical))

    def insert_added(self, info: WishInfo) -> None:
        """A wish this view just added: one row in, later siblings' positions shift.

        Walks back from the end only as far as the new wish's place (its parent,
        or the sibling before it): adding at the end of a long column is not a
        walk through every row.
        """
        canonical = self._canonical
        parent_id, position = info.parent_id, info.position
        at = stop = -1
        for i in range(len(canonical) - 1, -1, -1):
            w = canonical[i]
            if w.id == parent_id:
                stop = i
                break
            if w.parent_id == parent_id:
                if w.position < position:
                    stop = i
                    break
                canonical[i] = replace(w, position=w.position + 1)
                at = i  # the sibling now at the new wish's place moves down
        if at < 0:  # the last of its level: after the subtree of the row found
            at = len(canonical)
            if stop >= 0:
                depth = canonical[stop].depth
                at = stop + 1
                while at < len(canonical) and canonical[at].depth > depth:
                    at += 1
        canonical.insert(at, info)
        if self._votes is not None:
            self._votes += info.votes
        if self._sorted:
            self._show(self._display(canonical))
            return

        def apply() -> None:
            self._rows = list(canonical)
            self._reindex(at)

        self._change(self.insertRows, at, 1, apply)

    def update_infos(self, infos: list[WishInfo]) -> None:
        """New text or votes of rows already shown (same place in the tree)."""
        by_id = {i.id: i for i in infos}
        self._canonical = [by_id.get(w.id, w) for w in self._canonical]
        self._votes = None
        if self._sorted:
            self._show(self._display(self._canonical))
            return
        for info in infos:
            row = self.row_of(info.id)
            if row >= 0:
                self._rows[row] = info
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def set_max_votes(self, value: int) -> None:
        self.max_votes = value

    # ----- internals ---------------------------------------------------------
    def _display(self, canonical: list[WishInfo]) -> list[WishInfo]:
        if not self._sorted:
            return list(canonical)
        children: dict[str | None, list[WishInfo]] = {}
        w: WishInfo | None
        for w in canonical:
            children.setdefault(w.parent_id, []).append(w)
        shown: list[WishInfo] = []
        stack = [iter(sorted(children.get(None, []), key=lambda w: -w.votes))]
        while stack:
            w = next(stack[-1], None)
            if w is None:
                stack.pop()
                continue
            shown.append(w)
            kids = children.get(w.id)
            if kids:
                stack.append(iter(sorted(kids, key=lambda k: -k.votes)))  # stable
        return shown

    def _show(self, new: list[WishInfo]) -> None:
        old = self._rows
        head = 0
        limit = min(len(old), len(new))
        while head < limit and old[head].id == new[head].id:
            head += 1
        tail = 0
        while (tail < limit - head
               and old[len(old) - 1 - tail].id == new[len(new) - 1 - tail].id):
            tail += 1
        changed_rows = [i for i in range(head) if old[i] != new[i]]
        changed_rows += [len(new) - 1 - t for t in range(tail)
                         if old[len(old) - 1 - t] != new[len(new) - 1 - t]]
        removed = len(old) - head - tail
        added = len(new) - head - tail
        if removed:
            def shrink() -> None:
                self._rows = old[:head] + old[len(old) - tail:]
                self._reindex(head)

            self._change(self.removeRows, head, removed, shrink)

        def grow() -> None:
            self._rows = list(new)
            self._reindex(head)

        if added:
            self._change(self.insertRows, head, added, grow)
        else:
            grow()
        for row in changed_rows:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _change(self, rows: Callable[[int, int], bool], start: int, count: int,
                apply: Callable[[], None]) -> None:
        """``insertRows`` / ``removeRows`` in C++, with ``apply`` run as the rows change."""
        self._pending = apply
        try:
            rows(start, count)
        finally:
            missed, self._pending = self._pending, None
        if missed is not None:  # Qt refused: the rows shown and the Python rows would differ
            raise RuntimeError(f"{rows.__name__}({start}, {count}) did not change the rows")

    def _apply_pending(self, *_args: object) -> None:
        apply, self._pending = self._pending, None
        if apply is not None:
            apply()

    def _reindex(self, start: int) -> None:
        if start == 0:
            self._row_of = {w.id: i for i, w in enumerate(self._rows)}
            return
        for i in range(start, len(self._rows)):
            self._row_of[self._rows[i].id] = i
        if len(self._row_of) > len(self._rows):
            self._row_of = {w.id: i for i, w in enumerate(self._rows)}
