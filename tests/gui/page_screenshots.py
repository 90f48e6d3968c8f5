"""Screenshots of every workshop page with the sample project, for docs/screenshots/.

    uv run python -m tests.gui.page_screenshots [folder]

Writes <n>-<page>-<size>.png for each page at the screens facilitators have:
1366×768 (the common laptop), 1920×1080, and 1920×1080 at 150 % scaling
(a 1280×720 window with QT_SCALE_FACTOR=1.5, which Qt draws as 1920×1080
pixels). Each scale runs in its own process: the factor is read once, when
Qt starts. Also the wish board with the projector panel open, and the board
at the window's default size.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.services.core import Store

ROOT = Path(__file__).resolve().parents[2]

# (file suffix, logical window size, QT_SCALE_FACTOR)
SCREENS = (
    ("1366x768", (1366, 768), "1"),
    ("1920x1080", (1920, 1080), "1"),
    ("1920x1080-150", (1280, 720), "1.5"),
)
PAGES = (
    ("1-oversikt", "facts"),
    ("2-dagordning", "agenda"),
    ("3-fokusomraden", "focus_areas"),
    ("4-deltagare", "people"),
    ("5-val", "choices"),
    ("6-grupper", "groups"),
    ("7-onskemal", "wish_board"),
    ("8-uppfoljning", "follow_up"),
    ("9-atgarder", "actions_view"),
    ("10-export", "export_view"),
)


def later_workshop(store: Store) -> str:
    """The sample's workshop with the most to follow up."""
    from facilitator.services import follow_up, workshops

    return max(workshops.workshop_ids(store),
               key=lambda wid: len(follow_up.list_follow_up(store, wid)))


def shoot_one_screen(folder: Path, suffix: str, size: tuple[int, int]) -> list[Path]:
    """Every page in this process (its scale factor is already set)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from facilitator.app import configure_application, install_translations
    from facilitator.events import ChangeBus
    from facilitator.interchange.sample import load_sample
    from facilitator.services.core import Store
    from facilitator.settings import Settings
    from facilitator.store.migrate import open_database
    from facilitator.ui.main_window import MainWindow
    from tests.gui.projector_screenshots import sample_workshop

    app = QApplication.instance() or QApplication(sys.argv[:1])
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACILITATOR_DATA_DIR"] = tmp
        configure_application(app)
        translators = install_translations(app, "sv")
        database = Path(tmp) / "shots.sqlite3"
        store = Store(open_database(database))
        load_sample(store)
        store.load_orm()
        window = MainWindow(store, ChangeBus(store), Settings(), database)
        window.open_workshop(sample_workshop(store))
        window.resize(*size)
        window.show()
        app.processEvents()

        def save(name: str) -> None:
            for _ in range(3):
                app.processEvents()
            path = folder / f"{name}.png"
            window.grab().save(str(path))
            written.append(path)

        for name, page in PAGES:
            # Uppföljning shows the workshop that follows the evening up.
            window.open_workshop(later_workshop(store) if page == "follow_up"
                                 else sample_workshop(store))
            window.show_page(getattr(window, page))
            save(f"{name}-{suffix}")
        window.open_workshop(sample_workshop(store))
        window.show_page(window.wish_board)
        window.live.dock.show()
        save(f"7-onskemal-projektorpanel-{suffix}")
        window.live.dock.hide()
        app.processEvents()
        if suffix == "1366x768":
            window.resize(1100, 720)  # the size a first start opens at on a small screen
            app.processEvents()
            save("7-onskemal-1100x720")
        window.live.shutdown()
        window.close()
        store.close()
        del translators
    return written


def shoot(folder: Path) -> list[Path]:
    """All screens, each in a child process with its own scale factor."""
    written: list[Path] = []
    for suffix, (width, height), scale in SCREENS:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
        out = subprocess.run(
            [sys.executable, "-m", "tests.gui.page_screenshots", "--one", str(folder), suffix,
             str(width), str(height)],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        written += [Path(line) for line in out.stdout.splitlines() if line.endswith(".png")]
    return written


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        target, suffix, w, h = Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        target.mkdir(parents=True, exist_ok=True)
        for path in shoot_one_screen(target, suffix, (w, h)):
            print(path)
    else:
        target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
        for path in shoot(target):
            print(path)
