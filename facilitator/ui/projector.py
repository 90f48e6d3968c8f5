"""The projector: a second window in large type.

The window never takes keyboard focus from capture (it shows without
activating and does not accept focus), follows every edit through the change
bus, and scales its type to its own size so it reads from the back of a hall.
Its panel in the main window is ``projector_controls.ProjectorControls``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import QMenu, QWidget

from facilitator.events import ChangeBus
from facilitator.services.core import Change, NotFoundError, Store
from facilitator.ui import projector_content as content
from facilitator.ui.projector_content import Mode, Slide
from facilitator.ui.projector_desktop import (
    FocusKeeper,
    home_screen,
    pick_projector_screen,
    show_windowed,
)
from facilitator.ui.projector_render import (
    SlideLayout,
    layout_slide,
    paint_slide,
    paint_timer,
)
from facilitator.ui.projector_typesetting import DARK
from facilitator.ui.timer import WorkshopTimer

__all__ = ["Mode", "ProjectorWindow"]

RELOAD_DELAY_MS = 120


class ProjectorWindow(QWidget):
    """A top-level window showing one thing in large type; see ``Mode``.

    Create it with the main window as ``parent`` (it stays a separate window):
    then it closes with the app and never keeps it running.
    """

    mode_changed = Signal(object)  # Mode
    workshop_changed = Signal(object)  # str | None
    shown_changed = Signal(bool)

    WATCHED = frozenset({"workshop", "section", "group", "wish", "focus_area", "project"})

    def __init__(self, store: Store, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.setWindowTitle(self.tr("Facilitator – projector"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(320, 240)
        self.store, self.bus = store, bus
        self.mode = Mode.AGENDA_ITEM
        self.workshop_id: str | None = None
        self.section_id: str | None = None
        self.group_id: str | None = None
        self.vote_group_id: str | None = None
        self.timer: WorkshopTimer | None = None
        self.theme = DARK
        self._slide = Slide()
        self._layout: SlideLayout | None = None
        self._layout_key: tuple[object, ...] = ()

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        bus.changed.connect(self._on_changed)

        self.toggle_action = QAction(self.tr("Show on &projector"), self)
        self.toggle_action.setObjectName("actionProjector")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("F5"))
        self.toggle_action.setToolTip(self.tr("Show or hide the projector window (F5)"))
        self.toggle_action.triggered.connect(lambda _checked=False: self.toggle_fullscreen())
        # The window's own keys, for when the window system does give it the keyboard.
        self._own_fullscreen = QAction(self.tr("Full screen"), self)
        self._own_fullscreen.setShortcut(QKeySequence("F5"))
        self._own_fullscreen.triggered.connect(self.toggle_own_fullscreen)
        self._leave = QAction(self.tr("Leave full screen"), self)
        self._leave.setShortcut(QKeySequence("Esc"))
        self._leave.triggered.connect(self.leave_fullscreen)
        self._hide = QAction(self.tr("Hide the projector"), self)
        self._hide.triggered.connect(self.hide)
        for action in (self._own_fullscreen, self._leave):
            self.addAction(action)
        self.focus_keeper = FocusKeeper(self)

        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._on_screen_added)
            app.screenRemoved.connect(self._on_screen_removed)

    # ----- what to show ------------------------------------------------------
    def set_workshop(self, workshop_id: str | None) -> None:
        if workshop_id != self.workshop_id:
            self.section_id = self.group_id = self.vote_group_id = None
        self.workshop_id = workshop_id
        self.workshop_changed.emit(workshop_id)
        self.reload()

    def show_agenda_item(self, section_id: str | None = None) -> None:
        """One agenda item's heading and notes; None shows the whole agenda."""
        self.section_id = section_id
        self._set_mode(Mode.AGENDA_ITEM)

    def show_group(self, group_id: str | None) -> None:
        self.group_id = group_id
        self._set_mode(Mode.GROUP_WISHES)

    def show_all_groups(self) -> None:
        self._set_mode(Mode.ALL_GROUPS)

    def show_timer(self, timer: WorkshopTimer | None = None) -> None:
        if timer is not None:
            self.set_timer(timer)
        self._set_mode(Mode.TIMER)

    def show_votes(self, group_id: str | None = None) -> None:
        """Wishes sorted by votes, with bars: the whole workshop, or one group."""
        self.vote_group_id = group_id
        self._set_mode(Mode.VOTE_RESULTS)

    def set_timer(self, timer: WorkshopTimer) -> None:
        """Follow ``timer``: its time in TIMER mode, in a corner otherwise, and its flash."""
        if self.timer is timer:
            return
        if self.timer is not None:
            self.timer.changed.disconnect(self._on_timer_changed)
            self.timer.flash_changed.disconnect(self._on_flash)
        self.timer = timer
        timer.changed.connect(self._on_timer_changed)
        timer.flash_changed.connect(self._on_flash)
        self._relayout()

    def _set_mode(self, mode: Mode) -> None:
        changed = mode is not self.mode
        self.mode = mode
        self.reload()
        if changed:
            self.mode_changed.emit(mode)

    # ----- reading -----------------------------------------------------------
    def _labels(self) -> content.Labels:
        return content.Labels(
            agenda=self.tr("Agenda"),
            no_agenda=self.tr("No agenda items yet."),
            no_wishes=self.tr("No wishes yet."),
            no_groups=self.tr("No groups yet."),
            all_groups=self.tr("Wishes and ambitions"),
            votes=self.tr("Priorities"),
            no_votes=self.tr("No votes yet."),
            group_of=self.tr("Group {n} of {count}"),
            item_of=self.tr("Item {n} of {count}"),
        )

    def _on_changed(self, change: Change) -> None:
        if change.kinds & self.WATCHED:
            self._reload_timer.start()

    def reload(self) -> None:
        """Read what to show from the services now (edits arrive debounced)."""
        self._reload_timer.stop()
        try:
            self._slide = self._read()
        except NotFoundError:
            # What was shown went to the trash: fall back to something that exists.
            self.section_id = self.group_id = self.vote_group_id = None
            try:
                self._slide = self._read()
            except NotFoundError:
                self.workshop_id = None
                self._slide = Slide()
        self._relayout()

    def _read(self) -> Slide:
        if self.workshop_id is None or self.mode is Mode.TIMER:
            return Slide()
        labels, wid = self._labels(), self.workshop_id
        if self.mode is Mode.AGENDA_ITEM:
            return content.agenda_slide(self.store, wid, self.section_id, labels)
        if self.mode is Mode.GROUP_WISHES:
            return content.group_slide(self.store, wid, self.group_id, labels)
        if self.mode is Mode.ALL_GROUPS:
            return content.all_groups_slide(self.store, wid, labels)
        return content.votes_slide(self.store, wid, labels, self.vote_group_id)

    # ----- drawing -----------------------------------------------------------
    def _corner_text(self) -> str:
        if self.mode is Mode.TIMER or self.timer is None or not self.timer.is_active():
            return ""
        return self.timer.text()

    def _relayout(self) -> None:
        self._layout = None
        self.update()

    def current_layout(self) -> SlideLayout:
        corner = "00:00" if self._corner_text() else ""
        key = (self.width(), self.height(), self.theme, corner, id(self._slide))
        if self._layout is None or key != self._layout_key:
            self._layout = layout_slide(self._slide, self.width(), self.height(), self.theme,
                                        self.tr("… and {n} more"), corner)
            self._layout_key = key
        return self._layout

    def _timer_caption(self) -> str:
        if self.timer is None:
            return ""
        if self.timer.is_finished():
            return self.tr("Time is up")
        if not self.timer.is_running() and self.timer.is_active():
            return self.tr("Paused")
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), self.theme.background)
        if self.mode is Mode.TIMER:
            if self.timer is not None:
                finished = self.timer.is_finished()
                colour = self.theme.accent if finished else self.theme.text
                paint_timer(painter, self.width(), self.height(), self.timer.text(),
                            self._timer_caption(), colour, self.theme)
        else:
            paint_slide(painter, self.current_layout(), self.theme, self._corner_text())
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._layout = None
        super().resizeEvent(event)

    def _on_timer_changed(self, _remaining: int, _running: bool) -> None:
        self.update()

    def _on_flash(self, on: bool) -> None:
        self.theme = DARK.inverted() if on else DARK
        self._relayout()

    @property
    def flashing(self) -> bool:
        return self.theme != DARK

    # ----- reading back (tests, accessibility) -------------------------------
    def visible_text(self) -> str:
        """The plain text being shown, top to bottom."""
        if self.mode is Mode.TIMER:
            if self.timer is None:
                return ""
            return "\n".join(x for x in (self.timer.text(), self._timer_caption()) if x)
        text = self.current_layout().plain_text()
        corner = self._corner_text()
        return f"{corner}\n{text}" if corner else text

    def body_pixel_size(self) -> int:
        body = self.current_layout().body
        return body.px if body is not None else 0

    def content_fits(self) -> bool:
        body = self.current_layout().body
        return body is None or not body.overflows()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(1024, 768)

    # ----- windows and screens ----------------------------------------------
    def toggle_fullscreen(self) -> None:
        """F5: show on the projector (full screen on another screen if any), or hide."""
        if self.isVisible():
            self.hide()
        else:
            self.present()

    def present(self) -> None:
        screen = pick_projector_screen(QGuiApplication.screens(), home_screen(self))
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            show_windowed(self, home_screen(self))
        self.reload()

    def toggle_own_fullscreen(self) -> None:
        """F5 in the projector window itself: full screen on the screen it is on."""
        if self.isFullScreen():
            self.leave_fullscreen()
        else:
            self.showFullScreen()

    def leave_fullscreen(self) -> None:
        if self.isFullScreen():
            show_windowed(self, self.screen())

    def _on_screen_added(self, _screen: QScreen) -> None:
        if self.isVisible() and not self.isFullScreen():
            QTimer.singleShot(0, self.present)

    def _on_screen_removed(self, _screen: QScreen) -> None:
        # An unplugged projector must not leave a full-screen window over the laptop.
        if self.isVisible() and self.isFullScreen():
            QTimer.singleShot(0, lambda: show_windowed(self, home_screen(self)))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.toggle_action.setChecked(True)
        self.shown_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self.focus_keeper.disarm()
        self.toggle_action.setChecked(False)
        self.shown_changed.emit(False)

    # ----- keys and mouse without taking focus -------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange:
            self.focus_keeper.activation_changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self.focus_keeper.handle_key(event.key()):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.focus_keeper.arm()
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.toggle_own_fullscreen()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = QMenu(self)
        self._own_fullscreen.setText(self.tr("Leave full screen") if self.isFullScreen()
                                     else self.tr("Full screen"))
        menu.addAction(self._own_fullscreen)
        menu.addAction(self._hide)
        menu.exec(event.globalPos())
