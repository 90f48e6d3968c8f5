"""Start-up benchmark: ``uv run python -m benchmarks.startup [--quick]``.

Measures, in fresh processes (offscreen), the time from launching Python to
the main window painted with the last workshop shown, on a database holding
the sample project. The floor, in the same run and the same way: a bare
PySide6 QMainWindow shown and painted, plus importing what the store needs
(SQLAlchemy, its ORM, and its SQLite dialect and driver). Goal: ≤ 1.25× the
floor. Medians of 7 (1 quick), after one warm-up run of each so the file
cache is equally warm. Only the main window's own events are watched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Figure, median

GOAL_RATIO = 1.25
ROOT = Path(__file__).resolve().parent.parent

# Runs in the child. A QApplication made here is the one the app uses
# (facilitator.app takes QApplication.instance()); QMainWindow.show is wrapped
# so an event filter on the shown window sees its first paint. "PAINTED
# <workshop id> <peak kB> <cpu s>" is printed once the paint sweep that started
# it has finished, then the window is closed.
_PROBE = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

mode, database = sys.argv[1], sys.argv[2]
app = QApplication([sys.argv[0]])
seen = []

def report(window):
    try:
        import resource
        usage = resource.getrusage(resource.RUSAGE_SELF)
        peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    except ImportError:
        import time
        peak, cpu = 0, time.process_time()
    print("PAINTED", getattr(window, "workshop_id", None) or "-", peak, cpu, flush=True)
    window.close()
    QTimer.singleShot(0, app.quit)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if not seen and event.type() == QEvent.Type.Paint and obj.isVisible():
            seen.append(obj)
            QTimer.singleShot(0, lambda: report(obj))
        return False

# Watch only the main window: an application-wide Python event filter would
# wrap every event of every widget in Python, which costs the app (hundreds of
# widgets) far more than the floor's single window, and the real app has none.
watch = FirstPaint()
_show = QMainWindow.show

def show_watched(window):
    window.installEventFilter(watch)
    _show(window)

QMainWindow.show = show_watched
if mode == "app":
    from facilitator.app import main
    code = main(["--db", database])
else:
    # What the store needs: SQLAlchemy, its ORM and the SQLite dialect and driver
    # (create_engine loads the dialect; the store cannot open a file without it).
    # "floor-core" leaves the ORM out: the app loads it only after its first paint.
    import sqlite3, sqlalchemy, sqlalchemy.dialects.sqlite
    if mode == "floor":
        import sqlalchemy.orm
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.resize(1000, 700)
    window.show()
    code = app.exec()
sys.exit(code or 0)
"""

_PREPARE = r"""
import sys
from PySide6.QtWidgets import QApplication
from facilitator.app import configure_application, open_store
from facilitator.interchange.sample import load_sample
from facilitator.services.projects import list_projects
from facilitator.settings import LAST_WORKSHOP, Settings

app = QApplication([sys.argv[0]])
configure_application(app)
store = open_store(sys.argv[1])
project_id = load_sample(store)
project = next(p for p in list_projects(store) if p.id == project_id)
workshop = project.workshops[0].id
store.close()
settings = Settings()
settings.set(LAST_WORKSHOP, workshop)
settings.sync()
print(workshop)
"""


# Compiled bytecode, as an installed program has it: without it every start
# compiles SQLAlchemy from source (PYTHONDONTWRITEBYTECODE=1 on the dev machines
# did exactly that, and tripled both figures). Kept outside the work tree.
PYCACHE = Path(tempfile.gettempdir()) / "facilitator-bench-pycache"


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FACILITATOR_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def launch(mode: str, database: Path, env: dict[str, str]) -> tuple[float, str, float, float]:
    """(seconds from launch to the first paint, workshop shown, peak MB, CPU seconds)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _PROBE, mode, str(database)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    try:
        _out, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        _out, err = child.communicate()
    if not line.startswith("PAINTED"):
        raise RuntimeError(f"{mode} did not paint (exit {child.returncode}):\n{err[-2000:]}")
    _word, shown, peak, cpu = line.split()
    scale = 1 if sys.platform == "darwin" else 1024
    return elapsed, shown, int(peak) * scale / 1e6, float(cpu)


def prepare(folder: Path) -> tuple[Path, str, dict[str, str]]:
    env = _env(folder / "data")
    database = folder / "startup.sqlite3"
    workshop = subprocess.run(
        [sys.executable, "-c", _PREPARE, str(database)],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]
    return database, workshop, env


def measure(runs: int = 7, warm_up: bool = True) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        database, workshop, env = prepare(Path(tmp))
        if warm_up:  # file cache, first backup, .pyc files
            launch("app", database, env)
            launch("floor", database, env)
        app_times, floor_times, app_cpu, floor_cpu, core_times = [], [], [], [], []
        app_peak = floor_peak = 0.0
        for _ in range(runs):  # interleaved, so a noisy moment hits all
            seconds, shown, peak, cpu = launch("app", database, env)
            if shown != workshop:
                raise RuntimeError(f"the window showed {shown!r}, not the last workshop")
            app_times.append(seconds)
            app_cpu.append(cpu)
            app_peak = max(app_peak, peak)
            seconds, _shown, peak, cpu = launch("floor", database, env)
            floor_times.append(seconds)
            floor_cpu.append(cpu)
            floor_peak = max(floor_peak, peak)
            core_times.append(launch("floor-core", database, env)[0])
    return {"app": median(app_times), "floor": median(floor_times),
            "floor_core": median(core_times),
            "app_peak": app_peak, "floor_peak": floor_peak,
            "app_min": min(app_times), "floor_min": min(floor_times),
            "app_cpu": median(app_cpu), "floor_cpu": median(floor_cpu)}


def collect(quick: bool = False) -> list[Figure]:
    m = measure(runs=1 if quick else 7, warm_up=not quick)
    return [Figure(
        "startup", "launch → main window painted with the last workshop",
        m["app"] * 1000, "ms", m["floor"] * 1000,
        "bare PySide6 window painted + import sqlalchemy, its ORM and SQLite dialect",
        GOAL_RATIO, "ratio", m["app_peak"], m["floor_peak"],
        note=f"medians of {1 if quick else 7} interleaved runs, offscreen; "
             f"fastest {m['app_min'] * 1000:.0f} vs {m['floor_min'] * 1000:.0f} ms; "
             f"CPU time {m['app_cpu'] * 1000:.0f} vs {m['floor_cpu'] * 1000:.0f} ms "
             f"(ratio {m['app_cpu'] / m['floor_cpu']:.2f}); against a stricter floor "
             f"without the ORM (the app loads it after its first paint) "
             f"{m['floor_core'] * 1000:.0f} ms, ratio {m['app'] / m['floor_core']:.2f}",
        extra={"cpu_ms": m["app_cpu"] * 1000, "floor_cpu_ms": m["floor_cpu"] * 1000,
               "floor_core_ms": m["floor_core"] * 1000},
    )]


def main(argv: list[str]) -> int:
    for f in collect("--quick" in argv):
        print(f"{f.name}: {f.value:.0f} ms, floor {f.floor:.0f} ms, ratio {f.ratio:.2f} "
              f"(goal {f.goal_text()}); peak {f.peak_mb:.0f} MB vs {f.floor_peak_mb:.0f} MB; "
              f"{f.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
