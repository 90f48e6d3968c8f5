"""What the wish board's keys do: each edit one undoable command over a service.

Every edit goes through ``editor.run`` and, when it succeeded, the column is
brought up to date at once (the change bus follows a moment later and finds
nothing left to do), so a fast typist's next key already sees the new state.
Edits the service would refuse are checked first and answered with a quiet
hint instead: a refusal would open a message box in the middle of capture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from facilitator.services import wish_batch, wish_fast_paths, wishes
from facilitator.services.core import Store
from facilitator.services.wish_batch import MAX_BATCH
from facilitator.services.wish_paste import PasteItem, parse_wish_list
from facilitator.services.wishes import MAX_DEPTH, WishInfo, WishPlace
from facilitator.store.models import WishStatus
from facilitator.text import clean_text
from facilitator.ui.commands import Editor, ServiceCommand, deleter, setter
from facilitator.ui.widgets.wish_column import WishColumn

VOTE_MERGE_ID = 2101


def tr(text: str) -> str:
    """Translate a text of the board's commands.

    Named ``tr`` so pyside6-lupdate finds its calls; it files bare ``tr("…")``
    calls under the empty context, so they are looked up there.
    """
    return QCoreApplication.translate("", text)


class WishBoardActions:
    """The commands of the board; ``reload`` re-reads one column, ``hint`` speaks quietly."""

    def __init__(self, store: Store, editor: Editor, reload: Callable[[WishColumn], None],
                 hint: Callable[[str], None], votes_changed: Callable[[], None]) -> None:
        self.store, self.editor = store, editor
        self.reload, self.hint, self.votes_changed = reload, hint, votes_changed
        self.sorted = False

    # ----- capture ---------------------------------------------------------------
    def add(self, column: WishColumn, text: str) -> str | None:
        """Add ``text`` after the current wish at its depth; returns the new id."""
        clean = clean_text(text.strip(), multiline=True)
        if not clean.strip():
            return None
        current = column.current_info()
        parent_id = current.parent_id if current else None
        index = current.position + 1 if current else None
        group_id = column.group_id
        store = self.store
        state: dict[str, WishPlace] = {}

        def undo(wish_id: str) -> None:
            state["place"] = wishes.delete_wish(store, wish_id)

        def redo(wish_id: str) -> str:
            wishes.restore_wish(store, wish_id, state.get("place"))
            return wish_id

        command = ServiceCommand(
            tr("Add wish"),
            do=lambda: wish_fast_paths.insert_wish(store, group_id, clean, parent_id=parent_id,
                                                   index=index),
            undo=undo, redo=redo)
        if not self.editor.run(command):
            return None
        wish_id = command.result
        position = index if index is not None else (
            column.model.sibling_count(current) if current else
            sum(1 for w in column.model.rows() if w.parent_id is None))
        column.model.insert_added(WishInfo(wish_id, group_id, parent_id, position,
                                           current.depth if current else 0, clean, 0,
                                           WishStatus.OPEN))
        column.select(wish_id)
        return wish_id

    def paste(self, column: WishColumn, text: str) -> list[str]:
        current = column.current_info()
        base = current.depth if current else 0
        items = [PasteItem(min(i.depth, MAX_DEPTH - base), i.text)
                 for i in parse_wish_list(text)]
        if not items:
            return []
        if len(items) > MAX_BATCH:
            self.hint(tr("That is {n} lines: paste at most {max} at a time.").format(
                n=len(items), max=MAX_BATCH))
            return []
        parent_id = current.parent_id if current else None
        index = current.position + 1 if current else None
        group_id, store = column.group_id, self.store
        state: dict[str, list[WishPlace]] = {}

        def tops(ids: list[str]) -> list[str]:
            return [wid for wid, item in zip(ids, items, strict=True) if item.depth == 0]

        def undo(ids: list[str]) -> None:
            state["places"] = wish_batch.delete_wishes(store, tops(ids))

        def redo(ids: list[str]) -> list[str]:
            wish_batch.restore_wishes(store, tops(ids), state.get("places"))
            return ids

        command = ServiceCommand(
            tr("Paste {n} wishes").format(n=len(items)),
            do=lambda: wish_batch.add_wishes(store, group_id, items, parent_id, index),
            undo=undo, redo=redo)
        if not self.editor.run(command):
            return []
        self.reload(column)
        column.select(command.result[-1])
        self.hint(tr("{n} wishes added from the pasted list.").format(n=len(items)))
        return list(command.result)

    # ----- structure -------------------------------------------------------------
    def indent(self, column: WishColumn) -> None:
        info = column.current_info()
        if info is None:
            return
        if self.sorted:
            self.hint(tr("Turn off sorting by votes to nest or move wishes."))
            return
        if info.position == 0:
            self.hint(tr("The first wish of a level cannot be nested: there is none above it."))
            return
        if info.depth + column.model.subtree_height(info) > MAX_DEPTH:
            self.hint(tr("Wishes nest at most {n} levels deep.").format(n=MAX_DEPTH + 1))
            return
        self._structural(column, info, tr("Nest wish"),
                         lambda: wishes.indent_wish(self.store, info.id),
                         lambda: wishes.indent_wish(self.store, info.id))

    def outdent(self, column: WishColumn) -> None:
        info = column.current_info()
        if info is None:
            return
        if self.sorted:
            self.hint(tr("Turn off sorting by votes to nest or move wishes."))
            return
        if info.parent_id is None:
            self.hint(tr("This wish is already at the top level."))
            return
        self._structural(column, info, tr("Un-nest wish"),
                         lambda: wishes.outdent_wish(self.store, info.id),
                         lambda: wishes.outdent_wish(self.store, info.id))

    def move(self, column: WishColumn, delta: int) -> None:
        info = column.current_info()
        if info is None:
            return
        if self.sorted:
            self.hint(tr("Turn off sorting by votes to nest or move wishes."))
            return
        target = info.position + delta
        if not 0 <= target < column.model.sibling_count(info):
            return
        self._structural(column, info, tr("Move wish"),
                         lambda: wishes.move_wish(self.store, info.id, info.parent_id, target),
                         lambda: wishes.move_wish(self.store, info.id, info.parent_id, target))

    def _structural(self, column: WishColumn, info: WishInfo, text: str,
                    do: Callable[[], WishPlace], again: Callable[[], WishPlace]) -> None:
        store, wish_id = self.store, info.id
        command = ServiceCommand(
            text, do=do,
            undo=lambda old: wishes.move_wish(store, wish_id, old.parent_id, old.index),
            redo=lambda _old: again())
        if self.editor.run(command):
            self.reload(column)
            column.select(wish_id)

    def delete(self, column: WishColumn) -> None:
        info = column.current_info()
        if info is None:
            return
        rows = column.model.rows()
        row = column.model.row_of(info.id)
        after = next((w for w in rows[row + 1:] if w.depth <= info.depth), None)
        before = rows[row - 1] if row > 0 else None
        store, wish_id = self.store, info.id
        if self.editor.run(deleter(
                tr("Delete wish"), lambda: wishes.delete_wish(store, wish_id),
                lambda place: wishes.restore_wish(store, wish_id, place))):
            self.reload(column)
            neighbour = after or before
            column.select(neighbour.id if neighbour else None)
            self.hint(tr("Deleted “{text}”. Ctrl+Z brings it back.").format(
                text=info.text if len(info.text) <= 40 else info.text[:39] + "…"))

    def edit_text(self, column: WishColumn, wish_id: str, text: str) -> None:
        info = column.model.find(wish_id)
        clean = clean_text(text.strip(), multiline=True)
        if info is None or not clean.strip() or clean == info.text:
            return
        store, base = self.store, info.text
        command = ServiceCommand(
            tr("Edit wish"),
            # A colleague's text stored since the board showed it is not overwritten.
            do=lambda: wishes.set_text(store, wish_id, clean, expected=base),
            undo=lambda old: wishes.set_text(store, wish_id, old),
            redo=lambda _old: wishes.set_text(store, wish_id, clean))
        if self.editor.run(command):
            column.model.update_infos([replace(info, text=clean)])
        else:  # told why; the typed text stays in view, and the column shows theirs
            self.hint(tr("Not stored: “{text}”").format(
                text=clean if len(clean) <= 80 else clean[:79] + "…"))
            self.reload(column)

    # ----- votes -----------------------------------------------------------------
    def vote(self, column: WishColumn, wish_id: str | None, delta: int) -> None:
        info = column.model.find(wish_id) if wish_id else column.current_info()
        if info is None:
            return
        self.set_votes(column, info, max(0, info.votes + delta), merge=True)

    def set_votes(self, column: WishColumn, info: WishInfo, votes: int, *,
                  merge: bool = False) -> bool:
        if votes == info.votes:
            return True
        wish_id = info.id
        if not self.editor.run(setter(
                tr("Votes"), lambda value: wishes.set_votes(self.store, wish_id, value), votes,
                merge_key=(VOTE_MERGE_ID, wish_id) if merge else None)):
            return False
        column.model.update_infos([replace(info, votes=votes)])
        self.votes_changed()
        return True

    def reset_votes(self, group_ids: list[str]) -> bool:
        store = self.store
        command = ServiceCommand(
            tr("Reset votes"),
            do=lambda: wish_batch.reset_votes(store, group_ids),
            undo=lambda old: wish_batch.set_votes_bulk(store, old),
            redo=lambda _old: wish_batch.reset_votes(store, group_ids))
        if not self.editor.run(command):
            return False
        self.hint(tr("All votes are 0 again. Ctrl+Z brings them back.") if command.result
                  else tr("There were no votes to reset."))
        return True
