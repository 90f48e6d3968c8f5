"""F5 shows what the facilitator is working on: the page on show decides.

From the wish board, the groups: the one being captured when the board shows
one group at a time (or the projector already shows one group), else all of
them side by side. From the agenda, the item chosen there (the whole agenda
when none is). Other pages leave the projector as it was.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from facilitator.ui.projector import ProjectorWindow
from facilitator.ui.projector_content import Mode


def show_current_context(projector: ProjectorWindow, page: QWidget | None) -> None:
    """Point ``projector`` at what ``page`` is showing the facilitator."""
    if page is None:
        return
    active_column = getattr(page, "active_column", None)
    layout_toggle = getattr(page, "layout_toggle", None)
    current_section_id = getattr(page, "current_section_id", None)
    if active_column is not None and layout_toggle is not None:
        group_id = getattr(active_column(), "group_id", None)
        one_group = layout_toggle.isChecked() or projector.mode is Mode.GROUP_WISHES
        if group_id and one_group:
            projector.show_group(group_id)
        else:
            projector.show_all_groups()
    elif current_section_id is not None:
        projector.show_agenda_item(current_section_id())
