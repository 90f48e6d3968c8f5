"""The Exportera page shows the minutes' pages as they will be written, kept up to date."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QCheckBox, QDialog

from facilitator.interchange.sample import load_sample
from facilitator.minutes.build import build_minutes
from facilitator.minutes.labels import labels_for
from facilitator.minutes.model import (
    Fact,
    Heading,
    ListBlock,
    ListItem,
    MinutesDocument,
    MinutesOptions,
    Paragraph,
    Quote,
    Span,
    Table,
)
from facilitator.services import focus_areas, projects
from facilitator.ui.minutes_preview import typeset_minutes
from tests.gui.conftest import when_modal
from tests.gui.keyboard import press


def closing_session(store) -> tuple[str, str]:
    project_id = load_sample(store)
    project = next(p for p in projects.list_projects(store) if p.id == project_id)
    workshop = next(w for w in project.workshops if w.kind == "closing_session")
    return project_id, workshop.id


def blocks(doc: QTextDocument) -> list[tuple[str, int, int]]:
    """(text, heading level, list indent) of every paragraph, also those in tables."""
    out, block = [], doc.begin()
    while block.isValid():
        lst = block.textList()
        out.append((block.text(), block.blockFormat().headingLevel(),
                    lst.format().indent() if lst is not None else 0))
        block = block.next()
    return out


def test_the_sample_closing_session_typesets_like_the_docx(qapp, store):
    _project, workshop_id = closing_session(store)
    doc = typeset_minutes(build_minutes(store, workshop_id, MinutesOptions()))
    paragraphs = blocks(doc)
    headings = [text for text, level, _ in paragraphs if level]
    texts = [text for text, _, _ in paragraphs]

    assert texts[:2] == ["Minnesanteckningar", "Redovisning av Lillsjö framåt"]
    assert {"Inledning", "Fokusområden", "Åtgärder", "Närvarande"} <= set(headings)
    assert "1. Medborgardialog" in headings and "6. Energiförsörjning" in headings
    assert any(t.startswith("Det blev tre grupper") and "1) Kultur- och Turismsamverkan" in t
               for t in texts)
    nested = [(t, indent) for t, _, indent in paragraphs
              if t == "Någon som ansvarar för att den hålls uppdaterad"]
    assert nested == [("Någon som ansvarar för att den hålls uppdaterad", 3)]
    assert "Projektledare\tGöran Åkesson" in texts
    assert doc.pageCount() > 1


def test_every_kind_of_block_is_drawn_and_an_unknown_one_by_its_text(qapp):
    @dataclass
    class KeyFigure:  # a kind the preview has no renderer for yet
        value: str
        label: str

    quote = Quote([Paragraph([Span("Citerat stycke")]),
                   ListBlock(False, [ListItem([[Span("Punkt i citatet")]])])])
    nested = ListBlock(True, [ListItem([[Span("Första")]],
                                       [ListBlock(False, [ListItem([[Span("Under första")]])])])])
    model = MinutesDocument(
        language="sv", header_left="Kansliet – Möte", document_type="Minnesanteckningar",
        title="Möte i Lillsjö", issuing_unit="Kansliet", facts=[Fact("Plats", "Skolan")],
        lead=[Paragraph([Span("Ingress med "), Span("fetstil", bold=True)])],
        body=[Heading(1, "Åtgärder"), nested, quote,
              Table(["Åtgärd", "Ansvarig"], [["Städa", "Åsa Öberg"]]),
              KeyFigure("19", "deltagare")],  # type: ignore[list-item]
        labels=labels_for("sv"))
    texts = [t for t, _, _ in blocks(typeset_minutes(model))]
    plain = typeset_minutes(model).toPlainText()

    for expected in ("Möte i Lillsjö", "Plats\tSkolan", "Ingress med fetstil", "Åtgärder",
                     "Första", "Under första", "Citerat stycke", "Punkt i citatet", "Städa",
                     "Åsa Öberg", "19", "deltagare"):
        assert expected in texts or expected in plain, expected


@pytest.fixture
def export_page(window, store):
    project_id, workshop_id = closing_session(store)
    window.navigator.reload()
    window.open_workshop(workshop_id)
    window.show_page(window.export_view)
    page = window.export_view
    return page, project_id


def preview_text(page) -> str:
    document = page.preview.pages.document
    return document.toPlainText() if document is not None else ""


def test_the_export_page_shows_pages_and_follows_edits(qtbot, window, store, export_page):
    page, project_id = export_page
    qtbot.waitUntil(lambda: "1. Medborgardialog" in preview_text(page), timeout=5000)
    count = page.preview.pages.page_count()
    assert count > 1
    assert page.preview.page_label.text() == f"Sida 1 av {count}"
    assert page.outline.topLevelItem(0).text(0) == "Redovisning av Lillsjö framåt"

    area = next(a for a in focus_areas.list_focus_areas(store, project_id)
                if a.name == "Medborgardialog")
    focus_areas.rename_focus_area(store, area.id, "Medborgardialog och öppenhet")
    qtbot.waitUntil(lambda: "1. Medborgardialog och öppenhet" in preview_text(page),
                    timeout=5000)


def test_the_preview_is_read_with_the_keyboard(qtbot, window, export_page):
    page, _ = export_page
    pages = page.preview.pages
    qtbot.waitUntil(lambda: pages.page_count() > 1, timeout=5000)
    pages.setFocus()
    press(pages, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: page.preview.page_label.text().startswith("Sida 2 av"))
    press(pages, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: page.preview.page_label.text().startswith("Sida 1 av"))
    zoom = pages.zoom
    press(pages, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert pages.zoom > zoom
    assert page.preview.zoom_label.text() == f"{round(pages.zoom * 100)} %"
    press(pages, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    press(pages, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pages.zoom < zoom


def test_options_chosen_in_the_export_dialog_show_in_the_preview(qtbot, window, export_page):
    page, _ = export_page
    qtbot.waitUntil(lambda: "Märta Söderlund" in preview_text(page), timeout=5000)
    seen: list[bool] = []

    def choose(dialog: QDialog) -> None:
        dialog.findChild(QCheckBox, "exportAnonymise").setChecked(True)
        qtbot.waitUntil(lambda: "Märta Söderlund" not in preview_text(page), timeout=5000)
        seen.append(True)
        dialog.reject()

    when_modal(qtbot, choose)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert seen == [True]
    # Cancelled: the remembered options (names shown) come back.
    qtbot.waitUntil(lambda: "Märta Söderlund" in preview_text(page), timeout=5000)


def test_a_hidden_preview_catches_up_when_shown_again(qtbot, window, store, export_page):
    page, project_id = export_page
    qtbot.waitUntil(lambda: "Medborgardialog" in preview_text(page), timeout=5000)
    window.show_page(window.facts)
    area = next(a for a in focus_areas.list_focus_areas(store, project_id)
                if a.name == "Energiförsörjning")
    focus_areas.rename_focus_area(store, area.id, "Energi i Lillsjö")
    window.show_page(page)
    qtbot.waitUntil(lambda: "6. Energi i Lillsjö" in preview_text(page), timeout=5000)


def test_choosing_a_heading_in_the_outline_shows_its_page(qtbot, window, export_page):
    page, _ = export_page
    qtbot.waitUntil(lambda: page.outline.topLevelItemCount() > 1, timeout=5000)
    actions = page.outline.findItems("Åtgärder", Qt.MatchFlag.MatchExactly)[0]
    page.outline.setCurrentItem(actions)
    page.outline.setFocus()
    press(page.outline, Qt.Key.Key_Return)
    count = page.preview.pages.page_count()
    qtbot.waitUntil(lambda: page.preview.pages.current_page() >= count - 1)


def test_labelled_lines_in_a_new_field_of_the_model_reach_the_title_block(qapp):
    @dataclass
    class WithRoles(MinutesDocument):
        roles: list[Fact] | None = None

    model = WithRoles(language="sv", header_left="", document_type="Minnesanteckningar",
                      title="Utvärdering", issuing_unit="", facts=[], lead=[], body=[],
                      labels=labels_for("sv"), roles=[Fact("Föredragande", "Åsa Öberg")])
    assert "Föredragande\tÅsa Öberg" in typeset_minutes(model).toPlainText()
