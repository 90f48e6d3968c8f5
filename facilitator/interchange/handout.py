"""Hand out a workshop to its note-takers: one package per group, written into a folder.

A note-taker's laptop imports the package into its own database (often an
empty one), captures the group's wishes and checks people in, and exports the
workshop back; Arkiv → Samla in… merges those packages (``collect_preview``).

A package limited to one group holds what the note-taker needs and what makes
it import anywhere: the project with its focus areas, the workshop with its
agenda, roles, attendance list (to check people in) and focus choices, the one
group with its focus areas, members and wishes, and the earlier workshops it
builds on. The other groups of the workshop are left out, and with them what
refers to their wishes (an action made from one, its reviews).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.atomic import TargetFileError, atomic_write_text
from facilitator.interchange.export import export_package, package_text
from facilitator.messages import tr
from facilitator.services.core import NotFoundError, Store

# Characters Windows or macOS refuse in a file name, and control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}
LONGEST_NAME = 120  # characters before ".json": well within every file system's limit


@dataclass(frozen=True)
class HandoutRequest:
    """One package to write: the group it is for and, optionally, who takes its notes."""

    group_id: str
    note_taker: str = ""


def safe_file_name(name: str, suffix: str = ".json") -> str:
    """``name`` as a file name Windows and macOS both accept (composed Unicode, no
    reserved characters or device names, no trailing dots or spaces)."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("-", text)
    text = " ".join(text.split())[:LONGEST_NAME].strip(" .")
    if not text:
        text = "paket"
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text + suffix


def group_package(store: Store, workshop_id: str, group_id: str | None) -> dict[str, Any]:
    """The workshop's package; with ``group_id``, only that one of its groups."""
    data = export_package(store, workshop_id)
    if group_id is None:
        return data
    workshop = _workshop(data, workshop_id)
    kept = [g for g in workshop["groups"] if g["id"] == group_id]
    if not kept:
        raise NotFoundError(tr("The group {row_id!r} is not in this workshop."),
                            row_id=group_id)
    dropped_wishes = {w["id"] for g in workshop["groups"] if g["id"] != group_id
                      for w in g["wishes"]}
    workshop["groups"] = kept
    project = data["project"]
    dropped_actions: set[str] = set()
    for owner in (project, *project["workshops"]):
        actions = owner["actions"]
        dropped_actions |= {a["id"] for a in actions if a.get("source_wish_id") in dropped_wishes}
        owner["actions"] = [a for a in actions if a["id"] not in dropped_actions]
    for each in project["workshops"]:
        each["reviews"] = [r for r in each["reviews"]
                           if r.get("wish_id") not in dropped_wishes
                           and r.get("action_id") not in dropped_actions]
    return data


def _workshop(data: dict[str, Any], workshop_id: str) -> dict[str, Any]:
    for workshop in data["project"]["workshops"]:
        if workshop["id"] == workshop_id:
            return workshop
    raise NotFoundError(tr("There is no workshop with id {row_id!r}."), row_id=workshop_id)


def package_file_name(workshop_title: str, group_name: str, note_taker: str = "") -> str:
    """"<workshop> – <group>.json", with " – <note-taker>" when one is named."""
    parts = [workshop_title.strip(), group_name.strip(), note_taker.strip()]
    return safe_file_name(" – ".join(p for p in parts if p))


def write_handout(store: Store, workshop_id: str, requests: list[HandoutRequest],
                  folder: Path, *, whole_workshop: bool = False) -> list[Path]:
    """One package per request in ``folder``, each written atomically; returns the paths.

    Two requests that would get the same file name get " (2)", " (3)" … added."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TargetFileError(tr("Cannot write in the folder {folder}: {reason}."),
                              folder=folder, reason=exc.strerror) from exc
    full = export_package(store, workshop_id)
    workshop = _workshop(full, workshop_id)
    names = {g["id"]: g["name"] for g in workshop["groups"]}
    written: list[Path] = []
    used: set[str] = set()
    for request in requests:
        if request.group_id not in names:
            raise NotFoundError(tr("The group {row_id!r} is not in this workshop."),
                                row_id=request.group_id)
        data = full if whole_workshop else group_package(store, workshop_id, request.group_id)
        name = package_file_name(workshop["title"], names[request.group_id],
                                 request.note_taker)
        stem, n = name.removesuffix(".json"), 2
        while name.casefold() in used:  # Windows and macOS ignore case in file names
            name, n = f"{stem} ({n}).json", n + 1
        used.add(name.casefold())
        written.append(atomic_write_text(folder / name, package_text(data)))
    return written
