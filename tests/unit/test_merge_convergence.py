"""Several laptops, one evening: whatever they do and however they swap packages, they
end the same and nothing written is lost (#14).

Two to four databases start from one handed-out workshop. Each runs real service
calls (add, edit, nest, move, trash, restore, empty the trash, vote, un-vote, check
in, undo); one has a clock days off. Between the steps they import each other's
packages in random order, some twice; at the end everyone imports everyone's latest
package until nothing changes. Then: every database holds the same content; every
text written is in it, or was replaced by an edit made after seeing it, or is in a
conflict list, or its row was removed for good; each wish's votes are the sum of
what each database gave or took back; importing again changes nothing.

Undo is the inverse service call the window's undo stack makes
(``ui/commands.py``: a setter sets the old value again, a creator's undo trashes the
row, a deleter's undo restores it to its place, a move moves back).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import groups, people, projects, trash, wishes, workshops
from facilitator.services.core import Store, ValidationError
from facilitator.store.models import MergeConflict, Tombstone, Wish, Workshop
from facilitator.store.vocabulary import AttendanceStatus
from tests.reliability.test_merge_property import laptop as opened_laptop

OPS = ("add", "edit", "edit", "nest", "move", "delete", "restore", "trash_spare",
       "empty_trash", "vote", "vote", "unvote", "checkin", "checkin", "undo", "undo", "sync",
       "sync")
Step = tuple[int, str, int, int]  # (which database, what, two choices)


@dataclass
class Laptop:
    store: Store
    name: str
    undo: list[Callable[[], None]] = field(default_factory=list)
    net_votes: dict[str, int] = field(default_factory=dict)  # wish → votes given − taken
    seen: dict[str, set[str]] = field(default_factory=dict)  # wish → every text it held


@dataclass
class Evening:
    ids: dict[str, str]
    laptops: list[Laptop]
    written: set[tuple[str, str]] = field(default_factory=set)  # (wish, text) ever set
    replaced: set[tuple[str, str]] = field(default_factory=set)  # seen, then edited over
    counter: int = 0

    def text(self, who: str) -> str:
        self.counter += 1
        return f"Önskan {self.counter} från {who} – åtgärd"


def _copy(data: Any) -> Any:
    return json.loads(json.dumps(data))


def package(store: Store, project_id: str) -> dict[str, Any]:
    return _copy(export_package(store, project_id))


def content(store: Store, project_id: str) -> dict[str, Any]:
    data = package(store, project_id)
    for key in ("exported_at", "device_id"):
        data.pop(key)
    return data


def all_wishes(store: Store) -> list[Wish]:
    with store.read() as s:
        return list(s.scalars(select(Wish).order_by(Wish.id)))


def look(laptop: Laptop) -> None:
    """Remember every text this laptop's wishes hold now."""
    for wish in all_wishes(laptop.store):
        laptop.seen.setdefault(wish.id, set()).add(wish.text)


def _live(laptop: Laptop, choose: int) -> Wish | None:
    live = [w for w in all_wishes(laptop.store) if w.deleted_at is None]
    return live[choose % len(live)] if live else None


def _set_text(evening: Evening, laptop: Laptop, wish_id: str, text: str) -> str:
    look(laptop)
    for old in laptop.seen.get(wish_id, ()):
        evening.replaced.add((wish_id, old))  # this edit has seen it: it may win over it
    evening.written.add((wish_id, text))
    return wishes.set_text(laptop.store, wish_id, text)


def _set_votes(laptop: Laptop, wish_id: str, votes: int) -> int:
    old = wishes.set_votes(laptop.store, wish_id, votes)
    laptop.net_votes[wish_id] = laptop.net_votes.get(wish_id, 0) + votes - old
    return old


def _group_live(store: Store, group_id: str) -> bool:
    from facilitator.store.models import Group

    with store.read() as s:
        group = s.get(Group, group_id)
        return group is not None and group.deleted_at is None


