"""Follow-up listing benchmark: ``uv run python -m benchmarks --only follow_up``.

A project whose first workshop has 10,000 wishes in 40 groups and 500 actions,
followed up at a second workshop that has reviewed a third of them (each
review with a responsible). Measures ``follow_up.list_follow_up`` (what the
Uppföljning page and the minutes read), beside a floor from the same run:
bare sqlite3 reading the same wish, action and review rows with one query
each, no objects made. Goal: ≤ 1 s at 10,000 wishes (the page refreshes on
every change), quick mode uses 500.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.store.models import Action, Group, GroupFocusArea, Responsible, Review, Wish
from facilitator.store.vocabulary import ReviewStatus, new_id

GOAL_S = 1.0


def build(store: Store, wishes: int, groups: int = 40, actions: int = 500) -> str:
    """The project in one transaction per table kind (service calls would time the disk)."""
    from facilitator.services import focus_areas, projects, workshops

    project = projects.create_project(store, "Uppföljningsbenchmark")
    areas = [focus_areas.add_focus_area(store, project, f"Område {i}") for i in range(8)]
    first = workshops.create_workshop(store, project, "Vårmöte", date="2026-03-12")
    later = workshops.create_workshop(store, project, "Höstmöte", date="2026-09-17")
    with store.write() as tx:
        s = tx.session
        wish_ids: list[str] = []
        for g in range(groups):
            group = Group(workshop_id=first, position=g, name=f"Grupp {g + 1}")
            s.add(group)
            s.flush()
            s.add(GroupFocusArea(group_id=group.id, focus_area_id=areas[g % 8], position=0))
            for n in range(wishes // groups):
                wish = Wish(id=new_id(), group_id=group.id, position=n,
                            text=f"Önskemål {n} i grupp {g}")
                s.add(wish)
                wish_ids.append(wish.id)
        action_ids = []
        for n in range(actions):
            action = Action(id=new_id(), workshop_id=first, focus_area_id=areas[n % 8], position=n,
                            text=f"Åtgärd {n}")
            s.add(action)
            action_ids.append(action.id)
        s.flush()
        for n, item in enumerate([*wish_ids[::3], *action_ids[::3]]):
            is_wish = n < len(wish_ids[::3])
            review = Review(workshop_id=later, position=n, status=ReviewStatus.IN_PROGRESS,
                            comment="Det här pågår", wish_id=item if is_wish else None,
                            action_id=None if is_wish else item)
            s.add(review)
            s.flush()
            s.add(Responsible(review_id=review.id, text="Byalaget i Ängsö"))
        tx.changed("review")
    return later


def floor(path: Path) -> float:
    connection = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        connection.execute("SELECT w.id, w.text, w.status, w.parent_id, g.name FROM wish w "
                           "JOIN work_group g ON g.id = w.group_id WHERE w.deleted_at IS NULL"
                           ).fetchall()
        connection.execute("SELECT id, text, status, due_date FROM action "
                           "WHERE deleted_at IS NULL").fetchall()
        connection.execute("SELECT r.id, r.status, r.comment, p.text FROM review r "
                           "LEFT JOIN responsible p ON p.review_id = r.id").fetchall()
        return time.perf_counter() - start
    finally:
        connection.close()


def collect(quick: bool = False) -> list[Figure]:
    from facilitator.services import follow_up

    size = 500 if quick else 10_000
    with tempfile.TemporaryDirectory(prefix="follow-up-bench-") as tmp:
        os.environ.setdefault("FACILITATOR_DATA_DIR", str(Path(tmp) / "data"))
        path = Path(tmp) / "bench.sqlite3"
        store = Store(open_database(path))
        try:
            later = build(store, size)
            runs = []
            for _ in range(3 if quick else 5):
                start = time.perf_counter()
                items = follow_up.list_follow_up(store, later)
                runs.append(time.perf_counter() - start)
            assert len(items) >= size
        finally:
            store.close()  # the app holds the file exclusively: the floor reads after
        floors = [floor(path) for _ in range(3 if quick else 5)]
    return [Figure("follow_up", f"follow-up list: {size:,} wishes, 500 actions, a third "
                                "reviewed", statistics.median(runs), "s",
                   floor=statistics.median(floors),
                   floor_name="bare sqlite3 reading the same rows", goal=GOAL_S)]


if __name__ == "__main__":
    for figure in collect():
        print(f"{figure.name}: {figure.value:.3f} s (floor {figure.floor:.3f} s)")
