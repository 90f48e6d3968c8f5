"""The projector window on the desktop: which screen it goes to, and the keyboard it leaves alone.

The window never takes keyboard focus from capture: when a window system
activates it anyway, the keyboard goes straight back; a click on it arms F5
and Esc for it for a few seconds without moving focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from facilitator.ui.projector import ProjectorWindow

__all__ = ["FocusKeeper", "home_screen", "pick_projector_screen", "show_windowed"]

ARMED_MS = 5000


def pick_projector_screen(screens: list[QScreen], home: QScreen | None) -> QScreen | None:
    """A screen other than the one the facilitator works on, or None if there is only one."""
    others = [s for s in screens if s is not home]
    if home is None and len(screens) > 1:
        primary = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not primary]
    return others[0] if others and len(screens) > 1 else None


def home_screen(window: QWidget) -> QScreen | None:
    """The screen the facilitator works on, as seen from the projector ``window``."""
    parent = window.parentWidget()
    if parent is not None and parent.isVisible():
        return parent.screen()
    active = QApplication.activeWindow()
    if active is not None and active is not window:
        return active.screen()
    return QGuiApplication.primaryScreen()


def show_windowed(window: QWidget, screen: QScreen | None) -> None:
    """Show ``window`` as an ordinary window in the middle of ``screen``."""
    if window.isFullScreen():
        window.showNormal()
    if screen is not None:
        area = screen.availableGeometry()
        size = QSize(int(area.width() * 0.6), int(area.height() * 0.6))
        window.resize(size)
        window.move(area.center().x() - size.width() // 2,
                    area.center().y() - size.height() // 2)
    window.show()


def _application() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None  # a projector window exists, so the application does
    return app


class FocusKeeper(QObject):
    """Keeps the keyboard with capture while the projector window is on show."""

    def __init__(self, projector: ProjectorWindow) -> None:
        super().__init__(projector)
        self.projector = projector
        self.armed = False
        self._disarm_timer = QTimer(self)
        self._disarm_timer.setSingleShot(True)
        self._disarm_timer.timeout.connect(self.disarm)
        self._capture: QWidget | None = None  # where the keyboard was, to give it back
        app = QGuiApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._remember_focus)

    def _remember_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is not self.projector:
            self._capture = new

    def activation_changed(self) -> None:
        """Some window systems activate a new window anyway: hand the keyboard back."""
        if self.projector.isActiveWindow() and not self.armed:
            QTimer.singleShot(0, self._give_focus_back)

    def _give_focus_back(self) -> None:
        target = self._capture
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            return
        target.window().activateWindow()
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def handle_key(self, key: int) -> bool:
        """F5 and Esc for the projector window itself; True if ``key`` was one of them."""
        if key == Qt.Key.Key_F5:
            self.projector.toggle_own_fullscreen()
            return True
        if key == Qt.Key.Key_Escape and self.projector.isFullScreen():
            self.projector.leave_fullscreen()
            return True
        return False

    def arm(self) -> None:
        """A click arms F5 / Esc for the projector window for a few seconds; focus stays put."""
        if not self.armed:
            self.armed = True
            _application().installEventFilter(self)
        self._disarm_timer.start(ARMED_MS)

    def disarm(self) -> None:
        if self.armed:
            self.armed = False
            _application().removeEventFilter(self)
        self._disarm_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.armed or event.type() not in (QEvent.Type.ShortcutOverride,
                                                  QEvent.Type.KeyPress) \
                or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        ours = key == Qt.Key.Key_F5 or (key == Qt.Key.Key_Escape
                                        and self.projector.isFullScreen())
        if not ours:
            if event.type() == QEvent.Type.KeyPress:
                self.disarm()  # typing goes on as usual
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # keep the main window's F5 from firing
            return True
        self.handle_key(key)
        return True
