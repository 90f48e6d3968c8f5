"""Wishes: an ordered tree with votes; sections and actions."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.services import NotFoundError, ValidationError, actions, groups, people, projects
from facilitator.services import focus_areas as fa
from facilitator.services import sections as sec
from facilitator.services import wishes as wi
from facilitator.services import workshops as ws
from facilitator.services.responsibles import Who
from facilitator.services.wishes import MAX_DEPTH, WishPlace
from facilitator.store.models import ActionStatus, WishStatus


@pytest.fixture
def workshop(store) -> str:  # type: ignore[no-untyped-def]
    return ws.create_workshop(store, projects.create_project(store, "Ängsö"), "Vårmöte")


@pytest.fixture
def group(store, workshop) -> str:  # type: ignore[no-untyped-def]
    return groups.create_group(store, workshop, name="Ängsgruppen")


def _tree(store, group) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [(w.depth, w.text) for w in wi.list_wishes(store, group)]


def test_add_nest_and_list_in_reading_order(store, group) -> None:  # type: ignore[no-untyped-def]
    a = wi.add_wish(store, group, "Fler bänkar vid ån", votes=3)
    wi.add_wish(store, group, "Bättre belysning på gångvägen")
    wi.add_wish(store, group, "Vid skolan", parent_id=a)
    wi.add_wish(store, group, "Vid kyrkan", parent_id=a, index=0)
    wi.add_wish(store, group, "Först av allt: fika", index=0)
    assert _tree(store, group) == [
        (0, "Först av allt: fika"), (0, "Fler bänkar vid ån"), (1, "Vid kyrkan"),
        (1, "Vid skolan"), (0, "Bättre belysning på gångvägen")]
    listed = wi.list_wishes(store, group)
    assert [w.position for w in listed] == [0, 1, 0, 1, 2]
    assert listed[1].votes == 3 and listed[1].status is WishStatus.OPEN


def test_indent_and_outdent(store, group) -> None:  # type: ignore[no-untyped-def]
    a = wi.add_wish(store, group, "Åtgärda bryggan")
    b = wi.add_wish(store, group, "Ny stege")
    c = wi.add_wish(store, group, "Räddningsboj")
    with pytest.raises(ValidationError, match="första önskemålet"):
        wi.indent_wish(store, a)
    assert wi.indent_wish(store, b) == WishPlace(None, 1)
    assert wi.indent_wish(store, c) == WishPlace(None, 1)
    assert _tree(store, group) == [(0, "Åtgärda bryggan"), (1, "Ny stege"), (1, "Räddningsboj")]
    assert wi.outdent_wish(store, b) == WishPlace(a, 0)
    assert _tree(store, group) == [(0, "Åtgärda bryggan"), (1, "Räddningsboj"), (0, "Ny stege")]
    with pytest.raises(ValidationError, match="översta nivån"):
        wi.outdent_wish(store, a)


def test_move_with_sub_points(store, group) -> None:  # type: ignore[no-untyped-def]
    a = wi.add_wish(store, group, "Ån")
    wi.add_wish(store, group, "Ängen")
    wi.add_wish(store, group, "Under ån", parent_id=a)
    assert wi.move_wish(store, a, None, 1) == WishPlace(None, 0)
    assert _tree(store, group) == [(0, "Ängen"), (0, "Ån"), (1, "Under ån")]


def test_cannot_move_under_itself_or_into_another_group(store, workshop, group) -> None:  # type: ignore[no-untyped-def]
    a = wi.add_wish(store, group, "Ån")
    child = wi.add_wish(store, group, "Bäcken", parent_id=a)
    other = wi.add_wish(store, groups.create_group(store, workshop, name="Ön"), "Färjan")
    with pytest.raises(ValidationError, match="under sig självt"):
        wi.move_wish(store, a, child, 0)
    with pytest.raises(ValidationError, match="samma grupp"):
        wi.move_wish(store, a, other, 0)
    assert _tree(store, group) == [(0, "Ån"), (1, "Bäcken")]


def test_delete_with_sub_points_and_restore_to_the_same_place(store, group) -> None:  # type: ignore[no-untyped-def]
    wi.add_wish(store, group, "Först")
    mid = wi.add_wish(store, group, "Mitten med underpunkter")
    wi.add_wish(store, group, "Underpunkt ett", parent_id=mid)
    wi.add_wish(store, group, "Sist")
    before = _tree(store, group)
    place = wi.delete_wish(store, mid)
    assert place == WishPlace(None, 1)
    assert _tree(store, group) == [(0, "Först"), (0, "Sist")]
    assert [w.position for w in wi.list_wishes(store, group)] == [0, 1]
    wi.restore_wish(store, mid, place)
    assert _tree(store, group) == before


def test_depth_limit(store, group) -> None:  # type: ignore[no-untyped-def]
    parent = None
    for level in range(MAX_DEPTH + 1):
        parent = wi.add_wish(store, group, f"Nivå {level}", parent_id=parent)
    assert wi.list_wishes(store, group)[-1].depth == MAX_DEPTH
    with pytest.raises(ValidationError, match="nästlas högst"):
        wi.add_wish(store, group, "För djupt", parent_id=parent)
    # A subtree that would end too deep is refused as a whole.
    top = wi.add_wish(store, group, "Egen gren")
    wi.add_wish(store, group, "Dess barn", parent_id=top)
    with pytest.raises(ValidationError, match="nästlas högst"):
        wi.move_wish(store, top, wi.list_wishes(store, group)[MAX_DEPTH - 1].id, 0)
    assert len(wi.list_wishes(store, group)) == MAX_DEPTH + 3


@pytest.mark.parametrize("votes", [-1, 100_001, 2.5, "3", True, None])
def test_votes_validation(store, group, votes) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Antal röster"):
        wi.add_wish(store, group, "Fler bänkar", votes=votes)
    wid = wi.add_wish(store, group, "Fler bänkar")
    with pytest.raises(ValidationError, match="Antal röster"):
        wi.set_votes(store, wid, votes)
    assert [(w.text, w.votes) for w in wi.list_wishes(store, group)] == [("Fler bänkar", 0)]


def test_text_status_and_unknown_ids(store, group) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Önskemålet får inte vara tomt"):
        wi.add_wish(store, group, " \n ")
    with pytest.raises(NotFoundError, match="Gruppen"):
        wi.add_wish(store, "finns-inte", "Åsikt")
    with pytest.raises(NotFoundError, match="Önskemålet"):
        wi.add_wish(store, group, "Åsikt", parent_id="finns-inte")
    wid = wi.add_wish(store, group, "Fler bänkar")
    assert wi.set_text(store, wid, "Fler bänkar vid ån") == "Fler bänkar"
    assert wi.set_status(store, wid, "done") is WishStatus.OPEN
    with pytest.raises(ValidationError, match="Status: okänt värde"):
        wi.set_status(store, wid, "kanske")
    assert wi.set_votes(store, wid, 7) == 0
    [w] = wi.list_wishes(store, group)
    assert (w.text, w.status, w.votes) == ("Fler bänkar vid ån", WishStatus.DONE, 7)


# --- sections -------------------------------------------------------------------------

def test_sections_add_move_delete_restore(store, workshop) -> None:  # type: ignore[no-untyped-def]
    a = sec.add_section(store, workshop, "Välkommen")
    b = sec.add_section(store, workshop, "Åtgärder")
    c = sec.add_section(store, workshop, "Övrigt", position=0)
    order = lambda: [(s.heading, s.position) for s in sec.list_sections(store, workshop)]  # noqa: E731
    assert order() == [("Övrigt", 0), ("Välkommen", 1), ("Åtgärder", 2)]
    assert sec.move_section(store, c, 99) == 0
    assert order() == [("Välkommen", 0), ("Åtgärder", 1), ("Övrigt", 2)]
    sec.delete_section(store, b)
    assert order() == [("Välkommen", 0), ("Övrigt", 1)]
    sec.restore_section(store, b, 1)
    assert order() == [("Välkommen", 0), ("Åtgärder", 1), ("Övrigt", 2)]
    assert sec.set_heading(store, a, "Välkommen och fika") == "Välkommen"
    assert sec.set_body(store, a, "- Åsa hälsade\n- Örjan bjöd") == ""
    with pytest.raises(ValidationError, match="Rubriken"):
        sec.set_heading(store, a, "")
    with pytest.raises(ValidationError, match="Typ av punkt"):
        sec.add_section(store, workshop, "Fel", kind="bildspel")
    with pytest.raises(NotFoundError, match="Fokusområdet"):
        sec.add_section(store, workshop, "Fel", focus_area_id="finns-inte")
    assert len(sec.list_sections(store, workshop)) == 3


# --- actions --------------------------------------------------------------------------

def test_actions(store, workshop) -> None:  # type: ignore[no-untyped-def]
    [project] = [p.id for p in projects.list_projects(store)]
    person = people.create_person(store, "Åsa Öberg")
    first = actions.add_action(store, "Boka lokal i Östhammar", workshop_id=workshop,
                               responsibles=[Who(person_id=person)], due_date="2026-06-01")
    actions.add_action(store, "Skicka minnesanteckningar", workshop_id=workshop,
                       responsibles=[Who(text="Örjan")], due_date=dt.datetime(2026, 6, 2, 9, 30))
    listed = actions.list_actions(store, workshop_id=workshop)
    assert [(a.text, a.responsible, a.due_date) for a in listed] == [
        ("Boka lokal i Östhammar", "Åsa Öberg", dt.date(2026, 6, 1)),
        ("Skicka minnesanteckningar", "Örjan", dt.date(2026, 6, 2))]
    assert len(actions.list_actions(store, project_id=project)) == 2
    assert actions.update_action(store, first, status="done") == {"status": ActionStatus.OPEN}
    with pytest.raises(ValidationError, match="inte ett datum"):
        actions.update_action(store, first, due_date="31/12")
    with pytest.raises(ValidationError, match="höra till en workshop"):
        actions.add_action(store, "Utan ägare")
    with pytest.raises(NotFoundError, match="Personen"):
        actions.add_action(store, "Fel", workshop_id=workshop, responsibles=[Who(person_id="x")])
    actions.delete_action(store, first)
    assert [a.text for a in actions.list_actions(store, workshop_id=workshop)] == [
        "Skicka minnesanteckningar"]
    actions.restore_action(store, first)
    assert len(actions.list_actions(store, workshop_id=workshop)) == 2


def test_focus_area_action(store) -> None:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Ängsö")
    area = fa.add_focus_area(store, project, "Kultursamverkan")
    actions.add_action(store, "Träffa föreningsrådet", focus_area_id=area)
    assert [a.text for a in actions.list_actions(store, project_id=project)] == [
        "Träffa föreningsrådet"]


def test_deleting_a_wish_trashes_its_sub_points_and_restore_brings_them_back(store):
    from sqlalchemy import select

    from facilitator.services import groups, projects, wishes, workshops
    from facilitator.store.models import Wish

    pid = projects.create_project(store, "Åby")
    gid = groups.create_group(store, workshops.create_workshop(store, pid, "Möte"))
    parent = wishes.add_wish(store, gid, "Föreningar samverkar:")
    child = wishes.add_wish(store, gid, "Gemensam kalender", parent_id=parent)
    grandchild = wishes.add_wish(store, gid, "Årlig mässa", parent_id=child)
    earlier = wishes.add_wish(store, gid, "Redan borttagen", parent_id=parent)
    wishes.delete_wish(store, earlier)

    place = wishes.delete_wish(store, parent)
    with store.read() as s:
        live = s.scalars(select(Wish.id).where(Wish.deleted_at.is_(None))).all()
    assert live == []

    wishes.restore_wish(store, parent, place)
    assert [(w.text, w.depth) for w in wishes.list_wishes(store, gid)] == [
        ("Föreningar samverkar:", 0), ("Gemensam kalender", 1), ("Årlig mässa", 2)]
    assert {w.id for w in wishes.list_wishes(store, gid)} == {parent, child, grandchild}
