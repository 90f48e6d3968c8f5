"""The Exportera page's preview: building and typesetting the minutes' pages.

    uv run python -m benchmarks.minutes_preview [--quick]

The figure is one rebuild as the page does it (store → MinutesDocument → laid-out
QTextDocument with its page count); the floor is building the MinutesDocument
alone, which the preview cannot skip. The preview rebuilds in the GUI thread after
a pause in the edits, so a rebuild is how long the window is busy once.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Figure
from benchmarks.minutes import generated_workshop, open_store, sample_workshop
from facilitator.services.core import Store

GOAL_SAMPLE_S = 0.3
GOAL_LARGE_S = 1.5


def _best(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _measure(store: Store, workshop_id: str, repeats: int) -> tuple[float, float, int]:
    from facilitator.minutes.build import build_minutes
    from facilitator.minutes.model import MinutesOptions
    from facilitator.ui.minutes_preview import typeset_minutes

    options = MinutesOptions(show_votes=True)
    pages = 0

    def rebuild() -> None:
        nonlocal pages
        pages = typeset_minutes(build_minutes(store, workshop_id, options)).pageCount()

    seconds = _best(rebuild, repeats)
    floor = _best(lambda: build_minutes(store, workshop_id, options), repeats)
    return seconds, floor, pages


def collect(quick: bool = False) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - fonts need it
    repeats = 1 if quick else 3
    wishes, groups = (500, 5) if quick else (10_000, 40)
    floor_name = "building the MinutesDocument alone"
    with tempfile.TemporaryDirectory(prefix="preview-bench-") as tmp:
        store = open_store(Path(tmp))
        try:
            sample = _measure(store, sample_workshop(store), repeats)
            large = _measure(store, generated_workshop(store, wishes, groups), repeats)
        finally:
            store.close()
    return [
        Figure("minutes_preview", "preview rebuild: the sample's closing session", sample[0],
               "s", sample[1], floor_name, GOAL_SAMPLE_S, "max",
               note=f"best of {repeats}; {sample[2]} pages"),
        Figure("minutes_preview", f"preview rebuild: {wishes} wishes in {groups} groups",
               large[0], "s", large[1], floor_name, GOAL_LARGE_S, "max",
               note=f"best of {repeats}; {large[2]} pages"),
    ]


def main(argv: list[str]) -> int:
    for figure in collect("--quick" in argv):
        print(f"{figure.name}: {figure.value:.3f} s (floor {figure.floor:.3f} s, "
              f"goal {figure.goal_text()}) {figure.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
