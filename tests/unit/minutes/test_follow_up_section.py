"""The follow-up agenda item in the minutes: what became of each earlier wish and action,
by focus area in the project's order, in the facilitator's order within an area."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.interchange.sample import load_sample
from facilitator.minutes.build import build_minutes
from facilitator.minutes.export import export_minutes
from facilitator.minutes.model import Heading, ListBlock, MinutesDocument, MinutesOptions, Paragraph
from facilitator.services import follow_up, groups, people, reviews, sections, wishes, workshops
from facilitator.services.core import Store
from facilitator.services.projects import list_projects
from facilitator.store.models import SectionKind
from facilitator.store.vocabulary import ResponsibleForm, ReviewStatus
from tests.unit.minutes.docx_helpers import all_text, headings, list_items, open_docx

HEADING = "Uppföljning sedan förra mötet"
CALENDAR = ("En gemensam evenemangskalender – Pågår. Kalendern finns på webben; en tryckt "
            "version saknas än. Ansvarig: Karin Ödmark, ordförande på Lillsjö kulturförening.")


def follow_up_workshop(store: Store) -> str:
    project_id = load_sample(store)
    project = next(p for p in list_projects(store) if p.id == project_id)
    return next(w.id for w in project.workshops if w.title == "Uppföljning ett halvår senare")


@pytest.fixture
def workshop_id(store: Store) -> str:
    return follow_up_workshop(store)


def section_of(document: MinutesDocument, heading: str = HEADING) -> list:
    """The blocks from the section's heading up to the next top-level heading."""
    start = next(i for i, b in enumerate(document.body)
                 if isinstance(b, Heading) and b.level == 1 and b.text == heading)
    end = next((i for i, b in enumerate(document.body)
                if i > start and isinstance(b, Heading) and b.level == 1), len(document.body))
    return document.body[start:end]


def areas_and_items(blocks: list) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level == 2:
            found.append((block.text, []))
        elif isinstance(block, ListBlock):
            found[-1][1].extend("".join(s.text for s in item.paragraphs[0])
                                for item in block.items)
    return found


def minutes(store: Store, workshop_id: str, **options: bool) -> MinutesDocument:
    return build_minutes(store, workshop_id, MinutesOptions(**options))


def test_the_section_lists_areas_in_project_order_and_items_in_review_order(
        store: Store, workshop_id: str) -> None:
    blocks = section_of(minutes(store, workshop_id))
    assert isinstance(blocks[1], Paragraph)
    assert blocks[1].text.startswith("Vi gick igenom önskemålen")  # the item's own notes
    found = areas_and_items(blocks)
    assert [area for area, _ in found] == ["Medborgardialog", "Kultursamverkan",
                                           "Kompetensförsörjning"]
    culture = found[1][1]
    assert [text.split(" – ")[0] for text in culture] == [
        "Samla kulturgruppen igen till hösten",
        "En gemensam evenemangskalender",
        "Förläng säsongen med en höstmarknad",
        "Bättre skyltning till badplatsen och campingen",
        "Åtgärd: Kalla kultur- och turismaktörerna till ett första möte om en gemensam "
        "evenemangskalender",
    ]
    assert culture[1] == CALENDAR
    assert " – Struken. Vägverket sa nej" in culture[3]
    assert found[0][1][1] == ("Åtgärd: Presentera handboken för medborgardialog för "
                              "kommunfullmäktige – Klar. Fullmäktige antog handboken i juni.")
    energy_wish = found[2][1][0]
    assert energy_wish.startswith("Koppla solcellsparken till skolans teknikundervisning – "
                                  "Öppen. Inget har hänt än")
    assert energy_wish.endswith("Ny åtgärd: Bjud in solelföreningen till en temadag på skolan.")
    # The status stands out; the item's own text does not.
    item = next(b for b in blocks if isinstance(b, ListBlock)).items[0]
    assert [s.text for s in item.paragraphs[0] if s.bold] == ["Pågår"]


def test_the_facilitators_order_is_followed(store: Store, workshop_id: str) -> None:
    first = next(i for i in follow_up.reviewed_at(store, workshop_id)
                 if i.text == "Samla kulturgruppen igen till hösten")
    assert first.review is not None
    reviews.move_review(store, first.review.id, 20)
    culture = areas_and_items(section_of(minutes(store, workshop_id)))[1][1]
    assert culture[-1].startswith("Samla kulturgruppen igen till hösten – Klar.")
    assert culture[0].startswith("En gemensam evenemangskalender")


def test_responsibles_are_written_as_the_workshop_asks(store: Store, workshop_id: str) -> None:
    workshops.update_workshop(store, workshop_id, responsible_form=ResponsibleForm.NAME)
    culture = areas_and_items(section_of(minutes(store, workshop_id)))[1][1]
    assert culture[1].endswith("saknas än. Ansvarig: Karin Ödmark.")
    assert culture[0].endswith("varannan månad. Ansvarig: Lillsjö kulturförening.")


def test_english_minutes_use_english_words(store: Store, workshop_id: str) -> None:
    workshops.update_workshop(store, workshop_id, language="en")
    found = areas_and_items(section_of(minutes(store, workshop_id)))
    culture = found[1][1]
    assert culture[1] == ("En gemensam evenemangskalender – In progress. Kalendern finns på "
                          "webben; en tryckt version saknas än. Responsible: Karin Ödmark, "
                          "ordförande at Lillsjö kulturförening.")
    assert culture[3].split(". ")[0].endswith("– Dropped")
    assert culture[4].startswith("Action: Kalla kultur-")
    assert " – Done." in culture[0] and " – Open." in found[2][1][0]
    assert "New action: Bjud in" in found[2][1][0]


