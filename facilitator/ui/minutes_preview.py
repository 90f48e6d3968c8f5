"""MinutesDocument → QTextDocument: the minutes typeset as Word will show them.

The page and the styles copy the default .docx template (minutes/default_template.py):
A4, 2.5 cm margins, Carlito/Calibri 11 pt, dark blue headings. Each kind of block
is drawn by one small function registered in ``RENDERERS``; a block of a kind this
module does not know yet is drawn generically from its text fields, so new model
elements show up in the preview before they get a renderer of their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextListFormat,
    QTextOption,
    QTextTable,
    QTextTableFormat,
)

from facilitator.minutes.model import (
    Heading,
    ListBlock,
    MinutesDocument,
    Paragraph,
    Quote,
    Span,
    Table,
)

FONT_FAMILIES = ["Carlito", "Calibri", "Liberation Sans", "DejaVu Sans", "sans-serif"]
INK, ACCENT, MUTED, QUOTE_INK = "#1a1a1a", "#1f3a5f", "#595959", "#404040"
RULE, TABLE_HEAD = "#a6a6a6", "#f2f2f2"
LINE_SPACING = 108.0  # the template's 1.15 lines: Qt's single line is already taller than Word's
LINE_HEIGHT_TYPE = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
HEADING_STYLES = {1: (15.0, 18.0), 2: (12.5, 12.0), 3: (11.5, 10.0)}  # pt size, space before


@dataclasses.dataclass(frozen=True)
class PageGeometry:
    """A4 and the template's margins, in centimetres."""

    width: float = 21.0
    height: float = 29.7
    top: float = 2.5
    bottom: float = 2.2
    left: float = 2.5
    right: float = 2.5
    header_distance: float = 1.2

    @staticmethod
    def dpi() -> float:
        """The resolution QTextDocument lays text out at (the screen's logical DPI)."""
        screen = QGuiApplication.primaryScreen()
        return screen.logicalDotsPerInchY() if screen is not None else 96.0

    def px(self, cm: float) -> float:
        return cm / 2.54 * self.dpi()

    def pt(self, points: float) -> float:
        return points / 72.0 * self.dpi()

    def text_size(self) -> QSizeF:
        return QSizeF(self.px(self.width - self.left - self.right),
                      self.px(self.height - self.top - self.bottom))


PAGE = PageGeometry()
KNOWN_FIELDS = frozenset({"facts", "lead", "body"})


def base_font(size_pt: float = 11.0) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(size_pt)
    return font


class Typesetter:
    """Writes one MinutesDocument into a fresh QTextDocument through one cursor."""

    def __init__(self, model: MinutesDocument) -> None:
        self.model = model
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(base_font())
        self.doc.setIndentWidth(PAGE.px(0.635))
        self.doc.setPageSize(PAGE.text_size())
        self.cursor = QTextCursor(self.doc)
        self.reuse_block = True

    # -- the primitives every renderer uses -----------------------------------------
    def block_format(self, after: float = 6.0, before: float = 0.0, indent: int = 0,
                     left_cm: float = 0.0) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(PAGE.pt(before))
        fmt.setBottomMargin(PAGE.pt(after))
        fmt.setIndent(indent)
        fmt.setLeftMargin(PAGE.px(left_cm))
        fmt.setLineHeight(LINE_SPACING, LINE_HEIGHT_TYPE)
        return fmt

    def char_format(self, size: float = 11.0, bold: bool = False, italic: bool = False,
                    color: str = INK) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontFamilies(FONT_FAMILIES)
        fmt.setFontPointSize(size)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        fmt.setForeground(QColor(color))
        return fmt

    def new_block(self, fmt: QTextBlockFormat, chars: QTextCharFormat) -> None:
        """Start a paragraph (an empty, unused one under the cursor is reused)."""
        if self.reuse_block:
            # Not setBlockCharFormat: a table cell keeps its own format there.
            self.cursor.setBlockFormat(fmt)
            self.reuse_block = False
        else:
            self.cursor.insertBlock(fmt, chars)

    def spans(self, spans: list[Span], chars: QTextCharFormat) -> None:
        for span in spans:
            fmt = QTextCharFormat(chars)
            if span.bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            if span.italic:
                fmt.setFontItalic(True)
            self.cursor.insertText(span.text.replace("\n", "\u2028"), fmt)

    def paragraph(self, spans: list[Span], fmt: QTextBlockFormat,
                  chars: QTextCharFormat | None = None) -> None:
        chars = chars or self.char_format()
        self.new_block(fmt, chars)
        self.spans(spans, chars)

    def text(self, text: str, fmt: QTextBlockFormat, chars: QTextCharFormat) -> None:
        self.paragraph([Span(text)], fmt, chars)

    def leave_table(self, table: QTextTable) -> None:
        """Continue in the empty paragraph Qt keeps after every table."""
        self.cursor = table.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        self.reuse_block = True

    def block(self, block: object) -> None:
        RENDERERS.get(type(block), render_unknown)(self, block)

    # -- the whole document ---------------------------------------------------------
    def typeset(self) -> QTextDocument:
        self.title_block()
        for block in self.model.body:
            self.block(block)
        return self.doc

    def extra_facts(self) -> list[object]:
        """Labelled lines of the title block in fields added to the model after this module
        (e.g. roles): any list field whose entries have a label and a value."""
        extra: list[object] = []
        for f in dataclasses.fields(self.model):
            value = getattr(self.model, f.name)
            if f.name in KNOWN_FIELDS or not isinstance(value, list):
                continue
            extra.extend(e for e in value if hasattr(e, "label") and hasattr(e, "value"))
        return extra

    def title_block(self) -> None:
        m = self.model
        doctype = self.char_format(10, bold=True, color=MUTED)
        doctype.setFontCapitalization(QFont.Capitalization.AllUppercase)
        self.text(m.document_type, self.block_format(after=2), doctype)
        self.text(m.title, self.block_format(before=2, after=2),
                  self.char_format(24, bold=True, color=ACCENT))
        if m.issuing_unit:
            self.text(m.issuing_unit, self.block_format(after=14),
                      self.char_format(11.5, color=MUTED))
        for fact in [*m.facts, *self.extra_facts()]:
            render_fact(self, fact)
        first = True
        for block in m.lead:
            if isinstance(block, Paragraph) and block.style == "body":
                self.paragraph(block.spans, self.block_format(before=14 if first else 0,
                                                              after=10),
                               self.char_format(12))
                first = False
            else:
                self.block(block)


