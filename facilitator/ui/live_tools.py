"""The evening's tools in the main window: the timer toolbar, the projector and its panel.

The projector window and its panel are built the first time they are asked
for (F5 or the panel), so a launch that never uses them does not load them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar

from facilitator import settings as opts
from facilitator.ui.timer import TimerWidget, WorkshopTimer

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.projector import ProjectorWindow
    from facilitator.ui.projector_controls import ProjectorControls


class LiveTools(QObject):
    """Creates the timer, the projector on demand, and the "Kväll" menu for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workshop_id: str | None = None
        self._projector: ProjectorWindow | None = None
        self._controls: ProjectorControls | None = None
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

        self.projector_action = QAction(self.tr("Show on &projector"), self)
        self.projector_action.setObjectName("actionProjector")
        self.projector_action.setCheckable(True)
        self.projector_action.setShortcut(QKeySequence("F5"))
        self.projector_action.setToolTip(self.tr("Show or hide the projector window (F5)"))
        self.projector_action.triggered.connect(lambda _checked=False: self.toggle_projector())

        self.dock = QDockWidget(self.tr("Projector"), window)
        self.dock.setObjectName("projectorDock")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda shown: shown and self.controls)

        menu = window.menuBar().addMenu(self.tr("E&vening"))
        menu.setObjectName("menuEvening")
        dock_action = self.dock.toggleViewAction()
        dock_action.setText(self.tr("Projector &panel"))
        dock_action.setObjectName("actionProjectorPanel")
        dock_action.setShortcut("Ctrl+Shift+P")
        toolbar_action = self.toolbar.toggleViewAction()
        toolbar_action.setText(self.tr("&Timer toolbar"))
        toolbar_action.setObjectName("actionTimerToolbar")
        for action in (self.projector_action, dock_action, None,
                       self.timer_widget.start_action, self.timer_widget.reset_action,
                       toolbar_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
                window.addAction(action)

    @property
    def projector(self) -> ProjectorWindow:
        """The projector window, made on first use."""
        if self._projector is None:
            from facilitator.ui.projector import ProjectorWindow

            self._projector = ProjectorWindow(self.window.store, self.window.bus, self.window)
            self._projector.set_timer(self.timer)
            self._projector.set_workshop(self.workshop_id)
            self._projector.shown_changed.connect(self.projector_action.setChecked)
            recovery = getattr(self.window, "screen_recovery", None)
            if recovery is not None:
                recovery.watch_projector(self._projector)
        return self._projector

    @property
    def controls(self) -> ProjectorControls:
        """The projector panel in its dock, made on first use."""
        if self._controls is None:
            from facilitator.ui.projector_controls import ProjectorControls

            self._controls = ProjectorControls(self.projector)
            self._controls.setEnabled(self.workshop_id is not None)
            self.dock.setWidget(self._controls)
        return self._controls

    def toggle_projector(self) -> None:
        """F5: show what the facilitator is working on (see ``projector_context``), or hide."""
        if not self.projector.isVisible():
            from facilitator.ui.projector_context import show_current_context

            show_current_context(self.projector, self.window.current_page())
        self.projector.toggle_fullscreen()
        self.projector_action.setChecked(self.projector.isVisible())

    def set_workshop(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        if self._projector is not None:
            self._projector.set_workshop(workshop_id)
        if self._controls is not None:
            self._controls.setEnabled(workshop_id is not None)

    def follow_group(self, group_id: str, _wish_id: str = "") -> None:
        """While the projector shows one group, it follows the group being captured."""
        from facilitator.ui.projector_content import Mode

        projector = self._projector
        if group_id and projector is not None and projector.mode is Mode.GROUP_WISHES \
                and projector.group_id != group_id:
            projector.show_group(group_id)

    def shutdown(self) -> None:
        """Release the screen, stop the timer and close the projector window."""
        self.timer.shutdown()
        if self._projector is not None:
            self._projector.close()
