"""A child process for the kill -9 harness: edits through the services until it is killed.

Usage: python child_editor.py DB WORKSHOP_ID GROUP_ID

It imports the app's modules once, then serves the harness: for each line
``SEED OUTFILE`` on stdin it forks an editor process, answers ``PID <pid>``
and reads the next line. (Forking from an imported parent makes a run cost
milliseconds instead of a second of imports; no database connection exists
before the fork, so each editor opens the database itself, as the app does.)

The editor opens the database, prints ``READY`` to OUTFILE and edits through
the services forever. Before each service call it prints ``TRY <json>``;
after the call has returned (the transaction is committed) it prints
``ACK <json>``, written at once. The JSON is ``[kind, row_id, field, value]``;
a created row's id is only known after the commit, so its TRY has row_id
null. The harness kills the editor with SIGKILL at a random moment and checks
that every ACKed edit is in the database.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
from pathlib import Path

ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöÅÄÖé 🦆\n-*"


def _say(tag: str, record: list[object]) -> None:
    sys.stdout.write(f"{tag} {json.dumps(record, ensure_ascii=True)}\n")
    sys.stdout.flush()


def _text(rng: random.Random, size: int | None = None) -> str:
    n = size if size is not None else rng.choice((5, 20, 80, 400, 3000))
    words = "".join(rng.choice(ALPHABET) for _ in range(n)).strip()
    return f"{rng.randrange(10**9)} {words}".strip()


def serve() -> None:
    db, workshop_id, group_id = sys.argv[1:4]
    import facilitator.services.people
    import facilitator.services.sections
    import facilitator.services.wishes
    import facilitator.services.workshops
    import facilitator.store.migrate  # noqa: F401 - imported once, before forking

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed editors are reaped at once
    print("SERVING", flush=True)
    for line in sys.stdin:
        seed, out = line.split(maxsplit=1)
        pid = os.fork()
        if pid == 0:
            fd = os.open(out.strip(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            try:
                edit(db, int(seed), workshop_id, group_id)
            finally:
                os._exit(1)
        print(f"PID {pid}", flush=True)


def edit(db: str, seed: int, workshop_id: str, group_id: str) -> None:
    from facilitator.services import people, sections, wishes, workshops
    from facilitator.services.core import Store
    from facilitator.store.migrate import open_database

    rng = random.Random(seed)
    store = Store(open_database(Path(db)))
    wish_ids = [w.id for w in wishes.list_wishes(store, group_id)]
    section_ids = [s.id for s in sections.list_sections(store, workshop_id)]
    person_ids = [p.id for p in people.list_people(store)]
    print("READY", flush=True)

    def create(kind: str, field: str, value: object, call) -> str:  # type: ignore[no-untyped-def]
        _say("TRY", [kind, None, field, value])
        row_id = call()
        _say("ACK", [kind, row_id, field, value])
        return row_id

    def change(kind: str, row_id: str, field: str, value: object, call) -> None:  # type: ignore[no-untyped-def]
        _say("TRY", [kind, row_id, field, value])
        call()
        _say("ACK", [kind, row_id, field, value])

    while True:
        op = rng.randrange(8)
        if op == 0 or not wish_ids:
            value = _text(rng)
            wish_ids.append(create("wish", "text", value,
                                   lambda v=value: wishes.add_wish(store, group_id, v)))
        elif op == 1:
            wid, value = rng.choice(wish_ids), _text(rng)
            change("wish", wid, "text", value, lambda w=wid, v=value: wishes.set_text(store, w, v))
        elif op == 2:
            wid, value = rng.choice(wish_ids), rng.randrange(100)
            change("wish", wid, "votes", value,
                   lambda w=wid, v=value: wishes.set_votes(store, w, v))
        elif op == 3 or not section_ids:
            value = _text(rng, 30)
            section_ids.append(create("section", "heading", value,
                                      lambda v=value: sections.add_section(store, workshop_id,
                                                                           v)))
        elif op == 4:
            sid, value = rng.choice(section_ids), _text(rng)
            change("section", sid, "body", value,
                   lambda s=sid, v=value: sections.set_body(store, s, v))
        elif op == 5 or not person_ids:
            value = _text(rng, 20)
            person_ids.append(create("person", "name", value,
                                     lambda v=value: people.create_person(store, v)))
        elif op == 6:
            pid, value = rng.choice(person_ids), rng.choice(["invited", "attended", "absent"])
            change("attendance", pid, "status", value,
                   lambda p=pid, v=value: people.set_attendance(store, workshop_id, p, v))
        else:
            value = _text(rng)
            change("workshop", workshop_id, "lead", value,
                   lambda v=value: workshops.update_workshop(store, workshop_id, lead=v))


if __name__ == "__main__":
    serve()