# -- one function per kind of block -------------------------------------------------
def render_fact(t: Typesetter, fact: Any) -> None:
    fmt = t.block_format(after=1)
    fmt.setTabPositions([QTextOption.Tab(PAGE.px(3.75), QTextOption.TabType.LeftTab)])
    label, value = str(getattr(fact, "label", "")), str(getattr(fact, "value", ""))
    t.paragraph([Span(label, bold=True), Span("\t" + value)], fmt)


def render_heading(t: Typesetter, block: Heading) -> None:
    size, before = HEADING_STYLES.get(max(1, block.level), HEADING_STYLES[3])
    fmt = t.block_format(before=before, after=4)
    fmt.setHeadingLevel(max(1, min(block.level, 6)))
    t.text(block.text.replace("\n", " "), fmt, t.char_format(size, bold=True, color=ACCENT))


def render_paragraph(t: Typesetter, block: Paragraph) -> None:
    if block.style == "quote":
        render_quote(t, Quote([Paragraph(block.spans)]))
        return
    if block.style == "lead":
        t.paragraph(block.spans, t.block_format(before=14, after=10), t.char_format(12))
        return
    t.paragraph(block.spans, t.block_format(after=3 if block.style == "compact" else 6))


def render_list(t: Typesetter, block: ListBlock, depth: int = 0, quote: bool = False) -> None:
    chars = t.char_format(italic=quote, color=QUOTE_INK if quote else INK)
    list_fmt = QTextListFormat()
    list_fmt.setStyle(_list_style(block.ordered, depth))
    list_fmt.setIndent(depth + 1)
    list_fmt.setStart(block.start)
    if block.ordered:
        list_fmt.setNumberSuffix(".")
    current = None
    for item in block.items:
        for index, spans in enumerate(item.paragraphs):
            fmt = t.block_format(after=2, indent=0 if index == 0 else depth + 1)
            t.paragraph(spans, fmt, chars)
            if index == 0:
                if current is None:
                    current = t.cursor.createList(list_fmt)
                else:
                    current.add(t.cursor.block())
        for child in item.children:
            render_list(t, child, depth + 1, quote)
    if depth == 0 and not quote:
        last = t.cursor.blockFormat()
        last.setBottomMargin(PAGE.pt(8))
        t.cursor.setBlockFormat(last)


def _list_style(ordered: bool, depth: int) -> QTextListFormat.Style:
    s = QTextListFormat.Style
    if ordered:
        return (s.ListDecimal, s.ListLowerAlpha, s.ListLowerRoman)[depth % 3]
    return (s.ListDisc, s.ListCircle, s.ListSquare)[depth % 3]


