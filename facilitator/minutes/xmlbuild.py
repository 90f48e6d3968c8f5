"""Fast construction of body paragraphs and runs as raw WordprocessingML.

python-docx's convenience API is quadratic for long documents (it searches the
body for w:sectPr and scans all styles on every add_paragraph, and each
get_or_add_* scans ~30 possible successors). A 10,000-wish export spends
seconds there, so the writer builds w:p / w:pPr / w:r / w:t directly in
schema order (pPr: pStyle, numPr; r: rPr(b, i), t / br / tab).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.text.paragraph import CT_P
from lxml import etree

from facilitator.minutes.model import Span
from facilitator.minutes.safe import xml_safe

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SUB = etree.SubElement


def new_paragraph(style_id: str | None, num_id: int | None = None, ilvl: int = 0) -> CT_P:
    """A detached ``w:p`` with its style and, for a list item, its list and level."""
    p = OxmlElement("w:p")
    assert isinstance(p, CT_P)  # python-docx registers CT_P for w:p
    if style_id is not None or num_id is not None:
        ppr = _SUB(p, f"{_W}pPr")
        if style_id is not None:
            _SUB(ppr, f"{_W}pStyle").set(_VAL, style_id)
        if num_id is not None:
            num_pr = _SUB(ppr, f"{_W}numPr")
            _SUB(num_pr, f"{_W}ilvl").set(_VAL, str(ilvl))
            _SUB(num_pr, f"{_W}numId").set(_VAL, str(num_id))
    return p


def append_runs(p: CT_P, spans: list[Span]) -> None:
    """Append one run per span; "\\n" becomes w:br and "\\t" w:tab inside the run."""
    for span in spans:
        text = xml_safe(span.text)
        if not text:
            continue
        run = _SUB(p, f"{_W}r")
        if span.bold or span.italic:
            rpr = _SUB(run, f"{_W}rPr")
            if span.bold:
                _SUB(rpr, f"{_W}b")
            if span.italic:
                _SUB(rpr, f"{_W}i")
        for line_no, line in enumerate(text.split("\n")):
            if line_no:
                _SUB(run, f"{_W}br")
            for tab_no, piece in enumerate(line.split("\t")):
                if tab_no:
                    _SUB(run, f"{_W}tab")
                if piece:
                    t = _SUB(run, f"{_W}t")
                    t.text = piece
                    if piece[0] == " " or piece[-1] == " ":
                        t.set(_SPACE, "preserve")
