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


def _open_sample(store, window) -> str:
    load_sample(store)
    closing = next(w for w in projects.list_projects(store)[0].workshops
                   if w.title.startswith("Redovisning"))
    window.navigator.reload()
    window.open_workshop(closing.id)
    return closing.id


def test_f5_on_the_wish_board_shows_all_groups_with_their_sub_points(qtbot, store, window):
    from facilitator.services import wishes
    from facilitator.ui.projector import Mode

    workshop_id = _open_sample(store, window)
    window.show_page(window.wish_board)
    window.live.projector_action.trigger()
    projector = window.live.projector
    qtbot.waitUntil(projector.isVisible)
    projector.resize(1920, 1080)
    assert projector.mode is Mode.ALL_GROUPS
    text = projector.visible_text()
    nested = [w for g in groups.list_groups(store, workshop_id)
              for w in wishes.list_wishes(store, g.id) if w.depth > 0]
    assert nested
    assert nested[0].text in text  # "En gemensam evenemangskalender", a sub-point
    body = projector.current_layout().body
    assert not body.overflows()


def test_f5_on_a_board_showing_one_group_shows_that_group(qtbot, store, window):
    from facilitator.ui.projector import Mode

    workshop_id = _open_sample(store, window)
    board = window.wish_board
    window.show_page(board)
    board.layout_toggle.setChecked(True)
    board.switch_to(2)
    window.live.projector_action.trigger()
    projector = window.live.projector
    qtbot.waitUntil(projector.isVisible)
    second = groups.list_groups(store, workshop_id)[1]
    assert projector.mode is Mode.GROUP_WISHES
    assert projector.group_id == second.id
    assert second.name in projector.visible_text()


def test_f5_on_the_agenda_shows_the_chosen_item(qtbot, store, window):
    from facilitator.services import sections
    from facilitator.ui.projector import Mode

    workshop_id = _open_sample(store, window)
    item = next(s for s in sections.list_sections(store, workshop_id)
                if s.heading.startswith("Bakgrund"))
    window.show_page(window.agenda)
    window.agenda.select(item.id)
    window.live.projector_action.trigger()
    projector = window.live.projector
    qtbot.waitUntil(projector.isVisible)
    assert projector.mode is Mode.AGENDA_ITEM
    assert projector.section_id == item.id
    assert "Bakgrund och syfte" in projector.visible_text()
