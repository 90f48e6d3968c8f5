"""Word fields as raw XML: python-docx has no API for them.

A field is a run sequence ``fldChar begin`` → ``instrText`` → ``fldChar separate``
→ cached result → ``fldChar end``; Word and LibreOffice recompute the result
(e.g. the page number) when they lay the document out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement


def _run_with(child_tag: str, **attrs: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    child = OxmlElement(child_tag)
    for key, value in attrs.items():
        child.set(qn(key), value)
    run.append(child)
    return run


def add_field(paragraph: Paragraph, instruction: str, cached: str = "1") -> None:
    """Append a simple field (e.g. ``PAGE``, ``NUMPAGES``) with ``cached`` as its shown value."""
    p = paragraph._p
    p.append(_run_with("w:fldChar", **{"w:fldCharType": "begin"}))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    p.append(instr_run)
    p.append(_run_with("w:fldChar", **{"w:fldCharType": "separate"}))
    result = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = cached
    result.append(text)
    p.append(result)
    p.append(_run_with("w:fldChar", **{"w:fldCharType": "end"}))


def add_page_of_pages(paragraph: Paragraph, word: str) -> None:
    """"Sid 3(10)": ``word`` then the PAGE field, "(", NUMPAGES, ")"."""
    paragraph.add_run(f"{word} ")
    add_field(paragraph, "PAGE")
    paragraph.add_run("(")
    add_field(paragraph, "NUMPAGES")
    paragraph.add_run(")")


def has_page_field(element: BaseOxmlElement) -> bool:
    """True when ``element`` (a header) already shows the page number in some form."""
    for node in element.iter(qn("w:instrText"), qn("w:fldSimple")):
        instruction = node.text if node.tag == qn("w:instrText") else node.get(qn("w:instr"))
        if instruction and instruction.strip().upper().startswith("PAGE"):
            return True
    return False
