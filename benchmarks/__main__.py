"""Every benchmark of the project, one command: ``uv run python -m benchmarks``.

    uv run python -m benchmarks            # full sizes; writes docs/BENCHMARKS.md
    uv run python -m benchmarks --quick    # tiny sizes, prints only (what the smoke test runs)
    uv run python -m benchmarks --only store   # the entries whose name contains "store"
    uv run python -m benchmarks --out FILE.md  # write the report elsewhere

Each entry of BENCHMARKS runs in a fresh Python process, so the peak memory
reported beside it is that benchmark's own. An entry is "module" or
"module:function"; the function (default ``collect``) takes ``quick`` and
returns a list of benchmarks.common.Figure. A module with only ``main(argv)``
(the older style) is run as ``python -m module [--quick]`` and its printed
output goes into the report as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Figure, machine

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "BENCHMARKS.md"

# Others add theirs here (benchmarks.wish_board is run when it exists).
BENCHMARKS = [
    "benchmarks.startup",
    "benchmarks.store:add_wish",
    "benchmarks.store:big_store",
    "benchmarks.wish_board",
    "benchmarks.minutes",
    "benchmarks.minutes_preview",
    "benchmarks.follow_up",
    "benchmarks.merge:evening",
    "benchmarks.merge:diverged",
    "benchmarks.server",
]

_CHILD = r"""
import importlib, json, sys
from benchmarks.common import max_rss_mb
module, function, quick = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
figures = getattr(importlib.import_module(module), function)(quick)
print("@@FIGURES@@" + json.dumps({"figures": [f.to_dict() for f in figures],
                                 "peak_mb": max_rss_mb()}))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def exists(entry: str) -> bool:
    module = entry.split(":")[0]
    return importlib.util.find_spec(module) is not None


def run_entry(entry: str, quick: bool) -> dict:  # type: ignore[type-arg]
    """Run one entry in a child process: its figures, peak MB, seconds and any text."""
    module, _, function = entry.partition(":")
    start = time.perf_counter()
    mod_source = importlib.util.find_spec(module)
    has_collect = True
    if not function:
        # Look for collect() without importing the module here (it may import Qt).
        assert mod_source is not None and mod_source.origin is not None
        has_collect = "def collect(" in Path(mod_source.origin).read_text(encoding="utf-8")
        function = "collect"
    if has_collect:
        cmd = [sys.executable, "-c", _CHILD, module, function, "1" if quick else "0"]
    else:
        cmd = [sys.executable, "-m", module, *(["--quick"] if quick else [])]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=ROOT)
    seconds = time.perf_counter() - start
    result = {"entry": entry, "seconds": seconds, "figures": [], "peak_mb": None, "text": "",
              "error": ""}
    if proc.returncode != 0:
        result["error"] = (proc.stderr or proc.stdout)[-3000:]
        return result
    if has_collect:
        line = next(x for x in proc.stdout.splitlines() if x.startswith("@@FIGURES@@"))
        data = json.loads(line[len("@@FIGURES@@"):])
        result["figures"] = [Figure.from_dict(f) for f in data["figures"]]
        result["peak_mb"] = data["peak_mb"]
        if not result["figures"]:  # what it printed says why (no server to measure, …)
            result["text"] = "\n".join(
                x for x in proc.stdout.splitlines() if not x.startswith("@@FIGURES@@")).strip()
    else:
        result["text"] = proc.stdout.strip()
    return result


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value:.3f} s"
    if abs(value) >= 100:
        return f"{value:.0f} {unit}".strip()
    if abs(value) >= 10:
        return f"{value:.1f} {unit}".strip()
    return f"{value:.2f} {unit}".strip()


def verdicts(results: list[dict]) -> list[str]:  # type: ignore[type-arg]
    missed = []
    for r in results:
        if r["error"]:
            missed.append(f"{r['entry']} failed")
        for f in r["figures"]:
            if f.met is False:
                missed.append(f"{f.name}: {_num(f.value, f.unit)} (goal {f.goal_text()})")
        for line in r["text"].splitlines():  # modules that print their own verdict
            if line.lower().startswith("goals missed"):
                missed.append(f"{r['entry']}: {line.split(':', 1)[1].strip()}")
    return missed


