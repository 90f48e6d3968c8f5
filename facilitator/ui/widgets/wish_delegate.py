"""How one wish row looks: indentation, a bullet, the text, its votes as a bar.

A long text wraps onto more lines (up to ``MAX_LINES``) while a column is of a
readable size; a column of more than ``WRAP_LIMIT`` rows switches to uniform
one-line rows, elided with the whole text in the tooltip and the F2 editor, so
a 10,000-row column stays fast (no per-row height to lay out). The bar behind a row grows
with votes / the board's largest count, so a sorted column reads as a chart.
The selected row shows small − and + buttons around its count; a click on
them (or on the count: +1) is announced with ``vote_clicked``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator.ui.models.wish_list_model import DEPTH_ROLE, ID_ROLE, VOTES_ROLE

INDENT = 22
AnyIndex = QModelIndex | QPersistentModelIndex
BULLETS = ("•", "◦", "▪", "–", "·", "·")
BUTTON = 22  # width of the − and + hit areas
COUNT = 34   # width of the count
WRAP_LIMIT = 600
MAX_LINES = 6
PAD = 6


class WishDelegate(QStyledItemDelegate):
    vote_clicked = Signal(str, int)  # wish id, +1 or -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_bars = True
        self.wrap = True
        self.width = 300  # the viewport's width, kept by the column
        # Row heights by (text, depth, width): a relayout after an insert asks every row.
        self._heights: dict[tuple[str, int, int], int] = {}

    # ----- geometry ------------------------------------------------------------
    def text_rect(self, rect: QRect, depth: int, buttons: bool) -> QRect:
        left = rect.left() + 8 + depth * INDENT + 16
        minus, count, _plus = self.vote_rects(rect)
        right = (minus.left() if buttons else count.left()) - 6
        return QRect(left, rect.top() + PAD, max(10, right - left), rect.height() - 2 * PAD - 4)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        metrics = QFontMetrics(option.font)
        one = max(30, metrics.height() + 2 * PAD + 4)
        if not self.wrap:
            return QSize(200, one)
        depth = int(index.data(DEPTH_ROLE) or 0)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (text, depth, self.width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 50_000:
                self._heights.clear()
            width = self.text_rect(QRect(0, 0, self.width, one), depth, True).width()
            if metrics.horizontalAdvance(text) <= width:
                height = one
            else:
                bound = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                             int(Qt.TextFlag.TextWordWrap), text)
                lines = min(MAX_LINES, max(1, round(bound.height() / metrics.lineSpacing())))
                height = lines * metrics.lineSpacing() + 2 * PAD + 4
            self._heights[key] = height
        return QSize(200, height)

    @staticmethod
    def vote_rects(rect: QRect) -> tuple[QRect, QRect, QRect]:
        """(minus, count, plus) at the right end of a row."""
        right = rect.right() - 4
        plus = QRect(right - BUTTON + 1, rect.top() + 3, BUTTON, min(rect.height() - 6, 24))
        count = QRect(plus.left() - COUNT, plus.top(), COUNT, plus.height())
        minus = QRect(count.left() - BUTTON, plus.top(), BUTTON, plus.height())
        return minus, count, plus

    # ----- painting ------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        model = index.model()
        depth = int(index.data(DEPTH_ROLE) or 0)
        votes = int(index.data(VOTES_ROLE) or 0)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = option.rect
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        active = bool(option.state & QStyle.StateFlag.State_Active)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

        highlight = palette.color(QPalette.ColorRole.Highlight)
        if selected:
            fill = QColor(highlight)
            fill.setAlpha(60 if active else 35)
            painter.fillRect(rect, fill)
        elif hovered:
            fill = QColor(highlight)
            fill.setAlpha(18)
            painter.fillRect(rect, fill)

        left = rect.left() + 8 + depth * INDENT
        max_votes = getattr(model, "max_votes", 0) or 0
        if self.show_bars and votes > 0 and max_votes > 0:
            bar = QColor(highlight)
            bar.setAlpha(150 if selected else 110)
            width = max(4, int((rect.right() - 4 - left) * votes / max_votes))
            bar_rect = QRect(left, rect.bottom() - 4, width, 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bar)
            painter.drawRoundedRect(bar_rect, 2, 2)

        text_color = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlpha(130)
        painter.setPen(muted)
        bullet_rect = QRect(left, rect.top() + PAD, 14, QFontMetrics(option.font).height())
        painter.drawText(bullet_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         BULLETS[min(depth, len(BULLETS) - 1)])

        minus, count, plus = self.vote_rects(rect)
        show_buttons = selected or hovered
        # Wrapped text is laid out for the width with buttons, so it never jumps on hover.
        text_rect = self.text_rect(rect, depth, show_buttons or self.wrap)
        painter.setFont(option.font)
        painter.setPen(text_color)
        metrics = QFontMetrics(option.font)
        if self.wrap and metrics.horizontalAdvance(text) > text_rect.width():
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                            | Qt.TextFlag.TextWordWrap), text)
        else:
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             elided)

        count_font = QFont(option.font)
        count_font.setWeight(QFont.Weight.Bold if votes else QFont.Weight.Normal)
        painter.setFont(count_font)
        if votes or show_buttons:
            painter.setPen(text_color if votes else muted)
            painter.drawText(count, Qt.AlignmentFlag.AlignCenter, str(votes))
        if show_buttons:
            button = QColor(text_color)
            button.setAlpha(28)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(button)
            for r in (minus, plus):
                painter.drawRoundedRect(r.adjusted(2, 0, -2, 0), 4, 4)
            painter.setPen(text_color)
            painter.setFont(option.font)
            painter.drawText(minus, Qt.AlignmentFlag.AlignCenter, "−")
            painter.drawText(plus, Qt.AlignmentFlag.AlignCenter, "+")
        painter.restore()

    # ----- clicks on the count ---------------------------------------------------
    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem,  # noqa: N802
                    index: AnyIndex) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.LeftButton:
            minus, count, plus = self.vote_rects(option.rect)
            pos = event.position().toPoint()
            wish_id = index.data(ID_ROLE)
            if plus.contains(pos) or count.contains(pos):
                self.vote_clicked.emit(wish_id, +1)
                return True
            if minus.contains(pos):
                self.vote_clicked.emit(wish_id, -1)
                return True
        return super().editorEvent(event, model, option, index)

    # ----- F2: edit in place -------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("wishEditor")
        editor.setFrame(False)
        return editor

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: AnyIndex) -> None:
        depth = int(index.data(DEPTH_ROLE) or 0)
        rect = QRect(option.rect)
        rect.setLeft(rect.left() + 8 + depth * INDENT + 12)
        rect.setRight(self.vote_rects(option.rect)[0].left() - 4)
        editor.setGeometry(rect)