@pytest.mark.parametrize("options", [{"anonymise": True}, {"for_publication": True}])
def test_a_hidden_responsible_is_replaced(store: Store, workshop_id: str,
                                          options: dict[str, bool]) -> None:
    karin = next(p for p in people.list_people(store) if p.name == "Karin Ödmark")
    people.set_may_be_named(store, workshop_id, karin.id, False)
    document = minutes(store, workshop_id, **options)
    culture = areas_and_items(section_of(document))[1][1]
    assert "Karin Ödmark" not in culture[1]
    assert culture[1].startswith("En gemensam evenemangskalender – Pågår.")
    assert " Ansvarig: " in culture[1]
    assert document.names_replaced > 0


def test_items_from_several_workshops_say_where_they_came_from(
        store: Store, workshop_id: str) -> None:
    project_id = workshops.project_of(store, workshop_id)
    spring = workshops.create_workshop(store, project_id, "Vårträff", date="2026-05-20")
    area = next(i.focus_area_id for i in follow_up.reviewed_at(store, workshop_id)
                if i.focus_area_name == "Kultursamverkan")
    assert area is not None
    wish = wishes.add_wish(store, groups.create_group(store, spring, [area]), "Fler bänkar")
    state = reviews.review_state(store, workshop_id, "wish", wish)
    reviews.set_review(store, workshop_id, "wish", wish, reviews.with_changes(
        state, status=ReviewStatus.DONE, comment="Fem bänkar **står** vid sjön"))
    culture = areas_and_items(section_of(minutes(store, workshop_id)))[1][1]
    assert culture[-1] == ("Fler bänkar (från Vårträff, 20 maj 2026) – Klar. "
                           "Fem bänkar står vid sjön.")
    assert culture[0].startswith("Samla kulturgruppen igen till hösten "
                                 "(från Redovisning av Lillsjö framåt, 12 mars 2026) – Klar.")


def test_nothing_followed_up_says_so(store: Store, workshop_id: str) -> None:
    project_id = workshops.project_of(store, workshop_id)
    later = workshops.create_workshop(store, project_id, "Vinterträff", date="2026-12-01")
    sections.add_section(store, later, "Vad har hänt?", "", kind=SectionKind.FOLLOW_UP)
    blocks = section_of(minutes(store, later), "Vad har hänt?")
    assert [type(b) for b in blocks] == [Heading, Paragraph]
    assert blocks[1].text == "Inget följdes upp på det här mötet."
    workshops.update_workshop(store, later, language="en")
    blocks = section_of(minutes(store, later), "Vad har hänt?")
    assert blocks[1].text == "Nothing was followed up at this meeting."


def test_no_follow_up_item_on_the_agenda_no_section(store: Store, workshop_id: str) -> None:
    section = next(s for s in sections.list_sections(store, workshop_id)
                   if s.kind == SectionKind.FOLLOW_UP)
    sections.set_kind(store, section.id, SectionKind.TEXT)
    document = minutes(store, workshop_id)
    assert [b.text for b in section_of(document)] == [
        HEADING, "Vi gick igenom önskemålen och åtgärderna från redovisningen, område för område."]
    assert "evenemangskalender – Pågår" not in "".join(
        "".join(s.text for s in item.paragraphs[0])
        for b in document.body if isinstance(b, ListBlock) for item in b.items)


def test_the_word_file_has_the_section_as_real_list_paragraphs(
        store: Store, workshop_id: str, tmp_path: Path) -> None:
    out = export_minutes(store, workshop_id, tmp_path / "uppf.docx", MinutesOptions())
    doc = open_docx(out)
    outline = headings(doc)
    start = outline.index((1, HEADING))
    assert outline[start + 1:start + 4] == [(2, "Medborgardialog"), (2, "Kultursamverkan"),
                                            (2, "Kompetensförsörjning")]
    listed = [text for _num, level, text in list_items(doc) if level == 0]
    assert CALENDAR in listed
    assert any(text.startswith("Åtgärd: Boka in höstens praktikplatser för niondeklassarna – "
                               "Pågår.") for text in listed)
    assert "Elin Strömgren, studie- och yrkesvägledare på Lillsjö skola" in all_text(doc)


def test_items_of_no_focus_area_come_last_under_other(store: Store, workshop_id: str) -> None:
    project_id = workshops.project_of(store, workshop_id)
    spring = workshops.create_workshop(store, project_id, "Vårträff", date="2026-05-20")
    wish = wishes.add_wish(store, groups.create_group(store, spring, [], name="Fritt"),
                           "Städdag vid sjön")
    state = reviews.review_state(store, workshop_id, "wish", wish)
    reviews.set_review(store, workshop_id, "wish", wish,
                       reviews.with_changes(state, status=ReviewStatus.IN_PROGRESS))
    found = areas_and_items(section_of(minutes(store, workshop_id)))
    assert found[-1] == ("Övrigt", ["Städdag vid sjön (från Vårträff, 20 maj 2026) – Pågår."])
    workshops.update_workshop(store, workshop_id, language="en")
    assert areas_and_items(section_of(minutes(store, workshop_id)))[-1][0] == "Other"
