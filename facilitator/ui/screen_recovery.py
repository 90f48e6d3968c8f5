"""Come back to the evening as it was: workshop, page, timer, projector and its panel.

The window tells the draft keeper (ui/drafts.py) what it shows as it changes;
on the next start, after a crash or a dead battery as after a normal quit,
``restore`` puts it back. The projector comes back only if it was on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from facilitator.ui import drafts

if TYPE_CHECKING:
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.projector import ProjectorWindow


class ScreenRecovery(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        live = window.live
        window.tabs.currentChanged.connect(
            lambda _index: drafts.keeper().set_view(page=window.tabs.current_name()))
        live.dock.visibilityChanged.connect(self._remember_panel)
        live.projector_action.toggled.connect(
            lambda shown: drafts.keeper().set_view(projector=bool(shown)))
        live.timer.changed.connect(
            lambda *_: drafts.keeper().set_timer_state(live.timer.snapshot()))

    def _remember_panel(self, shown: bool) -> None:
        if not self.w.isMinimized() and self.w.isVisible():  # not the window closing
            drafts.keeper().set_view(panel=bool(shown))

    def watch_projector(self, projector: ProjectorWindow) -> None:
        projector.mode_changed.connect(lambda _mode: self.remember_projector(projector))

    @staticmethod
    def remember_projector(projector: ProjectorWindow) -> None:
        drafts.keeper().set_view(projector_mode=projector.mode.value,
                                 projector_section=projector.section_id,
                                 projector_group=projector.group_id)

    def restore(self) -> None:
        view = drafts.keeper().view()
        live = self.w.live
        live.timer.restore(drafts.keeper().timer_state())
        if self.w.workshop_id is None or view.get("workshop") != self.w.workshop_id:
            return
        page = view.get("page")
        if isinstance(page, str) and self.w.tabs.show_name(page):
            # The keyboard goes back where the work was (the capture line on the board),
            # once the window is on screen.
            QTimer.singleShot(0, lambda: self.w.keys.focus_page(self.w.tabs.current_page()))
        if view.get("panel"):
            live.dock.show()
        if view.get("projector"):
            self._restore_projector(view)

    def _restore_projector(self, view: dict[str, object]) -> None:
        from facilitator.ui.projector_content import Mode

        projector = self.w.live.projector
        mode = view.get("projector_mode")
        section, group = view.get("projector_section"), view.get("projector_group")
        if mode == Mode.AGENDA_ITEM.value:
            projector.show_agenda_item(section if isinstance(section, str) else None)
        elif mode == Mode.GROUP_WISHES.value and isinstance(group, str):
            projector.show_group(group)
        elif mode == Mode.ALL_GROUPS.value:
            projector.show_all_groups()
        elif mode == Mode.TIMER.value:
            projector.show_timer()
        elif mode == Mode.VOTE_RESULTS.value:
            projector.show_votes()
        if not projector.isVisible():
            self.w.live.toggle_projector()
