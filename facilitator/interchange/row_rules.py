"""Rules within one row that the store's CHECK constraints also hold.

Checked before anything is written, so a package that breaks one is refused
with the place and the reason, not with the database's constraint name.
"""

from __future__ import annotations

from facilitator.interchange.fields import (
    ACTION_RESPONSIBLE,
    FOCUS_AREA_RESPONSIBLE,
    KEY_FIGURE,
    REVIEW,
    REVIEW_RESPONSIBLE,
    WORKSHOP_ROLE,
)
from facilitator.interchange.validation import PackageRow, fail
from facilitator.messages import Text, tr
from facilitator.store.vocabulary import KeyFigureKind, RoleKind


def _count(*values: object) -> int:
    return sum(1 for value in values if value)


def check_row_rules(rows: list[PackageRow]) -> None:
    for row in rows:
        v = row.values
        if row.spec in (FOCUS_AREA_RESPONSIBLE, ACTION_RESPONSIBLE, REVIEW_RESPONSIBLE):
            if _count(v["person_id"], v["organisation_id"], v["text"].strip()) != 1:
                raise fail(row.path, Text(tr(
                    "a responsible names exactly one of a person, an organisation or a text")))
        elif row.spec is REVIEW:
            if _count(v["wish_id"], v["action_id"]) != 1:
                raise fail(row.path, Text(tr(
                    "a follow-up is of exactly one wish or one action")))
        elif row.spec is WORKSHOP_ROLE:
            if _count(v["person_id"], v["name"].strip()) != 1:
                raise fail(row.path, Text(tr(
                    "a role names exactly one of a person or a name")))
            if v["role"] == RoleKind.OTHER and not v["label"].strip():
                raise fail(row.path, Text(tr("a role of the kind \"other\" needs a label")))
        elif row.spec is KEY_FIGURE:
            counted = v["kind"] == KeyFigureKind.COUNTED
            if counted and v["metric"] is None:
                raise fail(row.path, Text(tr("a counted key figure needs a metric")))
            if not counted and (v["metric"] is not None
                                or not (v["value"].strip() or v["sentence"].strip())):
                raise fail(row.path, Text(tr(
                    "a typed key figure needs a figure or a sentence, and no metric")))
