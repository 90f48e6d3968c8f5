"""One group's column on the wish board: its name, its wishes, and a capture line.

The capture line keeps the keyboard: Enter adds, Tab / Shift+Tab nest, Alt+Up /
Alt+Down move, Up / Down choose the wish the next one follows, F2 edits, Del
(on an empty line) deletes, Ctrl+Z / Ctrl+Y undo and redo once the line has
nothing of its own to undo, Ctrl++ / Ctrl+− vote, Ctrl+1…9 and Ctrl+Left /
Right (on an empty line) switch group. Tab leaves the board only from an
empty line with no wish chosen (Esc empties the line, a second Esc clears the
choice), or with Ctrl+Tab to the next page. In the list the same keys work, plus
+ / − for votes; any other character typed there goes to the capture line, so
no keystroke is lost.

Keys are claimed at ShortcutOverride so the main window's F2, Del and Ctrl+Z
actions do not take them away from the column. The column only maps keys to
names; the board (``WishBoardActions``) runs them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    SIGNAL,
    SLOT,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from facilitator.services.wish_paste import is_list_paste
from facilitator.services.wishes import WishInfo
from facilitator.ui import drafts
from facilitator.ui.models.wish_list_model import ID_ROLE, WishListModel
from facilitator.ui.widgets.wish_delegate import INDENT, WRAP_LIMIT, WishDelegate
from facilitator.ui.widgets.wish_scrollbar import WishScrollBar

K = Qt.Key
M = Qt.KeyboardModifier
_MODS = M.ShiftModifier | M.ControlModifier | M.AltModifier | M.MetaModifier


def _mods(event: QKeyEvent) -> Qt.KeyboardModifier:
    return event.modifiers() & _MODS


class CaptureEdit(QLineEdit):
    """The line a wish is typed into; the column decides what its keys do."""

    def __init__(self, column: WishColumn) -> None:
        super().__init__()
        self._column = column

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._column.action_for(event, self):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (K.Key_Tab, K.Key_Backtab) \
                and self._column.handle_key(event, self):
            return True  # before QWidget.event moves the focus
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self._column.handle_key(event, self):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self._column.focused.emit()


class WishListView(QListView):
    def __init__(self, column: WishColumn) -> None:
        super().__init__()
        self._column = column
        bar = WishScrollBar()
        self.setVerticalScrollBar(bar)
        # A replaced scroll bar keeps only QAbstractScrollArea's connections; these are
        # the ones QAbstractItemView makes for its own (keys, wheel, hover after scrolling).
        QObject.connect(bar, SIGNAL("actionTriggered(int)"),
                        self, SLOT("verticalScrollbarAction(int)"))
        QObject.connect(bar, SIGNAL("valueChanged(int)"),
                        self, SLOT("verticalScrollbarValueChanged(int)"))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._column.action_for(event, self):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (K.Key_Tab, K.Key_Backtab) \
                and self._column.handle_key(event, self):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self._column.handle_key(event, self):
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        delegate = self._column.delegate
        changed = delegate.width != self.viewport().width()
        delegate.width = self.viewport().width()
        super().resizeEvent(event)
        if changed and delegate.wrap:
            self.scheduleDelayedItemsLayout()  # new row heights now, not in 100 ms

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - typing goes to the capture line
        return

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self._column.focused.emit()


class WishColumn(QFrame):
    """Title, list and capture line of one group; ``number`` is 1-based."""

    focused = Signal()
    current_wish_changed = Signal(str)  # wish id or ""

    def __init__(self, group_id: str, number: int, name: str,
                 run: Callable[[WishColumn, str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group_id = group_id
        self.number = number
        self._run = run
        self.setObjectName(f"wishColumn{number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.badge = QLabel(str(number))
        self.badge.setObjectName("wishColumnNumber")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedSize(24, 24)
        self.badge.setToolTip(self.tr("Ctrl+{n} captures here").format(n=number))
        self.title = QLabel(name)
        self.title.setObjectName("wishColumnTitle")
        self.title.setWordWrap(True)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.title.setFont(title_font)
        # Two lines for every title, so the lists of all columns start at one height.
        self.title.setFixedHeight(self.title.fontMetrics().lineSpacing() * 2 + 2)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.summary = QLabel()
        self.summary.setObjectName("wishColumnSummary")
        self.summary.setStyleSheet("color: palette(placeholder-text);")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.model = WishListModel(group_id, self)
        self.delegate = WishDelegate(self)
        self.list = WishListView(self)
        self.list.setObjectName("wishList")
        self.list.setAccessibleName(self.tr("Wishes of {group}").format(group=name))
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMouseTracking(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.model.rowsInserted.connect(self._update_summary)
        self.model.rowsRemoved.connect(self._update_summary)
        self.model.dataChanged.connect(self._update_summary)

        self.input = CaptureEdit(self)
        self.input.setObjectName("wishInput")
        self.input.setAccessibleName(self.tr("New wish for {group}").format(group=name))
        self.input.setPlaceholderText(self.tr("Type a wish, then Enter"))
        self.input.setClearButtonEnabled(False)
        input_font = self.input.font()
        input_font.setPointSizeF(input_font.pointSizeF() * 1.15)
        self.input.setFont(input_font)
        self.input.setMinimumHeight(self.input.fontMetrics().height() + 16)
        draft_key = f"wish:{group_id}"
        self.input.setText(drafts.keeper().take_for(draft_key) or "")
        self.input.textChanged.connect(lambda text: drafts.keeper().set_draft(draft_key, text))

        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.input)
        self._active: bool | None = None
        self.set_active(False)
        self._update_summary()

    # ----- state ---------------------------------------------------------------
    def set_name(self, name: str) -> None:
        if self.title.text() != name:
            self.title.setText(name)
            self.list.setAccessibleName(self.tr("Wishes of {group}").format(group=name))
            self.input.setAccessibleName(self.tr("New wish for {group}").format(group=name))

    def set_number(self, number: int) -> None:
        self.number = number
        self.setObjectName(f"wishColumn{number}")
        self.badge.setText(str(number))
        self.badge.setToolTip(self.tr("Ctrl+{n} captures here").format(n=number))

    def set_active(self, active: bool) -> None:
        if active == self._active:
            return  # a style sheet re-polishes the badge: only when it changes
        self._active = active
        role = "palette(highlight)" if active else "palette(mid)"
        text = "palette(highlighted-text)" if active else "palette(window-text)"
        self.badge.setStyleSheet(f"background: {role}; color: {text}; border-radius: 12px;"
                                 " font-weight: bold;")

    def current_info(self) -> WishInfo | None:
        index = self.list.currentIndex()
        return self.model.info(index.row()) if index.isValid() else None

    def current_id(self) -> str:
        info = self.current_info()
        return info.id if info is not None else ""

    def select(self, wish_id: str | None) -> None:
        """Make ``wish_id`` the current wish (None: no current one) without taking focus."""
        row = self.model.row_of(wish_id)
        selection = self.list.selectionModel()
        if row < 0:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            return
        index = self.model.index(row)
        if selection.currentIndex() != index or not selection.isSelected(index):
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)

    def select_row(self, row: int) -> None:
        info = self.model.info(max(0, min(row, self.model.rowCount() - 1)))
        if info is not None:
            self.select(info.id)

    def shown_texts(self) -> list[tuple[int, str, int]]:
        """(depth, text, votes) of every row as shown: what a reader sees, for tests."""
        return [(w.depth, w.text, w.votes) for w in self.model.rows()]

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        wish_id = current.data(ID_ROLE) if current.isValid() else ""
        info = self.current_info()
        self.input.setTextMargins((info.depth * INDENT) if info else 0, 0, 0, 0)
        self.current_wish_changed.emit(wish_id or "")

    def _update_summary(self, *_args: object) -> None:
        count = self.model.rowCount()
        wrap = count <= WRAP_LIMIT
        if wrap != self.delegate.wrap:
            self.delegate.wrap = wrap
            self.list.setUniformItemSizes(not wrap)
        votes = self.model.total_votes()
        if not count:
            text = self.tr("No wishes yet")
        elif votes:
            text = self.tr("{n} wishes · {v} votes").format(n=count, v=votes)
        else:
            text = self.tr("{n} wishes").format(n=count)
        self.summary.setText(text)

    # ----- keys ----------------------------------------------------------------
    def action_for(self, event: QKeyEvent, source: QWidget) -> str | None:
        """The name of what ``event`` does in this column, or None (the widget's own key)."""
        key, mods = event.key(), _mods(event)
        in_input = source is self.input
        if not in_input and self.list.state() == QAbstractItemView.State.EditingState:
            return None  # a key the in-place editor passed on (its Enter, its Esc)
        empty = in_input and not self.input.text()
        ctrl, alt, shift = M.ControlModifier, M.AltModifier, M.ShiftModifier
        if key in (K.Key_Return, K.Key_Enter) and not mods:
            return "submit" if in_input else "focus_input"
        if key in (K.Key_Tab, K.Key_Backtab) and empty and self.current_info() is None:
            return None  # the way out of the board: Esc empties the line and the choice
        if key == K.Key_Tab and not mods:
            return "indent"
        if key == K.Key_Backtab or (key == K.Key_Tab and mods == shift):
            return "outdent"
        if mods == alt and key in (K.Key_Up, K.Key_Down):
            return "move_up" if key == K.Key_Up else "move_down"
        if in_input and not mods and key in (K.Key_Up, K.Key_Down, K.Key_PageUp, K.Key_PageDown):
            return {K.Key_Up: "select_prev", K.Key_Down: "select_next",
                    K.Key_PageUp: "select_page_up", K.Key_PageDown: "select_page_down"}[K(key)]
        if key == K.Key_F2 and not mods:
            return "edit"
        if key == K.Key_Delete and not mods and (empty or not in_input):
            return "delete"
        if event.matches(QKeySequence.StandardKey.Undo):
            return "undo" if not (in_input and self.input.isUndoAvailable()) else None
        if event.matches(QKeySequence.StandardKey.Redo) or (key == K.Key_Y and mods == ctrl):
            return "redo" if not (in_input and self.input.isRedoAvailable()) else None
        if key in (K.Key_Plus, K.Key_Minus) and (mods == ctrl or (not in_input and not mods)):
            return "vote_up" if key == K.Key_Plus else "vote_down"
        if mods == ctrl and K.Key_1 <= key <= K.Key_9:
            return f"column_{key - K.Key_1 + 1}"
        if mods == ctrl and key in (K.Key_Left, K.Key_Right) and (empty or not in_input):
            return "column_prev" if key == K.Key_Left else "column_next"
        if in_input and event.matches(QKeySequence.StandardKey.Paste) \
                and is_list_paste(QGuiApplication.clipboard().text()):
            return "paste"
        if key == K.Key_Escape and not mods and (self.input.text() if in_input else True):
            return "clear_input" if in_input else "focus_input"
        if key == K.Key_Escape and not mods and in_input and self.current_info() is not None:
            return "deselect"
        if not in_input and not (mods & (ctrl | alt)) and event.text() \
                and event.text().isprintable():
            return "type"
        return None

    def handle_key(self, event: QKeyEvent, source: QWidget) -> bool:
        action = self.action_for(event, source)
        if action is None:
            return False
        if action == "type":
            self.input.setFocus()
            self.input.insert(event.text())
        elif action == "focus_input":
            self.input.setFocus()
        elif action == "clear_input":
            self.input.setText("")
        elif action == "deselect":
            self.select(None)
        elif action.startswith("select_"):
            self._move_selection(action)
        else:
            self._run(self, action)
        event.accept()
        return True

    def _move_selection(self, action: str) -> None:
        row = self.list.currentIndex().row()
        page = max(1, self.list.viewport().height() // max(1, self.list.sizeHintForRow(0)) - 1)
        step = {"select_prev": -1, "select_next": 1,
                "select_page_up": -page, "select_page_down": page}[action]
        if row < 0:
            row = self.model.rowCount() if step < 0 else -1
        self.select_row(row + step)
