"""Store → MinutesDocument, without Word."""

from __future__ import annotations

import pytest

from facilitator.minutes.build import build_minutes
from facilitator.minutes.export import MinutesError, MinutesOptions, build_outline
from facilitator.minutes.model import Heading, ListBlock, Paragraph, Table
from facilitator.minutes.phrases import metric_phrase
from facilitator.services import (
    groups,
    key_figures,
    people,
    projects,
    responsibles,
    roles,
    sections,
    wishes,
    workshops,
)
from facilitator.services.core import NotFoundError, ServiceError, Store
from facilitator.services.key_figures import FigureEntry
from facilitator.services.responsibles import Who
from facilitator.services.roles import RoleEntry
from facilitator.store.vocabulary import KeyFigureKind, Metric, RoleKind
from tests.unit.minutes.conftest import PERSON_NAMES, Built


def _texts(blocks) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for b in blocks:
        if isinstance(b, Heading | Paragraph):
            out.append(b.text)
    return out


def _wish_texts(block: ListBlock, depth: int = 0) -> list[tuple[int, str]]:
    result = []
    for item in block.items:
        result.append((depth, "".join(s.text for s in item.paragraphs[0])))
        for child in item.children:
            result.extend(_wish_texts(child, depth + 1))
    return result


def test_title_block_and_parts_in_agenda_order(store: Store, closing: Built) -> None:
    doc = build_minutes(store, closing.workshop_id, MinutesOptions())
    assert doc.document_type == "Minnesanteckningar"
    assert doc.title == "Redovisning av Bygdekraft"
    assert doc.issuing_unit == "Kommunkansliet"
    assert [(f.label, f.value) for f in doc.facts] == [
        ("Projektledare", "Åsa Lindqvist"),
        ("Ärende", "Fokusgrupp Bygdekraft"),
        ("Datum", "4 december 2014, 18.00–21.00"),
        ("Plats", "Bygdegården i Norrbacka"),
        ("Moderator", "Maj-Britt Öhman"),
    ]
    assert doc.outline() == [
        (0, "Redovisning av Bygdekraft"),
        (1, "Inledning"), (1, "Bakgrund och syfte"),
        (1, "Fokusområden"), (2, "1. Medborgardialog"), (2, "2. Kultursamverkan"),
        (2, "3. Turismsamverkan"),
        (1, "Lite siffror"), (1, "Följeforskning"),
        (1, "Workshop om fortsatt arbete 4 december 2014"),
        (2, "Kultur- och Turismsamverkan"), (2, "Medborgardialog"),
        (1, "Åtgärder"), (1, "Närvarande"),
    ]
    assert build_outline(store, closing.workshop_id, MinutesOptions()) == doc.outline()
    texts = _texts(doc.body)
    assert "Ansvarig framåt: Tove Ahlén, utredningssekreterare på Kommunkansliet" in texts
    assert "Ansvarig framåt: Kulturberedningen" in texts
    assert ("Det blev två grupper som arbetade med: 1) Kultur- och Turismsamverkan "
            "2) Medborgardialog") in texts


def _figures(store: Store, built: Built) -> list[str]:
    doc = build_minutes(store, built.workshop_id, MinutesOptions())
    start = doc.body.index(Heading(1, "Lite siffror"))
    end = next(i for i, b in enumerate(doc.body) if i > start and isinstance(b, Heading))
    lists = [b for b in doc.body[start:end] if isinstance(b, ListBlock)]
    return [t for _, t in _wish_texts(lists[0])] if lists else []


def test_key_figures_are_only_what_the_facilitator_chose(store: Store, closing: Built) -> None:
    assert _figures(store, closing) == []  # nothing counted unless chosen
    key_figures.set_figures(store, closing.workshop_id, [
        FigureEntry(KeyFigureKind.TYPED, sentence="Vi har träffat ca 500 personer."),
        FigureEntry(KeyFigureKind.COUNTED, Metric.PARTICIPANTS),
        FigureEntry(KeyFigureKind.TYPED, value="ca 140", unit="föreningar",
                    label="Föreningsregistret"),
        FigureEntry(KeyFigureKind.COUNTED, Metric.PEOPLE_MET),
        FigureEntry(KeyFigureKind.COUNTED, Metric.WORKSHOPS),
        FigureEntry(KeyFigureKind.COUNTED, Metric.ORGANISATIONS),
        FigureEntry(KeyFigureKind.COUNTED, Metric.WISHES),
    ])
    assert _figures(store, closing) == [
        "Vi har träffat ca 500 personer.",
        "6 deltagare i den här workshopen",
        "Föreningsregistret: ca 140 föreningar",
        "7 personer har deltagit i projektets workshoppar",
        "2 workshoppar i projektet",
        "4 organisationer har varit representerade i projektets workshoppar",
        "8 önskemål och ambitioner från grupperna",
    ]