def render_quote(t: Typesetter, block: Quote) -> None:
    """A two-cell table: a narrow grey cell is the template's quote bar, the other the text."""
    bar = PAGE.pt(1.5)
    table_fmt = QTextTableFormat()
    table_fmt.setBorder(0)
    table_fmt.setCellPadding(0)
    table_fmt.setCellSpacing(0)
    table_fmt.setLeftMargin(PAGE.px(1.0) - PAGE.pt(5) - bar)
    table_fmt.setRightMargin(PAGE.px(0.5))
    table_fmt.setTopMargin(PAGE.pt(2))
    table_fmt.setBottomMargin(PAGE.pt(6))
    table_fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_fmt.setColumnWidthConstraints([
        QTextLength(QTextLength.Type.FixedLength, bar),
        QTextLength(QTextLength.Type.VariableLength, 0),
    ])
    table = t.cursor.insertTable(1, 2, table_fmt)
    bar_cell = table.cellAt(0, 0)
    bar_fmt = bar_cell.format()
    bar_fmt.setBackground(QColor("#bfbfbf"))
    bar_fmt.setFontPointSize(1)  # its empty line must not make a one-line quote taller
    bar_cell.setFormat(bar_fmt)
    cell = table.cellAt(0, 1)
    cell_fmt = cell.format().toTableCellFormat()
    cell_fmt.setLeftPadding(PAGE.pt(5))
    cell.setFormat(cell_fmt)
    t.cursor, t.reuse_block = cell.firstCursorPosition(), True
    chars = t.char_format(italic=True, color=QUOTE_INK)
    for inner in block.blocks:
        if isinstance(inner, Paragraph):
            t.paragraph(inner.spans, t.block_format(after=6), chars)
        elif isinstance(inner, ListBlock):
            render_list(t, inner, 0, quote=True)
        else:
            t.block(inner)
    t.leave_table(table)


def render_table(t: Typesetter, block: Table) -> None:
    columns = max(1, len(block.header))
    fmt = QTextTableFormat()
    fmt.setHeaderRowCount(1)
    fmt.setBorder(1.0)
    fmt.setBorderBrush(QBrush(QColor(RULE)))
    fmt.setBorderCollapse(True)
    fmt.setCellPadding(PAGE.pt(3))
    fmt.setCellSpacing(0)
    fmt.setBottomMargin(PAGE.pt(8))
    if block.widths_cm:
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.FixedLength, PAGE.px(w)) for w in block.widths_cm])
    else:
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table = t.cursor.insertTable(1 + len(block.rows), columns, fmt)
    head = t.char_format(bold=True)
    body = t.char_format()
    for row, texts in enumerate([block.header, *block.rows]):
        for column, text in enumerate(texts[:columns]):
            cell = table.cellAt(row, column)
            if row == 0:
                cell_fmt = cell.format()
                cell_fmt.setBackground(QColor(TABLE_HEAD))
                cell.setFormat(cell_fmt)
            cursor = cell.firstCursorPosition()
            cursor.setBlockFormat(t.block_format(after=2))
            cursor.insertText(text, head if row == 0 else body)
    t.leave_table(table)


def render_unknown(t: Typesetter, block: object) -> None:
    """A kind of block added to the model after this module: its text, plainly."""
    inner = getattr(block, "blocks", None)
    if isinstance(inner, list):
        for child in inner:
            t.block(child)
        return
    if dataclasses.is_dataclass(block):
        for f in dataclasses.fields(block):
            value = getattr(block, f.name)
            if isinstance(value, str) and value.strip():
                t.text(value, t.block_format(), t.char_format())
            elif isinstance(value, list):
                for entry in value:
                    if isinstance(entry, str):
                        t.text(entry, t.block_format(after=2), t.char_format())
                    elif isinstance(entry, Span):
                        t.paragraph([entry], t.block_format())
                    else:
                        t.block(entry)
        return
    if isinstance(block, str):
        t.text(block, t.block_format(), t.char_format())


RENDERERS: dict[type, Callable[[Typesetter, Any], None]] = {
    Heading: render_heading,
    Paragraph: render_paragraph,
    ListBlock: render_list,
    Quote: render_quote,
    Table: render_table,
}


def typeset_minutes(model: MinutesDocument) -> QTextDocument:
    """The minutes laid out on A4 text pages (``pageCount()`` is the page count)."""
    doc = Typesetter(model).typeset()
    doc.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
    keep_headings_with_next(doc)
    return doc


def keep_headings_with_next(doc: QTextDocument) -> None:
    """Move a heading that ends a page to the next one, as Word's keep-with-next does."""
    page_height = doc.pageSize().height()
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() > 0 and following.isValid():
            top = layout.blockBoundingRect(block).top()
            below = layout.blockBoundingRect(following)
            first_line = below.top() + min(below.height(), 20)
            if int(top // page_height) != int(first_line // page_height):
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                fmt.setTopMargin(0)  # Word drops the space before at the top of a page
                QTextCursor(block).setBlockFormat(fmt)
        block = following
    doc.markContentsDirty(0, doc.characterCount())  # lay out again, all of it
