"""Order keys (#14): a move writes the moved row only, so a move on one laptop and
edits of its neighbours on another both survive the merge."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import groups, projects, sections, wish_batch, wishes, workshops
from facilitator.services.core import Store
from facilitator.services.order_keys import keys_between
from facilitator.services.wish_fast_paths import get_wishes, insert_wish
from facilitator.store.models import Group, Wish

TEXTS = ["Bänkar vid ån", "Ny brygga", "Öppen gympasal", "Cykelväg till skolan"]



def _group(store: Store) -> tuple[str, str]:
    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    return project, groups.create_group(store, workshop, name="Grupp ett")


def _workshop(store: Store, group: str) -> str:
    with store.read() as s:
        return s.get_one(Group, group).workshop_id


def _texts(store: Store, group: str) -> list[str]:
    return [w.text for w in wishes.list_wishes(store, group)]


def _rows(store: Store) -> dict[str, tuple[float, str]]:
    """Every wish's order key and versions: what a write would change."""
    with store.read() as s:
        return {w.id: (w.position, w.versions or "") for w in s.scalars(select(Wish))}


def _copy(data: dict) -> dict:  # type: ignore[type-arg]
    return json.loads(json.dumps(data))


@given(st.floats(-1e6, 1e6), st.floats(0.001, 1e6), st.integers(1, 5))
def test_keys_between_are_strictly_between_and_increasing(before, gap, count) -> None:  # type: ignore[no-untyped-def]
    keys = keys_between(before, before + gap, count)
    assert keys is not None
    assert before < keys[0] and keys[-1] < before + gap
    assert keys == sorted(set(keys))


def test_a_used_up_gap_says_so() -> None:
    assert keys_between(1.0, 1.0, 1) is None
    assert keys_between(1.0, 1.0000000000000002, 1) is None
    assert keys_between(None, 3.0, 2) == [1.0, 2.0]
    assert keys_between(3.0, None, 1) == [4.0]


def test_moving_indenting_and_inserting_write_only_the_row_itself(store: Store) -> None:
    _, group = _group(store)
    ids = [wishes.add_wish(store, group, text) for text in TEXTS]
    before = _rows(store)
    wishes.move_wish(store, ids[3], None, 0)
    wishes.indent_wish(store, ids[2])
    middle = insert_wish(store, group, "Ängen som lekplats", index=1)
    wishes.delete_wish(store, ids[0])
    after = _rows(store)
    changed = {i for i in before if before[i] != after[i]}
    assert changed == {ids[3], ids[2], ids[0]}
    assert _texts(store, group) == ["Cykelväg till skolan", "Ängen som lekplats",
                                    "Ny brygga", "Öppen gympasal"]
    # The board's reads give the place among the siblings, as the list does.
    assert [w.position for w in wishes.list_wishes(store, group)] == [0, 1, 2, 0]
    assert get_wishes(store, [middle])[middle].position == 1


def test_a_move_on_one_laptop_and_neighbour_edits_on_another_both_survive(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    project, group = _group(a)
    ids = [wishes.add_wish(a, group, text) for text in TEXTS]
    import_package(b, _copy(export_package(a, project)))
    wishes.move_wish(a, ids[3], None, 1)  # A moves the last wish up …
    wishes.set_text(b, ids[1], "En ny brygga vid Ängsö")  # … B fixes the rows it passes
    wishes.set_text(b, ids[2], "Öppen gympasal på kvällarna")
    for target, source in ((a, b), (b, a)):
        result = import_package(target, _copy(export_package(source, project)))
        assert result.conflicts == 0
    expected = ["Bänkar vid ån", "Cykelväg till skolan", "En ny brygga vid Ängsö",
                "Öppen gympasal på kvällarna"]
    assert _texts(a, group) == _texts(b, group) == expected


def test_two_laptops_moving_to_the_same_spot_end_in_the_same_order(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    project, group = _group(a)
    ids = [wishes.add_wish(a, group, text) for text in TEXTS]
    import_package(b, _copy(export_package(a, project)))
    wishes.move_wish(a, ids[2], None, 1)  # both get the key between the first two
    wishes.move_wish(b, ids[3], None, 1)
    import_package(a, _copy(export_package(b, project)))
    import_package(b, _copy(export_package(a, project)))
    assert _texts(a, group) == _texts(b, group)
    assert _texts(a, group)[0] == "Bänkar vid ån" and _texts(a, group)[-1] == "Ny brygga"
    wishes.move_wish(a, ids[0], None, 2)  # a move between the equal keys respaces them
    assert _texts(a, group)[2] == "Bänkar vid ån"
    assert len({w.position for w in wishes.list_wishes(a, group)}) == 4


def test_sixty_wishes_put_in_the_same_gap_keep_their_order(store: Store) -> None:
    _, group = _group(store)
    wishes.add_wish(store, group, "Först")
    wishes.add_wish(store, group, "Sist")
    for n in range(60):  # each goes right after the first: the gap halves every time
        insert_wish(store, group, f"Nummer {n}", index=1)
    texts = _texts(store, group)
    assert texts[0] == "Först" and texts[-1] == "Sist"
    assert texts[1:-1] == [f"Nummer {n}" for n in reversed(range(60))]


def test_a_paste_in_the_middle_and_an_agenda_move_leave_the_others_alone(store: Store) -> None:
    _, group = _group(store)
    first, last = (wishes.add_wish(store, group, t) for t in ("Först", "Sist"))
    before = _rows(store)
    wish_batch.add_wishes(store, group, [(0, "Åtta bänkar"), (0, "Ängsmark")], index=1)
    assert {i: _rows(store)[i] for i in (first, last)} == {i: before[i] for i in (first, last)}
    assert _texts(store, group) == ["Först", "Åtta bänkar", "Ängsmark", "Sist"]
    workshop = _workshop(store, group)
    agenda = [sections.add_section(store, workshop, h) for h in ("Välkomna", "Fika", "Slut")]
    sections.move_section(store, agenda[2], 1)
    assert [s.heading for s in sections.list_sections(store, workshop)][-3:] == [
        "Välkomna", "Slut", "Fika"]
    assert [s.position for s in sections.list_sections(store, workshop)] == list(
        range(len(sections.list_sections(store, workshop))))
