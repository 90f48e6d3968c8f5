"""MinutesDocument → .docx bytes, on top of a (checked, emptied) Word template.

Every string goes through :func:`xml_safe` right before python-docx sees it.
Headings use the template's heading styles, lists use real numbering
(numbering.py), the page header carries real PAGE/NUMPAGES fields (fields.py).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from facilitator.minutes.fields import add_page_of_pages, has_page_field
from facilitator.minutes.model import (
    Block,
    Heading,
    ListBlock,
    MinutesDocument,
    Paragraph,
    Quote,
    Span,
    Table,
)
from facilitator.minutes.numbering import HANGING_TWIPS, INDENT_TWIPS, ListNumbering
from facilitator.minutes.safe import xml_safe
from facilitator.minutes.template import (
    DOCTYPE_STYLE,
    FACT_STYLE,
    LEAD_STYLE,
    UNIT_STYLE,
    document_settings,
    paragraph_border,
    paragraph_style,
    set_language,
)
from facilitator.minutes.xmlbuild import append_runs, new_paragraph

if TYPE_CHECKING:
    from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc

Progress = Callable[[int, int], None]
HEADER_LEFT_MAX = 90
QUOTE_STEP_TWIPS = 567  # 1 cm: a quote in a quote stands this much further in
MAX_BORDER_SPACE_PT = 31  # the largest w:space Word accepts


class DocxWriter:
    """Writes one MinutesDocument into one python-docx Document."""

    def __init__(self, document: DocxDocument, model: MinutesDocument) -> None:
        self.doc = document
        self.model = model
        self.numbering = ListNumbering(document)
        self._styles: dict[str, ParagraphStyle] = {}
        self._style_ids: dict[str, str | None] = {}
        self._last: DocxParagraph | None = None
        body = document.element.body
        self._body = body
        self._anchor = body.find(qn("w:sectPr"))
        self._container = document._body

    def style(self, name: str) -> ParagraphStyle:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = paragraph_style(self.doc, name)
        return style

    def add_paragraph(
        self, style: str, spans: list[Span] | None = None, num: tuple[int, int] | None = None
    ) -> DocxParagraph:
        """A new body paragraph in ``style`` with ``spans``; ``num`` = (numId, ilvl).

        Built as raw XML and inserted before the cached w:sectPr (see xmlbuild.py:
        python-docx's add_paragraph is quadratic in the length of the document).
        """
        if style not in self._style_ids:
            resolved = self.style(style)
            default = self.doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
            is_default = default is not None and default.style_id == resolved.style_id
            self._style_ids[style] = None if is_default else resolved.style_id
        p = new_paragraph(self._style_ids[style], *(num or (None, 0)))
        if spans:
            append_runs(p, spans)
        if self._anchor is not None:
            self._anchor.addprevious(p)
        else:
            self._body.append(p)
        return DocxParagraph(p, self._container)

    # -- whole document -------------------------------------------------------------
    def write(self, progress: Progress | None = None) -> bytes:
        set_language(self.doc, self.model.lang_tag)
        document_settings(self.doc, self.model.lang_tag)
        self._core_properties()
        self._headers()
        self._title_block()
        total = len(self.model.body)
        step = max(1, total // 50)
        for index, block in enumerate(self.model.body):
            self.block(block)
            if progress is not None and index % step == 0:
                progress(index, total)
        out = io.BytesIO()
        self.doc.save(out)
        if progress is not None:
            progress(total, total)
        return out.getvalue()

    def _core_properties(self) -> None:
        m = self.model
        props = self.doc.core_properties
        props.title = xml_safe(m.title)[:255]
        props.author = xml_safe(m.author)[:255]
        props.last_modified_by = xml_safe(m.author)[:255]
        props.subject = xml_safe(m.subject)[:255]
        props.keywords = xml_safe(m.keywords)[:255]
        props.category = xml_safe(m.document_type)[:255]
        props.comments = ""
        props.language = m.lang_tag
        props.content_status = ""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        props.created = props.modified = now
        props.revision = 1

    # -- page header ----------------------------------------------------------------
    def _headers(self) -> None:
        settings = self.doc.settings
        for section in self.doc.sections:
            headers = [section.header]
            if section.different_first_page_header_footer:
                headers.append(section.first_page_header)
            if settings.odd_and_even_pages_header_footer:
                headers.append(section.even_page_header)
            width, left, right = section.page_width, section.left_margin, section.right_margin
            # Word writes w:pgSz and w:pgMar in every section (a missing one failed here before).
            assert width is not None and left is not None and right is not None
            text_width = width - left - right
            for header in headers:
                header.is_linked_to_previous = False
                if has_page_field(header._element):
                    continue
                paragraphs = header.paragraphs
                only = paragraphs[0] if len(paragraphs) == 1 else None
                reuse = only is not None and not only.text.strip() and not _has_drawing(only)
                paragraph = only if reuse else header.add_paragraph()
                assert paragraph is not None
                paragraph.style = self.style("Header")
                self._header_line(paragraph, Emu(text_width))

    def _header_line(self, paragraph: DocxParagraph, text_width: Emu) -> None:
        tabs = paragraph.paragraph_format.tab_stops
        for stop in self.style("Header").paragraph_format.tab_stops:
            if abs(stop.position - text_width) > Twips(20):
                tabs.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        tabs.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        left = xml_safe(self.model.header_left).replace("\n", " ")
        if len(left) > HEADER_LEFT_MAX:
            left = left[: HEADER_LEFT_MAX - 1].rstrip() + "…"
        paragraph.add_run(f"{left}\t")
        add_page_of_pages(paragraph, self.model.labels.page)

    # -- title block ----------------------------------------------------------------
    def _title_block(self) -> None:
        m = self.model
        self.text_paragraph(m.document_type, DOCTYPE_STYLE)
        self.text_paragraph(m.title, "Title")
        if m.issuing_unit:
            self.text_paragraph(m.issuing_unit, UNIT_STYLE)
        for fact in m.facts:
            p = self.add_paragraph(FACT_STYLE)
            p.add_run(xml_safe(fact.label)).bold = True
            p.add_run("\t" + xml_safe(fact.value))
        for index, block in enumerate(m.lead):
            if isinstance(block, Paragraph) and block.style == "body":
                p = self.paragraph(block.spans, LEAD_STYLE)
                if index:
                    p.paragraph_format.space_before = 0
            else:
                self.block(block)

    # -- blocks ---------------------------------------------------------------------
    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            level = max(1, min(block.level, 9))
            self.text_paragraph(block.text.replace("\n", " "), f"Heading {level}")
        elif isinstance(block, Paragraph):
            if block.style == "closing" and self._last is not None:
                self._last.paragraph_format.keep_with_next = True  # no orphaned closing line
            p = self.paragraph(block.spans, _ROLE_STYLES.get(block.style, "Normal"))
            if block.style == "compact":
                p.paragraph_format.space_after = Pt(3)
        elif isinstance(block, ListBlock):
            self.list_block(block)
        elif isinstance(block, Quote):
            self.quote(block, self._quote_indent())
        elif isinstance(block, Table):
            self.table(block)

    def text_paragraph(self, text: str, style: str) -> DocxParagraph:
        return self.add_paragraph(style, [Span(text)] if text else None)

    def paragraph(
        self, spans: list[Span], style: str, num: tuple[int, int] | None = None
    ) -> DocxParagraph:
        p = self._last = self.add_paragraph(style, spans, num)
        return p

    def _quote_indent(self) -> int:
        """The Quote style's left indent in twips: where its text and bar stand."""
        indent = self.style("Quote").paragraph_format.left_indent
        return round(indent / 635) if indent else QUOTE_STEP_TWIPS

    def quote(self, block: Quote, indent: int) -> None:
        """A quote whose lists and nested quotes keep its bar: each paragraph says its own
        indent, since a list's numbering indent would otherwise replace the quote's."""
        for inner in block.blocks:
            if isinstance(inner, Paragraph):
                p = self.paragraph(inner.spans, "Quote")
                if indent != self._quote_indent():
                    p.paragraph_format.left_indent = Twips(indent)
            elif isinstance(inner, ListBlock):
                self.list_block(inner, quote_indent=indent)
            else:
                self.quote(inner, indent + QUOTE_STEP_TWIPS)

    def _keep_quote_bar(self, p: DocxParagraph, further_twips: int) -> None:
        """Keep the quote's bar where the quote's text starts on a paragraph that stands
        ``further_twips`` further in (Word draws a left border by the paragraph's own
        indent): widen the border's distance from the text, up to Word's 31 pt."""
        ppr = self.style("Quote").element.pPr
        edge = None if ppr is None else ppr.find(f"{qn('w:pBdr')}/{qn('w:left')}")
        if edge is None:
            return
        space = int(edge.get(qn("w:space")) or 0) + round(max(further_twips, 0) / 20)
        paragraph_border(p._p.get_or_add_pPr(), "left", edge.get(qn("w:color")) or "auto",
                         int(edge.get(qn("w:sz")) or 4), min(space, MAX_BORDER_SPACE_PT))

    def list_block(self, block: ListBlock, quote_indent: int | None = None) -> None:
        pattern = _pattern(block)
        num_id = self.numbering.new_list(pattern, block.start)
        last = self._list_items(block, num_id, 0, pattern, quote_indent)
        if last is not None and quote_indent is None:
            last.paragraph_format.space_after = Pt(8)  # air before the next paragraph

    def _list_items(
        self, block: ListBlock, num_id: int, depth: int, pattern: tuple[bool, ...],
        quote_indent: int | None,
    ) -> DocxParagraph | None:
        style = "List Paragraph" if quote_indent is None else "Quote"
        text_indent = INDENT_TWIPS * (depth + 1) + (quote_indent or 0)
        p: DocxParagraph | None = None
        for item in block.items:
            for index, spans in enumerate(item.paragraphs):
                if index == 0:
                    p = self.paragraph(spans, style, (num_id, depth))
                    if quote_indent is not None:
                        p.paragraph_format.left_indent = Twips(text_indent)
                        p.paragraph_format.first_line_indent = Twips(-HANGING_TWIPS)
                        self._keep_quote_bar(p, text_indent - HANGING_TWIPS - quote_indent)
                else:
                    p = self.paragraph(spans, style)
                    p.paragraph_format.left_indent = Twips(text_indent)
                    if quote_indent is not None:
                        self._keep_quote_bar(p, text_indent - quote_indent)
                if quote_indent is not None:
                    p.paragraph_format.space_after = Pt(2)
            for child in item.children:
                if depth + 1 < len(pattern) and pattern[depth + 1] == child.ordered:
                    p = self._list_items(child, num_id, depth + 1, pattern, quote_indent) or p
                else:
                    sub_pattern = (*pattern[: depth + 1], *_pattern(child))
                    sub_id = self.numbering.new_list(sub_pattern, child.start)
                    p = self._list_items(child, sub_id, depth + 1, sub_pattern,
                                           quote_indent) or p
        return p

    def table(self, block: Table) -> None:
        table = self.doc.add_table(rows=1, cols=len(block.header))
        table.autofit = False
        _table_borders(table._tbl)
        header = table.rows[0]
        _row_flags(header._tr, header=True)
        for cell, text in zip(header.cells, block.header, strict=True):
            _shade(cell._tc, "F2F2F2")
            para = cell.paragraphs[0]
            para.paragraph_format.space_after = Pt(2)
            para.add_run(xml_safe(text)).bold = True
        if block.widths_cm:  # before the rows: an added row takes its widths from the grid
            for column, width in zip(table.columns, block.widths_cm, strict=False):
                column.width = Cm(width)
            for cell, width in zip(header.cells, block.widths_cm, strict=False):
                cell.width = Cm(width)
            _fixed_width(table._tbl, sum(Cm(w) for w in block.widths_cm) // 635)
        if block.rows:
            first = table.add_row()
            _row_flags(first._tr, header=False)
            if block.row_height_cm:
                first.height = Cm(block.row_height_cm)
                first.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            runs = []
            for cell, text in zip(first.cells, block.rows[0], strict=True):
                para = cell.paragraphs[0]
                para.paragraph_format.space_after = Pt(2)
                runs.append(para.add_run(xml_safe(text)))
            # Every further row is a copy of the first with its own texts: building each
            # cell through python-docx takes about a millisecond a row.
            for row in block.rows[1:]:
                tr = copy.deepcopy(first._tr)
                table._tbl.append(tr)
                for r, text in zip(tr.iter(qn("w:r")), row, strict=True):
                    DocxRun(r, runs[0]._parent).text = xml_safe(text)  # replaces the copy's
        self.add_paragraph("Normal")


_ROLE_STYLES = {"lead": LEAD_STYLE, "quote": "Quote"}


def _pattern(block: ListBlock) -> tuple[bool, ...]:
    """Whether each level is numbered, from the first list met at each depth."""
    levels: list[bool] = []

    def visit(b: ListBlock, depth: int) -> None:
        if depth == len(levels):
            levels.append(b.ordered)
        for item in b.items:
            for child in item.children:
                visit(child, depth + 1)

    visit(block, 0)
    return tuple(levels)


def _row_flags(tr: CT_Row, header: bool) -> None:
    """Rows never split across pages; the header row repeats on every page."""
    tr_pr = tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _shade(tc: CT_Tc, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc.get_or_add_tcPr().append(shd)


def _has_drawing(paragraph: DocxParagraph) -> bool:
    return any(True for _ in paragraph._p.iter(qn("w:drawing"), qn("w:pict")))


def _fixed_width(tbl: CT_Tbl, twips: int) -> None:
    """An explicit table width, so Word lays the table out the same in every
    compatibility mode instead of re-fitting an "auto" width when it converts."""
    width = tbl.tblPr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl.tblPr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(twips))


def _table_borders(tbl: CT_Tbl) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "A6A6A6")):
            edge.set(qn(f"w:{key}"), value)
        borders.append(edge)
    tbl_pr = tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    # Schema order: tblBorders comes after tblW/jc/tblInd and before shd/tblLayout/tblLook.
    anchor = None
    for tag in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"):
        anchor = tbl_pr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)
