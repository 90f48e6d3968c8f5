"""The wish board's fast paths keep the behaviour they replaced.

The model keeps its row count in C++ (QStringListModel), so its Python rows
and Qt's count must change together, in the order a view expects; the list's
scroll bar skips repaints that would show nothing new; the rows are painted
from cached colours and laid-out texts; capture writes through Core statements.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractSlider

from facilitator.services import (
    NotFoundError,
    ValidationError,
    groups,
    projects,
    wish_batch,
    wish_fast_paths,
    wishes,
)
from facilitator.services import workshops as ws
from facilitator.store.models import Wish, WishStatus
from facilitator.ui.models.wish_list_model import ID_ROLE, WishListModel
from facilitator.ui.widgets.wish_column import WishColumn
from facilitator.ui.widgets.wish_scrollbar import WishScrollBar


@pytest.fixture(autouse=True)
def _collect_between_tests():
    yield
    gc.collect()


def info(n: int, parent: str | None = None, depth: int = 0, position: int | None = None):
    return wishes.WishInfo(f"w{n}", "g", parent, n if position is None else position, depth,
                           f"Önskemål {n}", 0, WishStatus.OPEN)


def test_row_count_is_qts_and_moves_with_the_python_rows(qapp) -> None:
    assert "rowCount" not in WishListModel.__dict__  # a relayout must not call Python per row
    model = WishListModel("g")
    seen: list[tuple[str, int, list[str]]] = []

    def ids() -> list[str]:
        return [model.index(r).data(ID_ROLE) for r in range(model.rowCount())]

    model.rowsAboutToBeRemoved.connect(lambda *_a: seen.append(("before", model.rowCount(),
                                                                ids())))
    model.rowsRemoved.connect(lambda *_a: seen.append(("after", model.rowCount(), ids())))
    model.load([info(n) for n in range(5)])
    assert model.rowCount() == 5 and ids() == ["w0", "w1", "w2", "w3", "w4"]
    model.insert_added(info(9, position=2))
    assert ids() == ["w0", "w1", "w9", "w2", "w3", "w4"]
    assert [w.position for w in model.rows()] == [0, 1, 2, 3, 4, 5]
    model.load([info(0), info(4, position=1)])
    # Told "about to be removed", a view still reads the old rows; told "removed", the new.
    assert seen == [("before", 6, ["w0", "w1", "w9", "w2", "w3", "w4"]),
                    ("after", 2, ["w0", "w4"])]
    assert model.row_of("w4") == 1 and model.find("w2") is None
    model.load([])
    assert model.rowCount() == 0 and model.rows() == []
    assert model.flags(model.index(0)) == Qt.ItemFlag.NoItemFlags
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    model.load([info(0)])
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_a_removed_current_row_is_followed_with_the_old_rows_in_view(qtbot) -> None:
    """Qt moves the current row off a row being removed while it is still there."""
    column = WishColumn("g", 1, "Ängsgruppen", lambda *_a: True)
    qtbot.addWidget(column)
    column.model.load([info(n) for n in range(4)])
    column.select("w1")
    announced: list[str] = []
    column.current_wish_changed.connect(announced.append)
    column.model.load([info(0), info(2, position=1), info(3, position=2)])
    assert announced == ["w2"] and column.current_id() == "w2"


def test_the_scroll_bar_repaints_only_what_moved(qtbot) -> None:
    column = WishColumn("g", 1, "Ängsgruppen", lambda *_a: True)
    qtbot.addWidget(column)
    column.resize(400, 500)
    column.show()
    qtbot.waitExposed(column)
    column.model.load([info(n) for n in range(3_000)])
    column.select_row(2_999)
    qtbot.wait(10)
    bar = column.list.verticalScrollBar()
    assert isinstance(bar, WishScrollBar) and bar.value() == bar.maximum() > 0
    painted: list[int] = []
    original = bar.paintEvent

    def paint(event) -> None:  # type: ignore[no-untyped-def]
        painted.append(bar.value())
        original(event)

    bar.paintEvent = paint  # type: ignore[method-assign]
    column.model.insert_added(info(3_000, position=3_000))
    column.select("w3000")
    qtbot.wait(10)
    assert bar.value() == bar.maximum() and painted == []  # one row more: no pixel moved
    column.select_row(0)  # the slider goes to the top: that is repainted
    qtbot.waitUntil(lambda: painted == [0])
    # Scrolling still reaches the view (its own connections to the replaced bar).
    bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    assert column.list.indexAt(column.list.viewport().rect().topLeft()).row() > 0


def test_a_grown_range_that_the_view_scrolls_after_is_not_repainted(qtbot) -> None:
    """At the bottom of a short column a new row moves the slider up, then back down."""
    column = WishColumn("g", 1, "Ängsgruppen", lambda *_a: True)
    qtbot.addWidget(column)
    column.resize(400, 500)
    column.show()
    qtbot.waitExposed(column)
    column.model.load([info(n) for n in range(100)])
    column.select_row(99)
    qtbot.wait(10)
    bar = column.list.verticalScrollBar()
    painted: list[int] = []
    original = bar.paintEvent

    def paint(event) -> None:  # type: ignore[no-untyped-def]
        painted.append(bar.value())
        original(event)

    bar.paintEvent = paint  # type: ignore[method-assign]
    shown = []
    for n in range(100, 140):
        column.model.insert_added(info(n, position=n))
        column.select(f"w{n}")
        qtbot.wait(1)
        shown.append(bar._shown())
    # Painted only when the slider really moved; then what is shown is what was painted.
    assert 0 < len(painted) <= len(set(shown)) < 40
    qtbot.wait(10)
    assert bar._painted == bar._shown()


def test_row_heights_follow_the_font(qtbot) -> None:
    column = WishColumn("g", 1, "Ängsgruppen", lambda *_a: True)
    qtbot.addWidget(column)
    column.resize(360, 500)
    column.show()
    qtbot.waitExposed(column)
    long_text = "Ett önskemål som är så långt att det bryts över flera rader " * 2
    column.model.load([info(0), wishes.WishInfo("w1", "g", None, 1, 0, long_text, 3,
                                                WishStatus.OPEN)])
    short, wrapped = column.list.sizeHintForRow(0), column.list.sizeHintForRow(1)
    assert wrapped > short
    font = QFont(column.list.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    column.list.setFont(font)
    assert column.list.sizeHintForRow(0) > short and column.list.sizeHintForRow(1) > wrapped
    column.list.viewport().repaint()  # paints with the new look without complaint


@pytest.fixture
def group(store) -> str:  # type: ignore[no-untyped-def]
    workshop = ws.create_workshop(store, projects.create_project(store, "Ängsö"), "Vårmöte")
    return groups.create_group(store, workshop, name="Ängsgruppen")


def test_insert_wish_writes_the_row_add_wish_writes(store, group) -> None:  # type: ignore[no-untyped-def]
    changes = []
    store.subscribe(changes.append)
    fast = wish_fast_paths.insert_wish(store, group, "Bänkar vid ån")
    slow = wishes.add_wish(store, group, "Bänkar vid ån")
    assert len(changes) == 2 and changes[0].ids == {fast} and changes[0].kinds == {"wish"}
    with store.read() as s:
        a, b = s.get(Wish, fast), s.get(Wish, slow)
        columns = ("group_id", "parent_id", "text", "votes", "status", "note", "deleted_at")
        assert [getattr(a, c) for c in columns] == [getattr(b, c) for c in columns]
        assert (a.position, b.position) == (0, 1)
        assert a.created_at is not None and a.updated_at is not None
    child = wish_fast_paths.insert_wish(store, group, "Under", parent_id=fast)
    found = wish_fast_paths.get_wishes(store, [fast, child])
    listed = {w.id: w for w in wishes.list_wishes(store, group)}
    assert found == {fast: listed[fast], child: listed[child]}
    assert found[child].depth == 1 and found[child].status is WishStatus.OPEN


def test_insert_wish_refuses_as_add_wish_does(store, group) -> None:  # type: ignore[no-untyped-def]
    other = groups.create_group(store, _workshop_of(store, group), name="Andra")
    elsewhere = wish_fast_paths.insert_wish(store, other, "I den andra gruppen")
    with pytest.raises(ValidationError, match="samma grupp"):
        wish_fast_paths.insert_wish(store, group, "Fel grupp", parent_id=elsewhere)
    with pytest.raises(NotFoundError, match="Gruppen finns inte"):
        wish_fast_paths.insert_wish(store, "saknas", "Ingen grupp")
    trashed = wish_fast_paths.insert_wish(store, group, "Slängd")
    wishes.delete_wish(store, trashed)
    with pytest.raises(NotFoundError, match="Önskemålet finns inte"):
        wish_fast_paths.insert_wish(store, group, "Under en slängd", parent_id=trashed)
    assert [w.text for w in wishes.list_wishes(store, group)] == []


def _workshop_of(store, group_id: str) -> str:  # type: ignore[no-untyped-def]
    from facilitator.store.models import Group

    with store.read() as s:
        return s.get(Group, group_id).workshop_id


def test_insert_added_matches_the_store_anywhere_in_the_tree(qapp, store, group) -> None:  # type: ignore[no-untyped-def]
    items = [(0, "Ån"), (1, "Bron"), (2, "Räcket"), (1, "Bryggan"), (0, "Ängen"), (0, "Öarna"),
             (1, "Båtarna")]
    wish_batch.add_wishes(store, group, items)
    model = WishListModel(group)
    model.load(wishes.list_wishes(store, group))
    by_text = {w.text: w for w in wishes.list_wishes(store, group)}
    steps = [(None, None), (None, 0), (None, 2), (by_text["Ån"].id, 0), (by_text["Ån"].id, 1),
             (by_text["Ån"].id, None), (by_text["Bron"].id, None), (by_text["Räcket"].id, None),
             (by_text["Ängen"].id, None), (by_text["Öarna"].id, 1)]
    for n, (parent_id, index) in enumerate(steps):
        new = wish_fast_paths.insert_wish(store, group, f"Ny {n}", parent_id=parent_id, index=index)
        stored = {w.id: w for w in wishes.list_wishes(store, group)}
        model.insert_added(stored[new])
        assert model.rows() == list(stored.values()), (parent_id, index)
        assert model.rowCount() == len(stored)
        assert all(model.row_of(w.id) == row for row, w in enumerate(model.rows()))
    assert model.total_votes() == 0
