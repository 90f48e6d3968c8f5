"""projects: the unit (enhet) a project belongs to

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

On an organisation's server (#15) each facilitator sees the projects of their
own unit. ``project.unit`` names it; NULL means the project is visible to
everyone, which is what every existing project and every laptop's project
is. The roles and row-level-security policies that use the column are not
made here but by ``facilitator server-init`` (store/server_setup.py), so a
plain single-user server and a laptop's file need no roles at all.

A plain nullable column: ALTER TABLE ADD COLUMN (and DROP COLUMN) work on
SQLite too, so the table is not rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("project", sa.Column("unit", sa.String(length=200), nullable=True))


def downgrade() -> None:
    op.drop_column("project", "unit")  # SQLite 3.35+ drops a column in place
