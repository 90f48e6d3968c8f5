"""The draft keeper and the recovery file: durable within a second, gone when committed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.recovery import RecoveryFile, recovery_path
from facilitator.ui.drafts import WRITE_DELAY_MS, DraftKeeper
from facilitator.ui.timer import WorkshopTimer
from tests.unit.test_timer import FakeClock, FakeInhibitor


@pytest.fixture
def path(tmp_path: Path) -> Path:
    result = recovery_path(tmp_path / "möten.sqlite3")
    assert result is not None
    return result


def _on_disk(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_draft_is_on_disk_within_a_second_and_gone_when_committed(qtbot, path: Path) -> None:
    keeper = DraftKeeper(path)
    keeper.set_draft("wish:g1", "Bättre belysning vid busshållplatsen i Ö")
    assert WRITE_DELAY_MS < 1000
    qtbot.waitUntil(lambda: path.exists(), timeout=1000)
    assert _on_disk(path)["drafts"] == {"wish:g1": "Bättre belysning vid busshållplatsen i Ö"}
    assert path.stat().st_mode & 0o077 == 0  # personal data: readable by the user only
    keeper.set_draft("wish:g1", "")  # the capture line was committed and cleared
    qtbot.waitUntil(lambda: _on_disk(path)["drafts"] == {}, timeout=1000)


def test_drafts_come_back_once_with_a_notice_and_stay_for_rebuilt_fields(qtbot,
                                                                        path: Path) -> None:
    first = DraftKeeper(path)
    first.set_draft("note:s1", "Åsa berättade om **fiberföreningen**")
    first.set_draft("walkin:w1", "Örjan")
    first.flush()
    second = DraftKeeper(path)
    notices: list[int] = []
    second.restored.connect(notices.append)
    assert second.take_for("note:s1", shown="") == "Åsa berättade om **fiberföreningen**"
    assert second.take_for("note:s1", shown="") == "Åsa berättade om **fiberföreningen**"
    assert second.take_for("walkin:w1") == "Örjan"
    assert notices == [1, 2]  # one notice per field, not per rebuild
    assert second.take_for("saknas") is None


def test_a_draft_equal_to_the_stored_text_is_dropped(qtbot, path: Path) -> None:
    keeper = DraftKeeper(path)
    keeper.set_draft("lead:w1", "Välkomna till Lillsjö")
    assert keeper.take_for("lead:w1", shown="Välkomna till Lillsjö") is None
    assert keeper.draft("lead:w1") is None


def test_gdpr_erasure_drops_every_draft_naming_the_person(qtbot, path: Path) -> None:
    keeper = DraftKeeper(path)
    keeper.set_draft("walkin:w1", "Märta Öhman")
    keeper.set_draft("note:s1", "Enligt MÄRTA ÖHMAN behövs fler bänkar")
    keeper.set_draft("wish:g1", "Fler bänkar vid sjön")
    assert keeper.forget_mentions("Märta Öhman") == 2
    assert _on_disk(path)["drafts"] == {"wish:g1": "Fler bänkar vid sjön"}


def test_a_damaged_recovery_file_reads_as_nothing_to_recover(path: Path) -> None:
    path.write_bytes(b'{"format": 1, "drafts": {"wish:g1": "halv')
    assert RecoveryFile(path).read() == {}
    assert DraftKeeper(path).draft("wish:g1") is None


def test_no_file_for_a_database_that_is_not_a_file(qtbot) -> None:
    assert recovery_path(None) is None
    keeper = DraftKeeper(None)
    keeper.set_draft("wish:g1", "bara i minnet")
    keeper.flush()
    assert keeper.draft("wish:g1") == "bara i minnet"


def test_a_recovery_file_that_cannot_be_written_never_breaks_typing(qtbot, tmp_path: Path,
                                                                    caplog) -> None:
    keeper = DraftKeeper(tmp_path / "finns-inte" / "x.recovery.json")
    keeper.set_draft("wish:g1", "text som skrivs")
    keeper.flush()  # logged, not raised
    assert keeper.draft("wish:g1") == "text som skrivs"
    assert "recovery file" in caplog.text


class WallClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _timer(wall: WallClock) -> tuple[WorkshopTimer, FakeClock]:
    clock = FakeClock()
    return WorkshopTimer(clock=clock, inhibitor=FakeInhibitor(), wall=wall, chime=False), clock


def test_a_running_timer_comes_back_running_with_the_time_that_is_left(qapp) -> None:
    wall = WallClock()
    before, clock = _timer(wall)
    before.set_minutes(15)
    before.start()
    clock.advance(60_000)
    wall.now += 60
    state = before.snapshot()
    clock.advance(1_000)
    assert before.snapshot() == state  # nothing to write on every tick
    before.shutdown()
    wall.now += 120  # the app was gone for two minutes
    after, _ = _timer(wall)
    after.restore(json.loads(json.dumps(state)))
    assert after.is_running()
    assert after.remaining_ms() == 12 * 60_000
    assert after.text() == "12:00"
    after.shutdown()


def test_a_paused_timer_comes_back_paused_and_a_finished_one_quietly_finished(qapp) -> None:
    wall = WallClock()
    before, clock = _timer(wall)
    before.set_minutes(5)
    before.start()
    clock.advance(90_000)
    before.pause()
    after, _ = _timer(wall)
    after.restore(before.snapshot())
    assert not after.is_running() and after.is_active()
    assert after.text() == "03:30"

    before.start()
    state = before.snapshot()
    wall.now += 10 * 60  # it ran out while the laptop was off
    late, _ = _timer(wall)
    late.restore(state)
    assert late.is_finished() and not late.is_running() and late.remaining_ms() == 0
    idle, _ = _timer(wall)
    idle.restore({"minutes": 7})
    assert idle.text() == "07:00" and not idle.is_active()
    for timer in (before, after, late, idle):
        timer.shutdown()
