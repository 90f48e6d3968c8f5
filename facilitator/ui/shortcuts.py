"""The window's keyboard: page shortcuts, the capture line, projector modes, the door.

Installed once by the main window (``install``); everything the keyboard
needs that is not one page's own business lives here, so the pages keep
their code and a facilitator can run the evening without a mouse:

- Ctrl+Tab / Ctrl+Shift+Tab and Ctrl+PgDown / Ctrl+PgUp: next / previous page;
  Alt+1…Alt+9, Alt+0: page 1…10 (Visa menu). The page's first field gets the cursor,
  unless the page tabs themselves have it.
- Ctrl+L: the capture line of the group being captured (the wish board).
- F7…F11: what the projector shows (Kväll menu), beside F5 (show it).
- On Deltagare, Ins: "Ny person…"; Ctrl+Enter: "Checka in" (the walk-in typed
  at the door, or the people chosen in the register).

Focus conventions for every page as it is built are in ``focus_conventions``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from facilitator.ui import focus_conventions
from facilitator.ui.views.base import WorkshopPage

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow

PAGE_KEYS = [f"Alt+{n}" for n in (*range(1, 10), 0)]  # Alt+0: the tenth page
CAPTURE_KEY = "Ctrl+L"
CONFLICTS_KEY = "Ctrl+Shift+K"
HAND_OUT_KEY = "Ctrl+Shift+U"
COLLECT_KEY = "Ctrl+Shift+I"
NEW_PERSON_KEY = "Ins"
CHECK_IN_KEYS = ("Ctrl+Return", "Ctrl+Enter")
# F5 shows the projector and F6 / Shift+F6 run the timer: the modes follow on.
PROJECTOR_KEYS = {"item": "F7", "group": "F8", "all_groups": "F9", "timer": "F10",
                  "votes": "F11"}


class WindowKeys(QObject):
    """The main window's keyboard shortcuts and their menu entries."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.focus_ring = focus_conventions.FocusRing(window)
        tabs = window.tabs
        self.next_page_action = self._action(
            self.tr("&Next page"), "actionNextPage", lambda: self.step_page(+1),
            [QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
        self.previous_page_action = self._action(
            self.tr("&Previous page"), "actionPreviousPage", lambda: self.step_page(-1),
            [QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+PgUp")])
        self.page_actions: list[QAction] = []
        for index in range(min(tabs.count(), len(PAGE_KEYS))):
            self.page_actions.append(self._action(
                tabs.tabText(index), f"actionPage{index + 1}",
                partial(self.go_to_page, index), [QKeySequence(PAGE_KEYS[index])]))
        self.capture_action = self._action(
            self.tr("&Capture line of the current group"), "actionCaptureLine",
            self.focus_capture_line, [QKeySequence(CAPTURE_KEY)])
        view_menu = _menu(window, "menuView")
        view_menu.addSeparator()
        for action in (self.next_page_action, self.previous_page_action):
            view_menu.addAction(action)
        pages = view_menu.addMenu(self.tr("&Go to page"))
        pages.setObjectName("menuPages")
        pages.addActions(self.page_actions)
        view_menu.addAction(self.capture_action)
        view_menu.addSeparator()
        self.keys_action = self._action(self.tr("&Keyboard shortcuts"), "actionKeyboardHelp",
                                        self.show_keys, [])
        view_menu.addAction(self.keys_action)

        self.projector_actions = self._projector_actions()
        evening = _menu(window, "menuEvening")
        evening.addSeparator()
        evening.addActions(list(self.projector_actions.values()))
        tabs.page_created.connect(self._on_page_created)
        for page in tabs.pages():
            self._on_page_created(page.objectName(), page)

    def _action(self, text: str, name: str, slot: Callable[[], object],
                keys: list[QKeySequence]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # ----- pages -----------------------------------------------------------------
    def step_page(self, delta: int) -> None:
        tabs = self.window.tabs
        self.go_to_page((tabs.currentIndex() + delta) % tabs.count())

    def go_to_page(self, index: int) -> None:
        """Show page ``index``; the cursor goes to its first field (or stays on the tabs)."""
        tabs = self.window.tabs
        on_tabs = QApplication.focusWidget() is tabs.tabBar()
        tabs.setCurrentIndex(index)
        if not on_tabs:
            self.focus_page(tabs.current_page())

    def focus_page(self, page: WorkshopPage) -> None:
        if not page.isVisible():
            page.show()  # a page built just now is shown by its layout only later
        if page is self.window.tabs.page("wish_board"):
            if not self.focus_capture_line(show=False):
                # A board shown for the first time builds its columns a moment later:
                # the cursor goes to the capture line then, not to the empty page.
                QTimer.singleShot(0, lambda: self.focus_capture_line(show=False))
            return
        target = focus_conventions.first_field(page)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_capture_line(self, show: bool = True) -> bool:
        """Ctrl+L: the cursor in the capture line of the group being captured."""
        board = self.window.wish_board
        if show:
            self.window.show_page(board)
        column = board.active_column()
        if column is None:
            if show:
                self.window.statusBar().showMessage(
                    self.tr("This workshop has no groups yet: form them on Grupper."), 5000)
            return False
        column.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def show_keys(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.window, self.tr("Keyboard shortcuts"), self.keys_text())

    def keys_text(self) -> str:
        """The keyboard help shown from the Visa menu (the README's list, in the UI language)."""
        rows = [
            (self.tr("Next / previous page"),
             "Ctrl+Tab / Ctrl+Shift+Tab, Ctrl+PgDown / Ctrl+PgUp"),
            (self.tr("Page 1…10"), "Alt+1 … Alt+9, Alt+0"),
            (self.tr("Capture line of the current group"), CAPTURE_KEY),
            (self.tr("Leave a table or a field"), "Tab / Shift+Tab"),
            (self.tr("Leave a note, back to the page's list"), "Esc"),
            (self.tr("Nest or un-nest a list item in a note"), "Tab / Shift+Tab"),
            (self.tr("Leave the wish board: Esc until the capture line is empty and no wish "
                     "is chosen, then"), "Tab"),
            (self.tr("Show on the projector"), "F5"),
            (self.tr("Projector: item, group, all groups, timer, votes"),
             "F7, F8, F9, F10, F11"),
            (self.tr("Start or pause the timer / reset it"), "F6 / Shift+F6"),
            (self.tr("New person (Participants page)"), NEW_PERSON_KEY),
            (self.tr("Check in (Participants page)"), "Ctrl+Enter"),
            (self.tr("Follow-up: open, in progress, done, dropped"), "O, P, K, S"),
            (self.tr("Follow-up: comment, responsible, action from the wish"), "F2, F3, Ins"),
            (self.tr("Project report"), "Ctrl+Shift+R"),
            (self.tr("Conflicts: keep / take the other value"),
             f"{CONFLICTS_KEY}; K, Enter / A"),
            (self.tr("Export the shown actions to Excel (Actions page)"), "Ctrl+Shift+X"),
            (self.tr("Hand out to note-takers / collect from them"),
             f"{HAND_OUT_KEY} / {COLLECT_KEY}"),
            (self.tr("Same person registered twice? (Participants page)"), "Ctrl+J"),
            (self.tr("Synchronise with the organisation's database"), "Ctrl+Shift+Y"),
            (self.tr("Open the organisation's database (or, there, this computer's)"),
             "Ctrl+Shift+O"),
        ]
        return "\n".join(f"{what}: {_native_list(key)}" for what, key in rows)

    # ----- the projector -------------------------------------------------------------
    def _projector_actions(self) -> dict[str, QAction]:
        texts = {"item": self.tr("Projector: agenda &item"),
                 "group": self.tr("Projector: &group being captured"),
                 "all_groups": self.tr("Projector: &all groups"),
                 "timer": self.tr("Projector: t&imer"),
                 "votes": self.tr("Projector: &votes")}
        return {mode: self._action(texts[mode], f"actionProjector_{mode}",
                                   partial(self.show_on_projector, mode),
                                   [QKeySequence(PROJECTOR_KEYS[mode])])
                for mode in PROJECTOR_KEYS}

    def show_on_projector(self, mode: str) -> None:
        """Choose what the projector shows, as the panel's buttons do."""
        live = self.window.live
        projector = live.projector
        if mode == "item":
            agenda = self.window.tabs.page("agenda")
            projector.show_agenda_item(agenda.current_section_id())  # type: ignore[attr-defined]
        elif mode == "group":
            column = self.window.wish_board.active_column()
            projector.show_group(column.group_id if column is not None else None)
        elif mode == "all_groups":
            projector.show_all_groups()
        elif mode == "timer":
            projector.show_timer()
        else:
            projector.show_votes()

    # ----- page by page --------------------------------------------------------------
    def _on_page_created(self, name: str, page: WorkshopPage) -> None:
        focus_conventions.tidy(page, self.window)
        if name == "people":
            self._people_keys(page)

    def _people_keys(self, page: WorkshopPage) -> None:
        def shortcut(key: str, slot: Callable[[], object]) -> None:
            made = QShortcut(QKeySequence(key), page)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)

        shortcut(NEW_PERSON_KEY, page.new_person)  # type: ignore[attr-defined]
        for key in CHECK_IN_KEYS:
            shortcut(key, lambda: check_in(page))
        native = _native
        page.new_button.setToolTip(  # type: ignore[attr-defined]
            self.tr("Add a person to the register ({key})").format(key=native(NEW_PERSON_KEY)))
        page.check_in_button.setToolTip(  # type: ignore[attr-defined]
            self.tr("Mark the chosen people as present (Enter, N or {key})").format(
                key=native(CHECK_IN_KEYS[1])))
        page.add_button.setToolTip(  # type: ignore[attr-defined]
            self.tr("Add the walk-in and mark them present (Enter or {key})").format(
                key=native(CHECK_IN_KEYS[1])))


def check_in(page: QWidget) -> None:
    """Ctrl+Enter on Deltagare: the walk-in typed at the door, else the chosen people."""
    from facilitator.store.models import AttendanceStatus

    if page.walk_in.text().strip():  # type: ignore[attr-defined]
        page.add_walk_in()  # type: ignore[attr-defined]
    else:
        page.add_selected(AttendanceStatus.ATTENDED)  # type: ignore[attr-defined]


def _menu(window: MainWindow, name: str) -> QMenu:
    menu = window.menuBar().findChild(QMenu, name)
    assert menu is not None, name
    return menu


def _native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def _native_list(keys: str) -> str:
    return keys if " " in keys else _native(keys)


def install(window: MainWindow) -> WindowKeys:
    return WindowKeys(window)
