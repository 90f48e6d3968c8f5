"""Önskemål: the wish board of the evening, one column per group, and dot voting.

Capture is keyboard-only (see ``WishColumn`` for the keys); every wish is
committed as it is entered and the capture line keeps the focus and its cursor
through saves and redraws: updates from the change bus are applied row by row
(``WishListModel``), never by rebuilding a column.

``current_changed(group_id, wish_id)`` follows the capture column and its
current wish, for the projector (wish_id "" when no wish is current).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import groups, wish_fast_paths, wishes
from facilitator.services.core import Change, Store
from facilitator.ui.commands import Editor
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.widgets.wish_actions import WishBoardActions
from facilitator.ui.widgets.wish_column import WishColumn
from facilitator.ui.widgets.wish_tally import TallyBar

RECONCILE_LIMIT = 2_000  # more changed ids than this: re-read the columns instead
HINT_MS = 6_000


class WishBoardView(WorkshopPage):
    WATCHED = frozenset({"wish", "group", "workshop", "focus_area"})

    current_changed = Signal(str, str)  # group id, wish id ("" for none)

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("wishBoard")
        self.columns: list[WishColumn] = []
        self._active: WishColumn | None = None
        self._tally: list[tuple[str, str]] = []
        self._tally_at = 0
        self._max_votes = 0
        self.wish_actions = WishBoardActions(store, editor, self.reload_column, self.hint,
                                        self._update_max_votes)

        self.layout_toggle = self._toggle("boardLayout", self.tr("One group at a time"),
                                          self.tr("Show only the group being captured, "
                                                  "full width (Ctrl+1…9 switches)"))
        self.layout_toggle.toggled.connect(self._apply_layout)
        self.sort_toggle = self._toggle("sortByVotes", self.tr("Sort by votes"),
                                        self.tr("Show each level's wishes with the most votes "
                                                "first; the stored order stays"))
        self.sort_toggle.toggled.connect(self.set_sorted)
        self.tally_toggle = self._toggle("tallyMode", self.tr("Count votes"),
                                         self.tr("Walk wish by wish and type the counts from "
                                                 "the flip-charts"))
        self.tally_toggle.toggled.connect(self._tally_toggled)
        self.reset_button = QPushButton(self.tr("Reset votes"))
        self.reset_button.setObjectName("resetVotes")
        self.reset_button.setToolTip(self.tr("Set every vote of this workshop to 0 (Ctrl+Z "
                                             "brings them back)"))
        self.reset_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reset_button.clicked.connect(self.reset_votes)
        tools = QHBoxLayout()
        for widget in (self.layout_toggle, self.sort_toggle, self.tally_toggle,
                       self.reset_button):
            tools.addWidget(widget)
        tools.addStretch(1)

        self.tally_bar = TallyBar()
        self.tally_bar.hide()
        self.tally_bar.input.submitted.connect(self._tally_submit)
        self.tally_bar.input.step.connect(lambda delta: self._tally_go(self._tally_at + delta))
        self.tally_bar.input.finished.connect(lambda: self.tally_toggle.setChecked(False))
        self.tally_bar.input.undo_requested.connect(self._tally_undo)

        self.strip = QWidget()
        self.strip.setObjectName("wishColumns")
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(10)
        self.column_scroll = QScrollArea()
        self.column_scroll.setObjectName("wishBoardScroll")
        self.column_scroll.setWidgetResizable(True)
        self.column_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.column_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.column_scroll.setWidget(self.strip)
        self.empty = QLabel()
        self.empty.setObjectName("wishBoardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")

        self.hint_label = QLabel()
        self.hint_label.setObjectName("boardHint")
        self.hint_label.setWordWrap(True)
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.timeout.connect(self.hint_label.clear)
        keys = QLabel(self.tr("Enter adds · Tab / Shift+Tab nest · Alt+↑ / ↓ move · "
                              "↑ / ↓ choose · F2 edits · Del deletes · Ctrl+Z undoes · "
                              "Ctrl++ / Ctrl+− votes · Ctrl+1…9 group"))
        keys.setObjectName("boardKeys")
        keys.setWordWrap(True)
        keys.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.tally_bar)
        layout.addWidget(self.column_scroll, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(keys)
        self.refresh()

    def _toggle(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # capture keeps the keyboard
        return button

    # ----- reading ---------------------------------------------------------------
    def refresh(self) -> None:
        infos = groups.list_groups(self.store, self.workshop_id) if self.workshop_id else []
        by_id = {c.group_id: c for c in self.columns}
        wanted = [g.id for g in infos]
        column: WishColumn | None
        for column in [c for c in self.columns if c.group_id not in wanted]:
            if column is self._active:
                self._active = None
            self.strip_layout.removeWidget(column)
            column.hide()
            column.deleteLater()
        self.columns = []
        for number, info in enumerate(infos, start=1):
            column = by_id.get(info.id)
            name = info.name or self.tr("Group {n}").format(n=number)
            if column is None:
                column = self._make_column(info.id, number, name)
            else:
                column.set_number(number)
                column.set_name(name)
            self.columns.append(column)
        for index, column in enumerate(self.columns):
            if self.strip_layout.indexOf(column) != index:
                self.strip_layout.removeWidget(column)
                self.strip_layout.insertWidget(index, column, 1)
        for column in self.columns:
            self.reload_column(column, update_max=False)
        self._update_max_votes()
        if self.workshop_id is None:
            self.empty.setText(self.tr("Open a workshop to capture its groups' wishes."))
        else:
            self.empty.setText(self.tr("This workshop has no groups yet. Form the groups "
                                       "first; each gets a column here."))
        has_columns = bool(self.columns)
        self.empty.setVisible(not has_columns)
        self.column_scroll.setVisible(has_columns)
        for button in (self.sort_toggle, self.tally_toggle, self.reset_button,
                       self.layout_toggle):
            button.setEnabled(has_columns)
        if self._active is None and self.columns:
            self._set_active(self.columns[0], focus=False)
        self._apply_layout()
        if self.isVisible():
            self._claim_lost_focus()

    def _make_column(self, group_id: str, number: int, name: str) -> WishColumn:
        column = WishColumn(group_id, number, name, self._run)
        column.setMinimumWidth(210)  # three columns fit beside the navigator at 1366 wide
        column.model.set_sorted(self.sort_toggle.isChecked())
        column.model.edit_requested.connect(
            lambda wish_id, text, c=column: self.wish_actions.edit_text(c, wish_id, text))
        column.delegate.vote_clicked.connect(
            lambda wish_id, delta, c=column: self.wish_actions.vote(c, wish_id, delta))
        # After the editor is gone (focusing at once would commit it a second time).
        column.delegate.closeEditor.connect(
            lambda *_a, c=column: QTimer.singleShot(0, c.input.setFocus))
        column.focused.connect(lambda c=column: self._set_active(c, focus=False))
        column.current_wish_changed.connect(lambda wish_id, c=column: self._wish_changed(c))
        return column

    def reload_column(self, column: WishColumn, update_max: bool = True) -> None:
        """Re-read one group from the store; rows that did not change stay as they are."""
        current = column.current_id()
        column.model.load(wishes.list_wishes(self.store, column.group_id))
        if current and column.current_id() != current:
            column.select(current if column.model.row_of(current) >= 0 else None)
        if update_max:
            self._update_max_votes()

    def on_changed(self, change: Change) -> None:
        if change.kinds & {"group", "workshop", "focus_area"}:
            self.safe_refresh()
        elif "wish" in change.kinds:
            self.reconcile(change.ids)

    def reconcile(self, ids: frozenset[str] | set[str]) -> None:
        """Bring the columns up to date with a change to these wishes, row by row."""
        if not self.columns:
            return
        if len(ids) > RECONCILE_LIMIT:
            for column in self.columns:
                self.reload_column(column, update_max=False)
            self._update_max_votes()
            return
        found = wish_fast_paths.get_wishes(self.store, list(ids))
        touched = False
        for column in self.columns:
            model, updates, structural = column.model, [], False
            for wish_id in ids:
                info, shown = found.get(wish_id), model.find(wish_id)
                if shown is None:
                    structural = info is not None and info.group_id == column.group_id
                elif info is None or (info.parent_id, info.position, info.depth, info.group_id) \
                        != (shown.parent_id, shown.position, shown.depth, shown.group_id):
                    structural = True
                elif info != shown:
                    updates.append(info)
                if structural:
                    break
            if structural:
                self.reload_column(column, update_max=False)
                touched = True
            elif updates:
                model.update_infos(updates)
                touched = True
        if touched:
            self._update_max_votes()

    def _update_max_votes(self) -> None:
        highest = max((w.votes for c in self.columns for w in c.model.rows()), default=0)
        if highest != self._max_votes:
            self._max_votes = highest
            for column in self.columns:
                column.model.set_max_votes(highest)
                column.list.viewport().update()
        for column in self.columns:
            column.model.set_max_votes(highest)

    # ----- the active column -----------------------------------------------------------
    def active_column(self) -> WishColumn | None:
        return self._active

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self._claim_lost_focus)

    def _claim_lost_focus(self) -> None:
        """A page shown for the first time can leave the keyboard on the tab's empty
        holder, which shows nothing: it belongs in the capture line then."""
        focus = QApplication.focusWidget()
        column = self._active or (self.columns[0] if self.columns else None)
        if column is not None and focus is not None and focus.isAncestorOf(self):
            column.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_active(self, column: WishColumn, focus: bool = True) -> None:
        changed = column is not self._active
        self._active = column
        for c in self.columns:
            c.set_active(c is column)
        if self.layout_toggle.isChecked():
            self._apply_layout()
        if focus:
            column.input.setFocus()
        self.column_scroll.ensureWidgetVisible(column, 0, 0)
        if changed:
            self.current_changed.emit(column.group_id, column.current_id())

    def select_wish(self, wish_id: str) -> bool:
        """Capture in the wish's group with the wish chosen (a search hit opens it)."""
        for column in self.columns:
            if column.model.row_of(wish_id) >= 0:
                self._set_active(column)
                column.select(wish_id)
                return True
        return False

    def switch_to(self, number: int) -> None:
        """Capture into the column with this 1-based number."""
        if 1 <= number <= len(self.columns):
            self._set_active(self.columns[number - 1])

    def _wish_changed(self, column: WishColumn) -> None:
        if column is self._active:
            self.current_changed.emit(column.group_id, column.current_id())

    def _apply_layout(self, *_args: object) -> None:
        single = self.layout_toggle.isChecked()
        for column in self.columns:
            column.setVisible(not single or column is self._active)

    # ----- keys from the columns ---------------------------------------------------------
    def _run(self, column: WishColumn, action: str) -> bool:
        self._set_active(column, focus=False)
        a = self.wish_actions
        if action == "submit":
            if a.add(column, column.input.text()) is not None:
                column.input.setText("")
        elif action == "paste":
            from PySide6.QtGui import QGuiApplication

            a.paste(column, QGuiApplication.clipboard().text())
        elif action in ("indent", "outdent"):
            getattr(a, action)(column)
        elif action in ("move_up", "move_down"):
            a.move(column, -1 if action == "move_up" else 1)
        elif action == "edit":
            self._edit(column)
        elif action == "delete":
            a.delete(column)
        elif action in ("vote_up", "vote_down"):
            a.vote(column, None, 1 if action == "vote_up" else -1)
        elif action in ("undo", "redo"):
            self.undo() if action == "undo" else self.redo()
        elif action.startswith("column_"):
            index = self.columns.index(column)
            target = {"column_prev": index, "column_next": index + 2}.get(action)
            self.switch_to(target if target is not None else int(action.split("_")[1]))
        return True

    def _edit(self, column: WishColumn) -> None:
        index = column.list.currentIndex()
        if index.isValid():
            column.list.edit(index)

    def undo(self) -> None:
        self.editor.stack.undo()
        self._resync()

    def redo(self) -> None:
        self.editor.stack.redo()
        self._resync()

    def _resync(self) -> None:
        for column in self.columns:
            self.reload_column(column, update_max=False)
        self._update_max_votes()

    # The main window's F2 and Del call these when the board has the focus.
    def rename_selected(self) -> None:
        if self._active is not None:
            self._edit(self._active)

    def delete_selected(self) -> None:
        if self._active is not None:
            self.wish_actions.delete(self._active)

    def hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self._hint_timer.start(HINT_MS)

    # ----- votes -----------------------------------------------------------------
    def set_sorted(self, on: bool) -> None:
        self.wish_actions.sorted = on
        for column in self.columns:
            column.model.set_sorted(on)
            info = column.current_info()
            if info is not None:
                column.select(info.id)
        if self.sort_toggle.isChecked() != on:
            self.sort_toggle.setChecked(on)

    def reset_votes(self) -> None:
        if self.columns and self.wish_actions.reset_votes([c.group_id for c in self.columns]):
            self._resync()

    def _tally_toggled(self, on: bool) -> None:
        if not on:
            self.tally_bar.hide()
            self._tally = []
            if self._active is not None:
                self._active.input.setFocus()
            return
        self._tally = [(c.group_id, w.id) for c in self.columns for w in c.model.rows()]
        if not self._tally:
            self.hint(self.tr("There are no wishes to count yet."))
            self.tally_toggle.setChecked(False)
            return
        self.tally_bar.show()
        self._tally_go(0)
        self.tally_bar.input.setFocus()

    def _tally_go(self, at: int) -> None:
        while 0 <= at < len(self._tally):
            group_id, wish_id = self._tally[at]
            column = next((c for c in self.columns if c.group_id == group_id), None)
            info = column.model.find(wish_id) if column is not None else None
            if column is not None and info is not None:
                self._tally_at = at
                self._set_active(column, focus=False)
                column.select(wish_id)
                where = self.tr("{group} · wish {n} of {total}").format(
                    group=column.title.text(), n=at + 1, total=len(self._tally))
                self.tally_bar.show_wish(where, info.text, info.votes)
                return
            at += 1
        if at >= len(self._tally):
            self.tally_toggle.setChecked(False)
            self.hint(self.tr("Every wish is counted."))

    def _tally_submit(self, votes: int | None) -> None:
        group_id, wish_id = self._tally[self._tally_at]
        column = next(c for c in self.columns if c.group_id == group_id)
        info = column.model.find(wish_id)
        if votes is not None and info is not None \
                and not self.wish_actions.set_votes(column, info, votes):
            return
        self._tally_go(self._tally_at + 1)

    def _tally_undo(self) -> None:
        self.undo()
        self._tally_go(max(0, self._tally_at - 1))
