"""Uppföljning: what became of the wishes and actions of the project's earlier workshops.

One key per status (as on Deltagare), a comment typed in its cell, the
responsibles in the dialog the actions table uses, an action made from a
wish; every change is one undoable step at this workshop.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import actions, follow_up, reviews
from facilitator.services.core import Change, Store
from facilitator.services.follow_up import FollowUpItem
from facilitator.services.responsibles import ResponsibleInfo, Who
from facilitator.services.reviews import ReviewState, with_changes
from facilitator.store.vocabulary import ReviewStatus
from facilitator.ui.commands import Editor, checked_setter, creator, refused_by_colleague
from facilitator.ui.models.action_delegates import ResponsiblesDialog
from facilitator.ui.models.follow_up_model import (
    KEY_ROLE,
    NO_AREA,
    Column,
    Filters,
    FollowUpModel,
)
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.views.follow_up_table import FollowUpTable

RESPONSIBLE_KEY = "F3"
ACTION_KEYS = ("Ins", "Ctrl+Shift+A")


class FollowUpView(WorkshopPage):
    WATCHED = frozenset({"review", "wish", "action", "workshop", "focus_area", "person",
                         "organisation"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("followUpView")
        self._refreshing = False
        self._shown_at: int | None = None  # undo index after an edit here, shown at once
        self.model = FollowUpModel(self._commit_comment, self)

        self.action_button = QPushButton(self.tr("Create action"))
        self.action_button.setObjectName("followUpCreateAction")
        self.action_button.setAccessibleName(self.tr("Create action from the wish"))
        self.action_button.setToolTip(self.tr(
            "Make an action of this workshop from the chosen wish (Ins or Ctrl+Shift+A)"))
        self.action_button.clicked.connect(self.create_action)

        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setObjectName("followUpOpenOnly")
        self.open_only.setToolTip(self.tr(
            "Open and in progress; what was followed up here stays in the list"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _on: self._apply_filters())

        self.area_filter = QComboBox()
        self.area_filter.setObjectName("followUpAreaFilter")
        self.area_filter.setAccessibleName(self.tr("Show focus area"))
        self.area_filter.addItem(self.tr("All areas"), None)
        self.area_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())

        self.responsible_filter = QLineEdit()
        self.responsible_filter.setObjectName("followUpResponsibleFilter")
        self.responsible_filter.setAccessibleName(self.tr("Filter by responsible"))
        self.responsible_filter.setPlaceholderText(self.tr("Responsible…"))
        self.responsible_filter.setClearButtonEnabled(True)
        self.responsible_filter.textChanged.connect(lambda _t: self._apply_filters())

        self.table = FollowUpTable(self.set_status, self.rename_selected, self.delete_selected)
        self.table.setModel(self.model)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        def shortcut(keys: str, slot: object) -> None:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)

        for keys in ACTION_KEYS:
            shortcut(keys, self.create_action)
        shortcut(RESPONSIBLE_KEY, self.edit_responsibles)

        self.hint = QLabel(self.tr(
            "Status: Ö open, P in progress, K done, S dropped · Delete: not followed up here · "
            "F2 or Enter: comment · F3: responsible · Ins: action from the wish"))
        self.hint.setObjectName("followUpHint")
        self.hint.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("followUpSummary")
        self.empty = QLabel()
        self.empty.setObjectName("followUpEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        bar = QHBoxLayout()
        bar.addWidget(self.action_button)
        bar.addWidget(self.open_only)
        bar.addWidget(self.area_filter, 1)
        bar.addWidget(self.responsible_filter, 1)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(bar)
        body_layout.addWidget(self.table, 1)
        body_layout.addWidget(self.hint)
        body_layout.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.setTabOrder(self.action_button, self.open_only)
        self.setTabOrder(self.open_only, self.area_filter)
        self.setTabOrder(self.area_filter, self.responsible_filter)
        self.setTabOrder(self.responsible_filter, self.table)
        self.setFocusProxy(self.table)  # Alt+8 lands in the list, ready for a status key
        self.refresh()

    # ----- reading -----------------------------------------------------------
    def current_item(self) -> FollowUpItem | None:
        return self.model.item_at(self.table.currentIndex().row())

    def on_changed(self, change: Change) -> None:
        # The page redrew after its own edit; the bus then announces that same edit. A list
        # of thousands takes a tenth of a second to read: not twice per key.
        own = self._shown_at == self.editor.stack.index() \
            and change.kinds <= {"review", "wish", "action"}
        self._shown_at = None
        if not own:
            super().on_changed(change)

    def refresh(self) -> None:
        if self._refreshing:
            return
        self._refreshing = True
        try:
            items = (follow_up.list_follow_up(self.store, self.workshop_id)
                     if self.workshop_id is not None else [])
            self._fill_area_filter(items)
            self._show(items)
        finally:
            self._refreshing = False

    def _show(self, items: list[FollowUpItem]) -> None:
        has = bool(items)
        self.empty.setVisible(not has)
        self.body.setVisible(has)
        if self.workshop_id is None:
            self.empty.setText(self.tr("Choose or create a workshop to follow up."))
        else:
            self.empty.setText(self.tr(
                "Follow-up lists the wishes and actions of the project's earlier workshops, "
                "so that this workshop can say what became of each. This workshop has no "
                "earlier workshop with wishes or actions. A workshop made with \"New workshop "
                "from an earlier one\" (Ctrl+Alt+N) follows up the one it was made from."))
        current = self.table.currentIndex()
        key, column = current.data(KEY_ROLE), max(current.column(), 0)
        scroll = self.table.verticalScrollBar().value()
        if self.table.state() == QAbstractItemView.State.EditingState \
                and not self._same_rows(items):
            self._close_editor()
        if not self.model.set_content(items, self._filters()):
            self.table.clearSpans()
            for row in self.model.heading_rows():
                self.table.setSpan(row, 0, 1, len(Column))
            self._select(key, column, max(current.row(), 0))  # none chosen: the first item
            self.table.verticalScrollBar().setValue(scroll)
        self._update_summary()
        self._update_buttons()

    def _same_rows(self, items: list[FollowUpItem]) -> bool:
        return [(i.kind, i.id) for i in items] == [(i.kind, i.id) for i in self.model.items]

    def _filters(self) -> Filters:
        area = self.area_filter.currentData() if self.area_filter.currentIndex() > 0 else None
        return Filters(self.open_only.isChecked(), area,
                       " ".join(self.responsible_filter.text().split()).casefold())

    def _fill_area_filter(self, items: list[FollowUpItem]) -> None:
        areas: dict[str, str] = {}
        for item in items:
            areas.setdefault(item.focus_area_id or NO_AREA,
                             item.focus_area_name or self.model.no_area)
        wanted = [(name, area) for area, name in areas.items()]
        have = [(self.area_filter.itemText(i), self.area_filter.itemData(i))
                for i in range(1, self.area_filter.count())]
        if wanted == have:
            return
        chosen = self.area_filter.currentData() if self.area_filter.currentIndex() > 0 else None
        self.area_filter.blockSignals(True)
        while self.area_filter.count() > 1:
            self.area_filter.removeItem(1)
        for name, area in wanted:
            self.area_filter.addItem(name, area)
        found = self.area_filter.findData(chosen) if chosen is not None else -1
        self.area_filter.setCurrentIndex(max(found, 0))
        self.area_filter.blockSignals(False)

    def _apply_filters(self) -> None:
        if not self._refreshing:
            self._show(self.model.items)

    def _select(self, key: object, column: int, fallback_row: int = -1) -> None:
        row = self.model.row_of(key) if isinstance(key, tuple) else None
        if row is None and fallback_row >= 0 and self.model.rowCount():
            row = min(fallback_row, self.model.rowCount() - 1)
            if self.model.item_at(row) is None and row + 1 < self.model.rowCount():
                row += 1  # a heading: the item under it
        if row is None or self.model.item_at(row) is None:
            return
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def select_item(self, item_id: str, column: int = Column.TEXT) -> bool:
        for row in range(self.model.rowCount()):
            item = self.model.item_at(row)
            if item is not None and item.id == item_id:
                self._select((item.kind, item.id), column)
                self.table.scrollTo(self.model.index(row, column))
                return True
        return False

    def _update_summary(self) -> None:
        items = self.model.items
        here = sum(i.review is not None for i in items)
        self.summary.setText(self.tr(
            "{shown} of {total} shown · {here} followed up at this workshop").format(
                shown=self.model.item_count(), total=len(items), here=here))

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.action_button.setEnabled(item is not None and item.kind == "wish")

    def tell(self, text: str) -> None:
        """A note in the summary line and in the window's status bar."""
        self.summary.setText(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    # ----- editing -----------------------------------------------------------
    def _store_review(self, item: FollowUpItem, state: ReviewState, label: str,
                      shown_comment: str | None = None) -> bool:
        workshop_id = self.workshop_id
        if workshop_id is None:
            return False
        kind, item_id = item.kind, item.id
        done = self.editor.run(checked_setter(
            label, lambda value, shown: reviews.set_review(
                self.store, workshop_id, kind, item_id, value, shown_comment=shown),
            state, shown_comment))
        if done:
            self.refresh()
            self._shown_at = self.editor.stack.index()
        return done

    def _state(self, item: FollowUpItem) -> ReviewState | None:
        if self.workshop_id is None:
            return None
        return self.editor.attempt(lambda: reviews.review_state(
            self.store, self.workshop_id or "", item.kind, item.id))

    def set_status(self, status: ReviewStatus) -> None:
        """A status key: the chosen item's status as said at this workshop."""
        item = self.current_item()
        state = self._state(item) if item is not None else None
        if item is None or state is None:
            return
        if state.entry is not None and state.entry.status == status:
            return
        self._store_review(item, with_changes(state, status=status),
                           self.tr("Follow up: {status}").format(
                               status=self.model.status_labels[status]))

    def delete_selected(self) -> None:
        """Delete: the chosen item is no longer followed up at this workshop (undoable)."""
        item = self.current_item()
        state = self._state(item) if item is not None else None
        if item is None or state is None or state.entry is None:
            return
        earlier = [r for r in item.history if r.workshop_id != self.workshop_id]
        status = earlier[-1].status if earlier else ReviewStatus.OPEN
        self._store_review(item, ReviewState(None, status), self.tr("Remove follow-up"))

    def rename_selected(self) -> None:
        """F2 or Enter: type the comment of the chosen item."""
        index = self.table.currentIndex()
        if not index.isValid() or self.model.item_at(index.row()) is None:
            return
        index = index.siblingAtColumn(Column.COMMENT)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)

    def _commit_comment(self, item: FollowUpItem, comment: str) -> bool:
        state = self._state(item)
        if state is None:
            return False
        # Stored only over the comment the table showed (#15): a colleague's meanwhile
        # is refused, not overwritten.
        shown = item.review.comment if item.review is not None else ""
        done = self._store_review(item, with_changes(state, comment=comment),
                                  self.tr("Follow-up comment"), shown_comment=shown)
        if not done and refused_by_colleague(self.editor):  # the typing is not lost
            QTimer.singleShot(0, lambda: self._type_again(item, comment))
        return done

    def _type_again(self, item: FollowUpItem, comment: str) -> None:
        """The comment cell open again with what the user typed, over the colleague's
        comment now shown: Enter stores it over theirs, Esc leaves theirs."""
        self.refresh()
        if not self.select_item(item.id, Column.COMMENT):
            return
        index = self.table.currentIndex()
        self.table.setFocus()
        self.table.edit(index)
        line = self.table.indexWidget(index)
        if isinstance(line, QLineEdit):
            line.setText(comment)

    def _close_editor(self) -> None:
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def edit_responsibles(self) -> None:
        """F3: who carries the chosen item on, in the actions table's dialog."""
        item = self.current_item()
        state = self._state(item) if item is not None else None
        if item is None or state is None:
            return
        infos: tuple[ResponsibleInfo, ...] = item.review.responsibles if item.review else tuple(
            replace(i, who=Who(i.who.person_id, i.who.organisation_id, i.who.text))
            for i in item.responsibles)  # an earlier review's rows are not this one's
        dialog = ResponsiblesDialog(self.store, item.text, infos, self,
                                    title=self.tr("Responsible going forward"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        whos = tuple(dialog.whos())
        dialog.deleteLater()
        if accepted and not (state.entry is not None and _same(whos, state.entry.responsibles)):
            self._store_review(item, with_changes(state, responsibles=whos),
                               self.tr("Change responsible"))
        self.select_item(item.id, Column.RESPONSIBLE)
        self.table.setFocus()

    def create_action(self) -> None:
        """Ins: an action of this workshop made from the chosen wish (undoable)."""
        item, workshop_id = self.current_item(), self.workshop_id
        if item is None or workshop_id is None:
            return
        if item.kind != "wish":
            self.tell(self.tr("Choose a wish to make an action of it."))
            return
        wish_id = item.id
        command = creator(
            self.tr("Create action from wish"),
            lambda: reviews.action_from_wish(self.store, workshop_id, wish_id),
            lambda action_id: actions.delete_action(self.store, action_id),
            lambda action_id: actions.restore_action(self.store, action_id))
        if self.editor.run(command):
            self.refresh()
            self._shown_at = self.editor.stack.index()
            self.tell(self.tr("The action is on the Actions page: give it a responsible "
                              "and a due date there."))


def _same(whos: tuple[Who, ...], others: tuple[Who, ...]) -> bool:
    def key(who: Who) -> tuple[str | None, str | None, str]:
        return (who.person_id, who.organisation_id, who.text)

    return [key(w) for w in whos] == [key(w) for w in others]

