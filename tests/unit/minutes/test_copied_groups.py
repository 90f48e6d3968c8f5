"""A workshop made from an earlier one gets its groups; empty, they print nothing."""

from __future__ import annotations

from facilitator.minutes.build import build_minutes
from facilitator.minutes.export import MinutesOptions
from facilitator.minutes.model import Heading
from facilitator.services import groups, people, sections, wishes, workshops
from facilitator.services.core import Store
from tests.unit.minutes.conftest import Built


def _later(store: Store, closing: Built) -> str:
    """A follow-up evening made from the closing session, with an agenda of its own (so
    nothing places the group work or the focus areas explicitly)."""
    later = workshops.create_from_earlier(store, closing.workshop_id, "Uppföljning på Ängsö",
                                          date="2026-09-17")
    for section in sections.list_sections(store, later):
        sections.delete_section(store, section.id)
    sections.add_section(store, later, "Inledning", "Välkomna tillbaka till Ängsö.")
    return later


def _headings(store: Store, workshop_id: str) -> list[str]:
    model = build_minutes(store, workshop_id, MinutesOptions())
    return [b.text for b in model.body if isinstance(b, Heading) and b.level == 1]


def test_copied_empty_groups_add_no_group_work_and_no_focus_areas(store: Store,
                                                                  closing: Built) -> None:
    later = _later(store, closing)
    headings = _headings(store, later)
    assert headings == ["Inledning", "Åtgärder"] or headings == ["Inledning"], headings


def test_a_copied_group_with_a_wish_brings_group_work_back(store: Store,
                                                           closing: Built) -> None:
    later = _later(store, closing)
    [first, *_] = groups.list_groups(store, later)
    wishes.add_wish(store, first.id, "Fler bänkar vid Ängsö brygga")
    headings = _headings(store, later)
    assert any(h.startswith("Grupparbete") for h in headings)
    assert "Fokusområden" in headings


def test_a_member_alone_is_content_too(store: Store, closing: Built) -> None:
    later = _later(store, closing)
    [first, *_] = groups.list_groups(store, later)
    person = people.create_person(store, "Örjan Ödman")
    groups.set_members(store, first.id, [person])
    assert any(h.startswith("Grupparbete") for h in _headings(store, later))
