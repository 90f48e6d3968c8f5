"""Build the default minutes template (resources/templates/minutes-default.docx).

Clean and municipal: A4, 2.5 cm margins, Carlito (metric-compatible with
Calibri, so Word and LibreOffice lay it out alike), dark blue headings, a thin
line under the page header. Run ``uv run python -m facilitator.minutes.default_template``
to rebuild the committed file.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement

from facilitator.minutes.template import (
    DOCTYPE_STYLE,
    FACT_STYLE,
    LEAD_STYLE,
    UNIT_STYLE,
    clear_body,
    paragraph_style,
    set_language,
)

FONT = "Carlito"
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MUTED = RGBColor(0x59, 0x59, 0x59)
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def build_default_template() -> bytes:
    document = Document()
    clear_body(document)
    _page_setup(document)
    _fonts(document)
    set_language(document, "sv-SE")
    _styles(document)
    _drop_thumbnail(document)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = "Minnesanteckningar", "Facilitator", ""
    props.comments, props.keywords, props.subject, props.category = "", "", "", ""
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page_setup(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.5)
    section.header_distance, section.footer_distance = Cm(1.2), Cm(1.2)


def _fonts(document: DocxDocument) -> None:
    """Explicit fonts everywhere: theme font references would override them."""
    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)


def _styles(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size, normal.font.color.rgb = FONT, Pt(11), INK
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.MULTIPLE, 1.15
    for level, size, before in ((1, 15, 18), (2, 12.5, 12), (3, 11.5, 10)):
        style = document.styles[f"Heading {level}"]
        style.font.size, style.font.bold, style.font.italic = Pt(size), True, False
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    title = document.styles["Title"]
    _remove(title.element.pPr, "w:pBdr")
    title.font.size, title.font.bold, title.font.color.rgb = Pt(24), True, ACCENT
    title.paragraph_format.space_before, title.paragraph_format.space_after = Pt(2), Pt(2)
    quote = document.styles["Quote"]
    quote.font.italic, quote.font.color.rgb = True, RGBColor(0x40, 0x40, 0x40)
    qfmt = quote.paragraph_format
    qfmt.left_indent, qfmt.right_indent = Cm(1), Cm(0.5)
    qfmt.space_before, qfmt.space_after = Pt(2), Pt(6)
    _border(quote.element.get_or_add_pPr(), "left", "BFBFBF", 12, 8)
    header = document.styles["Header"]
    header.font.size, header.font.color.rgb = Pt(9), MUTED
    _remove(header.element.pPr, "w:tabs")
    header.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
    header.paragraph_format.space_after = Pt(0)
    _border(header.element.get_or_add_pPr(), "bottom", "A6A6A6", 4, 4)
    listp = document.styles["List Paragraph"]
    listp.paragraph_format.space_after = Pt(2)
    doctype = paragraph_style(document, DOCTYPE_STYLE)
    doctype.font.size, doctype.font.bold, doctype.font.color.rgb = Pt(10), True, MUTED
    doctype.paragraph_format.space_after = Pt(2)
    unit = paragraph_style(document, UNIT_STYLE)
    unit.font.size, unit.font.color.rgb = Pt(11.5), MUTED
    unit.paragraph_format.space_after = Pt(14)
    fact = paragraph_style(document, FACT_STYLE)
    fact.paragraph_format.space_after = Pt(1)
    fact.paragraph_format.tab_stops.add_tab_stop(Cm(3.75))
    lead = paragraph_style(document, LEAD_STYLE)
    lead.font.size = Pt(12)
    lead.paragraph_format.space_before, lead.paragraph_format.space_after = Pt(14), Pt(10)


def _remove(parent: BaseOxmlElement | None, tag: str) -> None:
    if parent is None:
        return
    for child in parent.findall(qn(tag)):
        parent.remove(child)


def _border(ppr: BaseOxmlElement, side: str, color: str, size: int, space: int) -> None:
    _remove(ppr, "w:pBdr")
    pbdr = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", str(space)),
                       ("color", color)):
        edge.set(qn(f"w:{key}"), value)
    pbdr.append(edge)
    # pBdr goes after keepNext/keepLines/pageBreakBefore… and before shd/tabs/spacing/ind.
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc",
                "w:outlineLvl"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(pbdr)
    else:
        ppr.append(pbdr)


def _drop_thumbnail(document: DocxDocument) -> None:
    rels = document.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            rels.pop(rid)


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else (
        Path(__file__).resolve().parents[2] / "resources" / "templates" / "minutes-default.docx"
    )
    target.write_bytes(build_default_template())
    print(f"Wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
