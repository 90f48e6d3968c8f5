from facilitator.minutes.markdown import markdown_blocks
from facilitator.minutes.model import Heading, ListBlock, Paragraph, Quote


def test_paragraphs_bold_italic_and_breaks() -> None:
    blocks = markdown_blocks("Hej **fet** och *kursiv*\nfortsätter\\\nny rad\n\nAndra")
    assert len(blocks) == 2
    first = blocks[0]
    assert isinstance(first, Paragraph)
    assert [(s.text, s.bold, s.italic) for s in first.spans] == [
        ("Hej ", False, False), ("fet", True, False), (" och ", False, False),
        ("kursiv", False, True), (" fortsätter\nny rad", False, False),
    ]


def test_nested_lists_and_ordered_start() -> None:
    blocks = markdown_blocks("- a\n  - b\n    1. c\n- d\n\n3. tre\n4. fyra")
    bullets, ordered = blocks
    assert isinstance(bullets, ListBlock) and not bullets.ordered
    assert [i.paragraphs[0][0].text for i in bullets.items] == ["a", "d"]
    inner = bullets.items[0].children[0]
    assert not inner.ordered and inner.items[0].children[0].ordered
    assert isinstance(ordered, ListBlock) and ordered.ordered and ordered.start == 3


def test_quote_and_headings_never_skip_levels() -> None:
    blocks = markdown_blocks("#### Djup\n\n> citat\n> - punkt\n\n# Topp", base_level=1)
    assert [b.level for b in blocks if isinstance(b, Heading)] == [2, 2]
    quote = blocks[1]
    assert isinstance(quote, Quote)
    assert isinstance(quote.blocks[0], Paragraph) and quote.blocks[0].style == "quote"
    assert isinstance(quote.blocks[1], ListBlock)


def test_plain_text_fast_path_and_unknown_syntax_kept_as_text() -> None:
    assert [b.text for b in markdown_blocks("rad ett\nrad två\n\nnästa")] == [  # type: ignore[union-attr]
        "rad ett rad två", "nästa"]
    blocks = markdown_blocks("```\nkod\n```\n\n<div>html</div>\n\n[länk](https://x.se)")
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["kod", "<div>html</div>", "länk (https://x.se)"]
    assert markdown_blocks("   \n") == []
