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

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator.services.wishes import WishInfo
from facilitator.ui.models.wish_list_model import DEPTH_ROLE, ID_ROLE

INDENT = 18
AnyIndex = QModelIndex | QPersistentModelIndex
BULLETS = ("•", "◦", "▪", "–", "·", "·")
BUTTON = 20  # width of the − and + hit areas
COUNT = 28   # width of the count (three digits in bold)
WRAP_LIMIT = 600
MAX_LINES = 6
PAD = 6


def _info(index: AnyIndex) -> WishInfo | None:
    """The row's wish, straight from the model (one call instead of a call per role)."""
    model = index.model()
    info = getattr(model, "info", None)
    return info(index.row()) if info is not None else None


_SELECTED = QStyle.StateFlag.State_Selected.value
_HOVER = QStyle.StateFlag.State_MouseOver.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_CACHE_LIMIT = 4_000  # laid-out texts kept per look; a full list is rebuilt on demand


class _Look:
    """Colours, fonts and laid-out texts for one palette and font.

    A repaint after an insert paints every visible row again; everything a row
    needs that does not depend on the row is made once here, and each text is
    laid out once (``QStaticText``) and then only drawn.
    """

    def __init__(self, option: QStyleOptionViewItem) -> None:
        palette, font = option.palette, QFont(option.font)
        self.palette_key = palette.cacheKey()
        self.font = font
        self.bold = QFont(font)
        self.bold.setWeight(QFont.Weight.Bold)
        self.metrics = QFontMetrics(font)
        self.line = max(30, self.metrics.height() + 2 * PAD + 4)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.muted = self._alpha(self.text, 130)
        self.button = self._alpha(self.text, 28)
        self.selected = self._alpha(highlight, 60)
        self.selected_inactive = self._alpha(highlight, 35)
        self.hover = self._alpha(highlight, 18)
        self.bar = self._alpha(highlight, 110)
        self.bar_selected = self._alpha(highlight, 150)
        self.bullets = [self._static(b, font) for b in BULLETS]
        self.plain: dict[tuple[str, int], QStaticText] = {}  # (text, width): elided, one line
        self.wrapped: dict[tuple[str, int], tuple[QStaticText, bool]] = {}  # …: (text, clip)
        self.counts: dict[tuple[int, bool], QStaticText] = {}
        self.one_line_size = QSize(200, self.line)
        self.sizes: dict[int, QSize] = {}
        # Row heights by (text, depth, width): a relayout after an insert asks every row.
        self.heights: dict[tuple[str, int, int], int] = {}

    @staticmethod
    def _alpha(color: QColor, alpha: int) -> QColor:
        result = QColor(color)
        result.setAlpha(alpha)
        return result

    @staticmethod
    def _static(text: str, font: QFont, width: int = -1) -> QStaticText:
        static = QStaticText(text)
        static.setTextFormat(Qt.TextFormat.PlainText)
        if width >= 0:
            static.setTextWidth(width)
        static.prepare(QTransform(), font)
        return static

    def one_line(self, text: str, width: int) -> QStaticText:
        key = (text, width)
        static = self.plain.get(key)
        if static is None:
            if len(self.plain) >= _CACHE_LIMIT:
                self.plain.clear()
            elided = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            static = self.plain[key] = self._static(elided, self.font)
        return static

    def wrapped_text(self, text: str, width: int, height: int) -> tuple[QStaticText, bool] | None:
        """The text broken into lines at ``width``, or None when it fits on one line."""
        key = (text, width)
        found = self.wrapped.get(key)
        if found is None:
            if len(self.wrapped) >= _CACHE_LIMIT:
                self.wrapped.clear()
            if self.metrics.horizontalAdvance(text) <= width:
                found = self.wrapped[key] = (self.one_line(text, width), False)
            else:
                static = self._static(text, self.font, width)
                found = self.wrapped[key] = (static, static.size().height() > height)
        return found

    def count(self, votes: int) -> QStaticText:
        key = (votes, votes > 0)
        static = self.counts.get(key)
        if static is None:
            if len(self.counts) >= _CACHE_LIMIT:
                self.counts.clear()
            static = self.counts[key] = self._static(str(votes),
                                                     self.bold if votes else self.font)
        return static


