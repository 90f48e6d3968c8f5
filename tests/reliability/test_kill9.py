"""kill -9 at random moments: every acknowledged edit survives, the file stays sound.

A child process (child_editor.py, forked from a server that has imported
the app once) edits through the services and prints ``ACK`` after each call
has returned. The harness kills it with SIGKILL at a random moment, 20–400 ms
after it has opened the database, then opens the database the way
the app does, runs ``PRAGMA integrity_check`` and checks that every ACKed
edit holds its value. The same database is used for every run, so the
checks cover everything acknowledged in all earlier runs too.

Runs: FACILITATOR_KILL_RUNS (default 30, about 10 s; 500 on demand).
Seed: FACILITATOR_KILL_SEED (default: random, shown on failure).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from facilitator.services import groups, projects, workshops
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.text import clean_text

CHILD = Path(__file__).with_name("child_editor.py")
SINGLE_LINE = {"heading", "name"}
QUERIES = {
    ("wish", "text"): "SELECT text FROM wish WHERE id = :id",
    ("wish", "votes"): "SELECT votes FROM wish WHERE id = :id",
    ("section", "heading"): "SELECT heading FROM section WHERE id = :id",
    ("section", "body"): "SELECT body FROM section WHERE id = :id",
    ("person", "name"): "SELECT name FROM person WHERE id = :id",
    ("attendance", "status"):
        "SELECT status FROM attendance WHERE person_id = :id AND workshop_id = :workshop",
    ("workshop", "lead"): "SELECT lead FROM workshop WHERE id = :id",
}

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def _normal(field: str, value: object) -> object:
    if isinstance(value, str):
        return clean_text(value, multiline=field not in SINGLE_LINE)
    return value


class Ledger:
    """What the child acknowledged (last ACK per value) and what it was trying since."""

    def __init__(self) -> None:
        self.acked: dict[tuple[str, str, str], object] = {}
        self.pending: dict[tuple[str, str, str], list[object]] = {}
        self.acks = 0

    def read(self, output: str) -> None:
        for line in output.splitlines():
            tag, _, payload = line.partition(" ")
            if tag not in ("TRY", "ACK"):
                continue
            try:
                kind, row_id, field, value = json.loads(payload)
            except ValueError:
                continue  # a line cut by the kill: never an ACK that was complete
            if row_id is None:
                continue  # a creation: only its ACK names the row
            key = (kind, row_id, field)
            if tag == "TRY":
                self.pending.setdefault(key, []).append(_normal(field, value))
            else:
                self.acks += 1
                self.acked[key] = _normal(field, value)
                self.pending.pop(key, None)

    def verify(self, store: Store, workshop_id: str) -> None:
        with store.read() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert session.execute(text("PRAGMA foreign_key_check")).fetchall() == []
            for (kind, row_id, field), value in self.acked.items():
                stored = session.execute(text(QUERIES[kind, field]),
                                         {"id": row_id, "workshop": workshop_id}).scalar()
                allowed = [value, *self.pending.get((kind, row_id, field), [])]
                assert stored in allowed, f"{kind} {row_id} {field}: {stored!r} not in acked"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_ready(out: Path, pid: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if out.exists() and b"READY" in out.read_bytes():
            return
        if not _alive(pid):
            raise AssertionError(f"editor exited early: {out.read_text('utf-8', 'replace')}")
        time.sleep(0.002)
    raise AssertionError("editor never became ready")


def _kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while _alive(pid):  # the server ignores SIGCHLD, so the dead editor is reaped at once
        assert time.monotonic() < deadline, "killed editor did not go away"
        time.sleep(0.001)


def test_kill9_never_loses_an_acknowledged_edit(db_path: Path, tmp_path: Path) -> None:
    runs = int(os.environ.get("FACILITATOR_KILL_RUNS", "30"))
    seed = int(os.environ.get("FACILITATOR_KILL_SEED", str(random.randrange(10**6))))
    rng = random.Random(seed)
    store = Store(open_database(db_path))
    project = projects.create_project(store, "Ängsö")
    workshop = workshops.create_workshop(store, project, "Vårmöte")
    group = groups.create_group(store, workshop, name="Grupp 1")
    store.close()

    server = subprocess.Popen(
        [sys.executable, str(CHILD), str(db_path), workshop, group],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert server.stdin is not None and server.stdout is not None
    ledger = Ledger()
    kills = 0
    try:
        assert server.stdout.readline().strip() == "SERVING"
        for run in range(runs):
            out = tmp_path / f"editor-{run}.out"
            server.stdin.write(f"{rng.randrange(10**9)} {out}\n")
            server.stdin.flush()
            tag, pid_text = server.stdout.readline().split()
            assert tag == "PID"
            pid = int(pid_text)
            try:
                _wait_ready(out, pid)
                time.sleep(rng.uniform(0.020, 0.400))
                assert _alive(pid), out.read_text("utf-8", "replace")
            finally:
                if _alive(pid):
                    _kill(pid)
            kills += 1
            ledger.read(out.read_text("utf-8", "replace"))
            reopened = Store(open_database(db_path))
            try:
                ledger.verify(reopened, workshop)
            except AssertionError as exc:
                raise AssertionError(f"run {run}, FACILITATOR_KILL_SEED={seed}: {exc}") from exc
            finally:
                reopened.close()
            out.unlink()
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    print(f"\nkill -9: {kills} kills survived, {ledger.acks} acknowledged edits checked "
          f"({len(ledger.acked)} distinct values), seed {seed}")
    assert kills == runs
    assert ledger.acks > runs  # the child really did edit between kills
