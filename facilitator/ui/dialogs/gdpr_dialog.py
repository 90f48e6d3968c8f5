"""Personal data (GDPR): "Remove person…" (erasure, not undoable) and "Export personal data…".

The logic is in facilitator.services.gdpr; this module asks, confirms and reports.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.atomic import TargetFileError
from facilitator.services import gdpr
from facilitator.services.core import ServiceError, Store
from facilitator.ui import drafts
from facilitator.ui.commands import Editor


def tr(text: str) -> str:
    """Translate a text of this module's functions.

    pyside6-lupdate files bare ``tr("…")`` calls under the empty context, so
    they are looked up there.
    """
    return QCoreApplication.translate("", text)


def _kind(kind: str) -> str:
    return {
        "attendance": tr("Attendance"),
        "group_member": tr("Group membership"),
        "focus_choice": tr("Focus area choice"),
        "focus_area": tr("Focus area"),
        "wish": tr("Wish"),
        "action": tr("Action"),
        "workshop": tr("Workshop"),
        "section": tr("Agenda item"),
        "project": tr("Project"),
        "person": tr("Person"),
        "organisation": tr("Organisation"),
        "work_group": tr("Group"),
    }.get(kind, kind)


def _change(place: gdpr.Place) -> str:
    return {
        "removed": tr("removed"),
        "replaced_by_organisation": tr("responsible replaced by the organisation"),
        "replaced_by_text": tr("responsible replaced by “borttagen person”"),
        "text_replaced": tr("name replaced by “borttagen person” in {field}").format(
            field=place.field),
    }.get(place.change, place.change)


def report_lines(report: gdpr.ErasureReport) -> list[str]:
    """One line per place changed, for the report shown after an erasure."""
    lines = []
    for place in report.places:
        where = f" ({place.context})" if place.context else ""
        lines.append(f"{_kind(place.kind)}{where}: {_change(place)}")
    return lines


def erase_person_dialog(parent: QWidget, store: Store, editor: Editor,
                        person_id: str) -> gdpr.ErasureReport | None:
    """Confirm, erase, clear the undo history and show what was changed."""
    try:
        usage = gdpr.person_usage(store, person_id)
    except ServiceError as exc:
        QMessageBox.warning(parent, tr("Could not be done"), str(exc))
        return None
    org = usage.organisation or tr("“borttagen person” (the person has no organisation)")
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Remove person"), tr(
        "Remove {name} and all personal data about them for good?").format(name=usage.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("gdprEraseConfirm")
    box.setInformativeText(tr(
        "This will change:\n"
        "• attendance at {attendance} workshop(s): removed\n"
        "• membership in {groups} group(s): removed\n"
        "• responsible for {responsible} focus area(s), wish(es) or action(s): "
        "replaced by {org}\n"
        "• {mentions} text field(s) naming the person: the name, e-mail and phone "
        "replaced by “borttagen person”\n\n"
        "This can NOT be undone, and the undo history is cleared. "
        "Export the personal data first if the person asked for a copy."
    ).format(attendance=usage.attendance, groups=usage.groups,
             responsible=usage.responsible, org=org, mentions=usage.mentions))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(tr("Remove for good"))
    if box.exec() != QMessageBox.StandardButton.Yes:
        return None
    try:
        report = gdpr.erase_person(store, person_id)
    except ServiceError as exc:
        QMessageBox.warning(parent, tr("Could not be done"), str(exc))
        return None
    editor.stack.clear()  # earlier steps may name the person; erasure is not undoable
    drafts.keeper().forget_mentions(report.name)  # half-typed text naming them, too
    done = QMessageBox(QMessageBox.Icon.Information, tr("Person removed"), tr(
        "{name} has been removed. {count} place(s) were changed.").format(
        name=report.name, count=len(report.places)), QMessageBox.StandardButton.Ok, parent)
    done.setObjectName("gdprEraseReport")
    note = tr(
        "Backups made before now still hold the person until newer backups replace them "
        "(the 10 newest, one a day for a week and one a week for four weeks are kept); "
        "copies kept before a program update or a restore stay until you delete them. "
        "If any of them is opened again, the person is removed again.")
    if report.ledger_error:
        note += "\n\n" + tr(
            "The removal could not be noted for restored backups ({reason}): if a backup "
            "is restored, remove the person again.").format(reason=report.ledger_error)
    done.setInformativeText(note)
    done.setDetailedText("\n".join(report_lines(report)))
    done.exec()
    return report


def _file_name(name: str) -> str:
    safe = re.sub(r"[^\w\- ]+", "", name).strip().replace(" ", "-") or "person"
    return tr("personal-data-{name}.json").format(name=safe)


def export_person_dialog(parent: QWidget, store: Store, person_id: str,
                         folder: Path | None = None) -> Path | None:
    """Ask where to save, then write everything stored about the person as JSON."""
    try:
        name = gdpr.export_person_data(store, person_id)["person"]["name"]
    except ServiceError as exc:
        QMessageBox.warning(parent, tr("Could not be done"), str(exc))
        return None
    start = str((folder or Path.home()) / _file_name(name))
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, tr("Export personal data"), start, tr("JSON files (*.json)"))
    if not chosen:
        return None
    try:
        path = gdpr.write_person_data(store, person_id, Path(chosen))
    except (ServiceError, TargetFileError, OSError) as exc:
        QMessageBox.warning(parent, tr("Could not be done"), str(exc))
        return None
    QMessageBox.information(parent, tr("Export personal data"), tr(
        "All data stored about {name} was saved to {path}.").format(name=name, path=path))
    return path
