"""Whole lists at once: a pasted list in one transaction, its undo and redo; board votes."""

from __future__ import annotations

import pytest

from facilitator.services import ValidationError, groups, projects, wish_batch, wish_fast_paths
from facilitator.services import wishes as wi
from facilitator.services import workshops as ws
from facilitator.services.wish_paste import parse_wish_list


@pytest.fixture
def group(store) -> str:  # type: ignore[no-untyped-def]
    workshop = ws.create_workshop(store, projects.create_project(store, "Ängsö"), "Vårmöte")
    return groups.create_group(store, workshop, name="Ängsgruppen")


def _tree(store, group) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [(w.depth, w.text) for w in wi.list_wishes(store, group)]


def test_add_wishes_nests_in_one_transaction(store, group) -> None:  # type: ignore[no-untyped-def]
    first = wi.add_wish(store, group, "Först")
    wi.add_wish(store, group, "Sist")
    changes = []
    store.subscribe(changes.append)
    items = parse_wish_list("- Trygghet\n  - Belysning\n    - Vid ån\n  - Trafik\n- Kultur")
    ids = wish_batch.add_wishes(store, group, items, index=1)
    assert len(changes) == 1 and set(ids) <= changes[0].ids
    assert _tree(store, group) == [(0, "Först"), (0, "Trygghet"), (1, "Belysning"), (2, "Vid ån"),
                                   (1, "Trafik"), (0, "Kultur"), (0, "Sist")]
    assert [w.id for w in wi.list_wishes(store, group)][1:6] == ids
    assert [w.position for w in wi.list_wishes(store, group) if w.depth == 0] == [0, 1, 2, 3]
    # Under a parent, appended after its existing sub-points, with tuples as items.
    child_ids = wish_batch.add_wishes(store, group, [(0, "Under först"), (1, "Ännu djupare")],
                              parent_id=first)
    assert _tree(store, group)[:3] == [(0, "Först"), (1, "Under först"), (2, "Ännu djupare")]
    assert len(child_ids) == 2


def test_add_wishes_refuses_bad_input_as_a_whole(store, group) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        wish_batch.add_wishes(store, group, [(0, "ett"), (2, "för djupt hopp")])
    with pytest.raises(ValidationError):
        wish_batch.add_wishes(store, group, [(0, "ett"), (0, "  ")])
    deep = [(d, f"nivå {d}") for d in range(wi.MAX_DEPTH + 2)]
    with pytest.raises(ValidationError, match="nästlas högst"):
        wish_batch.add_wishes(store, group, deep)
    assert _tree(store, group) == []
    assert wish_batch.add_wishes(store, group, []) == []
    wish_batch.add_wishes(store, group, deep[:-1])
    assert _tree(store, group)[-1][0] == wi.MAX_DEPTH


def test_delete_and_restore_wishes_put_them_back(store, group) -> None:  # type: ignore[no-untyped-def]
    wi.add_wish(store, group, "A")
    wi.add_wish(store, group, "D")
    ids = wish_batch.add_wishes(store, group, [(0, "B"), (1, "B1"), (0, "C")], index=1)
    before = _tree(store, group)
    top = [ids[0], ids[2]]
    places = wish_batch.delete_wishes(store, top)
    assert _tree(store, group) == [(0, "A"), (0, "D")]
    assert [w.position for w in wi.list_wishes(store, group)] == [0, 1]
    wish_batch.restore_wishes(store, top, places)
    assert _tree(store, group) == before


def test_reset_votes_and_set_them_back(store, group) -> None:  # type: ignore[no-untyped-def]
    a = wi.add_wish(store, group, "Ån", votes=3)
    b = wi.add_wish(store, group, "Ängen", votes=0)
    c = wi.add_wish(store, group, "Ön", votes=7, parent_id=a)
    old = wish_batch.reset_votes(store, [group])
    assert old == {a: 3, c: 7}
    assert [w.votes for w in wi.list_wishes(store, group)] == [0, 0, 0]
    assert wish_batch.set_votes_bulk(store, old) == {a: 0, c: 0}
    assert {w.id: w.votes for w in wi.list_wishes(store, group)} == {a: 3, b: 0, c: 7}
    with pytest.raises(ValidationError):
        wish_batch.set_votes_bulk(store, {a: -1})
    assert wish_batch.reset_votes(store, []) == {}


def test_get_wishes_leaves_out_trashed(store, group) -> None:  # type: ignore[no-untyped-def]
    a = wi.add_wish(store, group, "Ån")
    b = wi.add_wish(store, group, "Bäcken", parent_id=a)
    wi.delete_wish(store, a)
    assert wish_fast_paths.get_wishes(store, [a, b, "nope"]) == {}
    wi.restore_wish(store, a)
    found = wish_fast_paths.get_wishes(store, [b])
    assert found[b].depth == 1 and found[b].parent_id == a and found[b].text == "Bäcken"


def test_insert_wish_matches_add_wish(store, group) -> None:  # type: ignore[no-untyped-def]
    """The capture fast path puts wishes exactly where add_wish would."""
    workshop = ws.create_workshop(store, projects.create_project(store, "Öje"), "Höstmöte")
    other = groups.create_group(store, workshop, name="Jämförelse")
    steps = [("Ån", None, None), ("Ängen", None, 0), ("Ön", None, 1), ("Sist", None, 99)]
    for target in (group, other):
        add = wish_fast_paths.insert_wish if target == group else wi.add_wish
        for text, _parent, index in steps:
            add(store, target, text, index=index)
        first = wi.list_wishes(store, target)[0].id
        add(store, target, "Under", parent_id=first)
        add(store, target, "Före under", parent_id=first, index=0)
    assert _tree(store, group) == [(0, "Ängen"), (1, "Före under"), (1, "Under"), (0, "Ön"),
                                   (0, "Ån"), (0, "Sist")]
    assert [w.position for w in wi.list_wishes(store, group) if w.depth == 0] == [0, 1, 2, 3]
    assert _tree(store, other) == _tree(store, group)
    deepest = wish_fast_paths.insert_wish(store, group, "0")
    for level in range(1, wi.MAX_DEPTH + 1):
        deepest = wish_fast_paths.insert_wish(store, group, str(level), parent_id=deepest)
    with pytest.raises(ValidationError, match="nästlas högst"):
        wish_fast_paths.insert_wish(store, group, "för djupt", parent_id=deepest)
    with pytest.raises(ValidationError):
        wish_fast_paths.insert_wish(store, group, "   ")