def markdown(results: list[dict], quick: bool, extra_sections: str = "") -> str:  # type: ignore[type-arg]
    info = machine()
    load = ""
    if hasattr(os, "getloadavg"):
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "# Benchmarks",
        "",
        "Written by `uv run python -m benchmarks`"
        + (" --quick (tiny sizes: not the real figures)" if quick else "")
        + f" on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}. Every figure stands beside "
        "its floor, measured in the same run on the same machine: the floor is what the "
        "same work costs with nothing of ours in the way, so the ratio says what our code "
        "adds. Peak memory is each benchmark process's peak resident set (ru_maxrss).",
        "",
        "## The machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in info.items()),
        *( [f"| load average at the end (1/5/15 min) | {load} |"] if load else []),
        "",
        "## Figures",
        "",
        "| benchmark | figure | floor | ratio | goal | met | peak memory |",
        "|---|---|---|---|---|---|---|",
    ]
    notes = []
    for r in results:
        for f in r["figures"]:
            met = {True: "yes", False: "**no**", None: "–"}[f.met]
            peak = f.peak_mb if f.peak_mb is not None else r["peak_mb"]
            peak_text = _num(peak, "MB")
            if f.floor_peak_mb is not None:
                peak_text += f" (floor {_num(f.floor_peak_mb, 'MB')})"
            ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "–"
            lines.append(
                f"| {f.name} | {_num(f.value, f.unit)} | {_num(f.floor, f.unit)} "
                f"| {ratio} | {f.goal_text()} | {met} | {peak_text} |")
            if f.floor_name or f.note:
                notes.append(f"- *{f.name}*: floor = {f.floor_name or '–'}"
                             + (f"; {f.note}" if f.note else "") + ".")
    lines += ["", "What each floor is, and how the figure was taken:", "", *notes]
    texts = [r for r in results if r["text"]]
    if texts:
        lines += ["", "## Benchmarks that print their own table", ""]
        for r in texts:
            lines += [f"### {r['entry']}", "", "```", r["text"], "```", ""]
    errors = [r for r in results if r["error"]]
    if errors:
        lines += ["", "## Benchmarks that failed", ""]
        for r in errors:
            lines += [f"### {r['entry']}", "", "```", r["error"].strip(), "```", ""]
    skipped = [e for e in BENCHMARKS if not exists(e)]
    if skipped:
        lines += ["", "Not run (module not present yet): " + ", ".join(skipped) + "."]
    missed = verdicts(results)
    lines += ["", "## Goals", "",
              "All goals met." if not missed else "Missed: " + "; ".join(missed) + "."]
    lines += ["", "Run times: " + ", ".join(f"{r['entry']} {r['seconds']:.0f} s"
                                            for r in results) + "."]
    if extra_sections:
        lines += ["", extra_sections.strip()]
    return "\n".join(lines) + "\n"


def _keep_history(path: Path) -> str:
    """The hand-written part of an existing report (from "## History" on), kept as it is."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    marker = text.find("\n## History")
    return text[marker:] if marker >= 0 else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="tiny sizes; prints only")
    parser.add_argument("--only", default="", help="run only entries containing this text")
    parser.add_argument("--out", type=Path, default=None, help="write the report here")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    results = []
    for entry in BENCHMARKS:
        if args.only and args.only not in entry:
            continue
        if not exists(entry):
            print(f"== {entry}: not present, skipped")
            continue
        print(f"== {entry}", flush=True)
        result = run_entry(entry, args.quick)
        results.append(result)
        for f in result["figures"]:
            ratio = f" ({f.ratio:.2f}× floor {_num(f.floor, f.unit)})" if f.ratio else ""
            met = {True: "", False: "  << goal missed", None: ""}[f.met]
            print(f"   {f.name}: {_num(f.value, f.unit)}{ratio}{met}")
        if result["text"]:
            print("   " + result["text"].replace("\n", "\n   "))
        if result["error"]:
            print("   FAILED:\n" + result["error"])
    out = args.out or (None if args.quick else REPORT)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(markdown(results, args.quick, _keep_history(out)), encoding="utf-8")
        print(f"wrote {out}")
    missed = verdicts(results)
    print("goals met" if not missed else "goals missed: " + "; ".join(missed))
    return 1 if any(r["error"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
