"""The organisation's Word template: checked, loaded and emptied, styles made sure of.

Any .docx or .dotx the user picks is accepted when it is a real Word package;
its styles, fonts, margins, headers, footers and logo are kept and its body is
replaced. Hostile files are refused with a clear Swedish message before
python-docx parses anything: not a zip, not Word, too large (file, any XML
part, or all members unpacked), zip bombs (a member that unpacks to more
than 100 times its packed size), member names that are absolute or climb
out with ".." (nothing is ever extracted to disk, but such a file is not a
genuine Word document), and XML with DOCTYPE or entity declarations (the
"billion laughs"). Members are scanned in 1 MB chunks, so a check never holds
a whole unpacked member in memory.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle

from facilitator.messages import tr
from facilitator.minutes.errors import MinutesError

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_XML_PART_BYTES = 25 * 1024 * 1024  # one XML part, unpacked (parsed, it takes ~10×)
MAX_RATIO = 100  # unpacked / packed, for members larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
_SCAN_CHUNK = 1024 * 1024
DEFAULT_TEMPLATE_NAME = "minutes-default.docx"

_TEMPLATE_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_HOSTILE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

# Custom paragraph styles the writer uses; a template may define them itself.
DOCTYPE_STYLE = "Dokumenttyp"
UNIT_STYLE = "Utfärdare"
FACT_STYLE = "Faktarad"
LEAD_STYLE = "Ingress"


def read_template(path: Path) -> bytes:
    """The template's bytes, checked and ready for python-docx (a .dotx is patched)."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError:
        raise MinutesError(tr("The template {path} does not exist or cannot be read."),
                           path=path) from None
    if size > MAX_TEMPLATE_BYTES:
        raise MinutesError(
            tr("The template {name} is too large ({size:.0f} MB; at most 50 MB)."),
            name=name, size=size / 1024 / 1024)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MinutesError(tr("The template {path} cannot be read: {reason}."), path=path,
                           reason=exc.strerror) from exc
    return checked_template_bytes(data, name)


