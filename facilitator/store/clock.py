"""A hybrid logical clock: version stamps that order edits across laptops (#14).

A stamp is ``<wall ms, 12 hex>-<counter, 4 hex>-<device id>``; stamps compare
correctly as plain strings. The clock never goes backwards: a new stamp is
later than every stamp this database made or has seen, whatever the laptop's
wall clock says. Seeing a package's stamps (``observe``) moves the clock past
them, so an edit made after seeing a version always wins over that version,
even on a borrowed laptop whose clock is days behind.

Wall-clock time is still the first part, so on laptops with sane clocks the
order is the order in which people typed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

WALL_DIGITS, COUNTER_DIGITS = 12, 4
MAX_COUNTER = 16**COUNTER_DIGITS - 1
# A stamp further ahead of this laptop's clock than this is refused when observed: a
# package from a laptop whose clock says 2090 must not push every later edit to 2090.
MAX_DRIFT_MS = 366 * 24 * 3600 * 1000
STAMP = re.compile(r"^([0-9a-f]{12})-([0-9a-f]{4})-([0-9a-zA-Z-]{1,64})$")


class StampError(ValueError):
    """A stamp that is malformed, or too far ahead of this laptop's clock to trust."""


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.wall_ms:0{WALL_DIGITS}x}-{self.counter:0{COUNTER_DIGITS}x}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        match = STAMP.match(text)
        if match is None:
            raise StampError(f"not a version stamp: {text!r}")
        return cls(int(match.group(1), 16), int(match.group(2), 16), match.group(3))


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """The clock of one database (``device``), starting after ``last`` (its saved stamp)."""

    def __init__(self, device: str, last: str | None = None,
                 now: Callable[[], int] = wall_ms) -> None:
        self.device = device
        self._now = now
        self._wall, self._counter = 0, 0
        if last:
            stamp = Stamp.parse(last)
            self._wall, self._counter = stamp.wall_ms, stamp.counter

    @property
    def last(self) -> str:
        return str(Stamp(self._wall, self._counter, self.device))

    def tick(self) -> str:
        """A new stamp, later than every stamp made or observed before."""
        physical = self._now()
        if physical > self._wall:
            self._wall, self._counter = physical, 0
        elif self._counter < MAX_COUNTER:
            self._counter += 1
        else:  # 65,536 stamps in one millisecond: borrow the next one
            self._wall, self._counter = self._wall + 1, 0
        return self.last

    def observe(self, text: str) -> None:
        """Move past a stamp seen in a package, so the next tick is later than it."""
        stamp = Stamp.parse(text)
        if stamp.wall_ms > self._now() + MAX_DRIFT_MS:
            raise StampError(f"the stamp {text!r} lies more than a year in the future")
        if (stamp.wall_ms, stamp.counter) > (self._wall, self._counter):
            self._wall, self._counter = stamp.wall_ms, stamp.counter
