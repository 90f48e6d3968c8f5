"""The wish board benchmark still runs (tiny sizes, no timing assertions): it cannot rot."""

from __future__ import annotations

import pytest

from benchmarks import wish_board


@pytest.fixture(autouse=True)
def _collect_qt_wrappers():
    import gc

    yield
    gc.collect()


def test_wish_board_benchmark_runs_with_tiny_sizes(qapp) -> None:
    results = wish_board.run(wishes=60, groups=3, presses=3)
    assert [r.name for r in results] == [
        "board: Enter → committed + painted", "board, full list repaint",
        "board with drafts on: Enter → painted", "service: insert_wish alone",
        "floor: bare sqlite3 INSERT + commit"]
    assert all(len(r.samples_ms) == 3 and r.p50 > 0 and r.p95 >= r.p50 for r in results)
    text = wish_board.table(results, 60, 3)
    assert "p95/floor" in text and "60 wishes" in text
    assert isinstance(wish_board.verdict(results), list)


def test_benchmark_entry_point_lists_the_wish_board() -> None:
    from benchmarks.__main__ import BENCHMARKS

    assert "benchmarks.wish_board" in BENCHMARKS