def act(evening: Evening, laptop: Laptop, what: str, a: int, b: int) -> None:
    """One service call as the window makes it, and how its undo would take it back."""
    store, ids = laptop.store, evening.ids
    wish = _live(laptop, a)
    if what == "add":
        text = evening.text(laptop.name)
        group = ids["group"] if b % 3 or not _group_live(store, ids["spare_group"]) \
            else ids["spare_group"]  # (the window offers no group that is gone)
        wish_id = wishes.add_wish(store, group, text)
        evening.written.add((wish_id, text))
        laptop.undo.append(lambda: wishes.delete_wish(store, wish_id) and None)
    elif what == "edit" and wish is not None:
        wish_id = wish.id
        old = _set_text(evening, laptop, wish_id, evening.text(laptop.name))
        laptop.undo.append(lambda: _set_text(evening, laptop, wish_id, old) and None)
    elif what in ("nest", "move") and wish is not None:
        wish_id = wish.id
        if what == "nest":
            place = wishes.indent_wish(store, wish_id)
        else:
            place = wishes.move_wish(store, wish_id, wish.parent_id, b % 4)
        laptop.undo.append(
            lambda: wishes.move_wish(store, wish_id, place.parent_id, place.index) and None)
    elif what == "delete" and wish is not None:
        wish_id = wish.id
        place = wishes.delete_wish(store, wish_id)
        laptop.undo.append(lambda: wishes.restore_wish(store, wish_id, place))
    elif what == "restore":
        trashed = [w for w in all_wishes(store) if w.deleted_at is not None]
        if trashed:
            wish_id = trashed[a % len(trashed)].id
            wishes.restore_wish(store, wish_id, None)
            laptop.undo.append(lambda: wishes.delete_wish(store, wish_id) and None)
    elif what == "trash_spare":
        with store.read() as s:
            spare = s.get(Workshop, ids["spare"])
        if spare is not None and spare.deleted_at is None:
            workshops.delete_workshop(store, ids["spare"])
            laptop.undo.append(lambda: workshops.restore_workshop(store, ids["spare"]))
        elif spare is not None:
            workshops.restore_workshop(store, ids["spare"])
            laptop.undo.append(lambda: workshops.delete_workshop(store, ids["spare"]))
    elif what == "empty_trash":
        trash.empty_trash(store)  # not undoable: the window asks first
    elif what in ("vote", "unvote") and wish is not None:
        wish_id = wish.id
        votes = wish.votes + (1 + b % 3 if what == "vote" else -min(wish.votes, 1 + b % 2))
        old = _set_votes(laptop, wish_id, votes)
        laptop.undo.append(lambda: _set_votes(laptop, wish_id, old) and None)
    elif what == "checkin":
        person = ids["people"].split()[a % 3]
        before = people.set_attendance(store, ids["workshop"], person, AttendanceStatus.ATTENDED)
        if before is None:
            laptop.undo.append(lambda: people.remove_attendance(store, ids["workshop"], person))
        else:
            status, role = before
            laptop.undo.append(lambda: people.set_attendance(
                store, ids["workshop"], person, status, role) and None)
    elif what == "undo" and laptop.undo:
        laptop.undo.pop()()


def hand_out(first: Laptop) -> dict[str, str]:
    """The workshop laptop one prepares: two groups with wishes, people invited."""
    store = first.store
    ids = {"project": projects.create_project(store, "Ängsö framåt")}
    ids["workshop"] = workshops.create_workshop(store, ids["project"], "Kväll i bygdegården")
    ids["spare"] = workshops.create_workshop(store, ids["project"], "Reservkväll på skolan")
    ids["group"] = groups.create_group(store, ids["workshop"], name="Grupp ett")
    ids["spare_group"] = groups.create_group(store, ids["spare"], name="Grupp två")
    for text, votes in (("Bänkar vid ån", 2), ("Öppna skolans gympasal", 0),
                        ("Ny brygga vid Ängsö", 1)):
        wishes.add_wish(store, ids["group"], text, votes=votes)
    wishes.add_wish(store, ids["spare_group"], "Belysning på gångvägen", votes=3)
    invited = []
    for name in ("Åsa Öberg", "Örjan Ek", "Märta Ångström"):
        person = people.create_person(store, name)
        # The first two are on tonight's list; the third only on the spare evening's, so
        # checking her in tonight makes a new row on each laptop that does it.
        workshop = ids["spare"] if name.startswith("Märta") else ids["workshop"]
        people.set_attendance(store, workshop, person, AttendanceStatus.INVITED)
        invited.append(person)
    ids["people"] = " ".join(invited)
    return ids


