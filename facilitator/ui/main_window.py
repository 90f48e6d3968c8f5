"""The main window: navigator, workshop view, menus and the saved-state status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QUndoView,
    QWidget,
)

from facilitator import __version__
from facilitator import settings as opts
from facilitator.atomic import TargetFileError
from facilitator.events import ChangeBus
from facilitator.services.core import ServiceError, Store
from facilitator.services.overview import list_projects
from facilitator.settings import Settings
from facilitator.ui import drafts
from facilitator.ui.commands import Editor
from facilitator.ui.database_windows import open_other_database
from facilitator.ui.live_tools import LiveTools
from facilitator.ui.navigator import ProjectNavigator
from facilitator.ui.screen_recovery import ScreenRecovery
from facilitator.ui.shortcuts import COLLECT_KEY, CONFLICTS_KEY, HAND_OUT_KEY
from facilitator.ui.sync_commands import (
    OTHER_DATABASE_KEY,
    SYNC_KEY,
    SyncCommands,
    update_sync_actions,
)
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.workshop_tabs import PageSpec, WorkshopTabs

if TYPE_CHECKING:
    from facilitator.services.search import SearchHit
    from facilitator.ui.file_commands import FileCommands
    from facilitator.ui.navigator_commands import NavigatorCommands

T = TypeVar("T")

# Splitters whose position is remembered: those named "…Splitter". Matching by
# name first keeps Qt from wrapping every widget of the window in Python.
REMEMBERED_SPLITTERS = QRegularExpression("Splitter$")


FIRST_START_MIN_SCREEN = 1200  # offscreen tests have 800×600: they keep the default size
LAPTOP_SCREEN = 1600


class MainWindow(QMainWindow):
    # Restoring a backup closes and reopens the database: the composition root does it.
    request_restore = Signal()

    def __init__(self, store: Store, bus: ChangeBus, settings: Settings,
                 database: Path | str) -> None:
        super().__init__()
        self.store, self.bus, self.settings, self.database = store, bus, settings, database
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Facilitator"))
        self.resize(1100, 720)

        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.editor = Editor(self.undo_stack, self)
        self.editor.refused.connect(self.show_refusal)
        self.workshop_id: str | None = None

        self.navigator = ProjectNavigator(store)
        views = "facilitator.ui.views."
        self.tabs = WorkshopTabs([
            PageSpec("facts", self.tr("Overview"), views + "facts_view", "FactsView"),
            PageSpec("agenda", self.tr("Agenda"), views + "agenda_view", "AgendaView"),
            PageSpec("focus_areas", self.tr("Focus areas"), views + "focus_areas_view",
                     "FocusAreasView"),
            PageSpec("people", self.tr("Participants"), views + "people_view", "PeopleView"),
            PageSpec("choices", self.tr("Choices"), views + "choices_view", "ChoicesView"),
            PageSpec("groups", self.tr("Groups"), views + "groups_view", "GroupsView"),
            PageSpec("wish_board", self.tr("Wishes"), views + "wish_board", "WishBoardView"),
            PageSpec("follow_up", self.tr("Follow-up"), views + "follow_up_view",
                     "FollowUpView"),
            PageSpec("actions_view", self.tr("Actions"), views + "actions_view", "ActionsView"),
            PageSpec("export_view", self.tr("Export"), views + "export_view", "ExportView"),
        ], self._make_page)
        self.tabs.page_created.connect(self._on_page_created)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 830])  # all ten page tabs fit in the default 1100 px
        self.setCentralWidget(self.splitter)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=database), 8000)

        self._build_menus()
        # Right-click (or the Menu key) on a project or workshop: what works on the project.
        self.navigator.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.navigator.addActions([self.project_report_action, self.export_package_action])
        self.live = LiveTools(self)
        self._install_keyboard()
        self._move_help_menu_last()
        self.navigator.workshop_chosen.connect(self.open_workshop)
        self.bus.changed.connect(self.navigator.on_changed)
        self.bus.changed.connect(self.tabs.on_changed)
        self.bus.changed.connect(lambda _change: self._update_actions())
        self.bus.saved.connect(self._on_saved)

        self.navigator.reload()
        self._restore_state()
        self.screen_recovery = ScreenRecovery(self)
        self.screen_recovery.restore()
        self._update_actions()

    def _make_page(self, page_class: type[WorkshopPage]) -> WorkshopPage:
        if page_class.__name__ == "ExportView":
            from facilitator.ui.views.export_view import ExportView  # loaded: page_class is it

            assert issubclass(page_class, ExportView)
            return page_class(self.store, self.editor, self.settings)
        return page_class(self.store, self.editor)

    def _on_page_created(self, name: str, page: WorkshopPage) -> None:
        self._restore_splitters(page)
        if name == "export_view":
            from facilitator.ui.views.export_view import ExportView

            assert isinstance(page, ExportView)
            page.export_requested.connect(self._file_command("export_minutes"))
        elif name == "wish_board":
            from facilitator.ui.views.wish_board import WishBoardView

            assert isinstance(page, WishBoardView)
            page.current_changed.connect(self.live.follow_group)

    # The commands of the navigator and the Arkiv menu, loaded with their first use:
    # they bring the ORM-backed services, which the first picture does not need.
    @cached_property
    def navigator_commands(self) -> NavigatorCommands:
        from facilitator.ui.navigator_commands import NavigatorCommands

        return NavigatorCommands(self)

    @cached_property
    def file_commands(self) -> FileCommands:
        from facilitator.ui.file_commands import FileCommands

        return FileCommands(self)

    @cached_property
    def sync_commands(self) -> SyncCommands:
        return SyncCommands(self)

    def _navigator_command(self, name: str) -> Callable[[], object]:
        return lambda: getattr(self.navigator_commands, name)()

    def _file_command(self, name: str) -> Callable[[], object]:
        return lambda: getattr(self.file_commands, name)()

    # The pages by name, built when first asked for.
    facts = property(lambda self: self.tabs.page("facts"))
    agenda = property(lambda self: self.tabs.page("agenda"))
    focus_areas = property(lambda self: self.tabs.page("focus_areas"))
    people = property(lambda self: self.tabs.page("people"))
    choices = property(lambda self: self.tabs.page("choices"))
    groups = property(lambda self: self.tabs.page("groups"))
    wish_board = property(lambda self: self.tabs.page("wish_board"))
    follow_up = property(lambda self: self.tabs.page("follow_up"))
    actions_view = property(lambda self: self.tabs.page("actions_view"))
    export_view = property(lambda self: self.tabs.page("export_view"))

    def show_page(self, page: WorkshopPage) -> None:
        self.tabs.show_page(page)

    def current_page(self) -> WorkshopPage:
        return self.tabs.current_page()

    # ----- menus -------------------------------------------------------------
    def _action(self, text: str, name: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        nav, files = self._navigator_command, self._file_command
        self.new_workshop_action = self._action(
            self.tr("New &workshop…"), "actionNewWorkshop", nav("new_workshop"),
            QKeySequence.StandardKey.New)
        self.copy_workshop_action = self._action(
            self.tr("New workshop from an &earlier one…"), "actionNewFromEarlier",
            nav("new_workshop_from_earlier"), "Ctrl+Alt+N")
        self.trash_action = self._action(self.tr("&Trash…"), "actionTrash", nav("show_trash"),
                                         "Ctrl+Alt+T")
        self.conflicts_action = self._action(
            self.tr("&Conflicts…"), "actionConflicts", nav("show_conflicts"), CONFLICTS_KEY)
        self.restore_action = self._action(
            self.tr("Restore from &backup…"), "actionRestoreBackup",
            lambda: self.request_restore.emit())
        self.settings_action = self._action(self.tr("Se&ttings…"), "actionSettings",
                                            self.show_settings, "Ctrl+,")
        self.new_project_action = self._action(
            self.tr("New &project…"), "actionNewProject", nav("new_project"), "Ctrl+Shift+N")
        self.import_action = self._action(
            self.tr("&Import package…"), "actionImport", files("import_package"), "Ctrl+I")
        self.export_package_action = self._action(
            self.tr("Export &package…"), "actionExportPackage", files("export_package"),
            "Ctrl+Shift+E")
        self.hand_out_action = self._action(
            self.tr("Hand &out to note-takers…"), "actionHandOut", files("hand_out_packages"),
            HAND_OUT_KEY)
        self.collect_action = self._action(
            self.tr("Co&llect from note-takers…"), "actionCollect", files("collect_packages"),
            COLLECT_KEY)
        self.sync_action = self._action(
            self.tr("S&ynchronise with the organisation's database…"), "actionSynchronise",
            lambda: self.sync_commands.synchronise(), SYNC_KEY)
        self.take_offline_action = self._action(
            self.tr("Take o&ffline…"), "actionTakeOffline",
            lambda: self.sync_commands.take_offline())
        self.other_database_action = self._action(  # its text: update_sync_actions
            "", "actionOtherDatabase", lambda: open_other_database(self), OTHER_DATABASE_KEY)
        self.export_minutes_action = self._action(
            self.tr("Export &minutes…"), "actionExportMinutes", files("export_minutes"), "Ctrl+E")
        self.signin_action = self._action(
            self.tr("Print sign-i&n sheet…"), "actionSigninSheet", files("export_signin_sheet"))
        self.agenda_handout_action = self._action(
            self.tr("Print &agenda handout…"), "actionAgendaHandout",
            files("export_agenda_handout"))
        self.project_report_action = self._action(
            self.tr("Project &report…"), "actionProjectReport", files("export_project_report"),
            "Ctrl+Shift+R")
        self.sample_action = self._action(
            self.tr("Load &sample project"), "actionLoadSample", files("load_sample"))
        self.quit_action = self._action(
            self.tr("&Quit"), "actionQuit", self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(self.tr("&About Facilitator"), "actionAbout",
                                         self.show_about)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo:"))
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo:"))
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.rename_action = self._action(self.tr("Re&name"), "actionRename", self.rename_current,
                                          "F2")
        self.find_action = self._action(self.tr("&Find…"), "actionFind", self.show_search,
                                        QKeySequence.StandardKey.Find)
        self.delete_action = self._action(self.tr("&Delete"), "actionDelete", self.delete_current,
                                          QKeySequence.StandardKey.Delete)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("menuFile")
        for action in (self.new_workshop_action, self.copy_workshop_action,
                       self.new_project_action, None,
                       self.import_action, self.export_package_action, None,
                       self.hand_out_action, self.collect_action,
                       self.sync_action, self.take_offline_action,
                       self.other_database_action, None,
                       self.export_minutes_action, self.signin_action,
                       self.agenda_handout_action, self.project_report_action, None,
                       self.sample_action, self.trash_action, self.conflicts_action,
                       self.restore_action, self.settings_action, None, self.quit_action):
            if action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("menuEdit")
        for action in (self.undo_action, self.redo_action, None, self.find_action, None,
                       self.rename_action, self.delete_action):
            if action is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(action)

        self.history = QUndoView(self.undo_stack)
        self.history.setObjectName("undoHistory")
        self.history.setEmptyLabel(self.tr("<nothing changed yet>"))
        self.history_dock = QDockWidget(self.tr("Undo history"), self)
        self.history_dock.setObjectName("undoHistoryDock")
        self.history_dock.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        history_action = self.history_dock.toggleViewAction()
        history_action.setText(self.tr("Undo &history"))
        history_action.setObjectName("actionUndoHistory")
        history_action.setShortcut(QKeySequence("Ctrl+H"))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.setObjectName("menuView")
        view_menu.addAction(history_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        help_menu.addAction(self.about_action)

    def _install_keyboard(self) -> None:
        # Page, capture-line and projector shortcuts and the focus conventions: shortcuts.py.
        from facilitator.ui import shortcuts

        self.keys = shortcuts.install(self)

    def _move_help_menu_last(self) -> None:
        help_menu = self.menuBar().findChild(QMenu, "menuHelp")
        assert help_menu is not None  # made with the menus, before this runs
        help_action = help_menu.menuAction()
        self.menuBar().removeAction(help_action)
        self.menuBar().addAction(help_action)

    def _update_actions(self) -> None:
        has_workshop = self.workshop_id is not None
        self.export_minutes_action.setEnabled(has_workshop)
        self.signin_action.setEnabled(has_workshop)
        self.hand_out_action.setEnabled(has_workshop)
        self.agenda_handout_action.setEnabled(has_workshop)
        self.copy_workshop_action.setEnabled(has_workshop)
        self.export_package_action.setEnabled(self.navigator.current_id() is not None)
        update_sync_actions(self)

    # ----- service calls -----------------------------------------------------
    def run_service(self, call: Callable[[], T]) -> T | None:
        """Run a service call; a refusal is shown in plain words and nothing is lost."""
        try:
            return call()
        except (ServiceError, TargetFileError) as exc:
            QMessageBox.warning(self, self.tr("Could not be done"), str(exc))
            return None

    def show_refusal(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Could not be done"), message)

    def _on_saved(self) -> None:
        self.saved_label.setText(self.tr("Saved {time}").format(
            time=dt.datetime.now().strftime("%H:%M")))

    # ----- commands ----------------------------------------------------------
    def open_workshop(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.tabs.set_workshop(workshop_id)
        self.live.set_workshop(workshop_id)
        if workshop_id is None:
            self._update_actions()
            return
        self.settings.set(opts.LAST_WORKSHOP, workshop_id)
        drafts.keeper().set_view(workshop=workshop_id)
        self.navigator.select_id(workshop_id, emit=False)
        self._update_actions()

    def rename_current(self) -> None:
        """F2: rename what is chosen on the focused page, else in the navigator."""
        page = self._focused_page()
        if page is not None and hasattr(page, "rename_selected"):
            page.rename_selected()
        else:
            self.navigator_commands.rename_item()

    def delete_current(self) -> None:
        """Del: delete what is chosen on the focused page, else in the navigator."""
        page = self._focused_page()
        if page is not None and hasattr(page, "delete_selected"):
            page.delete_selected()
        else:
            self.navigator_commands.delete_item()

    def _focused_page(self) -> QWidget | None:
        widget = QApplication.focusWidget()
        while widget is not None:
            if isinstance(widget, WorkshopPage):
                return widget
            widget = widget.parentWidget()
        return None

    def show_search(self) -> None:
        from facilitator.ui.search_dialog import SearchDialog

        dialog = SearchDialog(self.store, self)
        dialog.exec()
        if dialog.chosen is not None:
            self.open_search_hit(dialog.chosen)

    def open_search_hit(self, hit: SearchHit) -> None:
        """Go to the place a search result points at."""
        workshop_id = hit.workshop_id
        if hit.kind == "focus_area":
            workshop_id = self._workshop_in_project(hit.project_id)
        elif hit.kind == "person":
            workshop_id = self.workshop_id
        if workshop_id is not None and workshop_id != self.workshop_id:
            self.open_workshop(workshop_id)
        if hit.kind == "section":
            self.show_page(self.agenda)
            self.agenda.select(hit.row_id)
        elif hit.kind == "focus_area" and workshop_id is not None:
            self.show_page(self.focus_areas)
            self.focus_areas.select(hit.row_id)
        elif hit.kind == "wish":
            self.show_page(self.wish_board)
            self.wish_board.select_wish(hit.row_id)
        elif hit.kind == "person":
            self.show_page(self.people)
            self.people.search.clear()
            self.people.refresh_register()
            self.people.select_person(self.people.register, hit.row_id)
            self.people.register.setFocus()
        else:
            self.show_page(self.facts)

    def _workshop_in_project(self, project_id: str | None) -> str | None:
        from facilitator.services.workshops import project_of

        if self.workshop_id and project_of(self.store, self.workshop_id) == project_id:
            return self.workshop_id
        for project in list_projects(self.store):
            if project.id == project_id and project.workshops:
                return project.workshops[0].id
        return None

    def show_settings(self) -> None:
        from facilitator.ui.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).exec()
        self._update_actions()  # the organisation's database may be named now

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Facilitator"),
            self.tr("Facilitator {version}\n\nCapture workshops offline and export the "
                    "minutes to Word.\n\nDatabase: {path}").format(
                        version=__version__, path=self.database))

    # ----- state -------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.get(opts.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._fit_first_start()
        docks = self.settings.get(opts.WINDOW_STATE)  # docks and toolbars
        if not docks.isEmpty():
            self.restoreState(docks)
        self._restore_splitters(self)
        # The recovery file is written within a second; QSettings may not be after a crash.
        last = drafts.keeper().view().get("workshop") or self.settings.get(opts.LAST_WORKSHOP)
        if last and self.navigator.select_id(last, emit=False):
            self.open_workshop(last)
        else:
            self.open_workshop(None)

    def _fit_first_start(self) -> None:
        """The first start fills a laptop's screen (three wish columns need the room);
        a large screen gets a window of most of it. Later starts remember the window."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        if free.width() < FIRST_START_MIN_SCREEN:
            return  # a small or virtual screen: the default size
        if free.width() <= LAPTOP_SCREEN:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(int(free.width() * 0.85), int(free.height() * 0.85))
            self.move(free.center() - self.rect().center())

    def _restore_splitters(self, widget: QWidget) -> None:
        for splitter in widget.findChildren(QSplitter, REMEMBERED_SPLITTERS):
            state = self.settings.get(opts.splitter_state(splitter.objectName()))
            if not state.isEmpty():
                splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.live.shutdown()
        self.settings.set(opts.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(opts.WINDOW_STATE, self.saveState())
        for splitter in self.findChildren(QSplitter, REMEMBERED_SPLITTERS):
            self.settings.set(opts.splitter_state(splitter.objectName()), splitter.saveState())
        self.settings.sync()
        drafts.keeper().flush()
        super().closeEvent(event)
