"""Screenshots of every projector mode with the sample project, for docs/screenshots/.

    QT_QPA_PLATFORM=offscreen uv run python -m tests.gui.projector_screenshots [folder]

Writes projector-<mode>-<width>x<height>.png at 1920×1080 and 1024×768.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from facilitator.events import ChangeBus
from facilitator.interchange.sample import load_sample
from facilitator.services import groups, sections, workshops
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.ui.projector import Mode, ProjectorWindow
from facilitator.ui.timer import WorkshopTimer

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((1920, 1080), (1024, 768))


class PendingSwedish(QTranslator):
    """Swedish from resources/translations/pending/projector.json, before it is merged."""

    def __init__(self) -> None:
        super().__init__()
        path = ROOT / "resources" / "translations" / "pending" / "projector.json"
        self.table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        return self.table.get(source, "")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


class _NoHold:
    def acquire(self) -> bool:
        return False

    def release(self) -> None:
        pass


def sample_workshop(store: Store) -> str:
    """The sample's evening with group work (the one with groups)."""
    for wid in workshops.workshop_ids(store):
        if groups.list_groups(store, wid):
            return wid
    raise RuntimeError("the sample has no workshop with groups")


def shoot(folder: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv)
    folder.mkdir(parents=True, exist_ok=True)
    swedish = PendingSwedish()
    app.installTranslator(swedish)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("FACILITATOR_DATA_DIR", tmp)
        store = Store(open_database(Path(tmp) / "shots.sqlite3"))
        load_sample(store)
        wid = sample_workshop(store)
        bus = ChangeBus(store)
        projector = ProjectorWindow(store, bus)
        timer = WorkshopTimer(inhibitor=_NoHold(), chime=False)
        timer.set_minutes(15)
        projector.set_timer(timer)
        projector.set_workshop(wid)
        items = sections.list_sections(store, wid)
        item = next(s for s in items if s.heading.startswith("Bakgrund"))
        first_group = groups.list_groups(store, wid)[0]
        shows = {
            "agenda": lambda: projector.show_agenda_item(None),
            "item": lambda: projector.show_agenda_item(item.id),
            "group": lambda: projector.show_group(first_group.id),
            "all-groups": projector.show_all_groups,
            "timer": lambda: projector.show_timer(timer),
            "votes": projector.show_votes,
        }
        written = []
        for name, show in shows.items():
            show()
            for width, height in SIZES:
                projector.resize(width, height)
                path = folder / f"projector-{name}-{width}x{height}.png"
                projector.grab().save(str(path))
                written.append(path)
        assert projector.mode is Mode.VOTE_RESULTS
        store.close()
    app.processEvents()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for path in shoot(target):
        print(path)
