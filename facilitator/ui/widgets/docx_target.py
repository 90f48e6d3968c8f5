"""Where a Word document is saved: the suggested file, the chooser, and the .docx ending.

Shared by the dialogs that write a .docx (the minutes, the sign-in sheet, the
agenda handout), so they suggest and name files alike.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from facilitator import settings as opts
from facilitator.settings import Settings


def default_target(settings: Settings, prefix: str, title: str, fallback: str) -> Path:
    """``<folder last used>/<prefix> <title>.docx``, with only safe letters from the title."""
    folder = Path(settings.get(opts.MINUTES_FOLDER) or Path.home())
    safe = "".join(c for c in title if c.isalnum() or c in " -_").strip() or fallback
    return folder / f"{prefix} {safe}.docx"


def docx_path(text: str) -> Path | None:
    """The file typed in the field, ending in .docx; None when nothing is typed."""
    text = text.strip()
    if not text:
        return None
    target = Path(text)
    return target if target.suffix.lower() == ".docx" else target.with_name(target.name + ".docx")


def choose_docx(parent: QWidget, edit: QLineEdit, caption: str) -> None:
    """The save chooser, starting at the field's file; the choice goes into the field."""
    path, _ = QFileDialog.getSaveFileName(
        parent, caption, edit.text(),
        QCoreApplication.translate("DocxTarget", "Word document (*.docx)"))
    if path:
        edit.setText(path if path.lower().endswith(".docx") else path + ".docx")
