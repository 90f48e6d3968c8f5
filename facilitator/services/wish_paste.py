"""Turn a pasted list (e-mail, Word, a chat, a text file) into nested wishes.

Pure text work, no Qt and no store. ``parse_wish_list`` returns ``PasteItem``s
in reading order with a depth relative to the first item (0, 1, 2 …), so the
caller can add them anywhere.

How depth is read:
- **Indentation** (spaces, tabs, non-breaking spaces; a tab counts as four
  columns): deeper than the line before makes a sub-point of it; the levels are
  relative, so two-space and four-space lists both work; a line indented
  between two known levels snaps to the level it left.
- **Markers at the same indentation**: bullets ("-", "–", "—", "•", "*", "·",
  "+", "o", "▪" …), numbers ("1.", "1)", "(1)"), letters ("a)", "A)") and roman
  numerals ("iv)"). Pastes from Word and Outlook lose their indentation but keep
  one marker kind per level, so (as in reStructuredText headings) each new kind
  seen at one indentation is one level deeper than the kinds seen before it:
  "1. Trygghet / - belysning / - trafik / 2. Kultur" nests the dashes.
- **A plain line** (no marker) followed by marked lines at the same indentation
  is their heading: "Jobba med samverkan: / - idrott / - kultur".
- A plain line indented exactly to where the text of the marked line above it
  begins continues that line (an e-mail that wrapped a long bullet).

Blank lines and separator lines ("---", "***") are skipped; markers, checkboxes
("[ ]", "[x]") and surrounding whitespace are removed, inner whitespace becomes
one space and control characters are dropped (``facilitator.text.clean_text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facilitator.text import clean_text

TAB_WIDTH = 4
MAX_ITEM = 20_000  # the service's limit for one wish

# Whitespace at the start of a line: spaces, tabs and the non-breaking or
# typographic spaces Word and web pages put there.
_INDENT = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]*")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_SEPARATOR = re.compile(r"[-_=*~–—•·.\s]*")
_CHECKBOX = re.compile(r"\[[ xX✓✔]?\]\s*")

# Bullet characters by family: one family is one nesting level in a paste.
_BULLETS = {
    "-": "dash", "–": "dash", "—": "dash", "‐": "dash", "−": "dash",
    "•": "bullet", "·": "bullet", "●": "bullet", "\uf0b7": "bullet",
    "*": "star", "+": "plus",
    "◦": "circle", "○": "circle",
    "▪": "square", "■": "square", "□": "square", "\uf0a7": "square",
    "‣": "arrow", "⁃": "arrow", "►": "arrow", "▸": "arrow", "➢": "arrow", "\uf0d8": "arrow",
    "✓": "check", "✔": "check", "\uf0fc": "check",
}
# Symbols that are a bullet only when followed by whitespace (a "-5 grader" or
# "*viktigt*" line is text); the others are bullets even when glued to the text.
_NEEDS_SPACE = {"*", "+", "−"}
# Letters Word writes for its second and third level bullets in plain text.
_WORD_LETTER_BULLETS = {"o": "circle", "§": "square"}

_NUMBERED = re.compile(
    r"(?:\((?P<pn>\d{1,3})\)"              # (1)
    r"|(?P<n>\d{1,3})(?P<ns>[.)])"         # 1.  1)
    r"|(?P<r>[ivx]{2,5}|[IVX]{2,5})(?P<rs>[.)])"  # iv)  IV.
    r"|(?P<l>[a-zA-Z])\))"                 # a)  A)
    r"(?=\s|$)"
)


@dataclass(frozen=True)
class PasteItem:
    """One wish read from pasted text: its depth relative to the first item."""

    depth: int
    text: str


@dataclass
class _Line:
    indent: int
    family: str  # "" for a plain line
    text: str
    text_column: int  # where the text starts, for continuation lines


@dataclass
class _Frame:
    indent: int
    base: int
    families: list[str] = field(default_factory=list)
    has_plain: bool = False


def _indent_width(prefix: str) -> int:
    width = 0
    for ch in prefix:
        width = (width // TAB_WIDTH + 1) * TAB_WIDTH if ch == "\t" else width + 1
    return width


def _split_marker(body: str) -> tuple[str, str]:
    """(family, rest) for a line body starting at its first non-blank character."""
    first = body[0]
    family = _BULLETS.get(first)
    if family is not None:
        rest = body[1:]
        if first in _NEEDS_SPACE and rest and not rest[0].isspace():
            return "", body
        if first in "-–—" and rest[:1].isdigit():
            return "", body  # "-5 grader", "–2 %"
        if first in "-–—" and rest[:1] in "-–—":
            return "", body  # "--" is not a bullet (a separator is handled before)
        return family, rest
    word_family = _WORD_LETTER_BULLETS.get(first)
    if word_family is not None and (body[1:2] == "\t" or body[1:3] == "  "):
        return word_family, body[1:]
    match = _NUMBERED.match(body)
    if match is not None:
        if match.group("pn"):
            family = "paren-number"
        elif match.group("n"):
            family = "number" + match.group("ns")
        elif match.group("r"):
            family = ("roman" if match.group("r").islower() else "ROMAN") + match.group("rs")
        else:
            family = "letter)" if match.group("l").islower() else "LETTER)"
        return family, body[match.end():]
    return "", body


def _clean(text: str, max_length: int) -> str:
    text = _CHECKBOX.sub("", text.lstrip(), count=1) if text.lstrip().startswith("[") else text
    text = clean_text(text, multiline=False)
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def _read_lines(text: str, max_length: int) -> list[_Line]:
    lines: list[_Line] = []
    for raw in _LINE_BREAKS.split(text):
        leading = _INDENT.match(raw)
        assert leading is not None  # the pattern matches the empty string too
        prefix = leading.group()
        body = raw[len(prefix):].rstrip()
        if not body or _SEPARATOR.fullmatch(body):
            continue
        indent = _indent_width(prefix)
        family, rest = _split_marker(body)
        stripped = rest.lstrip(" \t\u00a0")
        text_column = indent + len(body) - len(stripped) if family else indent
        clean = _clean(stripped, max_length)
        if not clean:
            continue
        lines.append(_Line(indent, family, clean, text_column))
    return lines


def _join_continuations(lines: list[_Line], max_length: int) -> list[_Line]:
    joined: list[_Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (previous is not None and not line.family and previous.family
                and line.indent == previous.text_column and line.indent > previous.indent):
            text = f"{previous.text} {line.text}"
            if len(text) > max_length:
                text = text[: max_length - 1].rstrip() + "…"
            previous.text = text
            continue
        joined.append(line)
    return joined


def parse_wish_list(text: str, max_length: int = MAX_ITEM) -> list[PasteItem]:
    """Read ``text`` as a (possibly nested) list; see the module docstring."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    lines = _join_continuations(_read_lines(text, max_length), max_length)
    items: list[PasteItem] = []
    stack: list[_Frame] = []
    last_depth = -1
    for line in lines:
        popped: _Frame | None = None
        while stack and stack[-1].indent > line.indent:
            popped = stack.pop()
        if stack and stack[-1].indent == line.indent:
            frame = stack[-1]
        elif popped is not None:
            popped.indent = line.indent  # between two levels: stay on the level left
            frame = popped
            stack.append(frame)
        else:
            frame = _Frame(line.indent, last_depth + 1)
            stack.append(frame)
        if not line.family:
            frame.has_plain = True
            offset = 0
        else:
            if line.family not in frame.families:
                frame.families.append(line.family)
            offset = frame.families.index(line.family) + (1 if frame.has_plain else 0)
        depth = min(frame.base + offset, last_depth + 1)
        items.append(PasteItem(depth, line.text))
        last_depth = depth
    return items


def is_list_paste(text: str) -> bool:
    """True when ``text`` holds more than one wish (the caller adds them as a list)."""
    count = 0
    for raw in _LINE_BREAKS.split(text):
        if raw.strip() and not _SEPARATOR.fullmatch(raw.strip()):
            count += 1
            if count > 1:
                return True
    return False
