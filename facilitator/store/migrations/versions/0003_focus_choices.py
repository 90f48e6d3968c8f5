"""focus choices: which focus areas each participant chose at a workshop

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

Only creates the new table. The tables indexed for search (workshop, section,
wish, focus_area, person) are NOT rebuilt: a batch rebuild would drop their
FTS triggers from migration 0002.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "focus_choice",
        sa.Column("workshop_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("focus_area_id", sa.String(length=36), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("rank IS NULL OR rank >= 1",
                           name=op.f("ck_focus_choice_rank_positive")),
        sa.ForeignKeyConstraint(["focus_area_id"], ["focus_area.id"],
                                name=op.f("fk_focus_choice_focus_area_id_focus_area")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"],
                                name=op.f("fk_focus_choice_person_id_person")),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"],
                                name=op.f("fk_focus_choice_workshop_id_workshop")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_focus_choice")),
        sa.UniqueConstraint("workshop_id", "person_id", "focus_area_id",
                            name=op.f("uq_focus_choice_workshop_id")),
    )
    with op.batch_alter_table("focus_choice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_focus_choice_focus_area_id"), ["focus_area_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_focus_choice_person_id"), ["person_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_focus_choice_workshop_id"), ["workshop_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("focus_choice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_focus_choice_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_focus_choice_person_id"))
        batch_op.drop_index(batch_op.f("ix_focus_choice_focus_area_id"))
    op.drop_table("focus_choice")
