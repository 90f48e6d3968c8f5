"""Reading an exported .docx back for assertions."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn


def open_docx(path: Path) -> DocxDocument:
    return Document(str(path))


def paragraphs(doc: DocxDocument) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, in order."""
    return [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]


def headings(doc: DocxDocument) -> list[tuple[int, str]]:
    result = []
    for style, text in paragraphs(doc):
        if style.startswith("Heading "):
            result.append((int(style.split()[1]), text))
    return result


def list_items(doc: DocxDocument) -> list[tuple[int, int, str]]:
    """(numId, ilvl, text) of every numbered/bulleted paragraph."""
    items = []
    for p in doc.paragraphs:
        ppr = p._p.pPr
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            items.append((num_pr.numId.val, num_pr.ilvl.val if num_pr.ilvl is not None else 0,
                          p.text))
    return items


def numbering_root(doc: DocxDocument):  # type: ignore[no-untyped-def]
    return doc.part.numbering_part.element


def num_info(doc: DocxDocument, num_id: int) -> tuple[str, dict[int, int]]:
    """(abstractNumId, {ilvl: startOverride}) of one w:num."""
    for num in numbering_root(doc).findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id):
            abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            starts = {
                int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
                for o in num.findall(qn("w:lvlOverride"))
                if o.find(qn("w:startOverride")) is not None
            }
            return abstract, starts
    raise AssertionError(f"no w:num {num_id}")


def level_format(doc: DocxDocument, abstract_id: str, ilvl: int) -> str:
    for abstract in numbering_root(doc).findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == abstract_id:
            for lvl in abstract.findall(qn("w:lvl")):
                if lvl.get(qn("w:ilvl")) == str(ilvl):
                    return lvl.find(qn("w:numFmt")).get(qn("w:val"))
    raise AssertionError(f"no level {ilvl} in abstractNum {abstract_id}")


def all_text(doc: DocxDocument) -> str:
    """Every w:t in the body, headers, footers and core properties."""
    parts = ["".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))]
    for section in doc.sections:
        for part in (section.header, section.first_page_header, section.footer):
            parts.append("".join(t.text or "" for t in part._element.iter(qn("w:t"))))
    props = doc.core_properties
    parts += [props.title or "", props.author or "", props.subject or "", props.keywords or ""]
    return "\n".join(parts)
