"""A scrollable stack of paper pages drawn from a paginated QTextDocument.

Each page is white A4 on a grey desk: the page header (left text, "Sid n(m)" on
the right, a thin rule below) in the top margin, then the document's n-th page
of text. Only the pages in view are painted, so a 200-page document scrolls
as lightly as a 2-page one. PgUp/PgDn move a page, Ctrl+plus/minus zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from facilitator.ui.minutes_preview import MUTED, PAGE, RULE, base_font

GAP = 16  # px between pages and around them, at any zoom
ZOOMS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0)


class PagePreview(QAbstractScrollArea):
    """Shows ``document`` as pages; emits ``page_changed(current, count)`` (1-based)."""

    page_changed = Signal(int, int)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePreview")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setBackgroundRole(self.viewport().backgroundRole())
        self.document: QTextDocument | None = None
        self.header_left = ""
        self.page_word = "Sid"
        self.zoom = 0.75
        self._fit_width = True
        self._page_count = 0
        self._current = 0
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # -- what is shown -------------------------------------------------------------------
    def set_document(self, document: QTextDocument | None, header_left: str = "",
                     page_word: str = "Sid") -> None:
        """Show ``document`` (already paginated), keeping the reader's place."""
        self.document, self.header_left, self.page_word = document, header_left, page_word
        self._page_count = document.pageCount() if document is not None else 0
        self._update_scrollbars()
        self.viewport().update()
        self._on_scrolled()

    def page_count(self) -> int:
        return self._page_count

    def current_page(self) -> int:
        return self._current

    # -- geometry --------------------------------------------------------------------------
    def page_size(self) -> tuple[float, float]:
        return PAGE.px(PAGE.width) * self.zoom, PAGE.px(PAGE.height) * self.zoom

    def _stride(self) -> float:
        return self.page_size()[1] + GAP

    def _update_scrollbars(self) -> None:
        if self._fit_width:
            available = self.viewport().width() - 2 * GAP
            fitted = max(ZOOMS[0], min(1.0, available / PAGE.px(PAGE.width)))
            if abs(fitted - self.zoom) > 0.001:
                self.zoom = fitted
                self.zoom_changed.emit(fitted)
        width, _height = self.page_size()
        total = GAP + self._page_count * self._stride()
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, int(total - self.viewport().height())))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(40)
        horizontal = self.horizontalScrollBar()
        horizontal.setRange(0, max(0, int(width + 2 * GAP - self.viewport().width())))
        horizontal.setPageStep(self.viewport().width())

    def _on_scrolled(self) -> None:
        current = 0
        if self._page_count:
            middle = self.verticalScrollBar().value() + self.viewport().height() / 3
            current = min(self._page_count, int(middle // self._stride()) + 1)
        if current != self._current:
            self._current = current
        self.page_changed.emit(self._current, self._page_count)

    def go_to_page(self, page: int) -> None:
        page = max(1, min(page, self._page_count or 1))
        self.verticalScrollBar().setValue(int((page - 1) * self._stride()))

    def set_zoom(self, zoom: float) -> None:
        page = self._current or 1
        self._fit_width = False
        self.zoom = max(ZOOMS[0], min(ZOOMS[-1], zoom))
        self._update_scrollbars()
        self.go_to_page(page)
        self.viewport().update()
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOMS if z > self.zoom + 0.01), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self.zoom - 0.01), ZOOMS[0]))

    # -- events ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_scrollbars()
        self._on_scrolled()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_PageDown:
            self.go_to_page(self._current + 1)
        elif key == Qt.Key.Key_PageUp:
            self.go_to_page(self._current - 1)
        elif key == Qt.Key.Key_Home and ctrl:
            self.go_to_page(1)
        elif key == Qt.Key.Key_End and ctrl:
            self.go_to_page(self._page_count)
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom_out()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
            return
        super().wheelEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor("#8a8f96"))
        if self.document is None or not self._page_count:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        width, height = self.page_size()
        top = self.verticalScrollBar().value()
        x = max(GAP, (self.viewport().width() - width) / 2) - self.horizontalScrollBar().value()
        first = max(0, int((top - GAP) // self._stride()))
        last = min(self._page_count - 1, int((top + self.viewport().height()) // self._stride()))
        for index in range(first, last + 1):
            y = GAP + index * self._stride() - top
            painter.fillRect(QRectF(x + 3, y + 3, width, height), QColor(0, 0, 0, 60))
            painter.fillRect(QRectF(x, y, width, height), Qt.GlobalColor.white)
            painter.save()
            painter.translate(QPointF(x, y))
            painter.scale(self.zoom, self.zoom)
            self._paint_page(painter, index)
            painter.restore()

    def _paint_page(self, painter: QPainter, index: int) -> None:
        """One page at zoom 1: its header in the top margin, then its text."""
        assert self.document is not None
        left, text_width = PAGE.px(PAGE.left), PAGE.px(PAGE.width - PAGE.left - PAGE.right)
        font = base_font(9)
        metrics = QFontMetricsF(font)
        baseline = PAGE.px(PAGE.header_distance) + metrics.ascent()
        painter.setFont(font)
        painter.setPen(QColor(MUTED))
        number = f"{self.page_word} {index + 1}({self._page_count})"
        left_text = metrics.elidedText(self.header_left, Qt.TextElideMode.ElideRight,
                                       text_width - metrics.horizontalAdvance(number) - 24)
        painter.drawText(QPointF(left, baseline), left_text)
        painter.drawText(QPointF(left + text_width - metrics.horizontalAdvance(number),
                                 baseline), number)
        rule_y = baseline + metrics.descent() + PAGE.pt(4)
        painter.setPen(QPen(QColor(RULE), PAGE.pt(0.5)))
        painter.drawLine(QPointF(left, rule_y), QPointF(left + text_width, rule_y))
        page_height = self.document.pageSize().height()
        painter.translate(QPointF(left, PAGE.px(PAGE.top) - index * page_height))
        self.document.drawContents(
            painter, QRectF(0, index * page_height, self.document.pageSize().width(), page_height))
