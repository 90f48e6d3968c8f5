"""follow-up: reviews of earlier wishes and actions, and where things came from

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

Format 3 of docs/data-model.md (the follow-up half). A ``review`` row says
what became of a wish or an action when a later workshop followed it up; its
responsibles are ``responsible`` rows with a third owner kind. An action keeps
the wish it was made from, a workshop and its groups the ones they were made
from. A wish's own responsible columns become a review at the wish's own
workshop (with the id a version-2 package upgrade gives it) and are dropped.

Rebuilding ``wish`` and ``section`` in batch mode drops their search triggers
(migration 0002), so they are created again here, as 0004 did.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

from facilitator.store.vocabulary import derived_id

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SECTION_KINDS_BEFORE = ("text", "focus_areas", "key_figures", "group_work")
OWNERS_BEFORE = ("focus_area_id", "action_id")


def _exactly_one(*columns: str) -> str:
    return " + ".join(f"(CASE WHEN {c} IS NOT NULL THEN 1 ELSE 0 END)" for c in columns) + " = 1"


def _kinds(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def _search_triggers(kind: str) -> list[str]:
    path = Path(__file__).with_name("0002_search_index.py")
    spec = importlib.util.spec_from_file_location("search_index_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    statements: list[str] = module.trigger_sql(kind)
    return statements


def _recreate_search_triggers(*kinds: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for kind in kinds:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{kind}_{suffix}")
        for statement in _search_triggers(kind):
            op.execute(statement)


def upgrade() -> None:
    op.create_table('review',
    sa.Column('workshop_id', sa.String(length=36), nullable=False),
    sa.Column('wish_id', sa.String(length=36), nullable=True),
    sa.Column('action_id', sa.String(length=36), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'done', 'dropped', name='review_status', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint(_exactly_one("wish_id", "action_id"), name=op.f('ck_review_one_item')),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_review_action_id_action')),
    sa.ForeignKeyConstraint(['wish_id'], ['wish.id'], name=op.f('fk_review_wish_id_wish')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_review_workshop_id_workshop')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review'))
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_wish_id'), ['wish_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_workshop_id'), ['workshop_id'], unique=False)

    with op.batch_alter_table('responsible', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_responsible_review_id'), ['review_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_responsible_review_id_review'), 'review',
                                    ['review_id'], ['id'])
        batch_op.drop_constraint('one_owner', type_='check')
        batch_op.create_check_constraint(
            'one_owner', sa.text(_exactly_one("focus_area_id", "action_id", "review_id")))

    _move_wish_responsibles()

    with op.batch_alter_table('wish', schema=None) as batch_op:
        batch_op.drop_constraint('fk_wish_responsible_person_id_person', type_='foreignkey')
        batch_op.drop_column('responsible_person_id')
        batch_op.drop_column('responsible_text')

    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_wish_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_action_source_wish_id'), ['source_wish_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_action_source_wish_id_wish'), 'wish',
                                    ['source_wish_id'], ['id'])

    with op.batch_alter_table('workshop', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_workshop_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_workshop_source_workshop_id'),
                              ['source_workshop_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_workshop_source_workshop_id_workshop'),
                                    'workshop', ['source_workshop_id'], ['id'])

    with op.batch_alter_table('work_group', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_group_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_work_group_source_group_id'), ['source_group_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_work_group_source_group_id_work_group'),
                                    'work_group', ['source_group_id'], ['id'])

    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.drop_constraint('section_kind', type_='check')
        batch_op.create_check_constraint(
            'section_kind', sa.text(_kinds((*SECTION_KINDS_BEFORE, "follow_up"))))

    _recreate_search_triggers("wish", "section", "workshop")


def _move_wish_responsibles() -> None:
    """A wish's responsible becomes a review at its own workshop, keeping its status."""
    bind = op.get_bind()
    reviews: list[dict[str, Any]] = []
    responsibles: list[dict[str, Any]] = []
    for row in bind.execute(sa.text(
        "SELECT w.id, w.status, w.responsible_person_id, w.responsible_text, w.created_at, "
        "w.updated_at, g.workshop_id, ws.date FROM wish AS w "
        "JOIN work_group AS g ON g.id = w.group_id JOIN workshop AS ws ON ws.id = g.workshop_id "
        "WHERE w.responsible_person_id IS NOT NULL OR trim(w.responsible_text) <> ''"
    )).mappings():
        review_id = derived_id(row["id"], "review")
        reviews.append({"id": review_id, "workshop_id": row["workshop_id"], "wish_id": row["id"],
                        "status": row["status"], "reviewed_on": row["date"],
                        "created_at": row["created_at"], "updated_at": row["updated_at"]})
        person, text = row["responsible_person_id"], (row["responsible_text"] or "").strip()
        responsibles.append({"id": derived_id(row["id"], "responsible"), "review_id": review_id,
                             "person_id": person, "text": "" if person else text[:500],
                             "created_at": row["created_at"], "updated_at": row["updated_at"]})
    if reviews:
        bind.execute(sa.text(
            "INSERT INTO review (id, workshop_id, wish_id, action_id, position, reviewed_on, "
            "status, comment, created_at, updated_at) VALUES (:id, :workshop_id, :wish_id, "
            "NULL, 0, :reviewed_on, :status, '', :created_at, :updated_at)"), reviews)
        bind.execute(sa.text(
            "INSERT INTO responsible (id, focus_area_id, action_id, review_id, position, "
            "person_id, organisation_id, text, created_at, updated_at) VALUES (:id, NULL, NULL, "
            ":review_id, 0, :person_id, NULL, :text, :created_at, :updated_at)"), responsibles)


def downgrade() -> None:
    """Back to 0004: reviews and lineage are dropped (a backup is made before migrating)."""
    op.execute("DELETE FROM responsible WHERE review_id IS NOT NULL")
    with op.batch_alter_table('responsible', schema=None) as batch_op:
        batch_op.drop_constraint('one_owner', type_='check')
        batch_op.create_check_constraint('one_owner', sa.text(_exactly_one(*OWNERS_BEFORE)))
        batch_op.drop_constraint('fk_responsible_review_id_review', type_='foreignkey')
        batch_op.drop_index('ix_responsible_review_id')
        batch_op.drop_column('review_id')
    op.drop_table('review')
    op.execute("UPDATE section SET kind = 'text' WHERE kind = 'follow_up'")
    with op.batch_alter_table('section', schema=None) as batch_op:
        batch_op.drop_constraint('section_kind', type_='check')
        batch_op.create_check_constraint('section_kind', sa.text(_kinds(SECTION_KINDS_BEFORE)))
    for table, column, target in (("work_group", "source_group_id", "work_group"),
                                  ("workshop", "source_workshop_id", "workshop"),
                                  ("action", "source_wish_id", "wish")):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_{column}_{target}", type_='foreignkey')
            batch_op.drop_index(f"ix_{table}_{column}")
            batch_op.drop_column(column)
    with op.batch_alter_table('wish', schema=None) as batch_op:
        batch_op.add_column(sa.Column('responsible_text', sa.Text(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column('responsible_person_id', sa.String(36)))
        batch_op.create_foreign_key('fk_wish_responsible_person_id_person', 'person',
                                    ['responsible_person_id'], ['id'], ondelete="SET NULL")
    _recreate_search_triggers("wish", "section", "workshop")
