"""Typesetting for the projector: a high-contrast theme, its fonts, and one column as a document.

``build_document`` sets a column at a given body size in pixels, optionally
only its first pieces with an "and N more" line; ``projector_render`` tries
sizes until the columns fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
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

from facilitator.ui.projector_content import Column, Line

FAMILIES = ["Segoe UI", "Helvetica Neue", "Arial", "Noto Sans", "DejaVu Sans",
            "Liberation Sans", "Sans Serif"]
BAR_URL = QUrl("projector://bar")
WORD_JOINER = "\u2060"
_SLASH_IN_WORD = re.compile(r"(?<=\S)/(?=\S)")


def unbreakable(text: str) -> str:
    """``text`` with every slash inside a word bound to what follows: "km/h" stays whole.

    Qt's line breaking (Unicode's rules) may break after a slash; a line that
    ends in "km/" reads badly from the back of a hall. Spaces and hyphens still break.
    """
    return _SLASH_IN_WORD.sub("/" + WORD_JOINER, text)


def shown(text: str) -> str:
    """What a reader sees of a document's text: without the invisible joiners."""
    return text.replace(WORD_JOINER, "")


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
        self.cursor.insertText(unbreakable(text), char)

    def muted(self, text: str) -> None:
        char = _char(self.px * 0.9, self.theme.muted)
        self.block(_block(self.px, 0.3), char)
        self.cursor.insertText(unbreakable(text), char)

    def markdown(self, text: str) -> None:
        if not self._first:
            self.cursor.insertBlock(_block(self.px, 0.4), _char(self.px, self.theme.text))
        start = self.cursor.position()
        self.cursor.insertMarkdown(unbreakable(text),
                                   QTextDocument.MarkdownFeature.MarkdownDialectCommonMark)
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
            self.cursor.insertText(unbreakable(line.text), char)
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
            cell.insertText(unbreakable(line.text), _char(self.px, self.theme.text))
            # the bar, and beside it in small type where the wish came from
            cell.insertBlock(_block(self.px, 0.7), _char(self.px * 0.72, self.theme.muted))
            bar = QTextImageFormat()
            bar.setName(BAR_URL.toString())
            bar.setWidth(max(self.px * 0.4, bar_w * line.votes / most))
            bar.setHeight(self.px * 0.45)
            bar.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
            cell.insertImage(bar)
            if line.note:
                cell.insertText("\u2003" + unbreakable(line.note),
                                _char(self.px * 0.72, self.theme.muted))
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
