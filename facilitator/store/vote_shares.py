"""Votes that add up across laptops: each database's share of a wish's votes (#14).

A wish's ``votes`` is the sum of its ``vote_shares`` (JSON: device id → [count,
stamp]). A database only ever writes its own share: setting the votes to N
there makes its share N minus the others' shares. Merging takes, device by
device, the share with the newer stamp, so votes given on two laptops add up,
and undoing a vote on one laptop never takes away another's.

Votes given before shares existed (NULL) are one "legacy" share, written at
the wish's ``updated_at``.
"""

from __future__ import annotations

import datetime as dt
import json

from facilitator.store.versions import LEGACY_DEVICE, legacy_stamp

Shares = dict[str, tuple[int, str]]  # device → (its count, when it was set)


def parse(text: str | None, votes: int, updated_at: dt.datetime | None) -> Shares:
    if not text:
        return {LEGACY_DEVICE: (votes, legacy_stamp(updated_at))} if votes else {}
    data = json.loads(text)
    return {str(device): (int(entry[0]), str(entry[1])) for device, entry in data.items()}


def dump(shares: Shares) -> str | None:
    if not shares:
        return None
    return json.dumps({d: [c, s] for d, (c, s) in sorted(shares.items())},
                      separators=(",", ":"))


def total(shares: Shares) -> int:
    return max(0, sum(count for count, _ in shares.values()))


def after_setting(shares: Shares, votes: int, device: str, stamp: str) -> Shares:
    """The shares once this database set the wish's votes to ``votes``."""
    others = sum(count for d, (count, _) in shares.items() if d != device)
    return {**shares, device: (votes - others, stamp)}


def merged(first: Shares, second: Shares) -> Shares:
    """Device by device, the newer share: the same in either order."""
    result = dict(first)
    for device, (count, stamp) in second.items():
        if device not in result or (stamp, count) > (result[device][1], result[device][0]):
            result[device] = (count, stamp)
    return result
