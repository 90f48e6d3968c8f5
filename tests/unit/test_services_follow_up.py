"""Follow-up across a project's workshops: reviews are a history, actions come from wishes."""

from __future__ import annotations

import pytest

from facilitator.services import (
    ValidationError,
    actions,
    follow_up,
    groups,
    projects,
    reviews,
    wishes,
    workshops,
)
from facilitator.services import focus_areas as fa
from facilitator.services.responsibles import Who
from facilitator.services.reviews import ReviewEntry, ReviewState, with_changes
from facilitator.store.vocabulary import ActionStatus, ReviewStatus, WishStatus


@pytest.fixture
def project(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ids = {"project": projects.create_project(store, "Ängsö framåt")}
    ids["area"] = fa.add_focus_area(store, ids["project"], "Kultursamverkan")
    ids["march"] = workshops.create_workshop(store, ids["project"], "Vårmöte", date="2026-03-12")
    ids["group"] = groups.create_group(store, ids["march"], [ids["area"]])
    ids["wish"] = wishes.add_wish(store, ids["group"], "En gemensam evenemangskalender")
    ids["sub"] = wishes.add_wish(store, ids["group"], "Tryckt på affärens tavla",
                                 parent_id=ids["wish"])
    ids["action"] = actions.add_action(store, "Boka bygdegården", workshop_id=ids["march"],
                                       due_date="2026-04-01")
    ids["june"] = workshops.create_from_earlier(store, ids["march"], "Sommarmöte",
                                                date="2026-06-10")
    ids["sept"] = workshops.create_from_earlier(store, ids["june"], "Höstmöte",
                                                date="2026-09-17")
    return ids


def _item(store, workshop_id: str, item_id: str) -> follow_up.FollowUpItem:  # type: ignore[no-untyped-def]
    return next(i for i in follow_up.list_follow_up(store, workshop_id) if i.id == item_id)


def test_earlier_items_are_listed_with_where_they_came_from(store, project) -> None:  # type: ignore[no-untyped-def]
    items = follow_up.list_follow_up(store, project["june"])
    assert [(i.kind, i.text, i.depth) for i in items] == [
        ("wish", "En gemensam evenemangskalender", 0), ("wish", "Tryckt på affärens tavla", 1),
        ("action", "Boka bygdegården", 0)]
    assert items[0].origin == "Vårmöte, 2026-03-12 · Kultursamverkan"
    assert items[0].focus_area_name == "Kultursamverkan"
    assert follow_up.list_follow_up(store, project["march"]) == []  # nothing before it


def test_reviews_at_two_workshops_are_a_history(store, project) -> None:  # type: ignore[no-untyped-def]
    wish = project["wish"]
    reviews.set_review(store, project["june"], "wish", wish, ReviewState(ReviewEntry(
        ReviewStatus.IN_PROGRESS, "Kalendern är påbörjad", (Who(text="Kulturföreningen"),)),
        ReviewStatus.IN_PROGRESS))
    reviews.set_review(store, project["sept"], "wish", wish, ReviewState(ReviewEntry(
        ReviewStatus.DONE, "Kalendern finns på webben"), ReviewStatus.DONE))
    item = _item(store, project["sept"], wish)
    assert [(r.workshop_title, r.status, r.comment) for r in item.history] == [
        ("Sommarmöte", ReviewStatus.IN_PROGRESS, "Kalendern är påbörjad"),
        ("Höstmöte", ReviewStatus.DONE, "Kalendern finns på webben")]
    assert item.status is ReviewStatus.DONE and not item.is_open
    assert [r.name for r in item.responsibles] == ["Kulturföreningen"]  # the latest named
    assert str(item.history[0].reviewed_on) == "2026-06-10"  # the workshop's date
    # The June review is still there when looked at from June.
    assert _item(store, project["june"], wish).review.status is ReviewStatus.IN_PROGRESS  # type: ignore[union-attr]
    assert wishes.list_wishes(store, project["group"])[0].status is WishStatus.DONE


def test_a_review_is_undone_by_the_state_it_returns(store, project) -> None:  # type: ignore[no-untyped-def]
    action = project["action"]
    before = reviews.review_state(store, project["june"], "action", action)
    assert before == ReviewState(None, ReviewStatus.OPEN)
    change = with_changes(before, status=ReviewStatus.DROPPED, comment="Lokalen är såld")
    previous = reviews.set_review(store, project["june"], "action", action, change)
    assert previous == before
    assert actions.list_actions(store, workshop_id=project["march"])[0].status is (
        ActionStatus.CANCELLED)
    reviews.set_review(store, project["june"], "action", action, previous)  # undo
    assert reviews.review_state(store, project["june"], "action", action) == before
    assert actions.list_actions(store, workshop_id=project["march"])[0].status is (
        ActionStatus.OPEN)
    reviews.set_review(store, project["june"], "action", action, change)  # redo: same row
    item = _item(store, project["june"], action)
    assert item.review is not None and item.review.comment == "Lokalen är såld"
    assert len(item.history) == 1


def test_an_action_made_from_a_wish_keeps_the_link(store, project) -> None:  # type: ignore[no-untyped-def]
    action_id = reviews.action_from_wish(store, project["june"], project["wish"],
                                         responsibles=[Who(text="Åsa på biblioteket")])
    [made] = [a for a in actions.list_actions(store, workshop_id=project["june"])]
    assert (made.id, made.text, made.focus_area_id) == (
        action_id, "En gemensam evenemangskalender", project["area"])
    assert made.responsible == "Åsa på biblioteket"
    assert _item(store, project["june"], project["wish"]).action_ids == (action_id,)
    # At the next workshop the new action is followed up like the others.
    assert any(i.id == action_id for i in follow_up.list_follow_up(store, project["sept"]))


def test_following_up_at_its_own_workshop_or_across_projects_is_refused(store, project) -> None:  # type: ignore[no-untyped-def]
    state = ReviewState(ReviewEntry(ReviewStatus.DONE), ReviewStatus.DONE)
    with pytest.raises(ValidationError, match=r"later workshop|senare workshop"):
        reviews.set_review(store, project["march"], "wish", project["wish"], state)
    other = projects.create_project(store, "Annat projekt")
    elsewhere = workshops.create_workshop(store, other, "Möte", date="2026-10-01")
    with pytest.raises(ValidationError, match=r"same project|samma projekt"):
        reviews.set_review(store, elsewhere, "wish", project["wish"], state)


def test_a_workshop_made_from_an_earlier_one_keeps_its_lineage(store, project) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.models import Group, Workshop

    with store.read() as s:
        june = s.get(Workshop, project["june"])
        assert june is not None and june.source_workshop_id == project["march"]
        [group] = [g for g in s.query(Group).filter(Group.workshop_id == project["june"])]
        assert group.source_group_id == project["group"]


def test_reviewed_at_lists_in_the_facilitator_s_order(store, project) -> None:  # type: ignore[no-untyped-def]
    for kind, item in (("action", project["action"]), ("wish", project["wish"])):
        reviews.set_review(store, project["june"], kind, item, ReviewState(ReviewEntry(
            ReviewStatus.DONE), ReviewStatus.DONE))
    listed = follow_up.reviewed_at(store, project["june"])
    # Grouped by area: the wish's area first, then the action without an area.
    assert [i.kind for i in listed] == ["wish", "action"]
