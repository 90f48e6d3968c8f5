"""Deltagare: the undoable edits that take more than one service call, and the look-up
of a walk-in in the register.

Apart from the page (people_view.py) so that both stay short; their texts keep
the page's translation context, "PeopleView".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from facilitator.services import people
from facilitator.store.models import AttendanceStatus
from facilitator.ui.commands import ServiceCommand, deleter, setter

if TYPE_CHECKING:
    from facilitator.services.core import Store
    from facilitator.ui.views.people_view import PeopleView


def registered_match(store: Store, name: str, organisation: str) -> people.PersonInfo | None:
    """The one registered person whose name (and organisation, if typed) matches."""
    wanted, org = name.strip().casefold(), organisation.strip().casefold()
    if not wanted:
        return None
    matches = [p for p in people.list_people(store, name)
               if p.name.casefold() == wanted and (not org or p.organisation.casefold() == org)]
    return matches[0] if len(matches) == 1 else None


def walk_in(store: Store, workshop_id: str, name: str, organisation: str) -> ServiceCommand:
    """Register someone who just came in and check them in; undo takes both back."""

    def undo(person_id: str) -> None:
        people.remove_attendance(store, workshop_id, person_id)
        people.delete_person(store, person_id)

    def redo(person_id: str) -> str:
        people.restore_person(store, person_id)
        people.set_attendance(store, workshop_id, person_id, AttendanceStatus.ATTENDED)
        return person_id

    return ServiceCommand(
        QCoreApplication.translate("PeopleView", "Check in walk-in {name}").format(
            name=name.strip()),
        do=lambda: people.add_walk_in(store, workshop_id, name, organisation),
        undo=undo, redo=redo)


def trash_people(store: Store, person_ids: list[str], name: str) -> ServiceCommand:
    """Move people of the register to the trash (undo restores them)."""

    def delete_chosen() -> None:
        for person_id in person_ids:
            people.delete_person(store, person_id)

    def restore_chosen(_none: None) -> None:
        for person_id in person_ids:
            people.restore_person(store, person_id)

    return deleter(QCoreApplication.translate("PeopleView", "Move {name} to the trash").format(
        name=name), delete_chosen, restore_chosen)


def set_consent(page: PeopleView, allowed: dict[str, bool], redraw: bool = True) -> bool:
    """Record who may be named in published minutes (person id → yes/no), one undo step."""
    if page.workshop_id is None or not allowed:
        return False
    store, workshop_id = page.store, page.workshop_id

    def put(values: dict[str, bool]) -> dict[str, bool]:
        return {person_id: people.set_may_be_named(store, workshop_id, person_id, value)
                for person_id, value in values.items()}

    if all(allowed.values()):
        text = QCoreApplication.translate("PeopleView",
                                          "Allow naming {name} in published minutes")
    else:
        text = QCoreApplication.translate("PeopleView", "Do not name {name} in published minutes")
    done = page.editor.run(setter(text.format(name=page.name_of(list(allowed))), put, allowed))
    if done and redraw:
        page.safe_refresh()
    return done
