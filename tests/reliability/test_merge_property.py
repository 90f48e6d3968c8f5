"""Two laptops edit the same workshop apart; merging never loses an edit (#14).

Laptop A hands a project to laptop B; both edit it (the same fields or
different ones, texts, votes, the trash, B with a clock days off); then their
packages are merged into a third and a fourth database in opposite orders.
Both end the same, importing again changes nothing, every value a field got
on either laptop is in the merged database or in its conflict list, and the
votes given on both laptops add up.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.store.clock import HybridClock
from facilitator.store.migrate import open_database
from facilitator.store.models import MergeConflict, Project, Wish

DAY_MS = 24 * 3600 * 1000
TEXTS = ("Bänkar vid ån", "Fler bänkar vid Ängsö å", "Öppna skolans gympasal", "Ny brygga")
Edit = tuple[str, int]  # (what, which text)

edits = st.lists(st.tuples(st.sampled_from(["rename", "wish", "vote", "trash", "note"]),
                           st.integers(0, len(TEXTS) - 1)), max_size=5)


@contextmanager
def laptop(template: Path, folder: Path, name: str,
           clock_skew_days: int = 0) -> Iterator[Store]:
    path = folder / f"{name}.sqlite3"
    shutil.copyfile(template, path)
    store = Store(open_database(path))
    if clock_skew_days:
        real = HybridClock.__init__

        def skewed(self: HybridClock, device: str, last: str | None = None,
                   now: Callable[[], int] | None = None) -> None:
            from facilitator.store.clock import wall_ms

            real(self, device, last, lambda: wall_ms() + clock_skew_days * DAY_MS)

        store.stamper._clock = None
        HybridClock.__init__ = skewed  # type: ignore[method-assign]
        try:
            with store.engine.connect() as connection:
                store.stamper.clock(connection)
                connection.commit()
        finally:
            HybridClock.__init__ = real  # type: ignore[method-assign]
    try:
        yield store
    finally:
        store.close()


def apply(store: Store, ids: dict[str, str], steps: list[Edit], who: str) -> None:
    for what, n in steps:
        if what == "rename":
            projects.rename_project(store, ids["project"], f"{TEXTS[n]} ({who})")
        elif what == "wish":
            wishes.set_text(store, ids["wish"], f"{TEXTS[n]} – {who}")
        elif what == "vote":
            wishes.set_votes(store, ids["wish"], n + (3 if who == "B" else 0))
        elif what == "note":
            wishes.set_note(store, ids["wish"], f"{who}: {TEXTS[n]}")
        elif what == "trash":
            current = {w.id for w in wishes.list_wishes(store, ids["group"])}
            if ids["other"] in current:
                wishes.delete_wish(store, ids["other"])
            else:
                wishes.restore_wish(store, ids["other"], None)


def state(store: Store) -> dict[str, object]:
    data = export_package(store, store_project(store))
    for key in ("exported_at", "device_id"):
        data.pop(key)
    return data


def store_project(store: Store) -> str:
    with store.read() as s:
        return s.scalars(select(Project.id)).one()


def conflicts(store: Store) -> set[tuple[str, str, str]]:
    with store.read() as s:
        return {(c.row_id, c.field, json.loads(c.other_value or "null"))
                for c in s.scalars(select(MergeConflict))}


def values(store: Store, ids: dict[str, str]) -> dict[tuple[str, str], object]:
    with store.read() as s:
        project, wish = s.get(Project, ids["project"]), s.get(Wish, ids["wish"])
        other = s.get(Wish, ids["other"])
        assert project is not None and wish is not None and other is not None
        return {(project.id, "name"): project.name, (wish.id, "text"): wish.text,
                (wish.id, "votes"): wish.votes, (wish.id, "note"): wish.note,
                (other.id, "deleted_at"): other.deleted_at}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a_steps=edits, b_steps=edits, skew=st.sampled_from([0, -3, 5]))
def test_merging_in_any_order_ends_the_same_and_loses_nothing(
        db_path: Path, tmp_path_factory, a_steps: list[Edit], b_steps: list[Edit],
        skew: int) -> None:
    folder = tmp_path_factory.mktemp("laptops")
    with laptop(db_path, folder, "a") as a:
        ids = {"project": projects.create_project(a, "Ängsö framåt")}
        workshop = workshops.create_workshop(a, ids["project"], "Kväll i bygdegården")
        ids["group"] = groups.create_group(a, workshop, name="Grupp ett")
        ids["wish"] = wishes.add_wish(a, ids["group"], "Bänkar vid ån")
        ids["other"] = wishes.add_wish(a, ids["group"], "Belysning på gångvägen")
        handed_out = export_package(a, ids["project"])
        with laptop(db_path, folder, "b", clock_skew_days=skew) as b:
            import_package(b, json.loads(json.dumps(handed_out)))
            original = values(a, ids)
            apply(a, ids, a_steps, "A")
            apply(b, ids, b_steps, "B")
            from_a, from_b = export_package(a, ids["project"]), export_package(b, ids["project"])
            written: dict[tuple[str, str], set[object]] = {}  # what each laptop changed
            votes_key = (ids["wish"], "votes")
            deltas = 0
            for side in (a, b):
                for key, value in values(side, ids).items():
                    if key == votes_key:
                        deltas += int(value) - int(original[key])  # type: ignore[call-overload]
                    elif value != original[key]:
                        written.setdefault(key, set()).add(value)
        with laptop(db_path, folder, "c") as c, laptop(db_path, folder, "d") as d:
            for package in (from_a, from_b):
                import_package(c, json.loads(json.dumps(package)))
            for package in (from_b, from_a):
                import_package(d, json.loads(json.dumps(package)))
            assert state(c) == state(d)
            again = import_package(c, json.loads(json.dumps(from_b)))
            assert (again.created, again.updated, again.conflicts) == (0, 0, 0)
            merged = values(c, ids)
            # Votes add up: each laptop's change counts, none replaces the other's.
            assert merged[votes_key] == max(0, int(original[votes_key])  # type: ignore[call-overload]
                                            + deltas)
            lost = conflicts(c)
            for key, seen in written.items():
                for value in seen:
                    shown = value.isoformat() + "Z" if hasattr(value, "isoformat") else value
                    assert merged[key] == value or (key[0], key[1], shown) in lost, (
                        key, value, merged[key])
