"""Store benchmarks: ``uv run python -m benchmarks.store [--quick]``.

add_wish: adding a wish through the service (validation, ORM, one durable
commit: WAL + synchronous=FULL) with 10,000 wishes stored. Floor: the same
row INSERTed and committed with the sqlite3 module on a copy of the same
database (same schema, triggers and pragmas). Goal: p95 ≤ 15 ms.

big_store: 1,000 workshops and 200,000 wishes (plus their projects, agenda
items, groups and people). Opening it (open_database: revision check, engine,
exclusive lock), listing the projects (list_projects) and full-text search
(search.search over Swedish queries). Floors: sqlite3.connect with the same
pragmas and a first read; plain SELECTs of the same project and workshop
rows; the bare FTS5 MATCH … ORDER BY rank LIMIT 50. Goal: search p95 ≤ 50 ms.
The big database takes a while to build; it is kept in the temp folder
(keyed by schema head and sizes) and reused by later runs.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Figure, percentile

GOAL_ADD_P95_MS = 15.0
GOAL_SEARCH_P95_MS = 50.0
BUILD_VERSION = 2  # bump when the generated content changes

# Words a facilitator in a Swedish village hall hears all evening.
_WORDS = (
    "lekplats busshållplats cykelväg skolan äldreboendet bredband föreningshuset badplatsen "
    "belysning trafiksäkerhet ungdomsgården biblioteket hemtjänsten fiber vägunderhåll "
    "snöröjning mötesplats turism företagande bostäder hyresrätter kollektivtrafik "
    "förskolan vårdcentralen livsmedelsbutik återvinning elljusspår skoterled hamnen "
    "bygdegården kulturarvet midsommar festplatsen näringsliv arbetstillfällen pendling "
    "laddstolpar gatubelysning trygghet grannsamverkan fritidsgård idrottsplatsen "
    "badstranden vandringsled fiskevård skogsbruk jordbruk närproducerat marknad "
    "sommarcafé konstnärer hembygdsföreningen församlingen kyrkan vägföreningen "
    "samfälligheten informationstavla hemsida kommunen politikerna tjänstepersoner "
    "samverkan ideella eldsjälar nyinflyttade pensionärer ungdomar barnfamiljer"
)
WORDS = _WORDS.split()
FILLER = ("vi vill ha mer av", "det behövs", "önskar bättre", "viktigt med", "satsa på",
          "fler aktiviteter kring", "bevara", "utveckla", "längre öppettider för",
          "säkrare", "billigare", "tillgänglig")
QUERIES = ("lekplats", "cykelväg", "bredband fiber", "äldreboendet", "skola", "trafik",
           "bygdegården", "hemtjänsten", "ungdom", "badplatsen", "kollektivtrafik pendling",
           "snöröjning", "mötesplats", "företag", "grannsamverkan trygghet", "återvinning",
           "hamnen", "vårdcentralen", "midsommar", "laddstolpar", "näringsliv", "förskolan",
           "Lillsjö", "vandringsled", "kulturarvet")


def _text(rng: random.Random, words: int) -> str:
    picked = rng.sample(WORDS, words)
    return f"{rng.choice(FILLER).capitalize()} {' '.join(picked)}"


def _now() -> dt.datetime:
    return dt.datetime(2026, 3, 12, 18, 0)


def _setup_env(folder: Path) -> None:
    os.environ.setdefault("FACILITATOR_DATA_DIR", str(folder / "data"))


def build_database(path: Path, workshops: int, wishes: int, seed: int = 7) -> dict[str, int]:
    """A migrated database with ``workshops`` workshops and ``wishes`` wishes, bulk-inserted.

    Rows go in through SQLAlchemy Core executemany in one transaction per
    table, through the real schema, so the FTS triggers index everything as
    they would after a year of evenings.
    """
    from sqlalchemy import insert

    from facilitator.store.migrate import open_database
    from facilitator.store.models import Group, Person, Project, Section, Wish, Workshop

    rng = random.Random(seed)
    engine = open_database(path)
    projects = max(1, workshops // 20)
    groups_per_workshop = 4
    people = min(2_000, max(10, workshops * 2))
    now = _now()

    def rows(n: int, make: Callable[[int], dict]) -> list[dict]:  # type: ignore[type-arg]
        return [{"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                 "created_at": now, "updated_at": now, **make(i)} for i in range(n)]

    try:
        with engine.begin() as conn:
            project_rows = rows(projects, lambda i: {
                "name": f"{rng.choice(WORDS).capitalize()} framåt {i + 1}",
                "description": _text(rng, 6)})
            conn.execute(insert(Project), project_rows)
            conn.execute(insert(Person), rows(people, lambda i: {
                "name": f"Person {i + 1} {rng.choice(('Öberg', 'Åström', 'Lindqvist', 'Näslund'))}",
                "title": "", "email": "", "phone": "", "note": ""}))
            workshop_rows = rows(workshops, lambda i: {
                "project_id": project_rows[i % projects]["id"],
                "title": f"Workshop {i + 1}: {rng.choice(WORDS)} och {rng.choice(WORDS)}",
                "kind": "workshop", "status": "held",
                "date": dt.date(2020, 1, 1) + dt.timedelta(days=i % 2000),
                "lead": _text(rng, 5)})
            conn.execute(insert(Workshop), workshop_rows)
            conn.execute(insert(Section), rows(workshops * 3, lambda i: {
                "workshop_id": workshop_rows[i // 3]["id"], "position": i % 3,
                "heading": ("Inledning", "Nuläge", "Grupparbete")[i % 3],
                "body": _text(rng, 12), "kind": "text" if i % 3 < 2 else "group_work"}))
            group_rows = rows(workshops * groups_per_workshop, lambda i: {
                "workshop_id": workshop_rows[i // groups_per_workshop]["id"],
                "position": i % groups_per_workshop,
                "name": f"Grupp {i % groups_per_workshop + 1}"})
            conn.execute(insert(Group), group_rows)
            batch: list[dict] = []  # type: ignore[type-arg]
            per_group = max(1, wishes // len(group_rows))
            for i in range(wishes):
                group = group_rows[min(i // per_group, len(group_rows) - 1)]
                batch.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                              "created_at": now, "updated_at": now, "group_id": group["id"],
                              "position": i % per_group, "text": _text(rng, rng.randint(2, 5)),
                              "votes": rng.randint(0, 12), "status": "open"})
                if len(batch) == 5_000:
                    conn.execute(insert(Wish), batch)
                    batch = []
            if batch:
                conn.execute(insert(Wish), batch)
    finally:
        engine.dispose()
    return {"projects": projects, "workshops": workshops, "groups": len(group_rows),
            "wishes": wishes, "people": people}


def cached_database(workshops: int, wishes: int) -> tuple[Path, float | None]:
    """The big database from the temp-folder cache, built when missing: (path, build s)."""
    from facilitator.store.migrate import head_revision

    cache = Path(tempfile.gettempdir()) / "facilitator-bench-store"
    cache.mkdir(exist_ok=True)
    path = cache / f"store-{head_revision()}-v{BUILD_VERSION}-{workshops}w-{wishes}.sqlite3"
    if path.exists():
        return path, None
    for stale in cache.glob(f"store-*-{workshops}w-{wishes}.sqlite3*"):  # older schema
        stale.unlink()
    partial = path.with_suffix(".partial")
    for leftover in cache.glob(partial.name + "*"):
        leftover.unlink()
    start = time.perf_counter()
    build_database(partial, workshops, wishes)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    return path, time.perf_counter() - start


def _raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the store's pragmas (the floors use it)."""
    from facilitator.store.db import PRAGMAS

    conn = sqlite3.connect(path, isolation_level=None)
    for name, value in PRAGMAS:
        conn.execute(f"PRAGMA {name}={value}")
    return conn


