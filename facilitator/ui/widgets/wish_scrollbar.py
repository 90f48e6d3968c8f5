"""The wish columns' scroll bar, which skips repaints that would change nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider


class WishScrollBar(QScrollBar):
    """A vertical scroll bar that repaints only when what it shows has changed.

    Every new wish grows the list's range, and Qt repaints a scroll bar on any
    change of range or value; in a long column the slider does not move by a
    pixel, yet the repaint (Fusion's gradients, filled on a thread pool) cost
    0.5 to 2 ms of each Enter. What a scroll bar shows of its range and value is
    the slider's rectangle (Fusion and Windows draw the arrows the same at the
    ends), so a change that leaves it, and the bar's size, as last painted is not
    repainted. A new row at the bottom first grows the range (the slider moves
    up) and then scrolls (it moves back), so a range change is looked at again
    once the event that made it is over. Clicks, drags, hover and enabling
    repaint as usual.
    """

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self._painted: tuple[int, ...] | None = None
        self._recheck = False

    def _shown(self) -> tuple[int, ...]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        slider = self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                             QStyle.SubControl.SC_ScrollBarSlider, self)
        return (self.width(), self.height(), slider.x(), slider.y(), slider.width(),
                slider.height())

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:  # noqa: N802
        kind = QAbstractSlider.SliderChange
        if change in (kind.SliderRangeChange, kind.SliderValueChange) \
                and self._painted is not None and not self.isSliderDown() \
                and self.repeatAction() == QAbstractSlider.SliderAction.SliderNoAction:
            if self._shown() == self._painted:
                return
            if change == kind.SliderRangeChange:
                if not self._recheck:
                    self._recheck = True
                    QTimer.singleShot(0, self, self._check)
                return
        super().sliderChange(change)

    def _check(self) -> None:
        self._recheck = False
        if self._shown() != self._painted:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._painted = self._shown()
        super().paintEvent(event)
