"""merge conflicts and tombstones: the project and unit they belong to

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

On an organisation's server (#15) a facilitator sees only their units'
projects; a merge conflict holds text values of a row and a tombstone names a
row removed for good, so they must follow the same rule. Their rows refer to
(table_name, row_id) only, and a tombstone's row is gone, so the project and
its unit are written down when the conflict or tombstone is made: by a trigger
that ``facilitator server-init`` installs (store/server_setup.py), which also
keeps ``unit`` in step when a project moves to another unit. On a laptop's file
and a server without ``server-init`` both stay NULL; they do not travel in
packages.

Plain nullable columns: ALTER TABLE ADD COLUMN works on SQLite too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("merge_conflict", "tombstone")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("project_id", sa.String(length=36), nullable=True))
        op.add_column(table, sa.Column("unit", sa.String(length=200), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "unit")  # SQLite 3.35+ drops a column in place
        op.drop_column(table, "project_id")
