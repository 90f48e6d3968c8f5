"""The workshop timer counts from a monotonic clock, not from its ticks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.ui import platform_helpers
from facilitator.ui.timer import WorkshopTimer, format_mmss

ROOT = Path(__file__).resolve().parents[2]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000

    def __call__(self) -> int:
        return self.now

    def advance(self, ms: int) -> None:
        self.now += ms


class FakeInhibitor:
    def __init__(self) -> None:
        self.held = False
        self.acquired = 0

    def acquire(self) -> bool:
        self.held = True
        self.acquired += 1
        return True

    def release(self) -> None:
        self.held = False


@pytest.fixture
def chimes(monkeypatch) -> list[str]:
    played: list[str] = []
    monkeypatch.setattr(platform_helpers, "play_chime", lambda *a: played.append("chime"))
    return played


@pytest.fixture
def parts(qapp, chimes):
    clock, inhibitor = FakeClock(), FakeInhibitor()
    timer = WorkshopTimer(clock=clock, inhibitor=inhibitor)
    yield timer, clock, inhibitor
    timer.shutdown()


def test_format_rounds_up_so_zero_means_time_is_up():
    assert format_mmss(600_000) == "10:00"
    assert format_mmss(59_001) == "01:00"
    assert format_mmss(1) == "00:01"
    assert format_mmss(0) == "00:00"
    assert format_mmss(-5) == "00:00"


def test_remaining_comes_from_the_clock_even_when_ticks_stall(parts):
    timer, clock, inhibitor = parts
    timer.set_minutes(5)
    timer.start()
    assert timer.is_running() and inhibitor.held
    clock.advance(90_500)  # no tick ran: the event loop was busy
    assert timer.remaining_ms() == 5 * 60_000 - 90_500
    assert timer.text() == "03:30"


def test_pause_keeps_the_time_and_resume_continues(parts):
    timer, clock, inhibitor = parts
    timer.set_minutes(2)
    seen: list[tuple[int, bool]] = []
    timer.changed.connect(lambda ms, running: seen.append((ms, running)))
    timer.start()
    clock.advance(30_000)
    timer.pause()
    assert not timer.is_running() and not inhibitor.held
    assert seen[-1] == (90_000, False)
    clock.advance(600_000)  # a long coffee break does not count
    assert timer.remaining_ms() == 90_000
    assert timer.is_active()
    timer.start()
    assert inhibitor.held
    clock.advance(10_000)
    assert timer.remaining_ms() == 80_000


def test_finished_is_emitted_once_and_releases_the_screen(parts, chimes):
    timer, clock, inhibitor = parts
    timer.set_minutes(1)
    finished: list[int] = []
    timer.finished.connect(lambda: finished.append(1))
    timer.start()
    clock.advance(59_000)
    timer.poll()
    assert finished == [] and timer.text() == "00:01"
    clock.advance(5_000)
    timer.poll()
    timer.poll()
    clock.advance(5_000)
    timer.poll()
    assert finished == [1]
    assert chimes == ["chime"]
    assert timer.is_finished() and not timer.is_running() and not inhibitor.held
    assert timer.remaining_ms() == 0
    assert timer.flash_on  # the first flash comes at once


def test_start_after_finishing_runs_the_full_time_again(parts):
    timer, clock, _ = parts
    timer.set_minutes(1)
    timer.start()
    clock.advance(61_000)
    timer.poll()
    timer.start()
    assert timer.remaining_ms() == 60_000 and not timer.flash_on


def test_reset_stops_and_restores_the_full_time(parts):
    timer, clock, inhibitor = parts
    timer.set_minutes(3)
    timer.start()
    clock.advance(45_000)
    timer.reset()
    assert not timer.is_running() and not inhibitor.held
    assert timer.remaining_ms() == 180_000 and not timer.is_active()
    clock.advance(45_000)
    assert timer.remaining_ms() == 180_000


def test_set_minutes_while_running_changes_only_the_next_run(parts):
    timer, clock, _ = parts
    timer.set_minutes(10)
    timer.start()
    clock.advance(1_000)
    timer.set_minutes(3)
    assert timer.remaining_ms() == 599_000
    timer.reset()
    assert timer.remaining_ms() == 180_000


def test_minutes_are_clamped(parts):
    timer, _, _ = parts
    timer.set_minutes(0)
    assert timer.minutes == 1
    timer.set_minutes(10_000)
    assert timer.minutes == 180


def test_the_real_clock_reaches_zero(qtbot, chimes):
    """With the real clock and event loop: a tiny duration ends and flashes."""
    inhibitor = FakeInhibitor()
    timer = WorkshopTimer(inhibitor=inhibitor)
    timer._duration_ms = timer._remaining_ms = 300  # a short run for the test
    flashes: list[bool] = []
    timer.flash_changed.connect(flashes.append)
    with qtbot.waitSignal(timer.finished, timeout=3000):
        timer.start()
    qtbot.waitUntil(lambda: len(flashes) >= 3, timeout=3000)
    assert flashes[:3] == [True, False, True]
    assert chimes == ["chime"]
    timer.shutdown()
    assert not timer.flash_on


def test_chime_matches_its_generator(tmp_path):
    out = tmp_path / "chime.wav"
    subprocess.run([sys.executable, str(ROOT / "resources" / "sounds" / "make_chime.py"),
                    str(out)], check=True, capture_output=True)
    committed = ROOT / "resources" / "sounds" / "chime.wav"
    assert out.read_bytes() == committed.read_bytes()
    assert committed.stat().st_size < 100_000


def test_play_chime_falls_back_to_a_beep(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(platform_helpers.shutil, "which", lambda name: None)
    monkeypatch.setattr(platform_helpers.sys, "platform", "linux")
    assert platform_helpers.play_chime(tmp_path / "missing.wav") == "beep"
    assert platform_helpers.play_chime() == "beep"


def test_sleep_inhibitor_is_a_quiet_no_op_without_helpers(qapp, monkeypatch):
    monkeypatch.setattr(platform_helpers.shutil, "which", lambda name: None)
    monkeypatch.setattr(platform_helpers.sys, "platform", "linux")
    inhibitor = platform_helpers.SleepInhibitor()
    monkeypatch.setattr(inhibitor, "_acquire_dbus", lambda: None)
    assert inhibitor.acquire() is False
    inhibitor.release()  # nothing held: nothing to do, no error
    assert not inhibitor.held
