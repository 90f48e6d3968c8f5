"""The hybrid logical clock: stamps never go backwards and outrun what was seen (#14)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.store.clock import MAX_DRIFT_MS, HybridClock, Stamp, StampError

DAY_MS = 24 * 3600 * 1000
NOW = 1_790_000_000_000  # a wall clock in 2026, in ms


class Wall:
    """A laptop's wall clock that the test moves (forwards, backwards, by days)."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@given(st.lists(st.integers(min_value=-3 * DAY_MS, max_value=3 * DAY_MS), max_size=60))
def test_stamps_only_grow_whatever_the_wall_clock_does(jumps: list[int]) -> None:
    wall = Wall(NOW)
    clock = HybridClock("laptop-a", now=wall)
    stamps = [clock.tick()]
    for jump in jumps:
        wall.ms = max(0, wall.ms + jump)
        stamps.append(clock.tick())
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert [Stamp.parse(s) for s in stamps] == sorted(Stamp.parse(s) for s in stamps)


@given(skew_days=st.integers(min_value=-30, max_value=30),
       edits=st.integers(min_value=1, max_value=20))
def test_an_edit_after_seeing_a_version_wins_even_on_a_wrong_clock(skew_days: int,
                                                                  edits: int) -> None:
    """Laptop B's clock is days off; B sees A's version, edits, and B's stamp is later."""
    a = HybridClock("laptop-a", now=Wall(NOW))
    seen = [a.tick() for _ in range(edits)][-1]
    b = HybridClock("laptop-b", now=Wall(NOW + skew_days * DAY_MS))
    b.observe(seen)
    assert b.tick() > seen


def test_the_clock_resumes_after_its_saved_stamp() -> None:
    wall = Wall(NOW)
    first = HybridClock("laptop-a", now=wall)
    saved = [first.tick() for _ in range(3)][-1]
    wall.ms -= DAY_MS  # the laptop's clock was set back overnight
    again = HybridClock("laptop-a", last=saved, now=wall)
    assert again.tick() > saved


def test_a_stamp_far_in_the_future_is_refused_and_changes_nothing() -> None:
    clock = HybridClock("laptop-a", now=Wall(NOW))
    before = clock.tick()
    future = str(Stamp(NOW + MAX_DRIFT_MS + DAY_MS, 0, "laptop-b"))
    with pytest.raises(StampError):
        clock.observe(future)
    assert Stamp.parse(clock.tick()).wall_ms < NOW + DAY_MS and clock.last > before


@pytest.mark.parametrize("text", ["", "12-34-x", "0000000000zz-0000-a", "x" * 200])
def test_malformed_stamps_are_refused(text: str) -> None:
    with pytest.raises(StampError):
        Stamp.parse(text)


def test_many_stamps_in_one_millisecond_stay_ordered() -> None:
    clock = HybridClock("laptop-a", now=Wall(NOW))
    stamps = [clock.tick() for _ in range(70_000)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
