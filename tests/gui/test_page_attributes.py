"""No page keeps an attribute under the name of a QWidget method.

The wish board once kept its edit operations in ``self.actions`` and its scroll
area in ``self.scroll``, hiding ``QWidget.actions()`` and ``QWidget.scroll()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from facilitator.ui.views.wish_board import WishBoardView


def test_no_page_attribute_hides_a_qwidget_method(window):
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    pages = window.tabs.pages()
    assert len(pages) == window.tabs.count()
    for page in pages:
        hiding = sorted(name for name in vars(page) if _is_qwidget_method(name))
        assert hiding == [], type(page).__name__
    (board,) = [page for page in pages if isinstance(page, WishBoardView)]
    assert all(isinstance(action, QAction) for action in board.actions())


def _is_qwidget_method(name: str) -> bool:
    # PySide keeps the page's bound signals in its __dict__ too: those are Qt's own.
    member = getattr(QWidget, name, None)
    return callable(member) and not isinstance(member, Signal)
