""""Uppföljning sedan förra mötet": what became of the earlier wishes and actions.

One bullet per item followed up at this workshop, under its focus area (project
order; items of no area last, under "Övrigt"), in the facilitator's order:
"En gemensam evenemangskalender – **Pågår**. Kalendern finns på webben.
Ansvarig: Karin Ödmark, ordförande på Lillsjö kulturförening."
Every free text goes through the context, so anonymising replaces names here too.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from facilitator.minutes.labels import long_date
from facilitator.minutes.model import (
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Span,
)
from facilitator.minutes.phrases import joined, review_status_word
from facilitator.services.follow_up import FollowUpItem, ReviewInfo, reviewed_in
from facilitator.store.models import Action, Workshop

if TYPE_CHECKING:
    from facilitator.minutes.build import Context


def follow_up_part(ctx: Context, heading: str, body: list[Block]) -> list[Block]:
    """The agenda item's heading and notes, then the reviewed items area by area."""
    blocks: list[Block] = [Heading(1, heading), *body]
    items = reviewed_in(ctx.session, ctx.workshop)
    if not items:
        blocks.append(Paragraph([Span(ctx.labels.nothing_followed_up)]))
        return blocks
    origins = _origins(ctx, items)
    for area_id, in_area in groupby(items, key=lambda item: item.focus_area_id):
        area_items = list(in_area)
        name = ctx.text(area_items[0].focus_area_name) if area_id else ""
        blocks.append(Heading(2, name or ctx.labels.other_area))
        blocks.append(ListBlock(False, [_entry(ctx, item, origins) for item in area_items]))
    return blocks


def _origins(ctx: Context, items: list[FollowUpItem]) -> dict[str, str]:
    """Where each item came from ("Redovisning av …, 12 mars 2026"), but only when the
    items come from more than one workshop: otherwise it would say the same every time."""
    workshop_ids = {item.origin_workshop_id for item in items if item.origin_workshop_id}
    if len(workshop_ids) < 2:
        return {}
    origins: dict[str, str] = {}
    for workshop_id in workshop_ids:
        workshop = ctx.session.get(Workshop, workshop_id)
        if workshop is None:
            continue
        text = ctx.text(workshop.title)
        if workshop.date is not None:
            text = f"{text}, {long_date(workshop.date, ctx.workshop.language)}"
        origins[workshop_id] = text
    return origins


def _entry(ctx: Context, item: FollowUpItem, origins: dict[str, str]) -> ListItem:
    review = item.review
    assert review is not None  # reviewed_in lists only items reviewed here
    labels, language = ctx.labels, ctx.workshop.language
    first: list[Span] = []
    if item.kind == "action":
        first.append(Span(f"{labels.action}: ", italic=True))
    first.append(Span(ctx.text(item.text).strip().rstrip(".")))
    origin = origins.get(item.origin_workshop_id or "")
    if origin:
        first.append(Span(f" ({labels.came_from.format(origin=origin)})", italic=True))
    first.append(Span(" – "))
    first.append(Span(review_status_word(review.status, language), bold=True))
    first.append(Span("."))
    paragraphs, lists = _comment(ctx, review.comment)
    if paragraphs:
        first.append(Span(" "))
        first.extend(paragraphs.pop(0))
    last = paragraphs[-1] if paragraphs else first
    responsible = _responsibles(ctx, review)
    if responsible:
        last.append(Span(f" {labels.responsible_col}: {responsible}."))
    for text in _actions_made_here(ctx, item):
        last.append(Span(f" {labels.new_action}: ", italic=True))
        last.append(Span(f"{text.rstrip('.')}."))
    return ListItem([first, *paragraphs], lists)


def _actions_made_here(ctx: Context, item: FollowUpItem) -> list[str]:
    """Actions made from the wish at this workshop (they are in its actions table too)."""
    texts = []
    for action_id in item.action_ids:
        action = ctx.session.get(Action, action_id)
        if action is not None and action.deleted_at is None \
                and action.workshop_id == ctx.workshop.id:
            texts.append(ctx.text(action.text).strip())
    return texts


def _comment(ctx: Context, comment: str) -> tuple[list[list[Span]], list[ListBlock]]:
    """The review's comment as paragraphs of spans and any lists it holds, ending in a
    full stop so "Ansvarig: …" after it reads as a sentence of its own."""
    paragraphs: list[list[Span]] = []
    lists: list[ListBlock] = []
    for block in ctx.markdown(comment, 3):
        if isinstance(block, ListBlock):
            lists.append(block)
        elif isinstance(block, Paragraph):
            paragraphs.append(list(block.spans))
        elif isinstance(block, Heading):
            paragraphs.append([Span(block.text, bold=True)])
        elif isinstance(block, Quote):
            paragraphs.extend(list(b.spans) for b in block.blocks if isinstance(b, Paragraph))
    if paragraphs and paragraphs[-1]:
        last = paragraphs[-1][-1]
        if not last.text.rstrip().endswith((".", "!", "?", ":")):
            paragraphs[-1].append(Span("."))
    return [p for p in paragraphs if p], lists


def _responsibles(ctx: Context, review: ReviewInfo) -> str:
    """Who carries it on, as the workshop writes responsibles ("Name, title på Org")."""
    parts = []
    for info in review.responsibles:
        if info.who.person_id is not None:
            parts.append(ctx.person_phrase(info.who.person_id))
        else:
            parts.append(ctx.text(info.name))
    return joined(parts, ctx.workshop.language)
