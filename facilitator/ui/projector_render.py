"""Drawing a slide for the projector: high contrast, type scaled to fit the window.

Every column becomes a QTextDocument built at a trial pixel size; the largest
size at which all columns fit their boxes wins (shrink-to-fit). Below the
smallest readable size, items are left off the end with an "and N more" line
instead of being clipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextOption,
    QTextTableFormat,
)

from facilitator.ui.projector_content import Column, Line, Slide

FAMILIES = ["Segoe UI", "Helvetica Neue", "Arial", "Noto Sans", "DejaVu Sans",
            "Liberation Sans", "Sans Serif"]
BAR_URL = QUrl("projector://bar")


@dataclass(frozen=True)
class Theme:
    background: QColor
    text: QColor
    accent: QColor
    muted: QColor

    def inverted(self) -> Theme:
        """The end-of-timer flash: dark type on a light ground."""
        return Theme(self.text, self.background, self.background, self.background)


DARK = Theme(QColor("#101010"), QColor("#f4f1e8"), QColor("#ffc247"), QColor("#c4beb0"))


def font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FAMILIES)
    f.setStyleHint(QFont.StyleHint.SansSerif)
    f.setPixelSize(max(1, round(px)))
    f.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return f


def _char(px: float, color: QColor, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(font(px, bold))
    fmt.setForeground(color)
    return fmt


def _block(px: float, after: float, indent: float = 0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(112, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(px * after)
    fmt.setLeftMargin(indent)
    return fmt


def markdown_chunks(text: str) -> list[str]:
    """Paragraph-sized pieces of Markdown, so a long note can be cut between them."""
    return [c for c in re.split(r"\n\s*\n", text.strip()) if c.strip()]


def column_size(column: Column) -> int:
    """How many pieces the column has that could be left off."""
    if column.markdown.strip():
        return len(markdown_chunks(column.markdown))
    return len(column.lines)


class _Builder:
    def __init__(self, px: float, width: float, theme: Theme, anywhere: bool) -> None:
        self.px, self.theme = px, theme
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(font(px))
        self.doc.setIndentWidth(px * 1.25)
        self.doc.setTextWidth(width)
        option = self.doc.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if anywhere
                           else QTextOption.WrapMode.WordWrap)
        self.doc.setDefaultTextOption(option)
        self.cursor = QTextCursor(self.doc)
        self._first = True

    def block(self, fmt: QTextBlockFormat, char: QTextCharFormat) -> None:
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self.cursor.setCharFormat(char)
            self._first = False
        else:
            self.cursor.insertBlock(fmt, char)

    def heading(self, text: str) -> None:
        px = self.px * 1.12
        longest = max(text.split(" "), key=len, default="")  # nbsp binds
        wide = QFontMetricsF(font(px, True)).horizontalAdvance(longest)
        if wide > self.doc.textWidth():  # a long compound word: smaller, not broken
            px = max(self.px * 0.8, px * self.doc.textWidth() / wide * 0.97)
        char = _char(px, self.theme.accent, bold=True)
        self.block(_block(self.px, 0.5), char)
        self.cursor.insertText(text, char)

    def muted(self, text: str) -> None:
        char = _char(self.px * 0.9, self.theme.muted)
        self.block(_block(self.px, 0.3), char)
        self.cursor.insertText(text, char)

    def markdown(self, text: str) -> None:
        if not self._first:
            self.cursor.insertBlock(_block(self.px, 0.4), _char(self.px, self.theme.text))
        start = self.cursor.position()
        self.cursor.insertMarkdown(text, QTextDocument.MarkdownFeature.MarkdownDialectCommonMark)
        self._first = False
        block = self.doc.findBlock(start)
        while block.isValid():
            cursor = QTextCursor(block)
            fmt = block.blockFormat()
            in_list = block.textList() is not None
            fmt.setLineHeight(112, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            after_list = block.previous().isValid() and block.previous().textList() is not None
            fmt.setTopMargin(self.px * 0.3 if after_list and not in_list else 0)
            fmt.setBottomMargin(self.px * (0.25 if in_list else 0.5))
            cursor.setBlockFormat(fmt)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            colour = QTextCharFormat()
            colour.setForeground(self.theme.text)
            cursor.mergeCharFormat(colour)
            block = block.next()

    def lines(self, lines: tuple[Line, ...], votes: bool) -> None:
        lists: dict[int, QTextList] = {}
        for line in lines:
            depth = max(0, line.depth)
            px = self.px * (0.9 if depth else 1.0)
            char = _char(px, self.theme.text)
            self.block(_block(self.px, 0.38 if depth == 0 else 0.2), char)
            for deeper in [d for d in lists if d > depth]:
                del lists[deeper]
            if depth in lists:
                lists[depth].add(self.cursor.block())
            else:
                fmt = QTextListFormat()
                fmt.setIndent(depth + 1)
                if line.numbered:
                    fmt.setStyle(QTextListFormat.Style.ListDecimal)
                else:
                    fmt.setStyle(QTextListFormat.Style.ListDisc if depth == 0
                                 else QTextListFormat.Style.ListSquare)
                lists[depth] = self.cursor.createList(fmt)
            self.cursor.insertText(line.text, char)
            if votes and line.votes > 0:
                self.cursor.insertText("\u2002\u25cf\u202f" + str(line.votes),
                                       _char(px * 0.85, self.theme.accent, bold=True))

    def bars(self, lines: tuple[Line, ...], width: float) -> None:
        image = QImage(4, 4, QImage.Format.Format_RGB32)
        image.fill(self.theme.accent)
        self.doc.addResource(QTextDocument.ResourceType.ImageResource.value, BAR_URL, image)
        most = max(line.votes for line in lines)
        number_px = self.px * 1.15
        number_w = QFontMetricsF(font(number_px, True)).horizontalAdvance(str(most)) \
            + self.px * 0.6
        table_fmt = QTextTableFormat()
        table_fmt.setBorder(0)
        table_fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_None)
        table_fmt.setCellPadding(0)
        table_fmt.setCellSpacing(0)
        table_fmt.setMargin(0)
        table_fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_fmt.setColumnWidthConstraints([
            QTextLength(QTextLength.Type.FixedLength, number_w),
            QTextLength(QTextLength.Type.VariableLength, 0)])
        if not self._first:
            self.cursor.insertBlock()
        table = self.cursor.insertTable(len(lines), 2, table_fmt)
        self._first = False
        bar_w = (width - number_w) * (0.5 if any(line.note for line in lines) else 1.0)
        for row, line in enumerate(lines):
            number = table.cellAt(row, 0).firstCursorPosition()
            fmt = _block(self.px, 0.6)
            fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
            fmt.setRightMargin(self.px * 0.6)
            number.setBlockFormat(fmt)
            number.insertText(str(line.votes), _char(number_px, self.theme.accent, bold=True))
            cell = table.cellAt(row, 1).firstCursorPosition()
            cell.setBlockFormat(_block(self.px, 0.1))
            cell.insertText(line.text, _char(self.px, self.theme.text))
            # the bar, and beside it in small type where the wish came from
            cell.insertBlock(_block(self.px, 0.7), _char(self.px * 0.72, self.theme.muted))
            bar = QTextImageFormat()
            bar.setName(BAR_URL.toString())
            bar.setWidth(max(self.px * 0.4, bar_w * line.votes / most))
            bar.setHeight(self.px * 0.45)
            bar.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
            cell.insertImage(bar)
            if line.note:
                cell.insertText("\u2003" + line.note, _char(self.px * 0.72, self.theme.muted))
        self.cursor.movePosition(QTextCursor.MoveOperation.End)


def build_document(column: Column, px: float, width: float, theme: Theme,
                   limit: int | None = None, more: str = "+ {n}",
                   show_votes: bool = True, anywhere: bool = False) -> QTextDocument:
    """The column as a document ``width`` wide at body size ``px``, first ``limit`` pieces."""
    b = _Builder(px, width, theme, anywhere)
    if column.heading:
        b.heading(column.heading)
    total = column_size(column)
    shown = total if limit is None else max(0, min(limit, total))
    if column.markdown.strip():
        if shown:
            b.markdown("\n\n".join(markdown_chunks(column.markdown)[:shown]))
    elif column.lines and shown:
        if column.bars:
            b.bars(column.lines[:shown], width)
        else:
            b.lines(column.lines[:shown], show_votes)
    if total == 0 and column.empty:
        b.muted(column.empty)
    elif shown < total:
        b.muted(more.format(n=total - shown))
    return b.doc


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

    best = largest()
    if best is None and len(columns) > 1 and any(
            line.depth > 0 for column in columns for line in column.lines):
        # Side by side, the sub-points give way first: the group view shows them.
        columns = tuple(replace(c, lines=tuple(x for x in c.lines if x.depth <= 0))
                        for c in columns)
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
        doc.setPlainText(value)
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
        return "\n".join(p for p in parts if p)


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

