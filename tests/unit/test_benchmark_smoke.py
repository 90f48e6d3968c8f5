"""The benchmarks still run (tiny sizes, no timing assertions): they cannot rot."""

from __future__ import annotations

from benchmarks import minutes


def test_minutes_benchmark_runs_with_tiny_sizes() -> None:
    results = minutes.run(wishes=40, groups=3, repeats=1)
    assert [r.name for r in results] == ["sample", "40 wishes"]
    assert all(r.seconds > 0 and r.direct_seconds > 0 and r.size_kb > 0 for r in results)
    text = minutes.table(results)
    assert "ratio" in text and "40 wishes" in text
    assert isinstance(minutes.verdict(results), list)


def test_benchmark_entry_point_lists_minutes() -> None:
    from benchmarks.__main__ import BENCHMARKS

    assert "benchmarks.minutes" in BENCHMARKS