def checked_template_bytes(data: bytes, name: str) -> bytes:
    """Validate a Word package in memory; returns it with a template content type patched."""
    not_word = tr("The template {name} is not a Word document (.docx or .dotx).")
    if len(data) > MAX_TEMPLATE_BYTES:
        raise MinutesError(tr("The template {name} is too large (at most 50 MB)."), name=name)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise MinutesError(not_word, name=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_members(infos, name)
            members = {i.filename for i in infos}
            if "[Content_Types].xml" not in members:
                raise MinutesError(not_word, name=name)
            for info in infos:
                xml = info.filename.endswith((".xml", ".rels"))
                if xml and _has_hostile_xml(archive, info, name):
                    raise MinutesError(
                        tr("The template {name} contains XML that is not allowed (DOCTYPE "
                           "or entities) and is not used."), name=name)
            content_types = archive.read("[Content_Types].xml")
            if _TEMPLATE_CT in content_types:
                return _patched(archive, content_types.replace(_TEMPLATE_CT, _DOCUMENT_CT))
            if _DOCUMENT_CT not in content_types:
                raise MinutesError(not_word, name=name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError,
            zlib.error):
        raise MinutesError(not_word, name=name) from None
    return data


def _check_members(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse archives that unpack to too much, or whose member names are not plain paths."""
    too_much = tr("The template {name} unpacks to an unreasonable amount of data and is "
                  "not used.")
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise MinutesError(too_much, name=name)
    for info in infos:
        member = info.filename
        parts = member.replace("\\", "/").split("/")
        if (member.startswith(("/", "\\")) or ".." in parts or "\0" in member
                or re.match(r"^[A-Za-z]:", member)):
            raise MinutesError(
                tr("The template {name} contains a path that is not allowed ({member!r}) "
                   "and is not used."), name=name, member=member[:80])
        if info.file_size > RATIO_FLOOR and (
            info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise MinutesError(too_much, name=name)
        if member.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART_BYTES:
            raise MinutesError(too_much, name=name)


def _has_hostile_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bool:
    """True when the member declares a DOCTYPE or an entity; read in chunks, bounded."""
    tail = b""
    read = 0
    with archive.open(info) as stream:
        while chunk := stream.read(_SCAN_CHUNK):
            read += len(chunk)
            if read > MAX_XML_PART_BYTES:  # the header lied about the size
                raise MinutesError(tr("The template {name} unpacks to an unreasonable amount of "
                                      "data and is not used."), name=name)
            if _HOSTILE.search(tail + chunk):
                return True
            tail = chunk[-32:]
    return False


def _patched(archive: zipfile.ZipFile, content_types: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            blob = content_types if info.filename == "[Content_Types].xml" else archive.read(info)
            target.writestr(info.filename, blob)
    return out.getvalue()


def open_template(data: bytes, name: str) -> DocxDocument:
    """A python-docx Document from checked bytes, with its body emptied."""
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # any parse failure means "not usable"
        raise MinutesError(tr("The template {name} could not be read as a Word document "
                              "({reason})."), name=name, reason=exc) from exc
    clear_body(document)
    return document


def default_template_bytes() -> bytes:
    """The bundled default template, or the same built in memory if it is missing."""
    from facilitator.paths import resource_path

    path = resource_path("templates", DEFAULT_TEMPLATE_NAME)
    if path.is_file():
        return checked_template_bytes(path.read_bytes(), path.name)
    from facilitator.minutes.default_template import build_default_template

    return build_default_template()


def clear_body(document: DocxDocument) -> None:
    """Remove the template's body content, keeping only its final section properties."""
    body = document.element.body
    final = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not final:
            body.remove(child)


def set_language(document: DocxDocument, tag: str) -> None:
    """Document language in docDefaults (and in styles that set their own)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    for other in styles.iter(qn("w:lang")):
        if other.get(qn("w:val")) is not None:
            other.set(qn("w:val"), tag)


# Word's own numbers for a document's language: what "1,5" and "a; b" mean in fields.
_SEPARATORS = {"sv-SE": (",", ";"), "en-GB": (".", ",")}
_COMPAT_URI = "http://schemas.microsoft.com/office/word"
# Elements of w:settings that come after w:compat, in schema order (where to insert it).
_AFTER_COMPAT = ("w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
                 "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                 "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                 "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
                 "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                 "w:listSeparator")


def document_settings(document: DocxDocument, tag: str) -> None:
    """A current Word document (compatibility mode 15, so Word opens it without
    "[Kompatibilitetsläge]") in the minutes' language: theme language and the
    decimal symbol and list separator of that language."""
    settings = document.settings.element
    compat = _settings_child(settings, "w:compat", _AFTER_COMPAT)
    mode = next((c for c in compat.findall(qn("w:compatSetting"))
                 if c.get(qn("w:name")) == "compatibilityMode"), None)
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(qn("w:name"), "compatibilityMode")
        mode.set(qn("w:uri"), _COMPAT_URI)
        compat.append(mode)
    mode.set(qn("w:val"), "15")
    theme_lang = _settings_child(settings, "w:themeFontLang", _AFTER_COMPAT[5:])
    theme_lang.set(qn("w:val"), tag)
    if theme_lang.get(qn("w:eastAsia")) == "ja-JP":  # python-docx's template was made so
        del theme_lang.attrib[qn("w:eastAsia")]
    decimal, separator = _SEPARATORS.get(tag, _SEPARATORS["sv-SE"])
    _settings_child(settings, "w:decimalSymbol", ("w:listSeparator",)).set(qn("w:val"), decimal)
    _settings_child(settings, "w:listSeparator", ()).set(qn("w:val"), separator)


def _settings_child(
    settings: BaseOxmlElement, tag: str, later: tuple[str, ...]
) -> BaseOxmlElement:
    """The child ``tag`` of w:settings, created before the first of ``later`` present,
    else before the extension elements (w14:docId …) that end the part."""
    found = settings.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    anchor = next((settings.find(qn(name)) for name in later
                   if settings.find(qn(name)) is not None), None)
    if anchor is None:
        anchor = next((c for c in settings if c.tag.startswith(_EXTENSIONS)), None)
    if anchor is not None:
        anchor.addprevious(element)
    else:
        settings.append(element)
    return element


_EXTENSIONS = "{http://schemas.microsoft.com/office/word/"  # w14:, w15:… come last


def paragraph_style(document: DocxDocument, name: str) -> ParagraphStyle:
    """The paragraph style ``name``, created with sensible looks when the template lacks it."""
    styles = document.styles
    try:
        style = styles[name]
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            return style
    except KeyError:
        pass
    style = styles.add_style(_free_name(document, name), WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"] if _has(document, "Normal") else None
    _shape_new_style(style, name)
    return style


def _has(document: DocxDocument, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def _free_name(document: DocxDocument, name: str) -> str:
    candidate, n = name, 2
    while _has(document, candidate):  # a character or table style took the name
        candidate, n = f"{name} {n}", n + 1
    return candidate


def _shape_new_style(style: ParagraphStyle, name: str) -> None:
    fmt, font = style.paragraph_format, style.font
    match = re.fullmatch(r"Heading (\d)", name)
    if match:
        level = int(match.group(1))
        font.bold = True
        font.size = Pt({1: 16, 2: 13, 3: 12}.get(level, 11))
        fmt.space_before, fmt.space_after = Pt(14 if level == 1 else 10), Pt(4)
        fmt.keep_with_next = True
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        style.element.get_or_add_pPr().append(outline)
        style.next_paragraph_style = style.base_style
    elif name == "Title":
        font.size, font.bold = Pt(24), True
        fmt.space_after = Pt(6)
    elif name == "Quote":
        font.italic = True
        fmt.left_indent = fmt.right_indent = Pt(28)
        font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    elif name == "List Paragraph":
        fmt.space_after = Pt(2)
    elif name == DOCTYPE_STYLE:
        font.size, font.bold, font.all_caps = Pt(10), True, True
        font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    elif name == UNIT_STYLE:
        font.size = Pt(11)
        fmt.space_after = Pt(12)
    elif name == LEAD_STYLE:
        font.size = Pt(12)
        fmt.space_before, fmt.space_after = Pt(12), Pt(12)
    elif name == FACT_STYLE:
        fmt.space_after = Pt(0)
    style.quick_style = True


def remove_children(parent: BaseOxmlElement | None, tag: str) -> None:
    """Remove every child ``tag`` of ``parent`` (None: nothing to do)."""
    if parent is None:
        return
    for child in parent.findall(qn(tag)):
        parent.remove(child)


def paragraph_border(
    ppr: BaseOxmlElement, side: str, color: str, size: int, space: int
) -> None:
    """Give a paragraph (or style) properties element one border line on ``side``."""
    remove_children(ppr, "w:pBdr")
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
