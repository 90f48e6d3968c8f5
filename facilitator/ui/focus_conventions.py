"""Where the keyboard focus may go, and how a facilitator sees where it is.

Applied to every page when it is built (``tidy``), so the pages keep their
own code:

- no focus stop that shows nothing: scroll areas that only hold other fields
  take no focus;
- Tab leaves a table or a list (``tabKeyNavigation`` off: arrows move between
  cells) instead of cycling through its cells for ever;
- Esc in a note goes back to the page's list (or its first field);
- Tab order: page tabs → the page → the timer toolbar (a page is built on
  first use, after the toolbar, so its fields would otherwise come last).

``FocusRing`` draws a clear ring, in the highlight colour, round whatever has
the keyboard focus in the main window, whatever the platform's own style
draws (Fusion's focus marks are a faint line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFocusFrame,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QWidget,
)

from facilitator.ui.widgets.markdown_editor import MarkdownEditor

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow

RING = 2  # pixels, drawn just outside the focused widget


def tidy(page: QWidget, window: MainWindow) -> None:
    """Apply the window's focus conventions to a page that was just built."""
    for area in page.findChildren(QScrollArea):
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for view in page.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    home = _home(page)
    for editor in page.findChildren(MarkdownEditor):
        editor.escape_target = home
    order_after_tabs(page, window)


def _home(page: QWidget) -> QWidget | None:
    """Where Esc in a note goes: the page's first list, else its first field."""
    for view in page.findChildren(QAbstractItemView):
        if view.focusPolicy() & Qt.FocusPolicy.TabFocus and view.window() is page.window():
            return view
    return first_field(page)


def order_after_tabs(page: QWidget, window: QMainWindow) -> None:
    """Tab order: page tabs, then the pages, then the toolbars.

    Pages are built on first use, after the toolbar, so the fields of
    ``page`` (just built) would otherwise come after the toolbar's.
    """
    # The page tabs have their own tab bar (RoomyTabBar), not Qt's named default one.
    tabs = window.findChild(QTabWidget, "workshopTabs")
    if tabs is None:
        return
    tab_bar = tabs.tabBar()
    in_pages = [w for w in _chain(window) if tabs.isAncestorOf(w) and w is not tab_bar]
    if not in_pages:
        return
    previous = in_pages[-1]
    for toolbar in window.findChildren(QToolBar):
        for field in _chain(toolbar):
            QWidget.setTabOrder(previous, field)
            previous = field


def _chain(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab can stop at, in their focus-chain order."""
    found: list[QWidget] = []
    widget: QWidget | None = root.nextInFocusChain()
    seen: set[int] = set()
    while widget is not None and widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if root.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                and widget.focusProxy() is None:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def first_field(page: QWidget) -> QWidget | None:
    """The first field of ``page`` that Tab would stop at and that is on show."""
    proxy = page.focusProxy()
    if proxy is not None and proxy.isVisible() and proxy.isEnabled():
        return proxy
    for widget in _chain(page):
        if widget.isVisible() and widget.isEnabled():
            return widget
    return None


class FocusRing(QFocusFrame):
    """A ring round the focused widget; it takes no mouse clicks and no focus.

    QFocusFrame follows its widget through moves, resizes and scrolling; only
    the drawing is ours (the platform's focus frame is a faint line, or none).
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.hide()
        self._window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @property
    def target(self) -> QWidget | None:
        return self.widget()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        target = _outer(new) if new is not None else None
        if target is not None and (target.window() is not self._window
                                   or target is self._window or target.parentWidget() is None):
            target = None
        self.setWidget(target)  # type: ignore[arg-type]  # None hides the ring
        if target is not None:
            self._fit(target)

    def _fit(self, target: QWidget) -> None:
        outer = QRect(target.pos(), target.size()).adjusted(-RING, -RING, RING, RING)
        self.setGeometry(outer)
        inner = QRect(RING, RING, target.width(), target.height())
        self.setMask(QRegion(self.rect()).subtracted(QRegion(inner)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        handled = super().eventFilter(watched, event)
        target = self.widget()
        if watched is target and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self._fit(target)
        return handled

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        pen = QPen(colour, RING)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))


def _outer(widget: QWidget) -> QWidget:
    """The widget the user sees as the field: a combo box rather than its line edit."""
    parent = widget.parentWidget()
    while parent is not None and parent.focusProxy() is widget:
        widget, parent = parent, parent.parentWidget()
    return widget