@pytest.mark.parametrize(("metric", "language", "one", "many"), [
    (Metric.WORKSHOPS, "sv", "1 workshop i projektet", "2 workshoppar i projektet"),
    (Metric.ORGANISATIONS, "sv", "1 organisation har varit representerad i projektets "
     "workshoppar", "2 organisationer har varit representerade i projektets workshoppar"),
    (Metric.PARTICIPANTS, "en", "1 participant at this workshop",
     "2 participants at this workshop"),
    (Metric.ATTENDANCES, "en", "1 attendance at the project's workshops",
     "2 attendances at the project's workshops"),
])
def test_counted_figures_singular_and_plural(metric, language, one, many) -> None:  # type: ignore[no-untyped-def]
    assert metric_phrase(metric, 1, language) == one
    assert metric_phrase(metric, 2, language) == many
    assert metric_phrase(metric, 1200, "sv").startswith("1\u00a0200 ")


def test_several_responsibles_joined_and_written_as_the_workshop_asks(
        store: Store, closing: Built) -> None:
    org = people.create_organisation(store, "Visit Södra Norrbacka")
    area = closing.area_ids[2]
    responsibles.set_responsibles(store, "focus_area", area, [
        Who(text="Norrbacka kommun"), Who(organisation_id=org),
        Who(person_id=closing.person_ids["Tove Ahlén"])])
    texts = _texts(build_minutes(store, closing.workshop_id, MinutesOptions()).body)
    assert ("Ansvarig framåt: Norrbacka kommun, Visit Södra Norrbacka och Tove Ahlén, "
            "utredningssekreterare på Kommunkansliet") in texts
    workshops.update_workshop(store, closing.workshop_id, responsible_form="name", language="en")
    texts = _texts(build_minutes(store, closing.workshop_id, MinutesOptions()).body)
    assert ("Responsible going forward: Norrbacka kommun, Visit Södra Norrbacka and "
            "Tove Ahlén") in texts


def _group_lists(store: Store, built: Built, options: MinutesOptions) -> list[list]:  # type: ignore[type-arg]
    doc = build_minutes(store, built.workshop_id, options)
    start = next(i for i, b in enumerate(doc.body)
                 if isinstance(b, Heading) and b.text.startswith("Workshop om"))
    return [_wish_texts(b) for b in doc.body[start:] if isinstance(b, ListBlock)]


def test_wishes_nested_in_capture_order(store: Store, closing: Built) -> None:
    first, second = _group_lists(store, closing, MinutesOptions())
    assert first == [
        (0, "Samla kulturgruppen igen"),
        (0, "Arbeta med hur föreningar kan samverka:"),
        (1, "Gemensam marknadsföring"), (1, "Evenemangskalender"),
        (1, "Utbildning för styrelser"),
        (0, "Fortsätta träffas, fråga Örjan Bäckström"),
    ]
    assert second == [(0, "Fysiska och digitala forum"), (0, "Dialog tidigt i stora frågor")]


def test_wishes_by_votes_stable_with_counts(store: Store, closing: Built) -> None:
    first, second = _group_lists(store, closing, MinutesOptions(order="votes", show_votes=True))
    assert first == [
        (0, "Arbeta med hur föreningar kan samverka: (5 röster)"),
        (1, "Gemensam marknadsföring"), (1, "Evenemangskalender"),
        (1, "Utbildning för styrelser"),
        (0, "Fortsätta träffas, fråga Örjan Bäckström (3 röster)"),
        (0, "Samla kulturgruppen igen (1 röst)"),
    ]
    assert second[0] == (0, "Dialog tidigt i stora frågor (4 röster)")


