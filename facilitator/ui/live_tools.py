"""The evening's tools in the main window: the timer toolbar, the projector and its panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QToolBar

from facilitator import settings as opts
from facilitator.ui.projector import Mode, ProjectorControls, ProjectorWindow
from facilitator.ui.timer import TimerWidget, WorkshopTimer

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow


class LiveTools(QObject):
    """Creates the timer and the projector for ``window`` and adds the "Kväll" menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        settings = window.settings
        self.timer = WorkshopTimer(window, chime=bool(settings.get(opts.TIMER_SOUND)))
        self.timer.set_minutes(int(settings.get(opts.TIMER_MINUTES)))
        self.timer_widget = TimerWidget(self.timer)
        self.timer_widget.minutes.valueChanged.connect(
            lambda minutes: settings.set(opts.TIMER_MINUTES, int(minutes)))
        self.toolbar = QToolBar(self.tr("Timer"), window)
        self.toolbar.setObjectName("timerToolbar")
        self.toolbar.addWidget(self.timer_widget)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

        self.projector = ProjectorWindow(window.store, window.bus, window)
        self.projector.set_timer(self.timer)
        self.controls = ProjectorControls(self.projector)
        self.dock = QDockWidget(self.tr("Projector"), window)
        self.dock.setObjectName("projectorDock")
        self.dock.setWidget(self.controls)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()

        menu = window.menuBar().addMenu(self.tr("E&vening"))
        menu.setObjectName("menuEvening")
        dock_action = self.dock.toggleViewAction()
        dock_action.setText(self.tr("Projector &panel"))
        dock_action.setObjectName("actionProjectorPanel")
        dock_action.setShortcut("Ctrl+Shift+P")
        toolbar_action = self.toolbar.toggleViewAction()
        toolbar_action.setText(self.tr("&Timer toolbar"))
        toolbar_action.setObjectName("actionTimerToolbar")
        for action in (self.projector.toggle_action, dock_action, None,
                       self.timer_widget.start_action, self.timer_widget.reset_action,
                       toolbar_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
                window.addAction(action)

    def set_workshop(self, workshop_id: str | None) -> None:
        self.projector.set_workshop(workshop_id)
        self.controls.setEnabled(workshop_id is not None)

    def follow_group(self, group_id: str, _wish_id: str = "") -> None:
        """While the projector shows one group, it follows the group being captured."""
        if group_id and self.projector.mode is Mode.GROUP_WISHES \
                and self.projector.group_id != group_id:
            self.projector.show_group(group_id)

    def shutdown(self) -> None:
        """Release the screen, stop the timer and close the projector window."""
        self.timer.shutdown()
        self.projector.close()
