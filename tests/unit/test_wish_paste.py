"""Pasted lists become nested wishes: bullets, numbers, indentation, Word and e-mail."""

from __future__ import annotations

import time

import pytest

from facilitator.services.wish_paste import PasteItem, is_list_paste, parse_wish_list


def _read(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_wish_list(text)]


@pytest.mark.parametrize("marker", ["-", "–", "—", "•", "*", "·", "+", "1.", "1)", "(1)", "a)",
                                    "A)", "ii)", "◦", "▪", "\uf0b7"])
def test_every_marker_is_removed(marker: str) -> None:
    text = f"{marker} Fler bänkar vid ån\n{marker} Öppen förskola på lördagar\n"
    assert _read(text) == [(0, "Fler bänkar vid ån"), (0, "Öppen förskola på lördagar")]


def test_numbers_count_up_within_one_family() -> None:
    assert _read("1. Äldreboende\n2. Ängsskolan\n10. Öppettider") == [
        (0, "Äldreboende"), (0, "Ängsskolan"), (0, "Öppettider")]
    assert _read("a) ett\nb) två\nc) tre") == [(0, "ett"), (0, "två"), (0, "tre")]


def test_indentation_is_relative_with_spaces_or_tabs() -> None:
    two = "- Trygghet\n  - Belysning längs ån\n    - Vid skolan\n- Kultur"
    four = "- Trygghet\n    - Belysning längs ån\n        - Vid skolan\n- Kultur"
    tabs = "Trygghet\n\tBelysning längs ån\n\t\tVid skolan\nKultur"
    expected = [(0, "Trygghet"), (1, "Belysning längs ån"), (2, "Vid skolan"), (0, "Kultur")]
    assert _read(two) == _read(four) == _read(tabs) == expected


def test_whole_list_indented_starts_at_depth_zero() -> None:
    assert _read("        - Åtgärd ett\n            - Delsteg\n        - Åtgärd två") == [
        (0, "Åtgärd ett"), (1, "Delsteg"), (0, "Åtgärd två")]


def test_indentation_between_levels_snaps_to_the_level_left() -> None:
    assert _read("    a\n        b\n      c\n  d") == [(0, "a"), (1, "b"), (1, "c"), (0, "d")]
    assert _read("a\n        b\n      c\n  d") == [(0, "a"), (1, "b"), (1, "c"), (1, "d")]


def test_depth_never_jumps_more_than_one_level() -> None:
    items = _read("- ett\n            - två\n                        - tre")
    assert [d for d, _ in items] == [0, 1, 2]
    assert _read("- a\n* b\n- c\n+ d") == [(0, "a"), (1, "b"), (0, "c"), (1, "d")]


def test_mixed_markers_without_indentation_nest_by_kind() -> None:
    text = "1. Trygghet\n- belysning\n- trafik\n2. Kultur\n- bibliotek på lördagar"
    assert _read(text) == [(0, "Trygghet"), (1, "belysning"), (1, "trafik"), (0, "Kultur"),
                           (1, "bibliotek på lördagar")]


def test_plain_heading_line_takes_the_bullets_below_it() -> None:
    text = "Jobba med hur föreningar kan samverka:\n- idrott\n- kultur\nÖvrigt\n- fika"
    assert _read(text) == [(0, "Jobba med hur föreningar kan samverka:"), (1, "idrott"),
                           (1, "kultur"), (0, "Övrigt"), (1, "fika")]


def test_empty_and_separator_lines_are_skipped() -> None:
    assert _read("\n\n- ett\n\n   \n---\n***\n- två\n-\n1.\n\n") == [(0, "ett"), (0, "två")]
    assert _read("") == [] and _read("\n \t\n") == []


def test_word_plain_text_paste_with_crlf_and_tabs() -> None:
    # What Word puts on the clipboard as plain text: a symbol, a tab, the text;
    # "o" and "§" for the second and third level, no indentation, CR LF endings.
    text = "•\tSamlingslokal i byn\r\no\tMed kök\r\n§\tOch förråd\r\n•\tBättre kollektivtrafik\r\n"
    assert _read(text) == [(0, "Samlingslokal i byn"), (1, "Med kök"), (2, "Och förråd"),
                           (0, "Bättre kollektivtrafik")]


def test_outlook_style_paste_with_indentation_and_nbsp() -> None:
    nbsp = "\u00a0"
    text = f"·{nbsp * 6} Ökad trygghet\r\n\t·{nbsp * 2} Fler vuxna ute\r\n"
    assert _read(text) == [(0, "Ökad trygghet"), (1, "Fler vuxna ute")]


def test_email_wrapped_bullet_is_one_wish() -> None:
    text = "- Ett långt önskemål som e-postprogrammet\n  har brutit mitt i\n- Nästa"
    assert _read(text) == [(0, "Ett långt önskemål som e-postprogrammet har brutit mitt i"),
                           (0, "Nästa")]


def test_text_is_cleaned() -> None:
    text = "-   Fler\tbänkar   vid\x07 ån  \n- [ ] Att göra\n- [x] Gjort\n* **viktigt**"
    assert _read(text) == [(0, "Fler bänkar vid ån"), (0, "Att göra"), (0, "Gjort"),
                           (1, "**viktigt**")]
    # Decomposed å (a + ring) becomes the composed letter.
    assert _read("- a\u030angen") == [(0, "ången")]


def test_text_that_only_looks_like_a_marker_is_kept() -> None:
    assert _read("-5 grader i januari\n*viktigt* för alla\n12.30 fika\n2025 års budget") == [
        (0, "-5 grader i januari"), (0, "*viktigt* för alla"), (0, "12.30 fika"),
        (0, "2025 års budget")]


def test_items_are_paste_items() -> None:
    assert parse_wish_list("- Å") == [PasteItem(0, "Å")]
    with pytest.raises(TypeError):
        parse_wish_list(None)  # type: ignore[arg-type]


def test_long_line_is_cut_to_the_wish_limit() -> None:
    (item,) = parse_wish_list("- " + "ö" * 50, max_length=20)
    assert len(item.text) == 20 and item.text.endswith("…")


def test_two_megabyte_paste_does_not_hang() -> None:
    block = "".join(f"{'  ' * (i % 4)}- Önskemål nummer {i} om ängar och åar\r\n"
                    for i in range(200))
    text = block * (2_000_000 // len(block) + 1)
    start = time.perf_counter()
    items = parse_wish_list(text)
    assert time.perf_counter() - start < 5
    assert len(items) >= 40_000 and max(i.depth for i in items) == 3
    # Pathological single lines: no backtracking blow-up either.
    for evil in ("-" * 2_000_000, " " * 2_000_000 + "x", "1" * 2_000_000 + ")",
                 "[" * 2_000_000, "- " + "a" * 2_000_000):
        start = time.perf_counter()
        parse_wish_list(evil)
        assert time.perf_counter() - start < 2, evil[:10]


def test_is_list_paste() -> None:
    assert is_list_paste("ett\ntvå") and is_list_paste("- ett\r\n- två")
    assert not is_list_paste("ett") and not is_list_paste("ett\n\n---\n")