def test_attendance_grouped_by_organisation_and_optional(store: Store, closing: Built) -> None:
    doc = build_minutes(store, closing.workshop_id, MinutesOptions())
    at = doc.body.index(Heading(1, "Närvarande"))
    lines = _texts(doc.body[at + 1:])
    assert lines == [
        "Följeforskning AB: Kjell Sjödin",
        "Hembygdsföreningen: Örjan Bäckström",
        "Kommunkansliet: Tove Ahlén, Åsa Lindqvist",
        "Näringslivsrådet: Maj-Britt Öhman (moderator)",
        "Övriga: Ingela Mörk",
    ]
    without = build_minutes(store, closing.workshop_id, MinutesOptions(include_participants=False))
    assert Heading(1, "Närvarande") not in without.body


def test_actions_table(store: Store, closing: Built) -> None:
    doc = build_minutes(store, closing.workshop_id, MinutesOptions())
    table = next(b for b in doc.body if isinstance(b, Table))
    assert table.header == ["Åtgärd", "Ansvarig", "Klart senast"]
    assert table.rows == [
        ["Sammanfatta grupparbetet på webben", "Åsa Lindqvist, projektledare på Kommunkansliet",
         "2015-01-31"],
        ["Boka nästa träff", "Hembygdsföreningen", ""],
    ]


def test_anonymise_leaves_no_person_name_anywhere(store: Store, closing: Built) -> None:
    doc = build_minutes(store, closing.workshop_id, MinutesOptions(anonymise=True))
    dump = repr(doc).casefold()
    for name in (*PERSON_NAMES, "Nils Ek"):
        assert name.casefold() not in dump, name
    facts = {f.label: f.value for f in doc.facts}
    assert facts["Moderator"] == "moderator"
    assert facts["Projektledare"] == "projektledare"
    assert "Fortsätta träffas, fråga Hembygdsföreningen" in repr(doc)
    assert "Kommunkansliet: 2 personer" in _texts(doc.body)


def test_english_labels(store: Store) -> None:
    pid = projects.create_project(store, "Village futures")
    wid = workshops.create_workshop(store, pid, "Closing session", date="2015-02-03",
                                    language="en", venue="Village hall")
    roles.set_roles(store, wid, [RoleEntry(RoleKind.MODERATOR, name="Ann Lee"),
                                 RoleEntry(RoleKind.PRESENTER, name="Bo Ek")])
    gid = groups.create_group(store, wid, name="Transport")
    wishes.add_wish(store, gid, "A bus on Sundays", votes=1)
    doc = build_minutes(store, wid, MinutesOptions(show_votes=True))
    assert doc.document_type == "Minutes" and doc.lang_tag == "en-GB"
    assert [f.label for f in doc.facts] == ["Date", "Venue", "Moderator", "Presenter"]
    assert doc.facts[0].value == "3 February 2015"
    assert doc.outline()[1:] == [(1, "Group work 3 February 2015"), (2, "Transport")]
    wish_list = next(b for b in doc.body if isinstance(b, ListBlock))
    assert _wish_texts(wish_list) == [(0, "A bus on Sundays (1 vote)")]


def test_groups_without_section_are_appended_after_text_sections(store: Store) -> None:
    pid = projects.create_project(store, "P")
    wid = workshops.create_workshop(store, pid, "Kväll")
    sections.add_section(store, wid, "Inledning", "Hej")
    gid = groups.create_group(store, wid)
    wishes.add_wish(store, gid, "Mer ljus")
    pid2 = people.create_person(store, "Anna")
    people.set_attendance(store, wid, pid2)
    doc = build_minutes(store, wid, MinutesOptions())
    assert doc.outline() == [(0, "Kväll"), (1, "Inledning"), (1, "Grupparbete"), (2, "Grupp 1"),
                             (1, "Närvarande")]


def test_unknown_workshop_and_bad_order(store: Store) -> None:
    with pytest.raises(NotFoundError):
        build_minutes(store, "nope", MinutesOptions())
    with pytest.raises(MinutesError) as info:
        build_minutes(store, "nope", MinutesOptions(order="random"))
    assert isinstance(info.value, ServiceError)
