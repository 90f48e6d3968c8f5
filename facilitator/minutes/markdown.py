"""Markdown (the CommonMark subset the note editor writes) → minutes blocks.

Paragraphs, headings, bold and italic, block quotes and nested bullet and
numbered lists are kept as structure; everything else (code, raw HTML, links,
images) degrades to plain text so nothing the facilitator typed is lost.
A soft line break is a space (editors wrap long lines); a hard break is a
line break inside the paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from facilitator.minutes.model import Heading, ListBlock, ListItem, Paragraph, Quote, Span

BodyBlock = Heading | Paragraph | ListBlock | Quote
MAX_LEVEL = 9


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).disable(["image"], ignoreInvalid=True)


def markdown_blocks(text: str, base_level: int = 1) -> list[BodyBlock]:
    """Blocks of ``text``; Markdown headings nest under ``base_level`` without skipping."""
    if not text.strip():
        return []
    if _is_plain(text):
        return [Paragraph(_plain_spans(part)) for part in _split_plain(text)]
    root = SyntaxTreeNode(_parser().parse(text))
    state = _HeadingLevels(base_level)
    blocks: list[BodyBlock] = []
    for node in root.children:
        blocks.extend(_block(node, state))
    return blocks


_MARKUP = set("*_`>#-+[]<!\\|=~&")
_ORDERED = re.compile(r"^ {0,3}\d{1,9}[.)]", re.MULTILINE)


def _has_markup(text: str) -> bool:
    return any(ch in _MARKUP for ch in text) or _ORDERED.search(text) is not None


def _is_plain(text: str) -> bool:
    """Text without any Markdown syntax: paragraphs split on blank lines suffice (fast path)."""
    return not _has_markup(text) and "    " not in text and "\t" not in text


def _split_plain(text: str) -> list[str]:
    parts = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n")]
    return [" ".join(line.strip() for line in p.split("\n")) for p in parts if p.strip()]


def _plain_spans(text: str) -> list[Span]:
    return [Span(text)] if text else []


class _HeadingLevels:
    """Maps Markdown heading levels to document levels with no level skipped."""

    def __init__(self, base: int) -> None:
        self.base = base
        self.stack: list[int] = []  # markdown levels currently open

    def level_for(self, md_level: int) -> int:
        while self.stack and self.stack[-1] >= md_level:
            self.stack.pop()
        self.stack.append(md_level)
        return min(self.base + len(self.stack), MAX_LEVEL)


def _block(node: SyntaxTreeNode, state: _HeadingLevels) -> list[BodyBlock]:
    kind = node.type
    if kind == "paragraph":
        spans = _inline(node.children[0]) if node.children else []
        return [Paragraph(spans)] if spans else []
    if kind == "heading":
        text = "".join(s.text for s in _inline(node.children[0])) if node.children else ""
        level = state.level_for(int(node.tag[1:]))
        return [Heading(level, text.replace("\n", " ").strip())] if text.strip() else []
    if kind in ("bullet_list", "ordered_list"):
        return [_list(node)]
    if kind == "blockquote":
        return [Quote(_quote_blocks(node))]
    if kind == "hr":
        return []
    text = _plain_text(node)
    return [Paragraph([Span(text)])] if text.strip() else []


def _quote_blocks(node: SyntaxTreeNode) -> list[Paragraph | ListBlock | Quote]:
    blocks: list[Paragraph | ListBlock | Quote] = []
    for child in node.children:
        if child.type in ("bullet_list", "ordered_list"):
            blocks.append(_list(child))
        elif child.type == "blockquote":
            blocks.append(Quote(_quote_blocks(child)))
        elif child.type in ("paragraph", "heading") and child.children:
            spans = _inline(child.children[0])
            if child.type == "heading":
                spans = [Span(s.text, True, s.italic) for s in spans]
            if spans:
                blocks.append(Paragraph(spans, "quote"))
        else:
            text = _plain_text(child)
            if text.strip():
                blocks.append(Paragraph([Span(text)], "quote"))
    return blocks


def _flat(blocks: list[Paragraph | ListBlock | Quote]) -> list[Paragraph | ListBlock]:
    """A quote's blocks with the quotes nested in it opened up (inside a list item)."""
    flat: list[Paragraph | ListBlock] = []
    for block in blocks:
        flat.extend(_flat(block.blocks) if isinstance(block, Quote) else [block])
    return flat


def _list(node: SyntaxTreeNode) -> ListBlock:
    ordered = node.type == "ordered_list"
    start = 1
    if ordered:
        raw = node.attrs.get("start", 1)
        start = int(raw) if isinstance(raw, int | str) and str(raw).isdigit() else 1
    items = [_item(child) for child in node.children if child.type == "list_item"]
    return ListBlock(ordered, items, start)


def _item(node: SyntaxTreeNode) -> ListItem:
    item = ListItem(paragraphs=[])
    for child in node.children:
        if child.type in ("bullet_list", "ordered_list"):
            item.children.append(_list(child))
        elif child.type in ("paragraph", "heading") and child.children:
            item.paragraphs.append(_inline(child.children[0]))
        elif child.type == "blockquote":
            for block in _flat(_quote_blocks(child)):
                if isinstance(block, ListBlock):
                    item.children.append(block)
                else:
                    item.paragraphs.append(block.spans)
        else:
            text = _plain_text(child)
            if text.strip():
                item.paragraphs.append([Span(text)])
    if not item.paragraphs:
        item.paragraphs.append([])
    return item


def _inline(node: SyntaxTreeNode, bold: bool = False, italic: bool = False) -> list[Span]:
    spans: list[Span] = []
    for child in node.children:
        kind = child.type
        if kind == "text":
            spans.append(Span(child.content, bold, italic))
        elif kind == "strong":
            spans.extend(_inline(child, True, italic))
        elif kind == "em":
            spans.extend(_inline(child, bold, True))
        elif kind == "softbreak":
            spans.append(Span(" ", bold, italic))
        elif kind == "hardbreak":
            spans.append(Span("\n", bold, italic))
        elif kind in ("code_inline", "html_inline"):
            spans.append(Span(child.content, bold, italic))
        elif kind == "link":
            inner = _inline(child, bold, italic)
            spans.extend(inner)
            href = str(child.attrs.get("href", ""))
            shown = "".join(s.text for s in inner)
            if href and href != shown and href != f"mailto:{shown}":
                spans.append(Span(f" ({href})", bold, italic))
        else:
            spans.extend(_inline(child, bold, italic))
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if last is not None and last.bold == span.bold and last.italic == span.italic:
            last.text += span.text
        else:
            merged.append(Span(span.text, span.bold, span.italic))
    return merged


def _plain_text(node: SyntaxTreeNode) -> str:
    """The literal text of a code block, raw HTML or anything else unexpected."""
    if node.type in ("code_block", "fence", "html_block"):
        return node.content.rstrip("\n")
    parts: list[str] = []
    for child in node.children:
        if child.type == "inline":
            parts.append("".join(s.text for s in _inline(child)))
        else:
            parts.append(_plain_text(child))
    return "\n".join(p for p in parts if p)
