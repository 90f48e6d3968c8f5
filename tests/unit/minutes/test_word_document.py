"""The .docx as Word opens it: a current document, fonts readers have, Swedish settings,
no leftovers; an organisation's template keeps its own fonts. Lists in quotes stay in them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from facilitator.minutes.export import MinutesOptions, export_minutes, render_docx
from facilitator.minutes.labels import labels_for
from facilitator.minutes.markdown import markdown_blocks
from facilitator.minutes.model import MinutesDocument
from facilitator.services import workshops
from facilitator.services.core import Store
from tests.unit.minutes.conftest import Built

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist() if name.endswith((".xml", ".rels"))}


def _setting(settings_xml: str, tag: str) -> str:
    found = re.search(rf'<w:{tag} w:val="([^"]*)"', settings_xml)
    assert found, tag
    return found.group(1)


@pytest.fixture
def exported(store: Store, closing: Built, tmp_path: Path) -> Path:
    return export_minutes(store, closing.workshop_id, tmp_path / "minnes.docx", MinutesOptions())


def test_swedish_minutes_are_a_current_swedish_word_document(exported: Path) -> None:
    settings = _parts(exported)["word/settings.xml"]
    mode = re.search(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', settings)
    assert mode and mode.group(1) == "15"
    assert _setting(settings, "themeFontLang") == "sv-SE"
    assert 'w:eastAsia="ja-JP"' not in settings
    assert _setting(settings, "decimalSymbol") == ","
    assert _setting(settings, "listSeparator") == ";"


def test_english_minutes_keep_english_settings(store: Store, closing: Built,
                                               tmp_path: Path) -> None:
    workshops.update_workshop(store, closing.workshop_id, language="en")
    path = export_minutes(store, closing.workshop_id, tmp_path / "minutes.docx",
                          MinutesOptions())
    settings = _parts(path)["word/settings.xml"]
    assert _setting(settings, "themeFontLang") == "en-GB"
    assert (_setting(settings, "decimalSymbol"), _setting(settings, "listSeparator")) == (".", ",")


def test_fonts_are_ones_word_users_have(exported: Path) -> None:
    parts = _parts(exported)
    assert not any("Carlito" in text or "Caladea" in text for text in parts.values())
    fonts = set(re.findall(r'w:ascii="([^"]*)"', parts["word/styles.xml"]))
    assert fonts == {"Calibri"}
    theme = parts["word/theme/theme1.xml"]
    for group in ("majorFont", "minorFont"):
        latin = re.search(rf'<a:{group}>\s*<a:latin typeface="([^"]*)"', theme)
        assert latin and latin.group(1) == "Calibri"
    table = set(re.findall(r'<w:font w:name="([^"]*)"', parts["word/fontTable.xml"]))
    assert "Calibri" in table
    assert table <= {"Calibri", "Times New Roman", "Symbol"}  # no Japanese fonts


def test_no_leftovers_of_the_python_docx_template(exported: Path) -> None:
    parts = _parts(exported)
    assert not [name for name in parts if "stylesWithEffects" in name or "customXml" in name]
    assert "stylesWithEffects" not in parts["[Content_Types].xml"]
    styles = parts["word/styles.xml"]
    names = set(re.findall(r'<w:style [^>]*>\s*<w:name w:val="([^"]*)"', styles))
    for needed in ("heading 1", "heading 2", "heading 3", "Title", "Quote", "List Paragraph",
                   "List Bullet", "List Number", "Table Grid", "TOC Heading", "caption",
                   "Heading 1 Char", "Dokumenttyp", "Ingress"):
        assert needed in names, needed
    assert "Light Shading Accent 1" not in names and "Colorful Grid" not in names
    assert len(styles) < 60_000  # it was 348 kB, and stylesWithEffects another 438 kB
    assert exported.stat().st_size < 25_000


def test_tables_have_a_fixed_width_word_keeps_when_it_converts(exported: Path) -> None:
    table = Document(str(exported)).tables[-1]._tbl
    width = table.tblPr.find(qn("w:tblW"))
    assert width.get(qn("w:type")) == "dxa"
    columns = [int(c.get(qn("w:w"))) for c in table.tblGrid.findall(qn("w:gridCol"))]
    assert abs(int(width.get(qn("w:w"))) - sum(columns)) <= len(columns)


def test_an_organisations_template_keeps_its_fonts(store: Store, closing: Built,
                                                   tmp_path: Path) -> None:
    template = Document()
    template.styles["Normal"].font.name = "Georgia"
    template.styles["Normal"].font.size = Pt(12)
    template.styles["Heading 1"].font.name = "Verdana"
    path = tmp_path / "kommunens-mall.docx"
    template.save(str(path))
    out = export_minutes(store, closing.workshop_id, tmp_path / "minnes.docx",
                         MinutesOptions(template=path))
    document = Document(str(out))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.styles["Heading 1"].font.name == "Verdana"
    parts = _parts(out)
    assert "Light Shading Accent 1" in parts["word/styles.xml"]  # their styles stay theirs
    mode = re.search(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', parts["word/settings.xml"])
    assert mode and mode.group(1) == "15"
    assert _setting(parts["word/settings.xml"], "themeFontLang") == "sv-SE"


QUOTED = """> Utvärderaren sammanfattade:
>
> - Föreningarna har hittat varandra
>   - särskilt idrotten
> - Byaträffarna fortsätter
>
> > En deltagare sa: "Äntligen händer något."
>
> Slutet på citatet."""


def _quote_document(tmp_path: Path) -> Document:
    model = MinutesDocument(
        language="sv", header_left="Kommunkansliet", document_type="Minnesanteckningar",
        title="Följeforskning", issuing_unit="Kommunkansliet", facts=[], lead=[],
        body=markdown_blocks(QUOTED, 1), labels=labels_for("sv"))
    path = tmp_path / "citat.docx"
    path.write_bytes(render_docx(model))
    return Document(str(path))


def _indent(paragraph) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(left, hanging, left border distance in pt) in twips, as the paragraph says."""
    ppr = paragraph._p.pPr
    ind = ppr.find(qn("w:ind")) if ppr is not None else None
    border = ppr.find(f"{qn('w:pBdr')}/{qn('w:left')}") if ppr is not None else None
    return (int(ind.get(qn("w:left"))) if ind is not None else 0,
            int(ind.get(qn("w:hanging")) or 0) if ind is not None else 0,
            int(border.get(qn("w:space"))) if border is not None else -1)