def _times(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


# ----- add a wish with 10,000 stored -------------------------------------------------

def add_wish(quick: bool = False) -> list[Figure]:
    from sqlalchemy import select

    from facilitator.services import wishes as wish_service
    from facilitator.services.core import Store
    from facilitator.store.migrate import open_database
    from facilitator.store.models import Group

    stored = 300 if quick else 10_000
    runs = 20 if quick else 300
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        folder = Path(tmp)
        _setup_env(folder)
        path = folder / "add.sqlite3"
        build_database(path, workshops=max(1, stored // 200), wishes=stored)
        copy = folder / "floor.sqlite3"
        shutil.copy(path, copy)
        store = Store(open_database(path))
        try:
            with store.read() as session:
                group_id = session.scalars(select(Group.id).order_by(Group.id)).first()
            assert group_id is not None
            rng = random.Random(3)
            texts = [_text(rng, 4) for _ in range(runs + 5)]
            for text in texts[:5]:  # warm caches and compiled statements
                wish_service.add_wish(store, group_id, text)
            it = iter(texts[5:])
            service = _times(lambda: wish_service.add_wish(store, group_id, next(it)), runs)
        finally:
            store.close()
        conn = _raw(copy)
        try:
            position = [conn.execute("SELECT count(*) FROM wish WHERE group_id = ?",
                                     (group_id,)).fetchone()[0]]
            now = _now().isoformat(sep=" ")

            def raw_add() -> None:
                conn.execute("BEGIN")
                conn.execute(
                    "INSERT INTO wish (id, created_at, updated_at, group_id, position, text, "
                    "votes, status, note) VALUES (?,?,?,?,?,?,?,?,?)",
                    (str(uuid.uuid4()), now, now, group_id, position[0], texts[position[0] % 5],
                     0, "open", ""))
                conn.execute("COMMIT")
                position[0] += 1

            for _ in range(5):
                raw_add()
            floor = _times(raw_add, runs)
        finally:
            conn.close()
    name = f"add a wish through the service, {stored:,} stored"
    return [
        Figure("store", f"{name}: p50", percentile(service, 50), "ms", percentile(floor, 50),
               "sqlite3 INSERT + durable COMMIT, same schema and pragmas"),
        Figure("store", f"{name}: p95", percentile(service, 95), "ms", percentile(floor, 95),
               "sqlite3 INSERT + durable COMMIT, same schema and pragmas",
               GOAL_ADD_P95_MS, "max", note=f"{runs} adds, each its own fsync'ed transaction"),
    ]


# ----- a big store --------------------------------------------------------------------

def big_store(quick: bool = False) -> list[Figure]:
    from facilitator.services.core import Store
    from facilitator.services.projects import list_projects
    from facilitator.services.search import fts_query, search
    from facilitator.store.migrate import open_database

    workshops, wishes = (20, 2_000) if quick else (1_000, 200_000)
    runs = 3 if quick else 15
    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        _setup_env(Path(tmp))
        path, built = cached_database(workshops, wishes)
        size_mb = path.stat().st_size / 1e6

        def open_close() -> None:
            Store(open_database(path)).close()

        open_close()
        opened = _times(open_close, runs)
        store = Store(open_database(path))
        try:
            listed = _times(lambda: list_projects(store), runs)
            for q in QUERIES[:3]:
                search(store, q)  # warm the page cache
            searched = []
            hits = 0
            for _ in range(1 if quick else 3):
                for q in QUERIES:
                    start = time.perf_counter()
                    hits += len(search(store, q))
                    searched.append((time.perf_counter() - start) * 1000)
        finally:
            store.close()
        # Floors: plain sqlite3 on the same file, after the store let go of its lock.
        from facilitator.store.db import PRAGMAS

        def raw_open() -> None:
            conn = sqlite3.connect(path)
            for name, value in PRAGMAS:
                conn.execute(f"PRAGMA {name}={value}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()

        raw_open()
        open_floor = _times(raw_open, runs)
        conn = _raw(path)
        try:
            def raw_list() -> None:
                conn.execute("SELECT id, name, deleted_at FROM project").fetchall()
                conn.execute("SELECT id, project_id, title, date, kind, status, deleted_at "
                             "FROM workshop").fetchall()

            list_floor = _times(raw_list, runs)
            raw_search = []
            for _ in range(1 if quick else 3):
                for q in QUERIES:
                    start = time.perf_counter()
                    conn.execute("SELECT rowid FROM search_index WHERE search_index MATCH ? "
                                 "ORDER BY rank LIMIT 50", (fts_query(q),)).fetchall()
                    raw_search.append((time.perf_counter() - start) * 1000)
        finally:
            conn.close()
    scale = f"{workshops:,} workshops, {wishes:,} wishes"
    note = (f"{size_mb:.0f} MB database" + (f", built in {built:.0f} s" if built else ", cached"))
    return [
        Figure("store", f"open the store ({scale})", percentile(opened, 50), "ms",
               percentile(open_floor, 50), "sqlite3.connect + pragmas + first read",
               note=f"median of {runs}; {note}"),
        Figure("store", f"list projects and workshops ({scale}): p95", percentile(listed, 95),
               "ms", percentile(list_floor, 95), "plain SELECT of the same rows",
               note=f"{runs} listings"),
        Figure("store", f"full-text search ({scale}): p50", percentile(searched, 50), "ms",
               percentile(raw_search, 50), "bare FTS5 MATCH … ORDER BY rank LIMIT 50"),
        Figure("store", f"full-text search ({scale}): p95", percentile(searched, 95), "ms",
               percentile(raw_search, 95), "bare FTS5 MATCH … ORDER BY rank LIMIT 50",
               GOAL_SEARCH_P95_MS, "max",
               note=f"{len(searched)} searches over {len(QUERIES)} Swedish queries, "
                    f"{hits / max(1, len(searched)):.0f} hits on average (limit 50)"),
    ]


def collect(quick: bool = False) -> list[Figure]:
    return add_wish(quick) + big_store(quick)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    parts = [a for a in argv if not a.startswith("-")] or ["add_wish", "big_store"]
    for part in parts:
        for f in {"add_wish": add_wish, "big_store": big_store}[part](quick):
            ratio = f" ×{f.ratio:.1f}" if f.ratio else ""
            print(f"{f.name}: {f.value:.2f} {f.unit} (floor {f.floor:.2f}{ratio}; "
                  f"goal {f.goal_text()}) {f.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
