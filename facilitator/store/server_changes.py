"""Other users' changes on a shared server, announced in open windows (#15).

Every write on the server sends, in its own transaction, a NOTIFY naming the
change kinds and row ids it committed; PostgreSQL delivers it to the other
connections only when (and if) that transaction commits. Each open window
LISTENs on its own connection, in a thread, and hands what it hears to the
store's listeners: the change bus then refreshes the pages as for a local edit.
A store ignores its own notifications (it has announced them already).
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

CHANNEL = "facilitator_changes"
# A NOTIFY payload is at most 8000 bytes: ids (36 characters each) go in batches.
IDS_PER_NOTICE = 150
LISTEN_TIMEOUT_S = 0.5  # how often the thread looks whether it should stop

log = logging.getLogger(__name__)


def payloads(origin: str, kinds: set[str], ids: set[str]) -> Iterator[str]:
    """The NOTIFY payloads of one commit: its kinds with every batch of its ids."""
    ordered = sorted(ids)
    for start in range(0, max(len(ordered), 1), IDS_PER_NOTICE):
        yield json.dumps({"origin": origin, "kinds": sorted(kinds),
                          "ids": ordered[start:start + IDS_PER_NOTICE]},
                         separators=(",", ":"))


def parse(payload: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """(origin, kinds, ids) of a payload, or None for one that is not ours."""
    try:
        data = json.loads(payload)
        return (str(data["origin"]), frozenset(map(str, data["kinds"])),
                frozenset(map(str, data["ids"])))
    except (ValueError, KeyError, TypeError):
        return None


class ChangeListener:
    """A thread that LISTENs on its own connection and calls ``deliver(kinds, ids)``
    for every change another store committed."""

    def __init__(self, conninfo: str, origin: str,
                 deliver: Callable[[frozenset[str], frozenset[str]], None]) -> None:
        self.conninfo, self.origin, self.deliver = conninfo, origin, deliver
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="facilitator-listen",
                                        daemon=True)

    def start(self, wait_s: float = 10.0) -> None:
        """Start listening; returns once LISTEN is in place (or the wait is over)."""
        self._thread.start()
        self._ready.wait(wait_s)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True,
                                     application_name="Facilitator (listening)") as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._ready.set()
                    self._listen(connection)
            except psycopg.Error as exc:  # the server went away: try again, quietly
                log.warning("Listening for other users' changes stopped: %s", exc)
                self._ready.set()
                self._stop.wait(2.0)

    def _listen(self, connection: Any) -> None:
        while not self._stop.is_set():
            for notice in connection.notifies(timeout=LISTEN_TIMEOUT_S):
                parsed = parse(notice.payload)
                if parsed is not None and parsed[0] != self.origin:
                    self.deliver(parsed[1], parsed[2])


def new_origin() -> str:
    return str(uuid.uuid4())
