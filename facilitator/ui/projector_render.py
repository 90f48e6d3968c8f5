"""Drawing a slide for the projector: high contrast, type scaled to fit the window.

Every column becomes a QTextDocument built at a trial pixel size; the largest
size at which all columns fit their boxes wins (shrink-to-fit). Below the
smallest readable size, items are left off the end with an "and N more" line
instead of being clipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from facilitator.ui.projector_content import Column, Slide
from facilitator.ui.projector_typesetting import (
    Theme,
    build_document,
    column_size,
    font,
    shown,
    unbreakable,
)


def fits(doc: QTextDocument, height: float) -> bool:
    """No taller than ``height``, and no word wider than the column."""
    return (doc.size().height() <= height + 0.5
            and doc.idealWidth() <= doc.textWidth() + 0.5)


@dataclass
class FittedBody:
    px: int
    documents: list[QTextDocument]
    limits: list[int | None]
    boxes: list[QRectF]

    @property
    def truncated(self) -> bool:
        return any(limit is not None for limit in self.limits)

    def overflows(self) -> bool:
        return any(doc.size().height() > box.height() + 0.5 or
                   doc.size().width() > box.width() + 0.5
                   for doc, box in zip(self.documents, self.boxes, strict=True))


def column_boxes(area: QRectF, count: int, rows: int, gutter: float) -> list[QRectF]:
    per_row = max(1, -(-count // rows))
    rows = max(1, -(-count // per_row))
    width = (area.width() - gutter * (per_row - 1)) / per_row
    height = (area.height() - gutter * (rows - 1)) / rows
    return [QRectF(area.left() + (i % per_row) * (width + gutter),
                   area.top() + (i // per_row) * (height + gutter), width, height)
            for i in range(count)]


def fit_body(slide: Slide, area: QRectF, theme: Theme, min_px: int, max_px: int,
             more: str) -> FittedBody:
    """The largest body size at which every column fits; else cut at the smallest."""
    columns = slide.columns or (Column(),)
    boxes = column_boxes(area, len(columns), slide.rows, gutter=area.width() * 0.035)

    def build(px: int, index: int, limit: int | None = None,
              anywhere: bool = False) -> QTextDocument:
        return build_document(columns[index], px, boxes[index].width(), theme, limit, more,
                              slide.show_votes, anywhere)

    def all_fit(px: int) -> list[QTextDocument] | None:
        docs = []
        for i in range(len(columns)):
            doc = build(px, i)
            if not fits(doc, boxes[i].height()):
                return None
            docs.append(doc)
        return docs

    def largest() -> tuple[int, list[QTextDocument]] | None:
        lo, hi, best = min_px, max(min_px, max_px), None
        while lo <= hi:
            mid = (lo + hi) // 2
            docs = all_fit(mid)
            if docs is not None:
                best, lo = (mid, docs), mid + 1
            else:
                hi = mid - 1
        return best

    # Sub-points stay, indented as on the board: the smaller type or an
    # "and N more" line is the price, never a silently shorter list.
    best = largest()
    if best is not None:
        return FittedBody(best[0], best[1], [None] * len(columns), boxes)
    # Too much even at the smallest readable size: leave pieces off the end
    # (and break a word too long for its column anywhere).
    docs, limits = [], []
    for i in range(len(columns)):
        doc = build(min_px, i, anywhere=True)
        limit: int | None = None
        if not fits(doc, boxes[i].height()):
            lo, hi, keep = 0, column_size(columns[i]) - 1, 0
            while lo <= hi:
                mid = (lo + hi) // 2
                if fits(build(min_px, i, mid, anywhere=True), boxes[i].height()):
                    keep, lo = mid, mid + 1
                else:
                    hi = mid - 1
            limit = keep
            doc = build(min_px, i, keep, anywhere=True)
        docs.append(doc)
        limits.append(limit)
    return FittedBody(min_px, docs, limits, boxes)


def draw_document(painter: QPainter, doc: QTextDocument, top_left: QPointF,
                  theme: Theme) -> None:
    painter.save()
    painter.translate(top_left)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, theme.text)
    context.clip = QRectF(QPointF(0, 0), QSizeF(doc.size()))
    doc.documentLayout().draw(painter, context)
    painter.restore()


def fit_line(text: str, max_px: float, min_px: float, width: float, bold: bool,
             lines: int = 1) -> tuple[QTextDocument, int]:
    """A title: the largest size at which it takes at most ``lines`` lines, else cut short."""
    def make(px: int, value: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font(px, bold))
        doc.setTextWidth(width)
        doc.setPlainText(unbreakable(value))
        return doc

    px = int(max_px)
    while px > min_px:
        doc = make(px, text)
        if doc.lineCount() <= lines and doc.size().width() <= width + 0.5:
            return doc, px
        px -= max(1, px // 20)
    px = int(min_px)
    doc = make(px, text)
    cut = len(text)
    while cut > 1 and (doc.lineCount() > lines or doc.size().width() > width + 0.5):
        cut = int(cut * 0.9)
        doc = make(px, text[:cut].rstrip() + "…")
    return doc, px


@dataclass
class SlideLayout:
    """Where everything of one slide goes in a window of a given size."""

    kicker: QTextDocument | None = None
    kicker_pos: QPointF = field(default_factory=QPointF)
    title: QTextDocument | None = None
    title_pos: QPointF = field(default_factory=QPointF)
    rule: QRectF = field(default_factory=QRectF)
    body: FittedBody | None = None
    corner: QRectF = field(default_factory=QRectF)
    corner_px: int = 0

    def plain_text(self) -> str:
        parts = [d.toPlainText() for d in (self.kicker, self.title) if d is not None]
        if self.body is not None:
            parts += [d.toPlainText() for d in self.body.documents]
        return shown("\n".join(p for p in parts if p))


def layout_slide(slide: Slide, width: int, height: int, theme: Theme, more: str,
                 corner_text: str = "") -> SlideLayout:
    h, w = float(height), float(width)
    margin_y = h * 0.055
    margin_x = max(w * 0.045, margin_y)
    inner = w - 2 * margin_x
    out = SlideLayout()
    y = margin_y
    corner_w = 0.0
    if corner_text:
        out.corner_px = round(h * 0.06)
        corner_w = QFontMetricsF(font(out.corner_px, True)).horizontalAdvance(corner_text)
        out.corner = QRectF(w - margin_x - corner_w, margin_y, corner_w, out.corner_px * 1.3)
        corner_w += h * 0.04
    if slide.kicker:
        out.kicker, _ = fit_line(slide.kicker, h * 0.034, h * 0.026, inner - corner_w, False)
        out.kicker_pos = QPointF(margin_x, y)
        y += out.kicker.size().height() + h * 0.008
    if slide.title:
        out.title, _ = fit_line(slide.title, h * 0.072, h * 0.05, inner - corner_w, True, 2)
        out.title_pos = QPointF(margin_x, y)
        y += out.title.size().height() + h * 0.02
        out.rule = QRectF(margin_x, y, max(h * 0.09, inner * 0.06), max(4.0, h * 0.008))
        y += out.rule.height() + h * 0.045
    area = QRectF(margin_x, y, inner, h - margin_y - y)
    out.body = fit_body(slide, area, theme, min_px=max(12, round(h / 34)),
                        max_px=round(h / 15), more=more)
    return out


def paint_slide(painter: QPainter, layout: SlideLayout, theme: Theme,
                corner_text: str = "") -> None:
    if layout.kicker is not None:
        draw_document(painter, _recolour(layout.kicker, theme.muted), layout.kicker_pos, theme)
    if layout.title is not None:
        draw_document(painter, _recolour(layout.title, theme.text), layout.title_pos, theme)
        painter.fillRect(layout.rule, theme.accent)
    if layout.body is not None:
        for doc, box in zip(layout.body.documents, layout.body.boxes, strict=True):
            draw_document(painter, doc, box.topLeft(), theme)
    if corner_text and not layout.corner.isNull():
        painter.setFont(font(layout.corner_px, True))
        painter.setPen(theme.accent)
        painter.drawText(layout.corner, int(Qt.AlignmentFlag.AlignRight
                                            | Qt.AlignmentFlag.AlignTop), corner_text)


def _recolour(doc: QTextDocument, colour: QColor) -> QTextDocument:
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = QTextCharFormat()
    fmt.setForeground(colour)
    cursor.mergeCharFormat(fmt)
    return doc


def timer_font_px(text: str, width: float, height: float) -> int:
    metrics = QFontMetricsF(font(100, True))
    by_width = width * 100 / max(1.0, metrics.horizontalAdvance(text))
    by_height = height * 100 / max(1.0, metrics.capHeight() * 1.25)
    return max(8, int(min(by_width, by_height)))


def paint_timer(painter: QPainter, width: int, height: int, text: str, caption: str,
                colour: QColor, theme: Theme) -> int:
    """Huge mm:ss in the middle, a short caption below it; returns the digit size."""
    w, h = float(width), float(height)
    px = timer_font_px("00:00", w * 0.86, h * 0.5)
    painter.setFont(font(px, True))
    painter.setPen(colour)
    metrics = QFontMetricsF(font(px, True))
    digits_h = metrics.capHeight()
    top = (h - digits_h) / 2 - h * 0.04
    painter.drawText(QRectF(0, top - metrics.ascent() + digits_h, w, metrics.height()),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
    if caption:
        cap_px = round(h * 0.06)
        painter.setFont(font(cap_px, True))
        painter.setPen(theme.muted if colour != theme.accent else theme.accent)
        painter.drawText(QRectF(0, top + digits_h + h * 0.07, w, cap_px * 1.5),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), caption)
    return px