def test_a_list_inside_a_quote_keeps_the_quotes_indent_and_bar(tmp_path: Path) -> None:
    document = _quote_document(tmp_path)
    quote_left = round(document.styles["Quote"].paragraph_format.left_indent / 635)
    style_border = document.styles["Quote"].element.pPr.find(f"{qn('w:pBdr')}/{qn('w:left')}")
    base_space = int(style_border.get(qn("w:space")))
    by_text = {p.text: p for p in document.paragraphs}
    for text, depth in (("Föreningarna har hittat varandra", 0), ("särskilt idrotten", 1),
                        ("Byaträffarna fortsätter", 0)):
        p = by_text[text]
        assert p.style.name == "Quote"
        assert p._p.pPr.numPr is not None  # still a real list item
        left, hanging, space = _indent(p)
        assert left == quote_left + 360 * (depth + 1) and hanging == 360
        # The bar stays where the quote's text starts: its distance grows with the indent.
        assert space == base_space + 18 * depth
    plain = by_text["Slutet på citatet."]
    assert plain.style.name == "Quote" and _indent(plain)[0] == 0  # the style's indent


def test_a_quote_in_a_quote_stands_further_in(tmp_path: Path) -> None:
    document = _quote_document(tmp_path)
    quote_left = round(document.styles["Quote"].paragraph_format.left_indent / 635)
    nested = next(p for p in document.paragraphs if p.text.startswith("En deltagare sa"))
    assert nested.style.name == "Quote"
    assert _indent(nested)[0] == quote_left + 567
