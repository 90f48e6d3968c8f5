"""The written .docx, reopened with python-docx: fields, styles, numbering, metadata."""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from facilitator.minutes.export import MinutesError, MinutesOptions, export_minutes
from facilitator.services import sections
from facilitator.services.core import Store
from tests.unit.minutes.conftest import Built
from tests.unit.minutes.docx_helpers import (
    all_text,
    headings,
    level_format,
    list_items,
    num_info,
    numbering_root,
    open_docx,
    paragraphs,
)


@pytest.fixture
def exported(store: Store, closing: Built, tmp_path: Path) -> Path:
    return export_minutes(store, closing.workshop_id, tmp_path / "minnes.docx",
                          MinutesOptions(show_votes=True))


def test_header_has_real_page_and_numpages_fields(exported: Path) -> None:
    doc = open_docx(exported)
    header = doc.sections[0].header
    assert not header.is_linked_to_previous
    xml = header._element
    kinds = [e.get(qn("w:fldCharType")) for e in xml.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert [t.text.strip() for t in xml.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]
    text = header.paragraphs[-1].text
    assert text.startswith("Kommunkansliet – Redovisning av Bygdekraft\tSid 1(1)")


def test_title_block_then_sections_in_order(exported: Path) -> None:
    doc = open_docx(exported)
    paras = paragraphs(doc)
    assert paras[0] == ("Dokumenttyp", "Minnesanteckningar")
    assert paras[1] == ("Title", "Redovisning av Bygdekraft")
    assert paras[2] == ("Utfärdare", "Kommunkansliet")
    assert paras[3] == ("Faktarad", "Projektledare\tÅsa Lindqvist")
    assert paras[8][0] == "Ingress"
    assert [h for _, h in headings(doc)][:4] == [
        "Inledning", "Bakgrund och syfte", "Fokusområden", "1. Medborgardialog"]
    levels = [lvl for lvl, _ in headings(doc)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    styles = {s for s, _ in paras}
    assert {"Quote", "List Paragraph", "Heading 1", "Heading 2"} <= styles
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "Bygdekraft" in bold and "Ansvarig framåt: " in bold
    assert any(r.italic and r.text == "Åsa Lindqvist" for p in doc.paragraphs for r in p.runs)


def test_lists_are_real_numbering_that_restarts(exported: Path) -> None:
    doc = open_docx(exported)
    items = list_items(doc)
    by_text = {text: (num, lvl) for num, lvl, text in items}
    # nested bullets share the list and go one level deeper
    top, nested = by_text["Intervjuer med ett sjuttiotal invånare"], by_text["i tre kommundelar"]
    assert nested == (top[0], 1) and top[1] == 0
    abstract, _ = num_info(doc, top[0])
    assert level_format(doc, abstract, 0) == "bullet" and level_format(doc, abstract, 1) == "bullet"
    # two separate numbered lists: different numIds, each restarting at 1
    first = by_text["konkreta framsteg i frågor som invånarna bryr sig om"][0]
    second = by_text["första punkten i en ny lista"][0]
    assert first != second
    for num in (first, second):
        abstract, starts = num_info(doc, num)
        assert starts[0] == 1 and level_format(doc, abstract, 0) == "decimal"
    # wishes: nested bullets with vote counts
    wish, sub = by_text["Arbeta med hur föreningar kan samverka: (5 röster)"], by_text[
        "Evenemangskalender"]
    assert sub == (wish[0], 1)
    # schema order: every abstractNum before the first num
    tags = [child.tag for child in numbering_root(doc)]
    last_abstract = max(i for i, t in enumerate(tags) if t == qn("w:abstractNum"))
    first_num = min(i for i, t in enumerate(tags) if t == qn("w:num"))
    assert last_abstract < first_num
    assert not any(text.lstrip().startswith(("-", "–", "•")) for _, text in paragraphs(doc))


def test_accessibility_metadata_language_and_table_header(exported: Path) -> None:
    doc = open_docx(exported)
    props = doc.core_properties
    assert props.title == "Redovisning av Bygdekraft"
    assert props.author == "Kommunkansliet"
    assert props.language == "sv-SE"
    assert props.created is not None and props.modified is not None
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"
    table = doc.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells] == ["Åtgärd", "Ansvarig", "Klart senast"]
    assert [c.text for c in table.rows[1].cells] == [
        "Sammanfatta grupparbetet på webben", "Åsa Lindqvist, projektledare på Kommunkansliet",
        "2015-01-31"]


def test_default_template_is_a4_with_margins(exported: Path) -> None:
    section = open_docx(exported).sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert round(section.left_margin.cm, 1) == 2.5


def test_anonymised_document_has_no_names(store: Store, closing: Built, tmp_path: Path) -> None:
    out = export_minutes(store, closing.workshop_id, tmp_path / "public.docx",
                         MinutesOptions(anonymise=True))
    text = all_text(open_docx(out)).casefold()
    from tests.unit.minutes.conftest import PERSON_NAMES

    for name in PERSON_NAMES:
        assert name.casefold() not in text


@pytest.mark.sqlite_only  # a NUL written past the services: PostgreSQL text cannot hold one
def test_hostile_strings_export(store: Store, closing: Built, tmp_path: Path) -> None:
    nasty = ("Styrtecken\x00\x01\x08\x0b\x0c\x1f slut; emoji 🎉👩‍👩‍👧; RTL مرحبا بالعالم עברית; "
             "icke-tecken \ufffe\uffff")
    sid = sections.add_section(store, closing.workshop_id, "Konstigt", "x")
    with store.write() as tx:  # bypass the services' cleaning, as an old database might
        from facilitator.store.models import Section

        tx.session.get(Section, sid).body = nasty + "\n\n" + ("lång rad " * 230_000)
    out = export_minutes(store, closing.workshop_id, tmp_path / "nasty.docx", MinutesOptions())
    doc = open_docx(out)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "emoji 🎉👩‍👩‍👧" in text and "مرحبا" in text and "\x00" not in text
    assert any(br.tag == qn("w:br") for p in doc.paragraphs if "Styrtecken" in p.text
               for br in p._p.iter(qn("w:br")))
    assert len(text) > 2_000_000


def test_writer_survives_lone_surrogates_and_controls(store: Store, closing: Built) -> None:
    from facilitator.minutes.build import build_minutes
    from facilitator.minutes.export import render_docx
    from facilitator.minutes.model import Paragraph, Span
    from facilitator.minutes.safe import xml_safe

    assert xml_safe("a\ud800b\x00c\x0bd\r\ne") == "abc\nd\ne"
    model = build_minutes(store, closing.workshop_id, MinutesOptions())
    model.title = "Titel \udc00\x07"
    model.body.append(Paragraph([Span("ensam \ud800 surrogat\x1b", bold=True)]))
    doc = Document(io.BytesIO(render_docx(model)))
    assert doc.core_properties.title == "Titel "
    assert doc.paragraphs[-1].text == "ensam  surrogat"


def _template_bytes(tmp_path: Path, *, dotx: bool = False, drop: tuple[str, ...] = ()) -> Path:
    doc = Document()
    for name in drop:
        doc.styles[name].element.getparent().remove(doc.styles[name].element)
    doc.add_paragraph("Mallens brödtext som ska bort")
    header = doc.sections[0].header
    header.paragraphs[0].text = "ORGANISATIONENS LOGGA"
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    suffix = ".docx"
    if dotx:
        suffix = ".dotx"
        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                blob = src.read(info)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(b"document.main+xml", b"template.main+xml")
                dst.writestr(info, blob)
        data = out.getvalue()
    path = tmp_path / f"mall{suffix}"
    path.write_bytes(data)
    return path


def test_dotx_template_without_quote_and_heading3(store: Store, closing: Built,
                                                  tmp_path: Path) -> None:
    template = _template_bytes(tmp_path, dotx=True, drop=("Quote", "Heading 2", "Heading 3"))
    with pytest.raises(ValueError):
        Document(str(template))  # python-docx alone refuses a .dotx
    out = export_minutes(store, closing.workshop_id, tmp_path / "m.docx",
                         MinutesOptions(template=template))
    doc = open_docx(out)
    assert "Mallens brödtext som ska bort" not in all_text(doc)
    header_text = [p.text for p in doc.sections[0].header.paragraphs]
    assert header_text[0] == "ORGANISATIONENS LOGGA"
    assert header_text[-1].endswith("Sid 1(1)")
    assert {"Quote", "Heading 2"} <= {s for s, _ in paragraphs(doc)}
    h2 = doc.styles["Heading 2"].element
    assert h2.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"


@pytest.mark.parametrize("kind", ["not-zip", "not-word", "doctype", "too-big", "missing"])
def test_hostile_templates_are_refused(store: Store, closing: Built, tmp_path: Path,
                                       kind: str) -> None:
    path = tmp_path / "mall.docx"
    if kind == "not-zip":
        path.write_bytes(b"hej, jag \xe4r ingen zip")
    elif kind == "not-word":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("hello.txt", "hi")
    elif kind == "doctype":
        (tmp_path / "src").mkdir()
        good = _template_bytes(tmp_path / "src")
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
            for info in src.infolist():
                blob = src.read(info)
                if info.filename == "word/styles.xml":
                    blob = blob.replace(
                        b"?>", b'?><!DOCTYPE lol [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]>',
                        1)
                dst.writestr(info, blob)
    elif kind == "too-big":
        with path.open("wb") as handle:
            handle.truncate(51 * 1024 * 1024)
    target = tmp_path / "ut.docx"
    with pytest.raises(MinutesError) as info:
        export_minutes(store, closing.workshop_id, target, MinutesOptions(template=path))
    message = str(info.value)
    assert "Mallen" in message
    expected = {"not-zip": "inte ett Word-dokument", "not-word": "inte ett Word-dokument",
                "doctype": "DOCTYPE", "too-big": "för stor", "missing": "finns inte"}[kind]
    assert expected in message
    assert not target.exists()


def test_english_minutes_say_page_and_en_gb(store: Store, tmp_path: Path) -> None:
    from facilitator.services import projects, workshops

    pid = projects.create_project(store, "Village futures")
    wid = workshops.create_workshop(store, pid, "Closing session", language="en",
                                    issuing_unit="Council office", date="2015-02-03")
    sections.add_section(store, wid, "Welcome", "Hello **all**.")
    doc = open_docx(export_minutes(store, wid, tmp_path / "en.docx", MinutesOptions()))
    assert doc.sections[0].header.paragraphs[-1].text.endswith("\tPage 1(1)")
    assert paragraphs(doc)[0] == ("Dokumenttyp", "Minutes")
    assert doc.core_properties.language == "en-GB"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"


def test_template_header_with_own_page_number_is_kept(store: Store, closing: Built,
                                                      tmp_path: Path) -> None:
    from facilitator.minutes.fields import add_field

    doc = Document()
    header_paragraph = doc.sections[0].header.paragraphs[0]
    header_paragraph.text = "Sida "
    add_field(header_paragraph, "PAGE")
    template = tmp_path / "egen.docx"
    doc.save(str(template))
    out = export_minutes(store, closing.workshop_id, tmp_path / "m.docx",
                         MinutesOptions(template=template))
    header = open_docx(out).sections[0].header
    assert [p.text for p in header.paragraphs] == ["Sida 1"]


def test_committed_default_template_matches_its_build_script() -> None:
    from facilitator.minutes.default_template import build_default_template
    from facilitator.paths import resource_path

    committed = zipfile.ZipFile(resource_path("templates", "minutes-default.docx"))
    fresh = zipfile.ZipFile(io.BytesIO(build_default_template()))
    for part in ("word/styles.xml", "word/document.xml", "word/numbering.xml"):
        assert committed.read(part) == fresh.read(part), part
