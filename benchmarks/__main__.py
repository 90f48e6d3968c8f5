"""Run every benchmark module listed in BENCHMARKS (others add theirs here)."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ["benchmarks.minutes", "benchmarks.wish_board"]


def main() -> int:
    status = 0
    for name in BENCHMARKS:
        print(f"== {name}")
        status |= importlib.import_module(name).main([])
    return status


if __name__ == "__main__":
    sys.exit(main())
