"""What the projector shows, read from the services as plain data (no drawing here)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from facilitator.services import groups, sections, wishes, workshops
from facilitator.services.core import Store

TOP_VOTES = 10  # the priorities shown; the rest are in the minutes


class Mode(enum.Enum):
    AGENDA_ITEM = "agenda_item"
    GROUP_WISHES = "group_wishes"
    ALL_GROUPS = "all_groups"
    TIMER = "timer"
    VOTE_RESULTS = "vote_results"


@dataclass(frozen=True)
class Line:
    """One bullet (depth >= 0), or an item of a numbered list (``numbered``)."""

    text: str
    depth: int = 0
    votes: int = 0
    numbered: bool = False
    note: str = ""  # a muted second line, e.g. the group a voted wish came from


@dataclass(frozen=True)
class Column:
    heading: str = ""
    lines: tuple[Line, ...] = ()
    markdown: str = ""
    empty: str = ""  # shown instead of nothing
    bars: bool = False  # vote results: a bar under each line


@dataclass(frozen=True)
class Slide:
    kicker: str = ""  # a small line above the title: where we are
    title: str = ""
    columns: tuple[Column, ...] = ()
    rows: int = 1  # columns are laid out in this many rows
    show_votes: bool = True


@dataclass(frozen=True)
class Labels:
    """Visible words, translated by the window (this module has no tr())."""

    agenda: str = "Agenda"
    no_agenda: str = "No agenda items yet."
    no_notes: str = ""
    no_wishes: str = "No wishes yet."
    no_groups: str = "No groups yet."
    all_groups: str = "Wishes and ambitions"
    votes: str = "Priorities"
    no_votes: str = "No votes yet."
    group_of: str = "Group {n} of {count}"
    item_of: str = "Item {n} of {count}"


def _workshop_line(store: Store, workshop_id: str) -> str:
    facts = workshops.get_facts(store, workshop_id)
    return facts.title


def agenda_slide(store: Store, workshop_id: str, section_id: str | None,
                 labels: Labels) -> Slide:
    facts = workshops.get_facts(store, workshop_id)
    items = sections.list_sections(store, workshop_id)
    if section_id is None:
        place = " · ".join(x for x in (facts.date.isoformat() if facts.date else "",
                                       facts.venue) if x)
        lines = tuple(Line(s.heading, numbered=True) for s in items)
        return Slide(kicker=place, title=facts.title,
                     columns=(Column(heading=labels.agenda, lines=lines,
                                     empty=labels.no_agenda),))
    section = sections.get_section(store, section_id)
    index = next((i for i, s in enumerate(items) if s.id == section_id), 0)
    heading = f"{section.number} {section.heading}".strip()
    kicker = f"{facts.title} · {labels.item_of.format(n=index + 1, count=len(items))}"
    return Slide(kicker=kicker, title=heading,
                 columns=(Column(markdown=section.body, empty=labels.no_notes),))


def _wish_lines(store: Store, group_id: str) -> tuple[Line, ...]:
    return tuple(Line(w.text, depth=w.depth, votes=w.votes)
                 for w in wishes.list_wishes(store, group_id))


def group_slide(store: Store, workshop_id: str, group_id: str | None, labels: Labels) -> Slide:
    all_groups = groups.list_groups(store, workshop_id)
    group = next((g for g in all_groups if g.id == group_id), None)
    if group is None:
        if not all_groups:
            return Slide(kicker=_workshop_line(store, workshop_id), title=labels.all_groups,
                         columns=(Column(empty=labels.no_groups),))
        group = all_groups[0]
    index = all_groups.index(group)
    kicker = f"{_workshop_line(store, workshop_id)} · " + labels.group_of.format(
        n=index + 1, count=len(all_groups))
    return Slide(kicker=kicker, title=group.name,
                 columns=(Column(lines=_wish_lines(store, group.id), empty=labels.no_wishes),))


def all_groups_slide(store: Store, workshop_id: str, labels: Labels) -> Slide:
    all_groups = groups.list_groups(store, workshop_id)
    columns = tuple(Column(heading=f"{i + 1})\u00a0{g.name}", lines=_wish_lines(store, g.id),
                           empty=labels.no_wishes)
                    for i, g in enumerate(all_groups))
    if not columns:
        columns = (Column(empty=labels.no_groups),)
    rows = 1 if len(columns) <= 3 else 2
    return Slide(kicker=_workshop_line(store, workshop_id), title=labels.all_groups,
                 columns=columns, rows=rows)


def votes_slide(store: Store, workshop_id: str, labels: Labels,
                group_id: str | None = None) -> Slide:
    """Wishes with votes, most first; a sub-point names the wish it belongs under."""
    all_groups = groups.list_groups(store, workshop_id)
    chosen = [g for g in all_groups if group_id in (None, g.id)]
    ranked: list[tuple[int, int, Line]] = []
    order = 0
    for group in chosen:
        texts: dict[str, str] = {}
        for w in wishes.list_wishes(store, group.id):
            texts[w.id] = w.text
            order += 1
            if w.votes <= 0:
                continue
            # a sub-point is read with the wish it belongs under; a wish with its group
            parent = texts.get(w.parent_id or "", "").rstrip(":")
            note = parent or (group.name if len(chosen) > 1 else "")
            ranked.append((-w.votes, order, Line(w.text, votes=w.votes, note=note)))
    ranked.sort(key=lambda r: (r[0], r[1]))
    ranked = ranked[:TOP_VOTES]
    title = labels.votes
    if group_id is not None and chosen:
        title = f"{labels.votes}: {chosen[0].name}"
    return Slide(kicker=_workshop_line(store, workshop_id), title=title,
                 columns=(Column(lines=tuple(r[2] for r in ranked), empty=labels.no_votes,
                                 bars=True),))
