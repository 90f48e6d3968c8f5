"""Build the default minutes template (resources/templates/minutes-default.docx).

Clean and municipal: A4, 2.5 cm margins, Calibri (every Windows and Mac Word
has it; LibreOffice lays it out with its metric-compatible Carlito, so pages
break alike), dark blue headings, a thin line under the page header. Only the
styles the minutes and a user's later editing in Word need are kept, without
python-docx's Word 2010 leftovers (stylesWithEffects, customXml, Japanese
fonts). Run ``uv run python -m facilitator.minutes.default_template``
to rebuild the committed file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

from facilitator.minutes.template import (
    DOCTYPE_STYLE,
    FACT_STYLE,
    LEAD_STYLE,
    UNIT_STYLE,
    clear_body,
    document_settings,
    paragraph_border,
    paragraph_style,
    remove_children,
    set_language,
)

FONT = "Calibri"
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
    document_settings(document, "sv-SE")
    _styles(document)
    _keep_needed_styles(document)
    _theme_fonts(document)
    _font_table(document)
    _drop_legacy_parts(document)
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
    remove_children(title.element.pPr, "w:pBdr")
    title.font.size, title.font.bold, title.font.color.rgb = Pt(24), True, ACCENT
    title.paragraph_format.space_before, title.paragraph_format.space_after = Pt(2), Pt(2)
    quote = document.styles["Quote"]
    quote.font.italic, quote.font.color.rgb = True, RGBColor(0x40, 0x40, 0x40)
    qfmt = quote.paragraph_format
    qfmt.left_indent, qfmt.right_indent = Cm(1), Cm(0.5)
    qfmt.space_before, qfmt.space_after = Pt(2), Pt(6)
    paragraph_border(quote.element.get_or_add_pPr(), "left", "BFBFBF", 12, 8)
    header = document.styles["Header"]
    header.font.size, header.font.color.rgb = Pt(9), MUTED
    remove_children(header.element.pPr, "w:tabs")
    header.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
    header.paragraph_format.space_after = Pt(0)
    paragraph_border(header.element.get_or_add_pPr(), "bottom", "A6A6A6", 4, 4)
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


# What the minutes use, and what a user editing them in Word reaches for (headings,
# lists, quotes, captions, tables of contents, a plain table); their linked
# character styles and base styles are kept with them.
KEPT_STYLES = {
    "Normal", "Default Paragraph Font", "Normal Table", "No List", "No Spacing",
    *(f"heading {n}" for n in range(1, 10)), "Title", "Subtitle", "Quote", "Intense Quote",
    "List Paragraph", "List Bullet", "List Bullet 2", "List Number", "List Number 2",
    "Body Text", "caption", "Strong", "Emphasis", "TOC Heading", "Table Grid",
    "header", "footer", DOCTYPE_STYLE, UNIT_STYLE, FACT_STYLE, LEAD_STYLE,
}
KEPT_FONTS = {FONT, "Times New Roman", "Symbol"}


def _keep_needed_styles(document: DocxDocument) -> None:
    """Drop the ~130 table and list styles python-docx's template carries (780 kB)."""
    root = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    names = {sid: s.find(qn("w:name")).get(qn("w:val")) for sid, s in by_id.items()}
    keep = {sid for sid, name in names.items() if name in KEPT_STYLES}
    pending = list(keep)
    while pending:  # a kept style's base, linked and next styles are kept too
        style = by_id[pending.pop()]
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(tag))
            target = None if ref is None else ref.get(qn("w:val"))
            if target in by_id and target not in keep:
                keep.add(target)
                pending.append(target)
    for sid, style in by_id.items():
        if sid not in keep:
            root.remove(style)


def _theme_fonts(document: DocxDocument) -> None:
    """Headings and body font of the theme: what Word's "+Rubriker"/"+Brödtext" mean."""
    theme = document.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    for group in ("majorFont", "minorFont"):
        xml = re.sub(rf'(<a:{group}>\s*<a:latin typeface=")[^"]*(")', rf"\g<1>{FONT}\g<2>", xml)
    theme._blob = xml.encode("utf-8")


def _font_table(document: DocxDocument) -> None:
    part = document.part.part_related_by(RT.FONT_TABLE)
    root = parse_xml(part.blob)
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) not in KEPT_FONTS:
            root.remove(font)
    part._blob = serialize_part_xml(root)


def _drop_legacy_parts(document: DocxDocument) -> None:
    """stylesWithEffects (read only by Word 2010) and an empty customXml item."""
    rels = document.part.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            rels.pop(rid)
    compat = document.settings.element.find(qn("w:compat"))
    if compat is not None:
        remove_children(compat, "w:useFELayout")  # East Asian layout, not ours


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
