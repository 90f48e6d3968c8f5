"""Work that can wait until the window is on screen.

Start-up runs only what the first picture needs; listening for a second launch,
the start-up backup's timer and other housekeeping are started once the main
window has been painted, so the facilitator sees their workshop sooner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# How long after the first paint: the first clicks and keys, and the paints the
# window system asks for next, go before housekeeping.
DELAY_MS = 200
# A window that is never painted (started minimised, say) still gets its
# housekeeping, this long after it was asked for.
LATEST_MS = 3000


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object], latest_ms: int) -> None:
        super().__init__(widget)
        self._callback: Callable[[], object] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(DELAY_MS, self, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            parent = self.parent()
            assert parent is not None  # made as the widget's child, so it dies with it
            parent.removeEventFilter(self)
            self.deleteLater()
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], object],
                      latest_ms: int = LATEST_MS) -> None:
    """Call ``callback`` once, just after ``widget`` is first painted (or after ``latest_ms``)."""
    _AfterFirstPaint(widget, callback, latest_ms)
