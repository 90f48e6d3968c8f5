"""people: a person joined into another (merged_into_id)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

Format 4 of docs/data-model.md (#14): the same person captured on two laptops
is joined into one. The duplicate stays, in the trash, with ``merged_into_id``
naming the person kept, so a later package that still refers to the duplicate
lands on the kept person, and the join can be undone.

A foreign key can't be added by ALTER TABLE on SQLite: ``person`` is rebuilt,
both ways, and its search triggers are made again after.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "merged_into_id", sa.String(length=36),
            sa.ForeignKey("person.id", name=op.f("fk_person_merged_into_id_person"),
                          ondelete="SET NULL"),
            nullable=True))
        batch_op.create_index(batch_op.f("ix_person_merged_into_id"), ["merged_into_id"],
                              unique=False)
    _restore_search_triggers()


def downgrade() -> None:
    """Back to 0006: joined duplicates stay in the trash, no longer redirected."""
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_merged_into_id"))
        batch_op.drop_column("merged_into_id")
    _restore_search_triggers()


def _restore_search_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":  # the rebuilt table lost its triggers
        path = Path(__file__).with_name("0002_search_index.py")
        spec = importlib.util.spec_from_file_location("search_index_0002", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_person_{suffix}")
        for statement in module.trigger_sql("person"):
            op.execute(statement)
