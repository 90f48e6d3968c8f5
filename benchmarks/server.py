"""The shared store on a PostgreSQL server (#15): ``uv run python -m benchmarks --only server``.

Runs against the server named by FACILITATOR_TEST_POSTGRES_URL; each part makes
its own database (CREATE DATABASE, migrated by open_server_database) and drops
it afterwards. Without the variable it gives no figures, only a note.

- add a wish through the service (insert_wish, add_wish): p95 ≤ 15 ms; floor: a
  bare psycopg INSERT + COMMIT of one row.
- search (services/search.search) with 200,000 wishes: p95 ≤ 50 ms; floor: the
  bare tsvector query over the same indexed expression, LIMIT 50.
- sync of an evening: synchronise with 500 rows changed on the laptop (a SQLite
  store that took the project offline): ≤ 1 s; floor: the same 500 rows
  inserted with bare psycopg in one transaction.
- 10 users adding wishes at once for 60 s: no acknowledged wish lost, p95 ≤ 50 ms;
  floor: 10 bare psycopg connections doing INSERT + COMMIT for as long.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import make_url

from benchmarks.common import Figure, percentile
from benchmarks.store import FILLER, WORDS

URL_VARIABLE = "FACILITATOR_TEST_POSTGRES_URL"
GOAL_ADD_P95_MS = 15.0
GOAL_SEARCH_P95_MS = 50.0
GOAL_SYNC_S = 1.0
GOAL_USERS_P95_MS = 50.0
# Words the search queries look for, put among the generated wishes' words.
SEARCHED = ("föreningen", "föreningarna", "bänkar", "parkbänk", "bänken", "cykelvägen",
            "cykelväg", "idrottsföreningen")
QUERIES = ("förening", "bänk", "cykelväg", "lekplats", "bredband fiber", "äldreboendet",
           "bygdegården", "trafik", "ungdom", "snöröjning")
_numbers = itertools.count()


# --- databases on the server ---------------------------------------------------------

def _url(base: str, database: str) -> str:
    return make_url(base).set(database=database).render_as_string(hide_password=False)


def _admin(base: str) -> psycopg.Connection[Any]:
    return psycopg.connect(_url(base, "postgres"), autocommit=True)


@contextmanager
def fresh_database(base: str) -> Iterator[str]:
    """The address of a new database migrated to head; dropped afterwards."""
    from facilitator.store.server import open_server_database

    name = f"facilitator_bench_{os.getpid()}_{next(_numbers)}"
    with _admin(base) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = _url(base, name)
        open_server_database(url).dispose()
        yield url
    finally:
        with _admin(base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def server_store(url: str) -> Iterator[Any]:
    from facilitator.services.core import Store
    from facilitator.store.server import make_server_engine

    store = Store(make_server_engine(url))
    try:
        yield store
    finally:
        store.close()


def _workshop_groups(store: Any, groups: int) -> tuple[str, list[str]]:
    """A project, one workshop and ``groups`` groups, made through the services."""
    from facilitator.services import groups as group_service
    from facilitator.services import projects, workshops

    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    return project, [group_service.create_group(store, workshop, name=f"Grupp {n + 1}")
                     for n in range(groups)]


def _text(rng: random.Random, words: int) -> str:
    picked = rng.sample(WORDS, words)
    if rng.random() < 0.25:  # a quarter of the wishes speak of a searched word
        picked[rng.randrange(words)] = rng.choice(SEARCHED)
    return f"{rng.choice(FILLER).capitalize()} {' '.join(picked)}"


def _times(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


_INSERT = ("INSERT INTO wish (id, created_at, updated_at, group_id, position, text, votes, "
           "status, note, versions) VALUES (%s, %s, %s, %s, %s, %s, 0, 'open', '', %s)")


def _bare_row(group_id: str, position: float, text: str) -> tuple[Any, ...]:
    from facilitator.store.clock import Stamp, wall_ms
    from facilitator.store.versions import written

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stamp = str(Stamp(wall_ms(), 0, "bench"))
    return (str(uuid.uuid4()), now, now, group_id, position, text,
            written(None, (), stamp, None, new=True))


# --- 1. add a wish --------------------------------------------------------------------

def add_wish(base: str, quick: bool) -> list[Figure]:
    from facilitator.services import wish_fast_paths, wishes

    runs = 15 if quick else 300
    rng = random.Random(3)
    texts = [_text(rng, 4) for _ in range(2 * runs + 10)]
    it = iter(texts)
    with fresh_database(base) as url:
        with server_store(url) as store:
            _, (fast_group, orm_group) = _workshop_groups(store, 2)
            for _ in range(5):  # warm the pool and the compiled statements
                wish_fast_paths.insert_wish(store, fast_group, next(it))
                wishes.add_wish(store, orm_group, next(it))
            fast = _times(lambda: wish_fast_paths.insert_wish(store, fast_group, next(it)), runs)
            orm = _times(lambda: wishes.add_wish(store, orm_group, next(it)), runs)
        with psycopg.connect(url) as conn:
            position = itertools.count(10_000)

            def bare() -> None:
                conn.execute(_INSERT, _bare_row(fast_group, next(position), texts[0]))
                conn.commit()

            for _ in range(5):
                bare()
            floor = _times(bare, runs)
    floor_name = "psycopg INSERT of one wish row + COMMIT"
    note = f"{runs} adds, each its own committed transaction"
    return [
        Figure("server", "add a wish on the server, insert_wish: p95", percentile(fast, 95),
               "ms", percentile(floor, 95), floor_name, GOAL_ADD_P95_MS, "max",
               note=f"{note}; p50 {percentile(fast, 50):.2f} ms (floor "
                    f"{percentile(floor, 50):.2f} ms)"),
        Figure("server", "add a wish on the server, add_wish: p95", percentile(orm, 95), "ms",
               percentile(floor, 95), floor_name, GOAL_ADD_P95_MS, "max",
               note=f"{note}; p50 {percentile(orm, 50):.2f} ms"),
    ]


# --- 2. search 200,000 wishes ---------------------------------------------------------

def fill_wishes(url: str, group_ids: list[str], count: int, seed: int = 7) -> float:
    """``count`` wishes COPYed into the groups, versions set as the app sets them;
    the search index is built once afterwards, then ANALYZE. Returns seconds."""
    from facilitator.store.clock import Stamp, wall_ms
    from facilitator.store.versions import written

    rng = random.Random(seed)
    start = time.perf_counter()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    base_ms = wall_ms() - count
    per_group = max(1, count // len(group_ids))
    with psycopg.connect(url) as conn:
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'wish' "
            "AND indexname = 'search_wish'").fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        with conn.cursor().copy(
                "COPY wish (id, created_at, updated_at, group_id, position, text, votes, "
                "status, note, versions) FROM STDIN") as copy:
            for i in range(count):
                stamp = str(Stamp(base_ms + i, 0, "bench"))
                copy.write_row((str(uuid.UUID(int=rng.getrandbits(128), version=4)), now, now,
                                group_ids[min(i // per_group, len(group_ids) - 1)],
                                float(i % per_group + 1), _text(rng, rng.randint(2, 5)),
                                rng.randint(0, 12), "open", "",
                                written(None, (), stamp, None, new=True)))
        for _, definition in indexes:
            conn.execute(definition)
        conn.commit()
        conn.autocommit = True
        conn.execute("ANALYZE")
    return time.perf_counter() - start


def search(base: str, quick: bool) -> list[Figure]:
    from facilitator.services.search import query_words
    from facilitator.services.search import search as search_service
    from facilitator.services.search_server import ts_query

    count = 2_000 if quick else 200_000
    rounds = 1 if quick else 5
    with fresh_database(base) as url:
        with server_store(url) as store:
            _, group_ids = _workshop_groups(store, 4 if quick else 40)
        filled = fill_wishes(url, group_ids, count)
        with server_store(url) as store:
            for q in QUERIES[:3]:
                search_service(store, q)  # warm the pool and the server's cache
            searched, hits = [], 0
            for _ in range(rounds):
                for q in QUERIES:
                    start = time.perf_counter()
                    hits += len(search_service(store, q))
                    searched.append((time.perf_counter() - start) * 1000)
        bare_sql = ("SELECT id FROM wish AS t WHERE search_document "
                    "@@ to_tsquery('swedish', %s) LIMIT 50")
        # Not the floor, but where the time goes: ranking every match, as the search
        # does before its LIMIT (from the stored document).
        ranked_sql = ("SELECT id FROM wish AS t, to_tsquery('swedish', %s) AS q "
                      "WHERE search_document @@ q "
                      "ORDER BY ts_rank(search_document, q) DESC LIMIT 50")
        floor, ranked = [], []
        with psycopg.connect(url, autocommit=True) as conn:
            for q in QUERIES[:3]:
                conn.execute(bare_sql, (ts_query(query_words(q)),)).fetchall()
            for _ in range(rounds):
                for q in QUERIES:
                    start = time.perf_counter()
                    conn.execute(bare_sql, (ts_query(query_words(q)),)).fetchall()
                    floor.append((time.perf_counter() - start) * 1000)
                    start = time.perf_counter()
                    conn.execute(ranked_sql, (ts_query(query_words(q)),)).fetchall()
                    ranked.append((time.perf_counter() - start) * 1000)
    floor_name = "bare tsvector @@ to_tsquery('swedish', …) LIMIT 50 over the indexed expression"
    name = f"search on the server, {count:,} wishes"
    return [
        Figure("server", f"{name}: p50", percentile(searched, 50), "ms",
               percentile(floor, 50), floor_name),
        Figure("server", f"{name}: p95", percentile(searched, 95), "ms",
               percentile(floor, 95), floor_name, GOAL_SEARCH_P95_MS, "max",
               note=f"{len(searched)} searches over {len(QUERIES)} Swedish queries "
                    f"({', '.join(QUERIES[:3])}, …), {hits / max(1, len(searched)):.0f} hits "
                    f"on average (limit 50); filled by COPY + index + ANALYZE in "
                    f"{filled:.0f} s; the bare query ranked (ts_rank over every match, "
                    f"ORDER BY … LIMIT 50) alone takes p95 {percentile(ranked, 95):.1f} ms"),
    ]


# --- 3. sync of an evening ------------------------------------------------------------

def sync_evening(base: str, quick: bool) -> list[Figure]:
    from facilitator.interchange.sync import synchronise, take_offline
    from facilitator.services import wishes
    from facilitator.services.core import Store
    from facilitator.store.migrate import open_database

    changed = 20 if quick else 500
    rng = random.Random(5)
    with tempfile.TemporaryDirectory(prefix="server-bench-") as tmp, \
            fresh_database(base) as url, server_store(url) as server:
        os.environ.setdefault("FACILITATOR_DATA_DIR", str(Path(tmp) / "data"))
        project, group_ids = _workshop_groups(server, 4)
        existing = [wishes.add_wish(server, group_ids[i % 4], _text(rng, 3))
                    for i in range(changed // 2)]
        laptop = Store(open_database(Path(tmp) / "laptop.sqlite3"))
        try:
            take_offline(server, laptop, [project])
            for wish_id in existing:
                wishes.set_text(laptop, wish_id, _text(rng, 4))
            for i in range(changed - len(existing)):
                wishes.add_wish(laptop, group_ids[i % 4], _text(rng, 4))
            start = time.perf_counter()
            result = synchronise(laptop, server)
            took = time.perf_counter() - start
        finally:
            laptop.close()
        assert result.project_ids == [project], result
        with psycopg.connect(url) as conn:
            rows = [_bare_row(group_ids[i % 4], 1000.0 + i, _text(rng, 4))
                    for i in range(changed)]
            start = time.perf_counter()
            with conn.cursor() as cursor:
                cursor.executemany(_INSERT, rows)
            conn.commit()
            floor = time.perf_counter() - start
    return [Figure(
        "server", f"sync of an evening: {changed} rows changed on the laptop", took, "s",
        floor, f"the same {changed} wish rows inserted with bare psycopg, one transaction",
        GOAL_SYNC_S, "max",
        note=f"{len(existing)} wishes edited and {changed - len(existing)} added on a SQLite "
             f"laptop that took the project offline; synchronise both ways")]


# --- 4. users adding wishes at once ---------------------------------------------------

def _run_users(users: int, seconds: float,
               add: Callable[[int], Callable[[str], object]]) -> tuple[list[float], int, int]:
    """``users`` threads each calling its adder until the time is up, pausing 50–150 ms
    between adds as someone typing the next wish does (without the pause the ten
    threads measured Python's lock between them, not the server):
    (latencies ms, successful calls, failed calls)."""
    latencies: list[list[float]] = [[] for _ in range(users)]
    failures = [0] * users
    ready = threading.Barrier(users + 1)

    def user(n: int) -> None:
        adder = add(n)
        rng = random.Random(n)
        ready.wait()
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            start = time.perf_counter()
            try:
                adder(_text(rng, 3))
            except Exception:  # noqa: BLE001 - a failed add is counted, not fatal
                failures[n] += 1
                continue
            latencies[n].append((time.perf_counter() - start) * 1000)
            time.sleep(rng.uniform(0.05, 0.15))

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for t in threads:
        t.start()
    ready.wait()
    for t in threads:
        t.join()
    flat = [x for per_user in latencies for x in per_user]
    return flat, len(flat), sum(failures)


def concurrent_users(base: str, quick: bool) -> list[Figure]:
    from facilitator.services import wish_fast_paths

    users, seconds = (2, 2.0) if quick else (10, 60.0)
    with fresh_database(base) as url:
        with server_store(url) as store:
            _, group_ids = _workshop_groups(store, users)
        stores: list[Any] = []

        def service_adder(n: int) -> Callable[[str], object]:
            from facilitator.services.core import Store
            from facilitator.store.server import make_server_engine

            store = Store(make_server_engine(url))
            stores.append(store)
            # The first connection and compiled statements before the clock starts.
            wish_fast_paths.insert_wish(store, group_ids[n], "Uppvärmning")
            return lambda text: wish_fast_paths.insert_wish(store, group_ids[n], text)

        try:
            service, acknowledged, failed = _run_users(users, seconds, service_adder)
        finally:
            for s in stores:
                s.close()
        warmups = users
        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT count(*) FROM wish").fetchone()
            stored = (row[0] if row else 0) - warmups
        connections: list[psycopg.Connection[Any]] = []

        def bare_adder(n: int) -> Callable[[str], object]:
            conn = psycopg.connect(url)
            connections.append(conn)
            position = itertools.count(100_000)

            def add(text: str) -> None:
                conn.execute(_INSERT, _bare_row(group_ids[n], next(position), text))
                conn.commit()

            return add

        try:
            floor, _, _ = _run_users(users, seconds, bare_adder)
        finally:
            for c in connections:
                c.close()
    lost = max(0, acknowledged - stored)
    scale = f"{users} users adding wishes for {seconds:.0f} s"
    floor_name = f"{users} bare psycopg connections doing INSERT + COMMIT as long"
    return [
        Figure("server", f"{scale}: p95", percentile(service, 95), "ms",
               percentile(floor, 95), floor_name, GOAL_USERS_P95_MS, "max",
               note=f"{acknowledged:,} adds through insert_wish, each its own Store and "
                    f"group, 50–150 ms between a user's adds; "
                    f"p50 {percentile(service, 50):.2f} ms (floor "
                    f"{percentile(floor, 50):.2f} ms); {len(floor):,} bare adds"),
        Figure("server", f"{scale}: adds acknowledged / rows stored", acknowledged, "adds",
               stored, "the wish rows found in the database afterwards", 1.0, "ratio",
               note=f"{lost} acknowledged wishes lost, {failed} calls failed",
               extra={"lost": float(lost), "failed": float(failed)}),
    ]


def collect(quick: bool = False) -> list[Figure]:
    base = os.environ.get(URL_VARIABLE, "")
    if not base:
        print(f"No PostgreSQL server: set {URL_VARIABLE}=postgresql://user@host:port/postgres "
              "to measure the shared store (add a wish, search, sync, concurrent users).")
        return []
    return (add_wish(base, quick) + search(base, quick) + sync_evening(base, quick)
            + concurrent_users(base, quick))


if __name__ == "__main__":
    for figure in collect("--quick" in sys.argv):
        print(figure)
