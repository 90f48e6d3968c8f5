"""minutes content: responsibles, roles and key figures as rows; group text; consent

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05

Format 2 of docs/data-model.md. The one-per-row responsible columns of focus
areas and actions become ``responsible`` rows, the workshop's moderator,
project leader and note taker become ``workshop_role`` rows, with the same
derived ids a version-1 package upgrade gives them (``derived_id``), so an old
package imported into a migrated store finds them instead of adding copies.

Rebuilding ``workshop`` and ``focus_area`` in batch mode drops their search
triggers (migration 0002), so they are created again here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

from facilitator.store.vocabulary import derived_id

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD_ROLES = (("project_leader", "project_leader"), ("moderator", "moderator"),
             ("note_taker", "note_taker"))  # (workshop column, role kind)


def _search_triggers(kind: str) -> list[str]:
    path = Path(__file__).with_name("0002_search_index.py")
    spec = importlib.util.spec_from_file_location("search_index_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    statements: list[str] = module.trigger_sql(kind)
    return statements


def upgrade() -> None:
    op.create_table('key_figure',
    sa.Column('workshop_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('typed', 'counted', name='key_figure_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('metric', sa.Enum('participants', 'people_met', 'attendances', 'organisations', 'workshops', 'wishes', name='metric', native_enum=False, create_constraint=True, length=24), nullable=True),
    sa.Column('value', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=100), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("(kind = 'counted' AND metric IS NOT NULL) OR (kind = 'typed' AND metric IS NULL AND (value <> '' OR sentence <> ''))", name=op.f('ck_key_figure_typed_or_counted')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_key_figure_workshop_id_workshop')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_figure'))
    )
    with op.batch_alter_table('key_figure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_figure_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('workshop_role',
    sa.Column('workshop_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('project_leader', 'moderator', 'presenter', 'author', 'evaluator', 'note_taker', 'chair', 'other', name='role_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("(CASE WHEN person_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN name <> '' THEN 1 ELSE 0 END) = 1", name=op.f('ck_workshop_role_one_who')),
    sa.CheckConstraint("role <> 'other' OR label <> ''", name=op.f('ck_workshop_role_other_has_label')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_workshop_role_person_id_person')),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshop.id'], name=op.f('fk_workshop_role_workshop_id_workshop')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_role'))
    )
    with op.batch_alter_table('workshop_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshop_role_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workshop_role_workshop_id'), ['workshop_id'], unique=False)

    op.create_table('responsible',
    sa.Column('focus_area_id', sa.String(length=36), nullable=True),
    sa.Column('action_id', sa.String(length=36), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('organisation_id', sa.String(length=36), nullable=True),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("(CASE WHEN person_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN organisation_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN text <> '' THEN 1 ELSE 0 END) = 1", name=op.f('ck_responsible_one_who')),
    sa.CheckConstraint('(CASE WHEN focus_area_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN action_id IS NOT NULL THEN 1 ELSE 0 END) = 1', name=op.f('ck_responsible_one_owner')),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_responsible_action_id_action')),
    sa.ForeignKeyConstraint(['focus_area_id'], ['focus_area.id'], name=op.f('fk_responsible_focus_area_id_focus_area')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_responsible_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_responsible_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responsible'))
    )
    with op.batch_alter_table('responsible', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responsible_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responsible_focus_area_id'), ['focus_area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responsible_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responsible_person_id'), ['person_id'], unique=False)

    _move_responsibles()
    _move_roles()

    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_constraint("fk_action_responsible_person_id_person", type_="foreignkey")
        batch_op.drop_constraint("fk_action_responsible_organisation_id_organisation",
                                 type_="foreignkey")
        batch_op.drop_column("responsible_organisation_id")
        batch_op.drop_column("responsible_person_id")
        batch_op.drop_column("responsible_text")

    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("may_be_named", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))

    with op.batch_alter_table("focus_area", schema=None) as batch_op:
        batch_op.drop_constraint("fk_focus_area_responsible_organisation_id_organisation",
                                 type_="foreignkey")
        batch_op.drop_constraint("fk_focus_area_responsible_person_id_person",
                                 type_="foreignkey")
        batch_op.drop_column("responsible_organisation_id")
        batch_op.drop_column("responsible_person_id")
        batch_op.drop_column("responsible_text")

    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "responsible_form",
            sa.Enum("name", "name_title", "name_title_organisation", name="responsible_form",
                    native_enum=False, create_constraint=True, length=24),
            nullable=False, server_default="name_title_organisation"))
        batch_op.add_column(sa.Column("group_lead_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("group_after_text", sa.Text(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("show_group_members", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.drop_column("moderator")
        batch_op.drop_column("note_taker")
        batch_op.drop_column("project_leader")

    if op.get_bind().dialect.name == "sqlite":
        for kind in ("workshop", "focus_area"):
            for statement in _search_triggers(kind):
                op.execute(statement)


def _move_responsibles() -> None:
    bind = op.get_bind()
    rows: list[dict[str, Any]] = []
    for table, owner in (("focus_area", "focus_area_id"), ("action", "action_id")):
        for row in bind.execute(sa.text(
            f"SELECT id, responsible_person_id, responsible_organisation_id, "
            f"responsible_text, created_at, updated_at FROM {table}"
        )).mappings():
            who = {"person_id": row["responsible_person_id"],
                   "organisation_id": None, "text": ""}
            if who["person_id"] is None:
                if row["responsible_organisation_id"] is not None:
                    who["organisation_id"] = row["responsible_organisation_id"]
                elif (row["responsible_text"] or "").strip():
                    who["text"] = row["responsible_text"].strip()[:500]
                else:
                    continue
            rows.append({"id": derived_id(row["id"], "responsible"), "focus_area_id": None,
                         "action_id": None, owner: row["id"], "position": 0, **who,
                         "created_at": row["created_at"], "updated_at": row["updated_at"]})
    if rows:
        bind.execute(sa.text(
            "INSERT INTO responsible (id, focus_area_id, action_id, position, person_id, "
            "organisation_id, text, created_at, updated_at) VALUES (:id, :focus_area_id, "
            ":action_id, :position, :person_id, :organisation_id, :text, :created_at, "
            ":updated_at)"), rows)


def _move_roles() -> None:
    bind = op.get_bind()
    rows: list[dict[str, Any]] = []
    for row in bind.execute(sa.text(
        "SELECT id, project_leader, moderator, note_taker, created_at, updated_at FROM workshop"
    )).mappings():
        for position, (column, role) in enumerate(OLD_ROLES):
            name = (row[column] or "").strip()
            if name:
                rows.append({"id": derived_id(row["id"], f"role:{role}"), "workshop_id": row["id"],
                             "position": position, "role": role, "name": name[:300],
                             "created_at": row["created_at"], "updated_at": row["updated_at"]})
    if rows:
        bind.execute(sa.text(
            "INSERT INTO workshop_role (id, workshop_id, position, role, label, person_id, name, "
            "created_at, updated_at) VALUES (:id, :workshop_id, :position, :role, '', NULL, "
            ":name, :created_at, :updated_at)"), rows)


def downgrade() -> None:
    """Back to 0003: the old single columns come back empty (the app never downgrades;
    a backup is made before every migration)."""
    op.drop_table("responsible")
    op.drop_table("workshop_role")
    op.drop_table("key_figure")
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.add_column(sa.Column("project_leader", sa.String(300), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("note_taker", sa.String(300), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("moderator", sa.String(300), nullable=False,
                                      server_default=""))
        batch_op.drop_constraint("responsible_form", type_="check")
        batch_op.drop_column("show_group_members")
        batch_op.drop_column("group_after_text")
        batch_op.drop_column("group_lead_text")
        batch_op.drop_column("responsible_form")
    for table in ("focus_area", "action"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("responsible_text", sa.Text(), nullable=False,
                                          server_default=""))
            batch_op.add_column(sa.Column("responsible_person_id", sa.String(36)))
            batch_op.add_column(sa.Column("responsible_organisation_id", sa.String(36)))
            batch_op.create_foreign_key(f"fk_{table}_responsible_person_id_person", "person",
                                        ["responsible_person_id"], ["id"], ondelete="SET NULL")
            batch_op.create_foreign_key(
                f"fk_{table}_responsible_organisation_id_organisation", "organisation",
                ["responsible_organisation_id"], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_column("may_be_named")
    if op.get_bind().dialect.name == "sqlite":
        for kind in ("workshop", "focus_area"):
            for statement in _search_triggers(kind):
                op.execute(statement)
