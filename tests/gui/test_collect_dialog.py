"""Dela ut till antecknare… and Samla in…: three note-takers, by keyboard, in Swedish (#14).

The facilitator hands the workshop out through the real dialog; three note-taker
laptops (fresh databases) import their package, capture wishes, check people
in, trash one and, two of them, correct the same wish; the facilitator collects
the three packages (and a broken file) through the real Samla in… dialog, reads
the preview's counts per group and imports.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.app import open_store
from facilitator.interchange.export import write_package
from facilitator.interchange.importer import import_package_file
from facilitator.services import conflicts, people, wishes
from facilitator.services.core import Store
from facilitator.ui.dialogs.collect_dialog import CollectDialog
from facilitator.ui.dialogs.handout_packages_dialog import HandoutPackagesDialog
from tests.gui.keyboard import press, type_text
from tests.gui.modal import choose_file, when_shown
from tests.unit.test_handout_collect import evening

M = Qt.KeyboardModifier
NOTE_TAKERS = ("Åsa", "Göran", "Märta")


def tab_to(start: QWidget, target: QWidget, most: int = 15) -> None:
    """Press Tab from ``start`` until ``target`` has the focus."""
    current = start
    for _ in range(most):
        if QApplication.focusWidget() is target:
            return
        press(current, Qt.Key.Key_Tab)
        current = QApplication.focusWidget() or current
    assert QApplication.focusWidget() is target, "Tab never reached the widget"


def open_by_key(qtbot, window: QWidget, key: Qt.Key, dialog_kind: type,  # type: ignore[no-untyped-def]
                act) -> None:
    """Press Ctrl+Shift+``key`` in the window and run ``act`` in the dialog it opens;
    the dialog is closed (Esc) even when ``act`` fails, and ``act`` must have run."""
    done: list[bool] = []

    def run(dialog: QWidget) -> None:
        try:
            dialog.activateWindow()  # as the window system does for a new modal dialog
            qtbot.waitUntil(dialog.isActiveWindow)
            act(dialog)
            done.append(True)
        finally:
            press(dialog, Qt.Key.Key_Escape)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_shown(dialog_kind, run)
    press(window, key, M.ControlModifier | M.ShiftModifier)
    assert done == [True]


def texts(store: Store, group_id: str) -> list[str]:
    return [w.text for w in wishes.list_wishes(store, group_id)]


def test_hand_out_to_three_note_takers_and_collect_their_work(
        qtbot, store, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ids = evening(store)
    window = make_window()
    window.open_workshop(ids["workshop"])
    folder = tmp_path / "USB-minnet"
    written: list[str] = []

    def hand_out(dialog: HandoutPackagesDialog) -> None:
        for name_field, name in zip(dialog.note_takers, NOTE_TAKERS, strict=True):
            name_field.setFocus()
            type_text(name_field, name)
        press(dialog.whole_workshop, Qt.Key.Key_Space)  # each sees the whole evening
        dialog.folder.selectAll()
        type_text(dialog.folder, str(folder))
        press(dialog.folder, Qt.Key.Key_Return)  # Enter saves
        written.extend(dialog.written.item(i).text() for i in range(dialog.written.count()))
        # The list of files does not squeeze the groups out of view.
        qtbot.waitUntil(lambda: all(
            box.visibleRegion().boundingRect().height() >= box.sizeHint().height()
            for box in dialog.group_boxes))

    open_by_key(qtbot, window, Qt.Key.Key_U, HandoutPackagesDialog, hand_out)
    assert written == [
        "Kväll i bygdegården – Skolan och förskolan – Åsa.json",
        "Kväll i bygdegården – Vägar och belysning – Göran.json",
        "Kväll i bygdegården – Hamnen – Märta.json"]

    returned = []
    for n, (name, file_name) in enumerate(zip(NOTE_TAKERS, written, strict=True), 1):
        laptop = open_store(tmp_path / f"{name}.sqlite3")
        try:
            import_package_file(laptop, folder / file_name)
            group = ids[f"group{n}"]
            if n == 1:
                wishes.add_wish(laptop, group, "Öppna förskolans gård på kvällarna")
                wishes.set_text(laptop, ids["wish1"], "Lekplats vid skolan, av Åsa")
                people.set_attendance(laptop, ids["workshop"], ids["person1"], "attended")
            elif n == 2:
                wishes.add_wish(laptop, group, "Bättre belysning på gångvägen")
                wishes.add_wish(laptop, group, "Farthinder vid bygdegården")
                wishes.delete_wish(laptop, ids["wish2"])  # to the trash
                # Göran also corrects Åsa's wish: the same text, changed on two laptops.
                wishes.set_text(laptop, ids["wish1"], "Lekplats vid skolan, rättad av Göran")
            else:
                wishes.add_wish(laptop, group, "Flytbrygga för kajaker")
                wishes.set_text(laptop, ids["wish3"], "Fler båtplatser i hamnen")
                people.set_attendance(laptop, ids["workshop"], ids["person2"], "attended")
            returned.append(write_package(laptop, ids["workshop"],
                                          tmp_path / f"tillbaka-{name}.json"))
        finally:
            laptop.close()
    broken = tmp_path / "trasig.json"
    broken.write_text('{"format": ', encoding="utf-8")
    seen: dict[str, object] = {}

    def collect(dialog: CollectDialog) -> None:
        for path in (returned[0], broken, returned[1]):  # typed, Enter adds each
            type_text(dialog.path, str(path))
            press(dialog.path, Qt.Key.Key_Return)
        add_files = dialog.findChild(QWidget, "collectAddFiles")
        tab_to(dialog.path, add_files)

        choose_file(returned[2])
        press(add_files, Qt.Key.Key_Space)  # the file chooser: Märta's package
        dialog.activateWindow()  # back from the chooser, as the window system does
        qtbot.waitUntil(dialog.isActiveWindow)
        seen["files"] = [dialog.file_list.item(i).text()
                         for i in range(dialog.file_list.count())]
        seen["rows"] = dialog.table_rows()
        seen["summary"] = dialog.summary.text()
        tab_to(add_files, dialog.import_button)
        press(dialog.import_button, Qt.Key.Key_Space)
        seen["after"] = dialog.summary.text()

    open_by_key(qtbot, window, Qt.Key.Key_I, CollectDialog, collect)

    files = seen["files"]
    assert isinstance(files, list) and len(files) == 4
    assert files[0] == "tillbaka-Åsa.json" and files[2] == "tillbaka-Göran.json"
    assert files[1].startswith("trasig.json – ") and "trasig.json" in files[1]
    assert files[3] == "tillbaka-Märta.json"  # the bad file did not push the others out
    wish_kind, all_groups, check_ins = "Önskemål", "Alla grupper", "Incheckningar"
    assert seen["rows"] == [
        # group, what, new, changed, deleted, in conflict
        ["Skolan och förskolan", wish_kind, "1", "0", "0", "1"],
        ["Vägar och belysning", wish_kind, "2", "0", "1", "0"],
        ["Hamnen", wish_kind, "1", "1", "0", "0"],
        [all_groups, check_ins, "0", "2", "0", "0"],
    ]
    assert "Ctrl+Shift+K" in str(seen["after"])

    # The database: every note-taker's work is in, the conflict kept for Konflikter.
    assert texts(store, ids["group1"]) == [
        "Lekplats vid skolan, rättad av Göran", "Öppna förskolans gård på kvällarna"]
    assert texts(store, ids["group2"]) == [
        "Bättre belysning på gångvägen", "Farthinder vid bygdegården"]
    assert texts(store, ids["group3"]) == ["Fler båtplatser i hamnen", "Flytbrygga för kajaker"]
    [conflict] = conflicts.list_conflicts(store)
    assert (conflict.kept, conflict.other) == (
        "Lekplats vid skolan, rättad av Göran", "Lekplats vid skolan, av Åsa")
    attended = {a.person_id for a in people.list_attendance(store, ids["workshop"])
                if a.status == "attended"}
    assert attended == {ids["person1"], ids["person2"]}


def test_a_bad_file_is_shown_and_delete_takes_it_out(qtbot, store, swedish, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.interchange.handout import HandoutRequest, write_handout

    ids = evening(store)
    [package] = write_handout(store, ids["workshop"], [HandoutRequest(ids["group1"])], tmp_path)
    laptop = open_store(tmp_path / "åsa.sqlite3")
    try:
        import_package_file(laptop, package)
        wishes.add_wish(laptop, ids["group1"], "Öppna förskolans gård på kvällarna")
        back = write_package(laptop, ids["workshop"], tmp_path / "åsa-tillbaka.json")
    finally:
        laptop.close()
    dialog = CollectDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for path in (tmp_path / "finns-inte.json", back):
        type_text(dialog.path, str(path))
        press(dialog.path, Qt.Key.Key_Return)
    assert dialog.file_list.count() == 2
    assert "finns inte" in dialog.file_list.item(0).text()  # the error, in Swedish
    assert dialog.table_rows()[0][0] == "Skolan och förskolan"
    assert dialog.import_button.isEnabled()  # the good file can still be imported
    dialog.file_list.setFocus()
    dialog.file_list.setCurrentRow(0)
    press(dialog.file_list, Qt.Key.Key_Delete)
    assert [dialog.file_list.item(i).text() for i in range(dialog.file_list.count())] == [
        "åsa-tillbaka.json"]
    press(dialog.file_list, Qt.Key.Key_Delete)
    assert dialog.file_list.count() == 0 and dialog.table_rows() == []
    assert not dialog.import_button.isEnabled()
    assert texts(store, ids["group1"]) == ["Första önskemålet i Skolan och förskolan"]
