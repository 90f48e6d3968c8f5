"""Older package formats, upgraded step by step to the current one before checking.

Each step takes a parsed package of version N and returns it as version N+1.
A step only reshapes what is there; a package that was malformed stays
malformed and is refused by the schema of the current version, with its path.
Rows a step makes from older fields get ids derived from their owner
(``derived_id``), the same ids migration 0004 gives them in a database, so
importing an old package twice, or into a migrated store, makes each row once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from facilitator.store.vocabulary import derived_id

OLD_ROLES = ("project_leader", "moderator", "note_taker")  # version-1 workshop fields


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    for item in value if isinstance(value, list) else ():
        if isinstance(item, dict):
            yield item


def _responsibles_from_columns(owner: dict[str, Any]) -> list[dict[str, Any]]:
    person = owner.pop("responsible_person_id", None)
    organisation = owner.pop("responsible_organisation_id", None)
    text = owner.pop("responsible_text", "")
    who: dict[str, Any] = {"person_id": None, "organisation_id": None, "text": ""}
    if person:
        who["person_id"] = person
    elif organisation:
        who["organisation_id"] = organisation
    elif isinstance(text, str) and text.strip():
        who["text"] = text.strip()
    else:
        return []
    return [{"id": derived_id(str(owner.get("id")), "responsible"),
             "created_at": owner.get("created_at"), "updated_at": owner.get("updated_at"),
             "deleted_at": None, "position": 0, **who}]


def _roles_from_columns(workshop: dict[str, Any]) -> list[dict[str, Any]]:
    roles = []
    for position, role in enumerate(OLD_ROLES):
        name = workshop.pop(role, "")
        if isinstance(name, str) and name.strip():
            roles.append({
                "id": derived_id(str(workshop.get("id")), f"role:{role}"),
                "created_at": workshop.get("created_at"),
                "updated_at": workshop.get("updated_at"), "deleted_at": None,
                "position": position, "role": role, "label": "", "person_id": None,
                "name": name.strip(),
            })
    return roles


def version_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Responsibles, roles and key figures as rows; group text; consent to be named."""
    project = data.get("project")
    if isinstance(project, dict):
        for area in _dicts(project.get("focus_areas")):
            area["responsibles"] = _responsibles_from_columns(area)
        for action in _dicts(project.get("actions")):
            action["responsibles"] = _responsibles_from_columns(action)
        for workshop in _dicts(project.get("workshops")):
            workshop["roles"] = _roles_from_columns(workshop)
            workshop["key_figures"] = []
            workshop.setdefault("responsible_form", "name_title_organisation")
            workshop.setdefault("group_lead_text", None)
            workshop.setdefault("group_after_text", "")
            workshop.setdefault("show_group_members", False)
            for attendance in _dicts(workshop.get("attendance")):
                attendance.setdefault("may_be_named", True)
            for action in _dicts(workshop.get("actions")):
                action["responsibles"] = _responsibles_from_columns(action)
    return {**data, "version": 2}


def _review_from_wish(wish: dict[str, Any], workshop: dict[str, Any]) -> dict[str, Any] | None:
    """A version-2 wish's responsible becomes a review at its own workshop (as migration
    0005 does in a database, with the same ids)."""
    person = wish.pop("responsible_person_id", None)
    text = wish.pop("responsible_text", "")
    text = text.strip() if isinstance(text, str) else ""
    if not person and not text:
        return None
    stamps = {"created_at": wish.get("created_at"), "updated_at": wish.get("updated_at"),
              "deleted_at": None}
    review_id = derived_id(str(wish.get("id")), "review")
    return {"id": review_id, **stamps, "wish_id": wish.get("id"), "action_id": None,
            "position": 0, "reviewed_on": workshop.get("date"),
            "status": wish.get("status", "open"), "comment": "",
            "responsibles": [{"id": derived_id(str(wish.get("id")), "responsible"), **stamps,
                              "position": 0, "person_id": person or None,
                              "organisation_id": None, "text": "" if person else text}]}


def version_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Follow-up: reviews of earlier wishes and actions; where things were made from."""
    project = data.get("project")
    if isinstance(project, dict):
        for action in _dicts(project.get("actions")):
            action.setdefault("source_wish_id", None)
        for workshop in _dicts(project.get("workshops")):
            workshop.setdefault("source_workshop_id", None)
            reviews = []
            for group in _dicts(workshop.get("groups")):
                group.setdefault("source_group_id", None)
                for wish in _dicts(group.get("wishes")):
                    review = _review_from_wish(wish, workshop)
                    if review is not None:
                        reviews.append(review)
            for action in _dicts(workshop.get("actions")):
                action.setdefault("source_wish_id", None)
            workshop["reviews"] = reviews
    return {**data, "version": 3}


def _rows(value: Any) -> Iterator[dict[str, Any]]:
    """Every row in a package, however deeply nested (a row has an id and created_at)."""
    if isinstance(value, dict):
        if "id" in value and "created_at" in value:
            yield value
        for child in value.values():
            yield from _rows(child)
    elif isinstance(value, list):
        for item in value:
            yield from _rows(item)


def version_3_to_4(data: dict[str, Any]) -> dict[str, Any]:
    """Merge: rows carry their field versions (none before: written once at their
    updated_at), the package its device and the rows gone for good."""
    for row in _rows(data.get("organisations")):
        row.setdefault("versions", None)
    for row in _rows(data.get("people")):
        row.setdefault("versions", None)
    for row in _rows(data.get("project")):
        row.setdefault("versions", None)
    project = data.get("project")
    for workshop in _dicts(project.get("workshops") if isinstance(project, dict) else None):
        for group in _dicts(workshop.get("groups")):
            for wish in _dicts(group.get("wishes")):
                wish.setdefault("vote_shares", None)
    return {**data, "version": 4, "device_id": None, "tombstones": []}


# version → the step that upgrades a package of that version by one.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: version_1_to_2, 2: version_2_to_3, 3: version_3_to_4}
