"""The projector window: what each mode shows, live edits, type scaling, focus, timer end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from facilitator.events import ChangeBus
from facilitator.interchange.sample import load_sample
from facilitator.services import groups, sections, wishes
from facilitator.ui import platform_helpers
from facilitator.ui.projector import Mode, ProjectorWindow
from facilitator.ui.projector_controls import ProjectorControls
from facilitator.ui.projector_desktop import pick_projector_screen
from facilitator.ui.timer import TimerWidget, WorkshopTimer
from tests.gui.projector_screenshots import sample_workshop


class FakeInhibitor:
    def __init__(self) -> None:
        self.held = False

    def acquire(self) -> bool:
        self.held = True
        return True

    def release(self) -> None:
        self.held = False


@pytest.fixture
def sample(store):
    load_sample(store)
    return sample_workshop(store)


@pytest.fixture
def projector(qtbot, store, sample):
    window = ProjectorWindow(store, ChangeBus(store))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.set_workshop(sample)
    return window


def test_it_is_a_window_that_never_takes_focus(projector):
    assert projector.isWindow()
    assert projector.objectName() == "projectorWindow"
    assert projector.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert projector.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert projector.toggle_action.shortcut().toString() == "F5"


def test_agenda_overview_and_one_item_with_its_notes(projector, store, sample):
    projector.show_agenda_item(None)
    text = projector.visible_text()
    assert "Redovisning av Lillsjö framåt" in text
    for item in sections.list_sections(store, sample):
        assert item.heading in text
    item = next(s for s in sections.list_sections(store, sample)
                if s.heading == "Bakgrund och syfte")
    projector.show_agenda_item(item.id)
    text = projector.visible_text()
    assert "Bakgrund och syfte" in text
    assert "bygga förtroende genom samverkan" in text  # Markdown bold, shown as text
    assert "**" not in text
    assert projector.mode is Mode.AGENDA_ITEM


def test_one_group_shows_its_wishes_nested_with_votes(projector, store, sample):
    group = groups.list_groups(store, sample)[0]
    projector.show_group(group.id)
    text = projector.visible_text()
    assert group.name in text
    for wish in wishes.list_wishes(store, group.id):
        assert wish.text in text
    assert "\u25cf\u202f6" in text  # "Jobba med hur föreningarna kan samarbeta:" has 6 votes
    assert "Medborgardialog" not in text.split(group.name, 1)[1]


def test_all_groups_side_by_side(projector, store, sample):
    projector.show_all_groups()
    text = projector.visible_text()
    all_groups = groups.list_groups(store, sample)
    for group in all_groups:
        assert group.name in text
        first = wishes.list_wishes(store, group.id)[0]
        assert first.text in text
    body = projector.current_layout().body
    assert len(body.documents) == len(all_groups)
    tops = {box.top() for box in body.boxes}
    assert len(tops) == 1  # one row of columns


def test_votes_sorted_most_first(projector):
    projector.show_votes()
    text = projector.visible_text()
    first = text.index("Jobba med hur föreningarna kan samarbeta")  # 6 votes
    assert first < text.index("En gemensam evenemangskalender")  # 5
    assert text.index("En gemensam evenemangskalender") < text.index("Samla kulturgruppen")  # 4
    assert "Någon som ansvarar" not in text  # no votes, not listed


def test_follows_a_service_edit_live(qtbot, projector, store, sample):
    group = groups.list_groups(store, sample)[1]
    projector.show_group(group.id)
    wishes.add_wish(store, group.id, "Öppen förskola på lördagar")
    qtbot.waitUntil(lambda: "Öppen förskola på lördagar" in projector.visible_text(),
                    timeout=2000)
    wishes.set_votes(store, wishes.list_wishes(store, group.id)[-1].id, 7)
    qtbot.waitUntil(lambda: "lördagar\u2002\u25cf\u202f7" in projector.visible_text(),
                    timeout=2000)


def test_a_trashed_group_falls_back_instead_of_failing(qtbot, projector, store, sample):
    victim = groups.list_groups(store, sample)[2]
    projector.show_group(victim.id)
    groups.delete_group(store, victim.id)
    qtbot.waitUntil(lambda: victim.name not in projector.visible_text(), timeout=2000)
    assert groups.list_groups(store, sample)[0].name in projector.visible_text()


@pytest.mark.parametrize("mode", ["item", "group", "all", "votes"])
def test_type_grows_with_the_window_and_always_fits(projector, store, sample, mode):
    group = groups.list_groups(store, sample)[0]
    item = sections.list_sections(store, sample)[1]
    {"item": lambda: projector.show_agenda_item(item.id),
     "group": lambda: projector.show_group(group.id),
     "all": projector.show_all_groups,
     "votes": projector.show_votes}[mode]()
    sizes = {}
    for width, height in ((1024, 768), (1920, 1080)):
        projector.resize(width, height)
        assert projector.content_fits(), f"overflow at {width}x{height}"
        sizes[height] = projector.body_pixel_size()
        assert sizes[height] >= height / 34 - 1  # never below the readable floor
    assert sizes[1080] > sizes[768]


def test_too_much_text_is_cut_with_a_count_not_clipped(projector, store, sample):
    group = groups.list_groups(store, sample)[0]
    for n in range(60):
        wishes.add_wish(store, group.id, f"Extra önskemål nummer {n} med lite längre text")
    projector.show_group(group.id)
    projector.resize(1024, 768)
    assert projector.content_fits()
    assert "… and" in projector.visible_text()
    assert projector.current_layout().body.truncated


def test_showing_the_projector_keeps_focus_in_capture(qtbot, projector):
    capture = QWidget()
    qtbot.addWidget(capture)
    line = QLineEdit(capture)
    capture.show()
    qtbot.waitExposed(capture)
    capture.activateWindow()
    line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line, timeout=2000)
    projector.toggle_fullscreen()  # one screen offscreen: a normal window
    qtbot.waitExposed(projector)
    qtbot.wait(50)
    assert projector.isVisible() and projector.toggle_action.isChecked()
    assert QApplication.focusWidget() is line
    projector.show_all_groups()
    assert QApplication.focusWidget() is line
    projector.toggle_fullscreen()
    assert not projector.isVisible() and not projector.toggle_action.isChecked()


def test_pick_a_screen_other_than_the_facilitators():
    laptop, beamer = object(), object()
    assert pick_projector_screen([laptop], laptop) is None
    assert pick_projector_screen([laptop, beamer], laptop) is beamer
    assert pick_projector_screen([laptop, beamer], beamer) is laptop


def test_timer_mode_counts_down_and_the_end_flashes_and_chimes(qtbot, projector, monkeypatch):
    chimes: list[int] = []
    monkeypatch.setattr(platform_helpers, "play_chime", lambda *a: chimes.append(1))
    timer = WorkshopTimer(inhibitor=FakeInhibitor())
    widget = TimerWidget(timer)
    qtbot.addWidget(widget)
    projector.show_timer(timer)
    assert projector.visible_text() == "10:00"
    timer._duration_ms = timer._remaining_ms = 400  # a short run for the test
    flashes: list[bool] = []
    timer.flash_changed.connect(flashes.append)
    with qtbot.waitSignal(timer.finished, timeout=3000):
        widget.start_button.click()
    assert projector.flashing and widget.flashing
    assert projector.visible_text() == "00:00\nTime is up"
    assert chimes == [1]
    qtbot.waitUntil(lambda: len(flashes) >= 2, timeout=2000)
    assert flashes[:2] == [True, False]
    timer.reset()
    assert not projector.flashing and not widget.flashing
    assert widget.display.text() == "00:01"  # the full (test-sized) time again


def test_timer_widget_controls_the_timer(qtbot):
    timer = WorkshopTimer(inhibitor=FakeInhibitor(), chime=False)
    widget = TimerWidget(timer)
    qtbot.addWidget(widget)
    assert widget.objectName() == "timerWidget"
    for name in ("timerMinutes", "timerStart", "timerReset", "timerDisplay"):
        assert widget.findChild(QWidget, name) is not None
    widget.minutes.setValue(5)
    assert widget.display.text() == "05:00"
    assert "F6" in widget.start_button.toolTip()
    widget.start_button.click()
    assert timer.is_running() and not widget.minutes.isEnabled()
    widget.start_button.click()
    assert not timer.is_running() and timer.is_active()
    widget.reset_button.click()
    assert widget.display.text() == "05:00" and widget.minutes.isEnabled()


def test_corner_timer_on_other_slides_while_running(projector, store, sample):
    timer = WorkshopTimer(inhibitor=FakeInhibitor(), chime=False)
    projector.set_timer(timer)
    projector.show_all_groups()
    assert not projector.visible_text().startswith("10:00")
    timer.start()
    assert projector.visible_text().startswith("10:00") or \
        projector.visible_text().startswith("09:59")
    assert projector.content_fits()
    timer.reset()


def test_controls_switch_modes_and_groups(qtbot, projector, store, sample):
    timer = WorkshopTimer(inhibitor=FakeInhibitor(), chime=False)
    projector.set_timer(timer)
    controls = ProjectorControls(projector)
    qtbot.addWidget(controls)
    assert controls.objectName() == "projectorControls"
    all_groups = groups.list_groups(store, sample)
    assert controls.group_box.count() == len(all_groups)
    controls.group_box.setCurrentIndex(1)
    controls.mode_buttons[Mode.GROUP_WISHES].click()
    assert projector.mode is Mode.GROUP_WISHES
    assert all_groups[1].name in projector.visible_text()
    controls.mode_buttons[Mode.VOTE_RESULTS].click()
    assert projector.mode is Mode.VOTE_RESULTS
    controls.mode_buttons[Mode.TIMER].click()
    assert projector.visible_text() == "10:00"
    projector.show_all_groups()
    assert controls.mode_buttons[Mode.ALL_GROUPS].isChecked()
    groups.create_group(store, sample, name="Nya gruppen")
    qtbot.waitUntil(lambda: controls.group_box.count() == len(all_groups) + 1, timeout=2000)
    assert "F5" in controls.show_button.text()


def _lines(doc) -> list[str]:
    """The document's text as it is broken into lines on the screen."""
    out = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            out.append(text[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    return out


@pytest.mark.parametrize("width", range(1000, 1300, 20))
def test_km_h_is_never_broken_across_lines(projector, store, sample, width):
    group = groups.list_groups(store, sample)[0]
    wishes.add_wish(store, group.id, "Sänk hastigheten till 30 km/h genom hela byn "
                                     "och 40 km/h förbi skolan/förskolan")
    projector.show_group(group.id)
    projector.resize(width, 768)
    lines = [x.replace("\u2060", "").strip()
             for doc in projector.current_layout().body.documents for x in _lines(doc)]
    assert "30 km/h genom" in projector.visible_text()
    assert not [x for x in lines if x.endswith("/")], lines