def run_evening(evening: Evening, steps: list[Step]) -> None:
    laptops, project = evening.laptops, evening.ids["project"]
    for who, what, a, b in steps:
        laptop = laptops[who % len(laptops)]
        if what == "sync":  # a package from another laptop, maybe one already imported
            sender = laptops[a % len(laptops)]
            if sender is not laptop:
                import_package(laptop.store, package(sender.store, project), sender.name)
        else:
            with suppress(ValidationError):  # refused, as the window shows: nothing changed
                act(evening, laptop, what, a, b)
        look(laptop)
    for _ in range(2):  # everyone brings everyone's latest, until nothing moves
        for laptop in laptops:
            for sender in laptops:
                if sender is not laptop:
                    import_package(laptop.store, package(sender.store, project), sender.name)
            look(laptop)


def conflicts(laptops: list[Laptop]) -> set[tuple[str, str]]:
    lost = set()
    for laptop in laptops:
        with laptop.store.read() as s:
            for c in s.scalars(select(MergeConflict).where(MergeConflict.field == "text")):
                for value in (c.kept_value, c.other_value):
                    lost.add((c.row_id, json.loads(value or "null")))
    return lost


steps = st.lists(st.tuples(st.integers(0, 3), st.sampled_from(OPS), st.integers(0, 50),
                           st.integers(0, 50)), min_size=4, max_size=30)


@settings(max_examples=30, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@example(count=2, plan=[(0, "checkin", 2, 0), (1, "checkin", 2, 0)], skewed=0, skew=3)
@example(count=2, plan=[(0, "trash_spare", 0, 0), (0, "empty_trash", 0, 0),
                        (1, "trash_spare", 0, 0), (1, "empty_trash", 0, 0)], skewed=1, skew=3)
@given(count=st.integers(2, 4), plan=steps, skewed=st.integers(0, 3),
       skew=st.sampled_from([-4, 3]))
def test_laptops_of_one_evening_end_the_same_and_lose_nothing(
        db_path: Path, tmp_path_factory: Any, count: int, plan: list[Step], skewed: int,
        skew: int) -> None:
    folder = tmp_path_factory.mktemp("evening")
    with ExitStack() as stack:
        laptops = [Laptop(stack.enter_context(opened_laptop(
            db_path, folder, str(i), skew if i == skewed else 0)), f"laptop{i}")
            for i in range(count)]
        ids = hand_out(laptops[0])
        handed_out = package(laptops[0].store, ids["project"])
        for laptop in laptops[1:]:
            import_package(laptop.store, _copy(handed_out), "utdelning.json")
        base_votes = {w.id: w.votes for w in all_wishes(laptops[0].store)}
        for laptop in laptops:
            look(laptop)
        evening = Evening(ids, laptops)
        run_evening(evening, plan)

        project = ids["project"]
        first = content(laptops[0].store, project)
        for laptop in laptops[1:]:  # (a) everyone holds the same
            assert content(laptop.store, project) == first, laptop.name

        store = laptops[0].store
        final = {w.id: w for w in all_wishes(store)}
        with store.read() as s:
            purged = {t.row_id for t in s.scalars(select(Tombstone))}
        lost = conflicts(laptops)
        for wish_id, text in evening.written:  # (b) no text silently lost
            if wish_id in purged:
                continue
            assert (wish_id in final and final[wish_id].text == text) \
                or (wish_id, text) in evening.replaced or (wish_id, text) in lost, (
                    wish_id, text)

        for wish_id, wish in final.items():  # (c) votes add up, laptop by laptop
            given = base_votes.get(wish_id, 0) + sum(
                laptop.net_votes.get(wish_id, 0) for laptop in laptops)
            assert wish.votes == max(0, given), (wish.text, wish.votes, given)

        for laptop in laptops:  # (d) importing again changes nothing
            for sender in laptops:
                if sender is not laptop:
                    again = import_package(laptop.store, package(sender.store, project))
                    assert (again.created, again.updated, again.conflicts) == (0, 0, 0)
            assert content(laptop.store, project) == first
