"""Other users' changes reach an open store within 2 s on a server (#15)."""

from __future__ import annotations

import time

from facilitator.services import groups, projects, wishes, workshops
from facilitator.services.core import Change
from facilitator.store.server_changes import IDS_PER_NOTICE, parse, payloads


def test_a_big_commit_is_told_in_batches_that_fit_a_notice() -> None:
    ids = {f"{n:08d}-0000-4000-8000-000000000000" for n in range(IDS_PER_NOTICE * 2 + 1)}
    sent = list(payloads("me", {"wish"}, ids))
    assert len(sent) == 3 and all(len(p.encode()) < 8000 for p in sent)
    parsed = [parse(p) for p in sent]
    assert set().union(*(p[2] for p in parsed if p)) == ids
    assert parse("not json") is None and parse('{"origin": 1}') is None



def _heard_within(heard: list[Change], row_id: str, seconds: float) -> bool:
    """Whether a change naming ``row_id`` arrives within ``seconds`` (polled)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(row_id in change.ids for change in list(heard)):
            return True
        time.sleep(0.02)
    return False


def test_a_wish_added_by_one_user_is_announced_to_the_other(colleagues) -> None:  # type: ignore[no-untyped-def]
    åsa, göran = colleagues
    heard_by_göran: list[Change] = []
    heard_by_åsa: list[Change] = []
    göran.subscribe(heard_by_göran.append)
    åsa.subscribe(heard_by_åsa.append)
    göran.listen_for_others()
    åsa.listen_for_others()
    project = projects.create_project(åsa, "Ängsö framåt")
    workshop = workshops.create_workshop(åsa, project, "Kväll i bygdegården")
    group = groups.create_group(åsa, workshop, name="Grupp ett")
    wish = wishes.add_wish(åsa, group, "Bänkar vid ån")
    assert _heard_within(heard_by_göran, wish, 2.0), "Göran's store heard nothing in 2 s"
    assert [(c.kinds, c.by_others) for c in heard_by_göran if wish in c.ids] == [
        (frozenset({"wish"}), True)]
    own = sum(wish in c.ids for c in heard_by_åsa)
    assert own == 1  # Åsa's own commit, announced once: her listener skips its echo
    wishes.set_text(göran, wish, "Fler bänkar vid ån")
    deadline = time.monotonic() + 2.0
    while sum(wish in c.ids for c in heard_by_åsa) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sum(wish in c.ids for c in heard_by_åsa) == 2, "Åsa did not hear Göran's edit"
