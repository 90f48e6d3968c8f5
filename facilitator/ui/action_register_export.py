"""The Åtgärder page's register across projects and its "Export to Excel…" command.

The page shows the register's actions through the same model as the other
scopes; this module gives each action the label of where it came from and
writes the rows the page shows (scope, filter and order as seen) to .xlsx.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QPushButton, QWidget

from facilitator import settings as opts
from facilitator.action_register_xlsx import write_register_xlsx
from facilitator.atomic import TargetFileError
from facilitator.services.action_register import RegisterRow, action_register
from facilitator.services.core import ServiceError, Store
from facilitator.settings import Settings

translate = QCoreApplication.translate


def register_owners(rows: Sequence[RegisterRow],
                    area_label: str) -> dict[str, tuple[str, tuple[Any, ...]]]:
    """Each action's "project · workshop" label (``area_label``, "Focus area: {name}", for
    its focus area), sorting in register order within each project."""
    owners: dict[str, tuple[str, tuple[Any, ...]]] = {}
    for position, row in enumerate(rows):
        parts = [row.project]
        if row.workshop:
            parts.append(row.workshop)
        if row.focus_area:
            parts.append(area_label.format(name=row.focus_area))
        owners[row.action.id] = (" · ".join(parts), (row.project.casefold(), position))
    return owners


def export_button(page: QWidget, key: str, export: Callable[[], object]) -> QPushButton:
    """"Export to Excel…", also on ``key`` anywhere in ``page``."""
    native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    button = QPushButton(translate("ActionRegister", "Export to Excel…"))
    button.setObjectName("exportActions")
    button.setAccessibleName(translate("ActionRegister", "Export to Excel"))
    button.setToolTip(translate(
        "ActionRegister", "Save the actions shown, as filtered, in an Excel workbook ({key})")
        .format(key=native))
    button.clicked.connect(export)
    shortcut = QShortcut(QKeySequence(key), page)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(export)
    return button


def suggested_name(today: dt.date | None = None) -> str:
    """"Åtgärder 2026-12-05.xlsx" (in the app's language)."""
    day = (today or dt.date.today()).isoformat()
    return translate("ActionRegister", "Actions {date}.xlsx").format(date=day)


def export_register(parent: QWidget, store: Store, action_ids: Sequence[str]) -> Path | None:
    """Ask where to save, then write the actions ``action_ids`` (in that order) to .xlsx.

    A refused write shows why and writes nothing; the chosen folder is remembered
    for the next export, like the minutes' folder.
    """
    settings = Settings()
    folder = Path(settings.get(opts.MINUTES_FOLDER) or Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, translate("ActionRegister", "Export to Excel"),
        str(folder / suggested_name()),
        translate("ActionRegister", "Excel workbook (*.xlsx)"))
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    try:
        by_id = {row.action.id: row for row in action_register(store)}
        rows = [by_id[action_id] for action_id in action_ids if action_id in by_id]
        path = write_register_xlsx(rows, target, settings.get(opts.LANGUAGE))
    except (ServiceError, TargetFileError, OSError) as exc:
        QMessageBox.warning(parent, translate("ActionRegister", "The register was not saved"),
                            str(exc))
        return None
    settings.set(opts.MINUTES_FOLDER, str(path.parent))
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(
            translate("ActionRegister", "Saved {path} ({count} actions)").format(
                path=path, count=len(rows)), 8000)
    return path
