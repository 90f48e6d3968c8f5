"""The trash: deleted workshops are listed, restored, or removed for good."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from facilitator.services import groups, projects, sections, trash, wishes, workshops
from facilitator.services.core import NotFoundError, ValidationError
from facilitator.store.models import Group, Section, Wish, Workshop


@pytest.fixture
def filled(store):
    pid = projects.create_project(store, "Åby bygdelag")
    wid = workshops.create_workshop(store, pid, "Höstmöte i Åby")
    sections.add_section(store, wid, "Inledning", "Välkomna till bygdegården")
    gid = groups.create_group(store, wid, name="Grupp ett")
    parent = wishes.add_wish(store, gid, "Föreningar samverkar:")
    wishes.add_wish(store, gid, "Gemensam kalender", parent_id=parent)
    return pid, wid


def count(store, model):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_deleted_workshop_is_listed_and_restored(store, filled):
    _pid, wid = filled
    workshops.delete_workshop(store, wid)
    (item,) = trash.list_trash(store)
    assert (item.kind, item.title, item.project) == ("workshop", "Höstmöte i Åby", "Åby bygdelag")
    workshops.restore_workshop(store, wid)
    assert trash.list_trash(store) == []
    assert [w.title for w in projects.list_projects(store)[0].workshops] == ["Höstmöte i Åby"]


def test_removing_for_good_deletes_the_workshop_and_everything_in_it(store, filled):
    _pid, wid = filled
    workshops.delete_workshop(store, wid)
    trash.remove_for_good(store, "workshop", wid)
    assert trash.list_trash(store) == []
    assert [count(store, m) for m in (Workshop, Section, Group, Wish)] == [0, 0, 0, 0]
    with pytest.raises(NotFoundError):
        workshops.restore_workshop(store, wid)


def test_only_trashed_rows_can_be_removed_for_good(store, filled):
    _pid, wid = filled
    with pytest.raises(ValidationError, match="papperskorgen"):
        trash.remove_for_good(store, "workshop", wid)
    assert count(store, Workshop) == 1


def test_finalised_public_record_survives_emptying(store, filled):
    pid, wid = filled
    workshops.update_workshop(store, wid, status="finalised")
    other = workshops.create_workshop(store, pid, "Utkast som ska bort")
    workshops.delete_workshop(store, wid, allow_finalised=True)
    workshops.delete_workshop(store, other)
    assert trash.empty_trash(store) == 1
    assert [i.title for i in trash.list_trash(store)] == ["Höstmöte i Åby"]
    with pytest.raises(ValidationError, match="allmän handling"):
        trash.remove_for_good(store, "workshop", wid)
    trash.remove_for_good(store, "workshop", wid, allow_finalised=True)
    assert count(store, Workshop) == 0


def test_deleted_project_is_removed_with_its_workshops(store, filled):
    pid, _wid = filled
    projects.delete_project(store, pid)
    assert [i.kind for i in trash.list_trash(store)] == ["project"]
    assert trash.empty_trash(store) == 1
    assert projects.list_projects(store, include_deleted=True) == []
    assert count(store, Wish) == 0


def _rows(store) -> int:  # type: ignore[no-untyped-def]
    from facilitator.store.models import Base

    with store.read() as s:
        return sum(s.scalar(select(func.count()).select_from(t)) or 0
                   for t in Base.metadata.sorted_tables
                   if "versions" in t.columns)  # user data, not the store's own


def test_the_whole_sample_project_can_be_removed_for_good(store):
    """Roles, key figures, responsibles, follow-ups and lineage go with it: nothing is
    left behind and no reference stops the removal."""
    from facilitator.interchange.sample import load_sample
    from facilitator.store.models import Organisation, Person

    project = load_sample(store)
    projects.delete_project(store, project)
    trash.remove_for_good(store, "project", project)
    register = count(store, Person) + count(store, Organisation)
    assert _rows(store) == register  # the shared register stays, nothing else


def test_removing_a_followed_up_workshop_keeps_the_later_one(store):
    """An earlier workshop removed for good: the follow-ups of its wishes go with them, an
    action made from one of its wishes stays (unlinked), as does the workshop made from it."""
    from facilitator.services import actions, follow_up, reviews
    from facilitator.services.reviews import ReviewEntry, ReviewState
    from facilitator.store.vocabulary import ReviewStatus

    pid = projects.create_project(store, "Åby bygdelag")
    march = workshops.create_workshop(store, pid, "Vårmöte i Åby", date="2026-03-12")
    gid = groups.create_group(store, march, name="Grupp ett")
    wish = wishes.add_wish(store, gid, "Gemensam kalender för Åby")
    june = workshops.create_from_earlier(store, march, "Sommarmöte i Åby", date="2026-06-10")
    reviews.set_review(store, june, "wish", wish, ReviewState(ReviewEntry(
        ReviewStatus.DONE, "Klar i maj"), ReviewStatus.DONE))
    made = reviews.action_from_wish(store, june, wish)
    workshops.delete_workshop(store, march)
    trash.remove_for_good(store, "workshop", march)
    assert follow_up.list_follow_up(store, june) == []
    [action] = actions.list_actions(store, workshop_id=june)
    assert (action.id, action.text) == (made, "Gemensam kalender för Åby")
    with store.read() as s:
        later = s.get(Workshop, june)
        assert later is not None and later.source_workshop_id is None
        assert [g.source_group_id for g in s.scalars(
            select(Group).where(Group.workshop_id == june))] == [None]
