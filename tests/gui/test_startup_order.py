"""Start-up draws the last workshop first and loads the ORM just after (a real launch)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.startup import ROOT, prepare

# The app in its own process, as launched; an event filter on the shown main
# window notes what is loaded and what is on screen at its first paint.
_WATCH = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTreeWidget

app = QApplication([sys.argv[0]])
seen = {}

def loaded():
    return {name: name in sys.modules
            for name in ("sqlalchemy.orm", "facilitator.store.models", "docx", "alembic")}

def finish(window):
    seen["later"] = loaded()
    print(json.dumps(seen), flush=True)
    window.close()

class FirstPaint(QObject):
    def eventFilter(self, window, event):
        if "paint" not in seen and event.type() == QEvent.Type.Paint:
            tree = window.findChild(QTreeWidget, "navigator")
            seen["paint"] = loaded()
            seen["workshop"] = window.workshop_id
            seen["title"] = window.findChild(QLineEdit, "fact_title").text()
            seen["current"] = tree.currentItem().text(0) if tree.currentItem() else None
            QTimer.singleShot(2000, lambda: finish(window))
        return False

watch = FirstPaint()
show = QMainWindow.show
def show_watched(window):
    window.installEventFilter(watch)
    show(window)
QMainWindow.show = show_watched
from facilitator.app import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def test_the_last_workshop_is_drawn_before_the_orm_loads(tmp_path: Path) -> None:
    database, workshop, env = prepare(tmp_path)
    run = subprocess.run([sys.executable, "-c", _WATCH, str(database)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["workshop"] == workshop
    assert seen["title"] == "Uppföljning ett halvår senare"  # the sample's newest workshop
    assert seen["current"] == seen["title"]
    assert seen["paint"] == {"sqlalchemy.orm": False, "facilitator.store.models": False,
                             "docx": False, "alembic": False}
    # …and ready for the first edit soon after, still without the export's libraries.
    assert seen["later"] == {"sqlalchemy.orm": True, "facilitator.store.models": True,
                             "docx": False, "alembic": False}
