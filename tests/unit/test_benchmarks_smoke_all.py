"""Every benchmark runs with tiny sizes (no timing goals asserted), so none can rot.

`python -m benchmarks` runs each entry of BENCHMARKS in its own process; this
runs each the same way with --quick and checks it gives figures beside floors.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from benchmarks import __main__ as runner
from benchmarks.common import Figure, percentile

PRESENT = [entry for entry in runner.BENCHMARKS if runner.exists(entry)]


def test_every_benchmark_of_the_issue_is_listed() -> None:
    for entry in ("benchmarks.startup", "benchmarks.store:add_wish",
                  "benchmarks.store:big_store", "benchmarks.minutes", "benchmarks.wish_board"):
        assert entry in runner.BENCHMARKS


@pytest.mark.parametrize("entry", PRESENT)
def test_benchmark_runs_in_quick_mode(entry: str) -> None:
    start = time.perf_counter()
    result = runner.run_entry(entry, quick=True)
    took = time.perf_counter() - start
    assert not result["error"], result["error"]
    assert result["figures"] or result["text"]
    for figure in result["figures"]:
        assert figure.value > 0 and figure.unit
        assert figure.floor is not None and figure.floor > 0, figure.name
        assert figure.floor_name
    if result["figures"]:
        assert result["peak_mb"] is None or result["peak_mb"] >= 0
    assert took < 60, f"{entry} took {took:.0f} s in quick mode"


def test_report_has_machine_figures_floors_and_keeps_history(tmp_path: Path) -> None:
    figure = Figure("store", "search p95", 42.0, "ms", 21.0, "bare FTS5", 50.0, "max")
    missed = Figure("startup", "start", 900.0, "ms", 500.0, "bare window", 1.25, "ratio")
    results = [{"entry": "benchmarks.x", "seconds": 1.0, "figures": [figure, missed],
                "peak_mb": 80.0, "text": "", "error": ""},
               {"entry": "benchmarks.y", "seconds": 1.0, "figures": [], "peak_mb": None,
                "text": "case  p95\ngoals missed: p95 36 ms > 16 ms", "error": ""}]
    text = runner.markdown(results, quick=True, extra_sections="## History\n\nBefore: 2 s.")
    assert "| search p95 | 42.0 ms | 21.0 ms | 2.00× | ≤ 50 ms | yes |" in text
    assert "1.80×" in text and "**no**" in text
    for label in ("CPU", "cores", "RAM", "OS", "Python", "Qt"):
        assert f"| {label} |" in text
    assert "benchmarks.y: p95 36 ms > 16 ms" in text
    report = tmp_path / "BENCHMARKS.md"
    report.write_text(text, encoding="utf-8")
    assert runner._keep_history(report).strip().startswith("## History")


def test_percentile_interpolates() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([0.0, 10.0], 95) == pytest.approx(9.5)
    assert percentile([7.0], 95) == 7.0
