"""Several responsibles typed in one field: "Kommunkansliet; Åsa Öberg; Byalaget".

Each part separated by ";" names a person or an organisation of the register
(by name, or as the list shows it) or is kept as free text. A part that is
already one of the owner's responsibles keeps its row (and so its history).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.services.responsibles import ResponsibleInfo, Who
from facilitator.text import clean_text

SEPARATOR = "; "


@dataclass(frozen=True)
class RegisterEntry:
    """A person or an organisation the field can name: kind, id and the names it answers to."""

    kind: str  # "person" or "organisation"
    id: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Typed:
    """What was typed in a responsible cell, with the register it may name."""

    text: str
    register: tuple[RegisterEntry, ...]


def shown(current: Sequence[ResponsibleInfo]) -> str:
    """The field's text for the owner's responsibles (names, in order)."""
    return SEPARATOR.join(info.name for info in current)


def parse(text: str, register: Sequence[RegisterEntry],
          current: Sequence[ResponsibleInfo]) -> list[Who]:
    """The responsibles ``text`` names, in order; people win over organisations."""
    whos: list[Who] = []
    for raw in text.split(";"):
        part = clean_text(raw, multiline=False).strip()
        if not part:
            continue
        wanted = part.casefold()
        kept = next((info.who for info in current
                     if wanted in (info.name.casefold(), info.label.casefold())), None)
        if kept is not None:
            whos.append(kept)
            continue
        entry = next((e for e in register if wanted in (n.casefold() for n in e.names)), None)
        if entry is None:
            whos.append(Who(text=part))
        elif entry.kind == "person":
            whos.append(Who(person_id=entry.id))
        else:
            whos.append(Who(organisation_id=entry.id))
    return whos


def same(whos: Sequence[Who], current: Sequence[ResponsibleInfo]) -> bool:
    def key(w: Who) -> tuple[str | None, str | None, str]:
        return (w.person_id, w.organisation_id, w.text)
    return [key(w) for w in whos] == [key(i.who) for i in current]
