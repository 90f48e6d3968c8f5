"""Merge benchmarks (#14): ``uv run python -m benchmarks --only merge``.

``evening``: the facilitator hands a workshop to three note-takers (40 people
invited); each writes 60 wishes and checks in a share of the 40; back at the
facilitator's laptop the three packages are previewed (``import_packages(...,
dry_run=True)``) and then imported, in one transaction. The floor, from the same
run: bare sqlite3 inserting the 180 wish rows and updating the 40 attendance rows
in one transaction. Goal ≤ 0.3 s for preview plus import.

``diverged``: a 10,000-wish workshop on two laptops, each of which then edits the
same 1,000 wish texts (1,000 conflicts) and 1,000 other wishes of its own (votes on
one, notes on the other); one laptop imports the other's package file. The floor:
bare sqlite3 reading the 10,000 wish rows, updating the 2,000 that change and
inserting the 1,000 conflicts in one transaction. Goals ≤ 3 s and ≤ 300 MB peak
memory of the benchmark's process (setup included: building and exporting the
workshops). ``--quick`` uses tiny sizes.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import Figure, max_rss_mb
from facilitator.interchange.export import export_package, write_package
from facilitator.interchange.importer import import_package, import_package_file, import_packages
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.store.models import Group, Wish
from facilitator.store.vocabulary import AttendanceStatus, new_id

EVENING_GOAL_S = 0.3
DIVERGED_GOAL_S = 3.0
DIVERGED_GOAL_MB = 300.0


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store(open_database(path))
    try:
        yield store
    finally:
        store.close()


def _copy(data: Any) -> Any:
    return json.loads(json.dumps(data))


# --- an evening with three note-takers -------------------------------------------------

def _hand_out(store: Store, people_count: int) -> tuple[str, str, list[str], list[str]]:
    from facilitator.services import groups, people, projects, workshops

    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    group_ids = [groups.create_group(store, workshop, name=f"Grupp {n + 1}") for n in range(3)]
    invited = [people.create_person(store, f"Deltagare {n} Öberg")
               for n in range(people_count)]
    for person in invited:
        people.set_attendance(store, workshop, person, AttendanceStatus.INVITED)
    return project, workshop, group_ids, invited


def evening(quick: bool = False) -> list[Figure]:
    from facilitator.services import people, wishes

    per_taker, people_count = (6, 8) if quick else (60, 40)
    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("FACILITATOR_DATA_DIR", str(folder / "data"))
        empty = folder / "empty.sqlite3"
        with opened(empty):
            pass
        facilitator = folder / "facilitator.sqlite3"
        shutil.copyfile(empty, facilitator)
        with opened(facilitator) as store:
            project, workshop, group_ids, invited = _hand_out(store, people_count)
            handed_out = export_package(store, project)
        packages = []
        for taker in range(3):
            path = folder / f"taker{taker}.sqlite3"
            shutil.copyfile(empty, path)
            with opened(path) as store:
                import_package(store, _copy(handed_out), "utdelning.json")
                for n in range(per_taker):
                    wishes.add_wish(store, group_ids[taker], f"Önskan {n} från bord {taker}")
                for person in invited[taker::3]:
                    people.set_attendance(store, workshop, person, AttendanceStatus.ATTENDED)
                packages.append(json.dumps(export_package(store, project)))
        runs, previews = [], []
        for run in range(3 if quick else 7):
            path = folder / f"run{run}.sqlite3"
            shutil.copyfile(facilitator, path)
            with opened(path) as store:
                parsed = [(json.loads(text), f"bord{n}.json") for n, text in enumerate(packages)]
                start = time.perf_counter()
                import_packages(store, parsed, dry_run=True)
                previewed = time.perf_counter()
                parsed = [(json.loads(text), f"bord{n}.json") for n, text in enumerate(packages)]
                again = time.perf_counter()
                results = import_packages(store, parsed)
                done = time.perf_counter()
            assert sum(r.created for r in results) == 3 * per_taker
            previews.append(previewed - start)
            runs.append(previewed - start + done - again)
        floors = [_evening_floor(folder, facilitator, workshop, group_ids, invited, per_taker, n)
                  for n in range(3 if quick else 7)]
    return [Figure(
        "merge", f"an evening: 3 note-takers × {per_taker} wishes, {people_count} check-ins, "
                 "preview then import", statistics.median(runs), "s",
        floor=statistics.median(floors),
        floor_name=f"bare sqlite3 inserting {3 * per_taker} wishes, updating "
                   f"{people_count} attendances", goal=EVENING_GOAL_S,
        note=f"preview alone {statistics.median(previews):.3f} s",
        extra={"preview_s": statistics.median(previews)})]


def _evening_floor(folder: Path, facilitator: Path, workshop: str, group_ids: list[str],
                   invited: list[str], per_taker: int, run: int) -> float:
    path = folder / f"floor{run}.sqlite3"
    shutil.copyfile(facilitator, path)
    now = "2026-12-05 20:00:00.000000"
    rows = [(new_id(), group_ids[t], n, f"Önskan {n} från bord {t}", now, now)
            for t in range(3) for n in range(per_taker)]
    connection = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        with connection:
            connection.executemany(
                "INSERT INTO wish (id, group_id, position, text, votes, status, note, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, 0, 'open', '', ?, ?)", rows)
            connection.executemany(
                "UPDATE attendance SET status = 'attended', updated_at = ? "
                "WHERE workshop_id = ? AND person_id = ?",
                [(now, workshop, person) for person in invited])
        return time.perf_counter() - start
    finally:
        connection.close()


# --- two diverged workshops ------------------------------------------------------------

def _build(store: Store, size: int, groups: int = 40) -> tuple[str, list[str]]:
    from facilitator.services import projects, workshops

    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Stora kvällen")
    wish_ids: list[str] = []
    with store.write() as tx:
        s = tx.session
        for g in range(groups):
            group = Group(workshop_id=workshop, position=g, name=f"Grupp {g + 1}")
            s.add(group)
            s.flush()
            for n in range(size // groups):
                wish = Wish(id=new_id(), group_id=group.id, position=n,
                            text=f"Önskemål {n} i grupp {g}")
                s.add(wish)
                wish_ids.append(wish.id)
        tx.changed("wish")
    return project, wish_ids


def _edit(store: Store, wish_ids: list[str], own: list[str], who: str) -> None:
    """The same texts as the other laptop, and fields of its own wishes, in one go."""
    with store.write() as tx:
        s = tx.session
        for wish_id in wish_ids:
            wish = s.get(Wish, wish_id)
            assert wish is not None
            wish.text = f"{wish.text} – ändrad på {who}"
        for wish_id in own:
            wish = s.get(Wish, wish_id)
            assert wish is not None
            if who == "A":
                wish.votes = 3
            else:
                wish.note = "Följs upp av byalaget"
        tx.changed("wish")


def diverged(quick: bool = False) -> list[Figure]:
    size, conflicting = (400, 40) if quick else (10_000, 1_000)
    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("FACILITATOR_DATA_DIR", str(folder / "data"))
        empty, a_path, b_path = (folder / f"{n}.sqlite3" for n in ("empty", "a", "b"))
        with opened(empty):
            pass
        shutil.copyfile(empty, a_path)
        shutil.copyfile(empty, b_path)
        with opened(a_path) as a, opened(b_path) as b:
            project, wish_ids = _build(a, size)
            import_package(b, _copy(export_package(a, project)))
            same = wish_ids[:conflicting]
            _edit(a, same, wish_ids[conflicting:2 * conflicting], "A")
            _edit(b, same, wish_ids[2 * conflicting:3 * conflicting], "B")
            from_b = write_package(b, project, folder / "b.json")
        runs = []
        for run in range(2 if quick else 3):
            path = folder / f"run{run}.sqlite3"
            shutil.copyfile(a_path, path)
            with opened(path) as store:
                start = time.perf_counter()
                result = import_package_file(store, from_b)
                runs.append(time.perf_counter() - start)
            assert result.conflicts == conflicting, result.conflicts
        floors = [_diverged_floor(folder, a_path, same, wish_ids, conflicting, n)
                  for n in range(2 if quick else 3)]
    return [Figure(
        "merge", f"two diverged workshops: {size:,} wishes, {conflicting:,} conflicting "
                 f"edits, {2 * conflicting:,} others", statistics.median(runs), "s",
        floor=statistics.median(floors),
        floor_name=f"bare sqlite3 reading {size:,} wishes, updating {2 * conflicting:,}, "
                   f"inserting {conflicting:,} conflicts",
        goal=DIVERGED_GOAL_S, peak_mb=max_rss_mb(),
        note=f"peak memory goal ≤ {DIVERGED_GOAL_MB:g} MB (the process, setup included)")]


def _diverged_floor(folder: Path, a_path: Path, same: list[str], wish_ids: list[str],
                    conflicting: int, run: int) -> float:
    path = folder / f"floor{run}.sqlite3"
    shutil.copyfile(a_path, path)
    now = "2026-12-05 20:00:00.000000"
    changed = [*same, *wish_ids[2 * conflicting:3 * conflicting]]
    connection = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        with connection:
            connection.execute("SELECT * FROM wish").fetchall()
            connection.executemany("UPDATE wish SET text = text || ' B', updated_at = ? "
                                   "WHERE id = ?", [(now, wish_id) for wish_id in changed])
            connection.executemany(
                "INSERT INTO merge_conflict (id, table_name, row_id, field, kept_value, "
                "kept_stamp, other_value, other_stamp, source, created_at) "
                "VALUES (?, 'wish', ?, 'text', '\"x\"', 's', '\"y\"', 's', 'b.json', ?)",
                [(new_id(), wish_id, now) for wish_id in same])
        return time.perf_counter() - start
    finally:
        connection.close()


if __name__ == "__main__":
    for figure in [*evening(), *diverged()]:
        print(f"{figure.name}: {figure.value:.3f} s (floor {figure.floor:.3f} s)")
