"""What every benchmark shares: a figure beside its floor, percentiles, memory, the machine.

A benchmark module offers ``collect(quick: bool) -> list[Figure]``; the runner
(``python -m benchmarks``) calls it in a fresh process per module, so the peak
memory it reports belongs to that benchmark alone, and writes docs/BENCHMARKS.md.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
from dataclasses import asdict, dataclass, field


@dataclass
class Figure:
    """One measured figure, the floor it is compared with, and its goal.

    ``goal`` is in the figure's unit when ``goal_kind`` is "max", or a ratio to
    the floor when it is "ratio"; None means the figure is only reported.
    """

    benchmark: str
    name: str
    value: float
    unit: str
    floor: float | None = None
    floor_name: str = ""
    goal: float | None = None
    goal_kind: str = "max"  # "max" (value ≤ goal) or "ratio" (value / floor ≤ goal)
    peak_mb: float | None = None
    floor_peak_mb: float | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    @property
    def met(self) -> bool | None:
        if self.goal is None:
            return None
        if self.goal_kind == "ratio":
            ratio = self.ratio
            return None if ratio is None else ratio <= self.goal
        return self.value <= self.goal

    def goal_text(self) -> str:
        if self.goal is None:
            return "–"
        if self.goal_kind == "ratio":
            return f"≤ {self.goal:g}× floor"
        return f"≤ {self.goal:g} {self.unit}"

    def to_dict(self) -> dict:  # type: ignore[type-arg]
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Figure:  # type: ignore[type-arg]
        return cls(**data)


def percentile(values: list[float], pct: float) -> float:
    """The ``pct`` percentile (0–100) by linear interpolation, as numpy's default."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def max_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (0 where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, kB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def machine() -> dict[str, str]:
    """CPU, cores, memory, OS, Python and Qt versions of this run."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ram = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(f.readline().split()[1])
            ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    os_name = platform.platform()
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    pretty = line.split("=", 1)[1].strip().strip('"')
                    os_name = f"{pretty} ({platform.release()})"
    except OSError:
        pass
    info = {
        "CPU": cpu,
        "cores": str(os.cpu_count() or "?"),
        "RAM": ram or "?",
        "OS": os_name,
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
    }
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        info["Qt"] = f"{qVersion()} (PySide6 {PySide6.__version__})"
    except ImportError:
        pass
    import sqlite3

    import sqlalchemy

    info["SQLite"] = sqlite3.sqlite_version
    info["SQLAlchemy"] = sqlalchemy.__version__
    try:
        from importlib.metadata import version

        info["python-docx"] = version("python-docx")
    except Exception:  # noqa: BLE001 - only a label
        pass
    return info
