"""merge: per-field versions, the database's device and clock, tombstones, conflicts

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

Format 4 of docs/data-model.md (#14). Every tracked table gets ``versions``
(JSON, see ``store/versions.py``; NULL for rows written before: they count as
written once at their ``updated_at``). ``store_meta`` holds this database's
device id and the last stamp of its clock. ``tombstone`` remembers rows that
are gone for good (emptied trash, GDPR erasure) so no package brings them
back; ``merge_conflict`` keeps the value that lost when two laptops changed
the same field.

Adding a nullable column is a plain ALTER TABLE on SQLite: no table is
rebuilt, so the search triggers stay.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TRACKED = ("organisation", "person", "project", "focus_area", "workshop", "section",
           "attendance", "work_group", "group_focus_area", "group_member", "wish", "action",
           "focus_choice", "responsible", "workshop_role", "key_figure", "review")


def upgrade() -> None:
    for table in TRACKED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("versions", sa.Text(), nullable=True))
    with op.batch_alter_table("wish", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vote_shares", sa.Text(), nullable=True))
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_meta")),
    )
    # The device id is made at the database's first write (store/stamping.py), so a
    # copy of a file that was never written to does not share it.
    op.create_table(
        "tombstone",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("stamp", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.Enum("purged", "erasure", name="tombstone_reason",
                                    native_enum=False, create_constraint=True, length=24),
                  nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_tombstone")),
    )
    op.create_table(
        "merge_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=True),
        sa.Column("kept_stamp", sa.String(length=120), nullable=False),
        sa.Column("other_value", sa.Text(), nullable=True),
        sa.Column("other_stamp", sa.String(length=120), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("chosen", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflict")),
    )
    with op.batch_alter_table("merge_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_merge_conflict_row_id"), ["row_id"], unique=False)


def downgrade() -> None:
    """Back to 0005: versions, tombstones and conflicts are dropped (a backup is made
    before every migration)."""
    op.drop_table("merge_conflict")
    op.drop_table("tombstone")
    op.drop_table("store_meta")
    with op.batch_alter_table("wish", schema=None) as batch_op:
        batch_op.drop_column("vote_shares")
    for table in TRACKED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("versions")
    if op.get_bind().dialect.name == "sqlite":  # the rebuilt tables lost their triggers
        path = Path(__file__).with_name("0002_search_index.py")
        spec = importlib.util.spec_from_file_location("search_index_0002", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for kind in module.INDEXED:
            for suffix in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER IF EXISTS search_{kind}_{suffix}")
            for statement in module.trigger_sql(kind):
                op.execute(statement)
