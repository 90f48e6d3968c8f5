"""Minutes export benchmark: ``uv run python -m benchmarks.minutes [--quick]``.

Exports the sample project's closing session and a generated workshop with
10,000 wishes across 40 groups, each compared with python-docx writing the
same paragraphs directly in the same run (the floor). Goals: sample ≤ 0.5 s,
10k wishes ≤ 5 s, ratio to the direct writer ≤ 1.5×, peak memory ≤ 300 MB.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facilitator.minutes.build import build_minutes
from facilitator.minutes.export import MinutesOptions, export_minutes
from facilitator.minutes.model import Heading, ListBlock, MinutesDocument, Paragraph, Quote, Table
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.store.models import Group, GroupFocusArea, Wish

GOAL_SAMPLE_S, GOAL_LARGE_S, GOAL_RATIO, GOAL_PEAK_MB = 0.5, 5.0, 1.5, 300.0


@dataclass
class Result:
    name: str
    seconds: float
    direct_seconds: float
    peak_mb: float
    size_kb: float
    rss_mb: float = 0.0

    @property
    def ratio(self) -> float:
        return self.seconds / self.direct_seconds if self.direct_seconds else float("inf")


def open_store(folder: Path) -> Store:
    os.environ.setdefault("FACILITATOR_DATA_DIR", str(folder / "data"))
    return Store(open_database(folder / "bench.sqlite3"))


def sample_workshop(store: Store) -> str:
    """The sample's closing session (the sample loader is the colleague's module)."""
    from facilitator.interchange.sample import load_sample
    from facilitator.services.projects import list_projects

    project_id = load_sample(store)
    project = next(p for p in list_projects(store) if p.id == project_id)
    return next(w.id for w in project.workshops if w.kind == "closing_session")


def generated_workshop(store: Store, wishes: int = 10_000, groups: int = 40) -> str:
    """A workshop with ``wishes`` wishes over ``groups`` groups (every 4th has 3 sub-points).

    Rows are inserted in one transaction: 10,000 service calls (each its own
    fsync'ed transaction) would benchmark the disk, not the export.
    """
    from facilitator.services import focus_areas, people, projects, roles, sections, workshops
    from facilitator.services.roles import RoleEntry
    from facilitator.store.vocabulary import RoleKind

    project_id = projects.create_project(store, "Benchmark")
    workshop_id = workshops.create_workshop(
        store, project_id, "Stor workshop", date="2026-03-12", issuing_unit="Kommunkansliet",
    )
    roles.set_roles(store, workshop_id, [RoleEntry(RoleKind.MODERATOR, name="Moderator Modersson"),
                                         RoleEntry(RoleKind.PROJECT_LEADER,
                                                   name="Projektledare Ledarsson")])
    area_ids = [focus_areas.add_focus_area(store, project_id, f"Område {i}", "Berättelse " * 40)
                for i in range(8)]
    sections.add_section(store, workshop_id, "Inledning", "Välkomna **alla**.\n\n- en\n- två")
    sections.add_section(store, workshop_id, "Grupparbete", "", kind="group_work")
    for i in range(30):
        person = people.create_person(store, f"Person {i} Personsson", organisation=f"Org {i % 7}")
        people.set_attendance(store, workshop_id, person)
    with store.write() as tx:
        s = tx.session
        made = 0
        for g in range(groups):
            group = Group(workshop_id=workshop_id, position=g, name=f"Grupp {g + 1}")
            s.add(group)
            s.flush()
            s.add(GroupFocusArea(group_id=group.id, focus_area_id=area_ids[g % 8], position=0))
            share = wishes // groups + (1 if g < wishes % groups else 0)
            position, n = 0, 0
            while n < share:
                parent = Wish(group_id=group.id, position=position, votes=(n * 7) % 11,
                              text=f"Önskemål {made + 1}: mer av det som fungerar i bygden")
                s.add(parent)
                position, n, made = position + 1, n + 1, made + 1
                if position % 4 == 0 and n + 3 <= share:
                    s.flush()
                    for c in range(3):
                        s.add(Wish(group_id=group.id, parent_id=parent.id, position=c,
                                   votes=c, text=f"Delpunkt {c + 1} till önskemål {made}"))
                    n, made = n + 3, made + 3
        tx.changed("wish")
    return workshop_id


def direct_floor(model: MinutesDocument) -> tuple[float, bytes]:
    """python-docx writing the same paragraphs with no structure work: the floor.

    The lean way a careful python-docx user writes a long document: each
    styled paragraph is one w:p/w:pPr/w:pStyle + w:r/w:t built with lxml and
    inserted before the body's w:sectPr, styles looked up once. (The public
    ``Document.add_paragraph`` re-searches the body and the styles on every
    call: quadratic, about 60 s for 10,000 wishes, so no honest floor.) It is
    the same body-element technique our writer uses, minus everything the
    minutes add: lists with numbering, bold/italic runs, header fields, tables.
    """
    from docx import Document
    from docx.oxml.ns import qn
    from lxml import etree

    texts: list[tuple[str, str]] = [("Title", model.title)]
    texts += [("Normal", f"{f.label}\t{f.value}") for f in model.facts]

    def walk_list(block: ListBlock) -> None:
        for item in block.items:
            for spans in item.paragraphs:
                texts.append(("List Paragraph", "".join(s.text for s in spans)))
            for child in item.children:
                walk_list(child)

    for block in [*model.lead, *model.body]:
        if isinstance(block, Heading):
            texts.append((f"Heading {min(block.level, 9)}", block.text))
        elif isinstance(block, Paragraph):
            texts.append(("Normal", block.text))
        elif isinstance(block, ListBlock):
            walk_list(block)
        elif isinstance(block, Quote):
            for inner in block.blocks:
                if isinstance(inner, Paragraph):
                    texts.append(("Quote", inner.text))
                else:
                    walk_list(inner)
        elif isinstance(block, Table):
            texts += [("Normal", " | ".join(row)) for row in [block.header, *block.rows]]
    start = time.perf_counter()
    document = Document()
    style_ids = {name: document.styles[name].style_id for name in {s for s, _ in texts}}
    body = document.element.body
    anchor = body.find(qn("w:sectPr"))
    w_p, w_ppr, w_style, w_r, w_t = (qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:t"))
    w_val, sub = qn("w:val"), etree.SubElement
    for style, text in texts:
        p = body.makeelement(w_p, {})
        sub(sub(p, w_ppr), w_style).set(w_val, style_ids[style])
        sub(sub(p, w_r), w_t).text = text
        anchor.addprevious(p)
    out = io.BytesIO()
    document.save(out)
    return time.perf_counter() - start, out.getvalue()


def _best(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def measure(name: str, store: Store, workshop_id: str, folder: Path, repeats: int = 3) -> Result:
    options = MinutesOptions(show_votes=True)
    out = folder / f"{name}.docx"
    seconds = _best(lambda: export_minutes(store, workshop_id, out, options), repeats)
    model = build_minutes(store, workshop_id, options)
    direct = direct_floor(model)[0]
    if direct < 2.0:  # the naive floor is quadratic; one run of a slow case is enough
        direct = min([direct, *(direct_floor(model)[0] for _ in range(repeats - 1))])
    del model
    tracemalloc.start()
    export_minutes(store, workshop_id, out, options)
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return Result(name, seconds, direct, peak, out.stat().st_size / 1024, _max_rss_mb())


def _max_rss_mb() -> float:
    """Peak resident memory of the whole process so far (lxml's C memory included)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / scale / 1024


def run(wishes: int = 10_000, groups: int = 40, repeats: int = 3) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as tmp:
        folder = Path(tmp)
        store = open_store(folder)
        try:
            results = [measure("sample", store, sample_workshop(store), folder, repeats)]
            large = generated_workshop(store, wishes, groups)
            results.append(measure(f"{wishes} wishes", store, large, folder, repeats))
        finally:
            store.close()
    return results


def table(results: list[Result]) -> str:
    lines = [f"{'case':<14} {'export s':>9} {'direct s':>9} {'ratio':>6} {'py MB':>7} "
             f"{'rss MB':>7} {'size kB':>8}"]
    for r in results:
        lines.append(f"{r.name:<14} {r.seconds:>9.3f} {r.direct_seconds:>9.3f} {r.ratio:>6.2f} "
                     f"{r.peak_mb:>7.1f} {r.rss_mb:>7.0f} {r.size_kb:>8.0f}")
    lines.append("direct = python-docx writing the same paragraphs lean (lxml w:p, no lists, "
                 "runs or fields); "
                 "py MB = tracemalloc peak of one export (Python objects only); "
                 "rss MB = process peak so far")
    return "\n".join(lines)


def verdict(results: list[Result]) -> list[str]:
    problems = []
    sample, large = results
    if sample.seconds > GOAL_SAMPLE_S:
        problems.append(f"sample {sample.seconds:.2f} s > {GOAL_SAMPLE_S} s")
    if large.seconds > GOAL_LARGE_S:
        problems.append(f"large {large.seconds:.2f} s > {GOAL_LARGE_S} s")
    for r in results:
        if r.ratio > GOAL_RATIO:
            problems.append(f"{r.name}: ratio {r.ratio:.2f} > {GOAL_RATIO}")
        if max(r.peak_mb, r.rss_mb) > GOAL_PEAK_MB:
            problems.append(f"{r.name}: peak {max(r.peak_mb, r.rss_mb):.0f} MB "
                            f"> {GOAL_PEAK_MB:.0f} MB")
    return problems


def collect(quick: bool = False) -> list:  # type: ignore[type-arg]
    """The figures for ``python -m benchmarks`` (docs/BENCHMARKS.md)."""
    from benchmarks.common import Figure

    repeats = 1 if quick else 3
    results = run(wishes=500 if quick else 10_000, groups=5 if quick else 40, repeats=repeats)
    floor = "python-docx writing the same paragraphs lean (lxml w:p, one run each)"
    sample, large = results
    return [
        Figure("minutes", "minutes export: the sample's closing session", sample.seconds,
               "s", sample.direct_seconds, floor, GOAL_SAMPLE_S, "max",
               note=f"best of {repeats}; {sample.size_kb:.0f} kB .docx; Python peak "
                    f"{sample.peak_mb:.0f} MB (tracemalloc)"),
        Figure("minutes", f"minutes export: {large.name} in {40 if not quick else 5} groups",
               large.seconds, "s", large.direct_seconds, floor, GOAL_LARGE_S, "max",
               note=f"best of {repeats}; {large.size_kb:.0f} kB .docx; Python peak "
                    f"{large.peak_mb:.0f} MB (tracemalloc)"),
    ]


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    results = run(wishes=500 if quick else 10_000, groups=5 if quick else 40,
                  repeats=1 if quick else 3)
    print(table(results))
    problems = verdict(results)
    print("goals met" if not problems else "goals missed: " + "; ".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
