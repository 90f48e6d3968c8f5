"""Nothing clipped: the rendered pixels of the page tabs and tables hold whole words."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QTableWidget

DARK = 140  # text is near black; the tab frames and backgrounds are lighter


def ink_rows(image: QImage, rect: QRect) -> tuple[int, int] | None:
    """First and last row inside ``rect`` (image pixels) that holds a dark pixel."""
    rows = [y for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1))
            if any(QColor(image.pixel(x, y)).lightness() < DARK
                   for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1)))]
    return (rows[0], rows[-1]) if rows else None


def text_ink_height(text: str, font, ratio: float) -> int:  # type: ignore[no-untyped-def]
    """How many pixel rows ``text`` covers when nothing cuts it."""
    image = QImage(int(400 * ratio), int(120 * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(20, 60, text)
    painter.end()
    rows = ink_rows(image, image.rect())
    assert rows is not None
    return rows[1] - rows[0] + 1


def test_every_tab_shows_its_whole_title_selected_or_not(window):
    """Å, Ö (rings and dots above) and g (below) are inside every tab."""
    bar = window.tabs.tabBar()
    titles = [bar.tabText(i) for i in range(bar.count())]
    assert "Önskemål" in titles and "Åtgärder" in titles and "Översikt" in titles
    for current in range(bar.count()):
        window.tabs.setCurrentIndex(current)
        picture = bar.grab()
        ratio = picture.devicePixelRatio()
        image = picture.toImage()
        for i, title in enumerate(titles):
            tab = bar.tabRect(i)
            inner = QRect(round((tab.left() + 6) * ratio), round(tab.top() * ratio),
                          round((tab.width() - 12) * ratio), round(tab.height() * ratio))
            rows = ink_rows(image, inner)
            assert rows is not None, title
            drawn = rows[1] - rows[0] + 1
            whole = text_ink_height(title.replace("&", ""), bar.font(), ratio)
            state = "selected" if i == current else "unselected"
            assert drawn >= whole - 1, f"{title} ({state}): {drawn} of {whole} rows drawn"
            assert inner.top() < rows[0] and rows[1] < inner.bottom(), f"{title} ({state})"


def _sample_window(store, window, qtbot):  # type: ignore[no-untyped-def]
    from facilitator.interchange.sample import load_sample
    from tests.gui.projector_screenshots import sample_workshop

    load_sample(store)
    window.navigator.reload()
    window.open_workshop(sample_workshop(store))
    window.resize(1100, 720)  # the size a first start opens at
    qtbot.waitUntil(lambda: window.width() == 1100)


def test_three_wish_columns_fit_at_the_default_size_even_with_the_projector_panel(
        qtbot, store, window):
    _sample_window(store, window, qtbot)
    board = window.wish_board
    window.show_page(board)
    for panel in (False, True):
        window.live.dock.setVisible(panel)
        qtbot.waitUntil(lambda p=panel: window.live.dock.isVisible() is p)
        QApplication.processEvents()
        viewport = board.column_scroll.viewport()
        assert len(board.columns) == 3
        for column in board.columns:
            right = column.mapTo(viewport, column.rect().topRight()).x()
            assert 0 <= right <= viewport.width(), (panel, column.title.text())
        assert window.width() <= 1100


def test_tables_keep_their_words_whole(qtbot, store, window):
    from facilitator.ui.views.people_widgets import ORG

    _sample_window(store, window, qtbot)
    window.show_page(window.people)
    QApplication.processEvents()
    attendance = window.people.findChild(QTableWidget, "attendanceTable")
    metrics = attendance.fontMetrics()
    assert attendance.columnWidth(ORG) > metrics.horizontalAdvance("Norrbyns kommun")

    window.show_page(window.groups)
    tree = window.groups.tree
    assert tree.columnWidth(0) >= tree.sizeHintForColumn(0)

    window.show_page(window.choices)
    grid = window.choices.grid
    header = grid.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    for column in range(grid.model().columnCount()):
        text = str(grid.model().headerData(column, Qt.Orientation.Horizontal))
        widest = max(QFontMetrics(bold).horizontalAdvance(x) for x in text.split("\n"))
        assert header.sectionSize(column) >= widest, text
