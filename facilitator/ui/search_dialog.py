"""Redigera → Sök (Ctrl+F): full-text search across everything, results with context.

Searches as the user types (debounced), lists each hit with its kind, title,
where it belongs and a snippet with the matched words in bold. Down moves from
the field to the list, Enter (or a double click) opens the chosen hit: the
dialog emits ``open_requested(kind, row_id, workshop_id or "")`` and closes;
``chosen`` keeps the whole SearchHit (project id included) for the caller.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services.core import ServiceError, Store
from facilitator.services.search import SearchHit, fts_query, search, snippet_parts

HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 150
LIMIT = 50
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class HitDelegate(QStyledItemDelegate):
    """Paints an item's HTML (HTML_ROLE) in the item's rectangle, wrapped to its width."""

    MARGIN = 4

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                  width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(self.MARGIN)
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(width, 50))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style draws background, selection and focus only
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index, opt.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        widget = option.widget
        width = widget.viewport().width() if isinstance(widget, QListWidget) else 400
        doc = self._document(option, index, width)
        return QSize(width, int(doc.size().height()))


class SearchDialog(QDialog):
    """Find anything by a few words and open it."""

    open_requested = Signal(str, str, str)

    def __init__(self, store: Store, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self._store = store
        self.chosen: SearchHit | None = None
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Search"))
        self.resize(640, 480)

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            self.tr("Search workshops, agenda items, wishes, focus areas and people"))
        self.field.setAccessibleName(self.tr("Search for"))

        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemDoubleClicked.connect(self._open_item)

        self.count = QLabel()
        self.count.setObjectName("searchCount")
        self.count.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            assert isinstance(button, QPushButton)  # a button box makes push buttons
            button.setAutoDefault(False)  # Enter opens a hit, never closes the dialog
            button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)

        self.field.setText(text)
        self.field.selectAll()
        self.run_search()
        self.field.setFocus()

    # --- searching ----------------------------------------------------------

    def search_pending(self) -> bool:
        """True while typing has not paused long enough for the search to run."""
        return self._timer.isActive()

    def run_search(self) -> None:
        """Search for the field's text now (the timer calls this after typing)."""
        self._timer.stop()
        text = self.field.text()
        self.results.clear()
        if not fts_query(text):
            self.count.setText(self.tr(
                "Type a few letters to search workshops, agenda items, wishes, "
                "focus areas and people."))
            return
        try:
            hits = search(self._store, text, limit=LIMIT)
        except ServiceError as exc:
            self.count.setText(self.tr("The search failed: {error}").format(error=exc))
            return
        for hit in hits:
            self.results.addItem(self._item(hit))
        if hits:
            self.results.setCurrentRow(0)
        self.count.setText(self._count_text(len(hits), text.strip()))

    def _count_text(self, n: int, text: str) -> str:
        if n == 0:
            return self.tr("No results for “{text}”.").format(text=text)
        if n == 1:
            return self.tr("1 result")
        if n >= LIMIT:
            return self.tr("The first {count} results; add a word to narrow the search."
                           ).format(count=n)
        return self.tr("{count} results").format(count=n)

    def kind_label(self, kind: str) -> str:
        labels = {
            "workshop": self.tr("Workshop"),
            "section": self.tr("Agenda item"),
            "wish": self.tr("Wish"),
            "focus_area": self.tr("Focus area"),
            "person": self.tr("Person"),
        }
        return labels.get(kind, kind)

    def _item(self, hit: SearchHit) -> QListWidgetItem:
        label = self.kind_label(hit.kind)
        title = hit.title.replace("\n", " ")
        snippet = "".join(piece for piece, _ in snippet_parts(hit.snippet)).replace("\n", " ")
        plain = f"{label}: {title}" + (f" ({hit.place})" if hit.place else "")
        item = QListWidgetItem(f"{plain}\n{snippet}")
        item.setData(HIT_ROLE, hit)
        item.setData(HTML_ROLE, self._html(label, title, hit))
        item.setToolTip(plain)
        return item

    @staticmethod
    def _html(label: str, title: str, hit: SearchHit) -> str:
        parts = snippet_parts(hit.snippet.replace("\n", " "))
        marked = "".join(
            f"<b>{html.escape(piece)}</b>" if match else html.escape(piece)
            for piece, match in parts
        )
        plain = "".join(piece for piece, _ in parts).strip("… ")
        head = f"<small>{html.escape(label.upper())}</small>"
        place = f" <i>· {html.escape(hit.place)}</i>" if hit.place else ""
        if plain == title.strip():  # the match is in the title, and all of it fits
            return f"<div>{head} {marked}{place}</div>"
        if plain and plain in title:  # a piece of a long title: show it once
            return f"<div>{head}{place}</div><div>{marked}</div>"
        return (f"<div>{head} {html.escape(_shorten(title, 120))}{place}</div>"
                f"<div>{marked}</div>")

    # --- choosing -------------------------------------------------------------

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None or self.chosen is not None:
            return
        hit = item.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        self.chosen = hit
        self.open_requested.emit(hit.kind, hit.row_id, hit.workshop_id or "")
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.field:
            if key in _ENTER_KEYS:
                if self._timer.isActive():
                    self.run_search()
                self._open_item(self.results.currentItem() or self.results.item(0))
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.results.count():
                if self._timer.isActive():
                    self.run_search()
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
                self.results.setFocus()
                return True
        elif watched is self.results:
            if key in _ENTER_KEYS:
                self._open_item(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
                self.field.setFocus()
                return True
        return super().eventFilter(watched, event)


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