class WishDelegate(QStyledItemDelegate):
    vote_clicked = Signal(str, int)  # wish id, +1 or -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_bars = True
        self.wrap = True
        self.width = 300  # the viewport's width, kept by the column
        self._look: _Look | None = None

    def _look_for(self, option: QStyleOptionViewItem) -> _Look:
        look = self._look  # QFont.key() would cost more than the comparison
        if look is None or look.font != option.font \
                or look.palette_key != option.palette.cacheKey():
            look = self._look = _Look(option)
        return look

    # ----- geometry ------------------------------------------------------------
    def text_rect(self, rect: QRect, depth: int, buttons: bool) -> QRect:
        left = rect.left() + 8 + depth * INDENT + 16
        minus, count, _plus = self.vote_rects(rect)
        right = (minus.left() if buttons else count.left()) - 6
        return QRect(left, rect.top() + PAD, max(10, right - left), rect.height() - 2 * PAD - 4)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        look = self._look_for(option)
        if not self.wrap:
            return look.one_line_size
        info = _info(index)
        if info is None:
            return look.one_line_size
        one, depth, text = look.line, info.depth, info.text
        key = (text, depth, self.width)
        heights = look.heights
        height = heights.get(key)
        if height is None:
            if len(heights) > 50_000:
                heights.clear()
            metrics = look.metrics
            width = self.text_rect(QRect(0, 0, self.width, one), depth, True).width()
            if metrics.horizontalAdvance(text) <= width:
                height = one
            else:
                bound = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                             int(Qt.TextFlag.TextWordWrap), text)
                lines = min(MAX_LINES, max(1, round(bound.height() / metrics.lineSpacing())))
                height = lines * metrics.lineSpacing() + 2 * PAD + 4
            heights[key] = height
        size = look.sizes.get(height)
        if size is None:
            size = look.sizes[height] = QSize(200, height)
        return size

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
        info = _info(index)
        if info is None:
            return
        depth, votes = info.depth, info.votes
        look = self._look_for(option)
        rect = option.rect
        x, y, right, height = rect.x(), rect.y(), rect.right(), rect.height()
        state = option.state.value
        selected = bool(state & _SELECTED)
        show_buttons = selected or bool(state & _HOVER)
        painter.save()
        if selected:
            painter.fillRect(rect, look.selected if state & _ACTIVE else look.selected_inactive)
        elif show_buttons:
            painter.fillRect(rect, look.hover)

        left = x + 8 + depth * INDENT
        max_votes = getattr(index.model(), "max_votes", 0) or 0
        if self.show_bars and votes > 0 and max_votes > 0:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(look.bar_selected if selected else look.bar)
            width = max(4, int((right - 4 - left) * votes / max_votes))
            painter.drawRoundedRect(QRect(left, rect.bottom() - 4, width, 4), 2, 2)

        painter.setFont(look.font)
        painter.setPen(look.muted)
        painter.drawStaticText(left, y + PAD, look.bullets[min(depth, len(BULLETS) - 1)])

        # The same geometry as text_rect and vote_rects, in plain integers.
        count_left = right - 4 - BUTTON + 1 - COUNT
        # Wrapped text is laid out for the width with buttons, so it never jumps on hover.
        text_right = (count_left - BUTTON if show_buttons or self.wrap else count_left) - 6
        text_left = left + 16
        text_width = max(10, text_right - text_left)
        text_height = height - 2 * PAD - 4
        painter.setPen(look.text)
        found = look.wrapped_text(info.text, text_width, text_height) if self.wrap else None
        if found is not None and found[0].textWidth() >= 0:
            static, clip = found
            if clip:
                painter.setClipRect(text_left, y + PAD, text_width, text_height,
                                    Qt.ClipOperation.IntersectClip)
            painter.drawStaticText(text_left, y + PAD, static)
            if clip:
                painter.setClipping(False)
        else:
            static = found[0] if found is not None else look.one_line(info.text, text_width)
            painter.drawStaticText(
                text_left, y + PAD + (text_height - int(static.size().height())) // 2, static)

        if votes or show_buttons:
            count = look.count(votes)
            size = count.size()
            top = y + 3
            count_height = min(height - 6, 24)
            painter.setPen(look.text if votes else look.muted)
            if votes:
                painter.setFont(look.bold)
            painter.drawStaticText(QPointF(count_left + (COUNT - size.width()) / 2,
                                           top + (count_height - size.height()) / 2), count)
        if show_buttons:
            minus, _count, plus = self.vote_rects(rect)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(look.button)
            for r in (minus, plus):
                painter.drawRoundedRect(r.adjusted(2, 0, -2, 0), 4, 4)
            painter.setPen(look.text)
            painter.setFont(look.font)
            painter.drawText(minus, Qt.AlignmentFlag.AlignCenter, "−")
            painter.drawText(plus, Qt.AlignmentFlag.AlignCenter, "+")
        painter.restore()

    # ----- clicks on the count ---------------------------------------------------
    def editorEvent(self, event: QEvent, model: QAbstractItemModel,  # noqa: N802
                    option: QStyleOptionViewItem, index: AnyIndex) -> bool:
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

