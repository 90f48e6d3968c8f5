"""The action register as an Excel workbook (.xlsx), for the municipality's follow-up.

One sheet, one row per action, in the order given. Written atomically: the
workbook is built in memory and replaces the target in one step, so a failed
write leaves no half-written file. The words are the language of the app
(Swedish or English), fixed here like the minutes' labels, so the command line
writes the same file as the window.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from facilitator.atomic import atomic_write_bytes
from facilitator.services.action_register import RegisterRow
from facilitator.store.models import ActionStatus


@dataclass(frozen=True)
class SheetLabels:
    sheet: str
    columns: tuple[str, ...]
    yes: str
    no: str
    statuses: dict[ActionStatus, str]


SWEDISH = SheetLabels(
    "Åtgärder",
    ("Projekt", "Workshop", "Fokusområde", "Åtgärd", "Ansvarig", "Klart senast", "Status",
     "Försenad"),
    "ja", "nej",
    {ActionStatus.OPEN: "Öppen", ActionStatus.IN_PROGRESS: "Pågår",
     ActionStatus.DONE: "Klar", ActionStatus.CANCELLED: "Struken"},
)
ENGLISH = SheetLabels(
    "Actions",
    ("Project", "Workshop", "Focus area", "Action", "Responsible", "Due by", "Status",
     "Overdue"),
    "yes", "no",
    {ActionStatus.OPEN: "Open", ActionStatus.IN_PROGRESS: "In progress",
     ActionStatus.DONE: "Done", ActionStatus.CANCELLED: "Cancelled"},
)

PROJECT, WORKSHOP, AREA, TEXT, RESPONSIBLE, DUE, STATUS, OVERDUE = range(1, 9)
WIDTHS = {PROJECT: 24, WORKSHOP: 28, AREA: 22, TEXT: 60, RESPONSIBLE: 32, DUE: 14,
          STATUS: 13, OVERDUE: 11}
WRAPPED = frozenset({TEXT, RESPONSIBLE})
DATE_FORMAT = "yyyy-mm-dd"
OVERDUE_RED = "C00000"


def labels_for(language: str) -> SheetLabels:
    return ENGLISH if language == "en" else SWEDISH


def register_workbook(rows: Sequence[RegisterRow], language: str = "sv") -> Workbook:
    labels = labels_for(language)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = labels.sheet
    columns = labels.columns
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
    for line, row in enumerate(rows, start=2):
        action = row.action
        texts = {PROJECT: row.project, WORKSHOP: row.workshop, AREA: row.focus_area,
                 TEXT: action.text, RESPONSIBLE: action.responsible,
                 STATUS: labels.statuses[action.status],
                 OVERDUE: labels.yes if row.overdue else labels.no}
        for column, text in texts.items():
            cell = sheet.cell(line, column, _clean(text))
            cell.data_type = "s"  # text starting with "=" stays text, never a formula
            cell.alignment = Alignment(vertical="top", wrap_text=column in WRAPPED)
        due = sheet.cell(line, DUE, action.due_date)
        due.alignment = Alignment(vertical="top")
        if action.due_date is not None:
            due.number_format = DATE_FORMAT
        if row.overdue:
            due.font = Font(bold=True, color=OVERDUE_RED)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    return book


def write_register_xlsx(rows: Sequence[RegisterRow], path: Path, language: str = "sv") -> Path:
    """Write ``rows`` to ``path``; raises TargetFileError (naming the file) when it cannot."""
    buffer = io.BytesIO()
    register_workbook(rows, language).save(buffer)
    return atomic_write_bytes(Path(path), buffer.getvalue())


def _clean(text: str) -> str:
    """Without the control characters a workbook cannot hold (a pasted form feed, say)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)
