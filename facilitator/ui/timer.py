"""The workshop timer: a model on a monotonic clock, and its small control widget.

The remaining time is always computed from a monotonic clock and a deadline,
never by counting ticks, so a stalled event loop (a slow save, a dialog, a
sleeping laptop) cannot make the timer run slow. Ticks only decide when to
tell the views.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from facilitator.ui import platform_helpers

MAX_MINUTES = 180
FLASHES = 4  # times the colours invert at the end
FLASH_MS = 350


class Inhibitor(Protocol):
    def acquire(self) -> bool: ...
    def release(self) -> None: ...


def format_mmss(remaining_ms: int) -> str:
    """mm:ss, rounding up, so 00:00 shows only when the time is really up."""
    seconds = max(0, math.ceil(remaining_ms / 1000))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class WorkshopTimer(QObject):
    """A count-down of whole minutes with start, pause and reset.

    ``changed(remaining_ms, running)`` comes whenever the shown second changes and
    on every state change; ``finished`` exactly once when the time runs out,
    followed by ``flash_changed(True/False)`` a few times so views can invert
    their colours together. While running, the screen is kept awake.
    """

    changed = Signal(int, bool)
    finished = Signal()
    flash_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *,
                 clock: Callable[[], int] | None = None,
                 inhibitor: Inhibitor | None = None,
                 chime: bool = True,
                 wall: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self._wall = wall  # only to come back after a crash: the count-down is monotonic
        self._ends_at: float | None = None  # wall-clock seconds at the deadline, while running
        if clock is None:
            elapsed = QElapsedTimer()
            elapsed.start()
            clock = elapsed.elapsed
            self._elapsed = elapsed  # keep it alive
        self._clock = clock
        self._inhibitor: Inhibitor = inhibitor or platform_helpers.SleepInhibitor(
            parent=self)
        self.chime = chime
        self._duration_ms = 10 * 60_000
        self._remaining_ms = self._duration_ms  # while stopped
        self._deadline: int | None = None  # clock value at which time is up, while running
        self._finished = False
        self._started = False  # since the last reset
        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.timeout.connect(self.poll)
        self._flash_left = 0
        self.flash_on = False
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle_flash)

    # ----- state -------------------------------------------------------------
    @property
    def duration_ms(self) -> int:
        return self._duration_ms

    @property
    def minutes(self) -> int:
        return self._duration_ms // 60_000

    def remaining_ms(self) -> int:
        if self._deadline is None:
            return self._remaining_ms
        return max(0, self._deadline - self._clock())

    def is_running(self) -> bool:
        return self._deadline is not None

    def is_finished(self) -> bool:
        return self._finished

    def is_active(self) -> bool:
        """Running, or paused part-way: worth showing on the projector."""
        return self.is_running() or (self._started and self._remaining_ms > 0)

    def text(self) -> str:
        return format_mmss(self.remaining_ms())

    # ----- commands ----------------------------------------------------------
    def set_minutes(self, minutes: int) -> None:
        """Set the length; a timer that is not running goes back to the full length."""
        minutes = max(1, min(MAX_MINUTES, int(minutes)))
        self._duration_ms = minutes * 60_000
        if not self.is_running():
            self._remaining_ms = self._duration_ms
            self._finished = False
            self._started = False
            self._emit()

    def start(self) -> None:
        if self.is_running():
            return
        self._stop_flash()
        if self._finished or self._remaining_ms <= 0:
            self._remaining_ms = self._duration_ms
            self._finished = False
        self._deadline = self._clock() + self._remaining_ms
        self._ends_at = round(self._wall() + self._remaining_ms / 1000, 3)
        self._started = True
        self._inhibitor.acquire()
        self._emit()
        self._schedule()

    def pause(self) -> None:
        if not self.is_running():
            return
        self._remaining_ms = self.remaining_ms()
        self._deadline = None
        self._tick.stop()
        self._inhibitor.release()
        self._emit()

    def toggle(self) -> None:
        if self.is_running():
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        self._deadline = None
        self._tick.stop()
        self._stop_flash()
        self._remaining_ms = self._duration_ms
        self._finished = False
        self._started = False
        self._inhibitor.release()
        self._emit()

    def shutdown(self) -> None:
        """Stop everything and let the screen sleep again (on quit)."""
        self._deadline = None
        self._tick.stop()
        self._stop_flash()
        self._inhibitor.release()

    # ----- after a crash --------------------------------------------------------
    def snapshot(self) -> dict[str, object]:
        """The state to come back to: it changes on start, pause and reset, not per tick."""
        state: dict[str, object] = {"minutes": self.minutes}
        if self.is_running():
            state.update(running=True, ends_at=self._ends_at)
        elif self._started:
            state.update(running=False, remaining_ms=self._remaining_ms)
        return state

    def restore(self, state: dict[str, object]) -> None:
        """Come back to a ``snapshot``: running on (time kept ticking while the app was
        gone), paused with its time left, or finished quietly if it ran out meanwhile."""
        minutes = state.get("minutes")
        if isinstance(minutes, int):
            self.set_minutes(minutes)
        ends_at, remaining = state.get("ends_at"), state.get("remaining_ms")
        if state.get("running") and isinstance(ends_at, int | float):
            left_ms = int((ends_at - self._wall()) * 1000)
            if 0 < left_ms <= self._duration_ms:
                self._remaining_ms = left_ms
                self.start()
                self._ends_at = float(ends_at)
            elif left_ms <= 0:
                self._remaining_ms, self._finished, self._started = 0, True, False
                self._emit()
        elif isinstance(remaining, int) and 0 < remaining <= self._duration_ms:
            self._remaining_ms, self._started = remaining, True
            self._emit()

    # ----- the clock ---------------------------------------------------------
    def poll(self) -> None:
        """Look at the clock: tell the views, finish at zero, plan the next look."""
        if not self.is_running():
            return
        remaining = self.remaining_ms()
        if remaining <= 0:
            self._finish()
            return
        self._emit()
        self._schedule()

    def _schedule(self) -> None:
        remaining = self.remaining_ms()
        # wake just after the displayed second changes (and at the deadline)
        until_next_second = remaining % 1000 or 1000
        self._tick.start(min(until_next_second, remaining) + 5)

    def _finish(self) -> None:
        self._deadline = None
        self._remaining_ms = 0
        self._finished = True
        self._started = False
        self._tick.stop()
        self._inhibitor.release()
        self._emit()
        self.finished.emit()
        if self.chime:
            platform_helpers.play_chime()
        self._flash_left = FLASHES * 2
        self._toggle_flash()
        self._flash.start()

    def _toggle_flash(self) -> None:
        if self._flash_left <= 0:
            self._stop_flash()
            return
        self._flash_left -= 1
        self.flash_on = not self.flash_on
        self.flash_changed.emit(self.flash_on)

    def _stop_flash(self) -> None:
        self._flash.stop()
        self._flash_left = 0
        if self.flash_on:
            self.flash_on = False
            self.flash_changed.emit(False)

    def _emit(self) -> None:
        self.changed.emit(self.remaining_ms(), self.is_running())


class TimerWidget(QWidget):
    """Minutes, start/pause, reset and a large mm:ss, for a toolbar or a dock.

    ``start_action`` (F6) and ``reset_action`` (Shift+F6) work anywhere in the
    window that holds the widget; the lead may also put them in a menu.
    """

    START_SHORTCUT = "F6"
    RESET_SHORTCUT = "Shift+F6"

    def __init__(self, timer: WorkshopTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timer = timer
        self.setObjectName("timerWidget")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("timerMinutes")
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setValue(timer.minutes)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Timer minutes"))
        self.minutes.setToolTip(self.tr("Length of the timer in minutes"))
        self.minutes.valueChanged.connect(timer.set_minutes)

        self.start_action = QAction(self.tr("Start timer"), self)
        self.start_action.setObjectName("actionTimerStart")
        self.start_action.setShortcut(QKeySequence(self.START_SHORTCUT))
        self.start_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.start_action.triggered.connect(timer.toggle)
        self.reset_action = QAction(self.tr("Reset timer"), self)
        self.reset_action.setObjectName("actionTimerReset")
        self.reset_action.setShortcut(QKeySequence(self.RESET_SHORTCUT))
        self.reset_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.reset_action.triggered.connect(timer.reset)
        self.addAction(self.start_action)
        self.addAction(self.reset_action)

        self.start_button = QPushButton()
        self.start_button.setObjectName("timerStart")
        self.start_button.clicked.connect(timer.toggle)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("timerReset")
        self.reset_button.setToolTip(self._tip(self.tr("Back to the full time"),
                                               self.RESET_SHORTCUT))
        self.reset_button.clicked.connect(timer.reset)

        self.display = QLabel()
        self.display.setObjectName("timerDisplay")
        self.display.setAccessibleName(self.tr("Time left"))
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        font = QFont(self.display.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.display.setFont(font)
        self.display.setAutoFillBackground(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.minutes)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.display)

        timer.changed.connect(self._show)
        timer.flash_changed.connect(self._flash)
        self._flash(False)
        self._show(timer.remaining_ms(), timer.is_running())

    @staticmethod
    def _tip(text: str, shortcut: str) -> str:
        native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        return f"{text} ({native})"

    def _show(self, remaining_ms: int, running: bool) -> None:
        self.display.setText(format_mmss(remaining_ms))
        if running:
            label = self.tr("Pause")
        elif self.timer.is_active():
            label = self.tr("Continue")
        else:
            label = self.tr("Start")
        self.start_button.setText(label)
        self.start_button.setToolTip(self._tip(self.tr("Start or pause the timer"),
                                               self.START_SHORTCUT))
        self.start_action.setText(self.tr("Pause timer") if running else self.tr("Start timer"))
        self.minutes.setEnabled(not running)
        if not running and not self.timer.is_active() and not self.timer.is_finished():
            self.minutes.blockSignals(True)
            self.minutes.setValue(self.timer.minutes)
            self.minutes.blockSignals(False)

    def _flash(self, on: bool) -> None:
        """Invert the display's colours while the end-of-time flash is on."""
        self.flashing = on
        if on:
            palette = self.palette()
            self.display.setStyleSheet(
                f"QLabel {{ background: {palette.windowText().color().name()};"
                f" color: {palette.window().color().name()}; padding: 0 8px; }}")
        else:
            self.display.setStyleSheet("QLabel { padding: 0 8px; }")
