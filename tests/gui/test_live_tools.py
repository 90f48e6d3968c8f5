"""The Kväll menu: F5 opens the projector on the chosen workshop; it follows the board."""

from __future__ import annotations

from facilitator.interchange.sample import load_sample
from facilitator.services import groups, projects


def test_projector_is_made_on_first_use_and_follows_the_captured_group(qtbot, store, window):
    load_sample(store)
    closing = next(w for w in projects.list_projects(store)[0].workshops
                   if w.title.startswith("Redovisning"))
    window.navigator.reload()
    window.open_workshop(closing.id)
    assert window.live._projector is None  # nothing loaded until asked for

    window.live.projector_action.trigger()
    projector = window.live.projector
    qtbot.waitUntil(projector.isVisible)
    assert window.live.projector_action.isChecked()
    assert projector.workshop_id == closing.id

    first, second, _third = groups.list_groups(store, closing.id)
    projector.show_group(first.id)
    window.live.follow_group(second.id)
    assert projector.group_id == second.id
    assert second.name in projector.visible_text()

    window.live.projector_action.trigger()
    qtbot.waitUntil(lambda: not projector.isVisible())
    assert not window.live.projector_action.isChecked()


def test_the_projector_panel_is_built_when_shown(qtbot, store, window):
    assert window.live._controls is None
    window.live.dock.show()
    qtbot.waitUntil(lambda: window.live._controls is not None)
    assert window.live.dock.widget() is window.live.controls
    assert window.live.controls.isEnabled() is False  # no workshop chosen
