"""Real Word list numbering: w:abstractNum definitions and one w:num per list.

python-docx has no list API, and the built-in "List Number" style keeps
counting across separate lists. Here every list the writer starts gets its own
``w:num`` whose ``lvlOverride/startOverride`` restarts it, and nesting is a
list level (``w:numPr/w:ilvl``), so Word, LibreOffice and screen readers see
real lists. ``w:abstractNum`` elements are kept before ``w:num`` elements, as
the schema requires.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.parts.numbering import NumberingPart

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement

LEVELS = 9
INDENT_TWIPS = 360  # 0.635 cm per level
HANGING_TWIPS = 360
_BULLETS = ("•", "◦", "▪")
_ORDERED = (("decimal", "%{n}."), ("lowerLetter", "%{n}."), ("lowerRoman", "%{n}."))


class ListNumbering:
    """Allocates numbering definitions in one document's numbering part."""

    def __init__(self, document: DocxDocument) -> None:
        self._numbering = _numbering_element(document)
        self._abstract: dict[tuple[bool, ...], int] = {}
        ids = [int(e.get(qn("w:abstractNumId"))) for e in self._abstract_elements()]
        self._next_abstract = max(ids, default=-1) + 1
        nums = [int(e.get(qn("w:numId"))) for e in self._numbering.findall(qn("w:num"))]
        self._next_num = max(nums, default=0) + 1
        self._rng = random.Random(len(ids) * 7919 + len(nums))

    def _abstract_elements(self) -> list[BaseOxmlElement]:
        return self._numbering.findall(qn("w:abstractNum"))

    def new_list(self, pattern: tuple[bool, ...], start: int = 1) -> int:
        """A fresh numId for one list; ``pattern[i]`` says whether level i is numbered."""
        levels = tuple(pattern[i] if i < len(pattern) else pattern[-1] for i in range(LEVELS))
        abstract_id = self._abstract.get(levels)
        if abstract_id is None:
            abstract_id = self._add_abstract(levels)
            self._abstract[levels] = abstract_id
        num_id = self._next_num
        self._next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(abstract_id))
        num.append(ref)
        for ilvl in range(LEVELS):
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(ilvl))
            start_el = OxmlElement("w:startOverride")
            start_el.set(qn("w:val"), str(max(start, 0) if ilvl == 0 else 1))
            override.append(start_el)
            num.append(override)
        self._numbering.append(num)
        return num_id

    def _add_abstract(self, levels: tuple[bool, ...]) -> int:
        abstract_id = self._next_abstract
        self._next_abstract += 1
        lvls = "".join(_level_xml(i, ordered) for i, ordered in enumerate(levels))
        element = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:nsid w:val="{self._rng.getrandbits(32):08X}"/>'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{lvls}</w:abstractNum>'
        )
        existing = self._abstract_elements()
        if existing:
            existing[-1].addnext(element)
        else:
            first_num = self._numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(element)
            else:
                self._numbering.append(element)
        return abstract_id


def _level_xml(ilvl: int, ordered: bool) -> str:
    left = INDENT_TWIPS * (ilvl + 1)
    indent = f'<w:pPr><w:ind w:left="{left}" w:hanging="{HANGING_TWIPS}"/></w:pPr>'
    if ordered:
        fmt, text = _ORDERED[ilvl % len(_ORDERED)]
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text.format(n=ilvl + 1)}"/><w:lvlJc w:val="left"/>'
            f"{indent}</w:lvl>"
        )
    bullet = _BULLETS[ilvl % len(_BULLETS)]
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{bullet}"/><w:lvlJc w:val="left"/>{indent}'
        '<w:rPr><w:rFonts w:hint="default"/></w:rPr></w:lvl>'
    )


def set_list_level(p: CT_P, num_id: int, ilvl: int) -> None:
    """Make paragraph ``p`` an item of list ``num_id`` at level ``ilvl``."""
    num_pr = p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _numbering_element(document: DocxDocument) -> BaseOxmlElement:
    """The w:numbering root, creating numbering.xml when the template has none."""
    part = document.part
    try:
        numbering_part = part.part_related_by(RT.NUMBERING)
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        numbering_part = NumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
        )
        part.relate_to(numbering_part, RT.NUMBERING)
    assert isinstance(numbering_part, XmlPart)  # python-docx loads numbering.xml as a NumberingPart
    return numbering_part.element
