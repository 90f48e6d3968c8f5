"""A rich-text editor for notes, stored as Markdown.

Bold, italic, bullet and numbered lists (Tab / Shift+Tab nest and un-nest
inside a list item; elsewhere they move to the next or previous field, and Esc
goes back to the page's list), and quotes. Text is committed after a short
pause in typing and when focus leaves, as Markdown through the ``committed``
signal.

A page whose edit was refused (disk full, database locked…) calls
``commit_failed()``: the text then stays in the editor, is never replaced by
the stored value, and the next commit (pause in typing, focus leaving)
tries to store it again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolBar, QVBoxLayout, QWidget

from facilitator.ui import drafts

DIALECT = QTextDocument.MarkdownFeature.MarkdownDialectCommonMark
COMMIT_DELAY_MS = 700


class _NoteEdit(QTextEdit):
    """QTextEdit whose Tab / Shift+Tab change list nesting instead of moving focus."""

    def __init__(self, owner: MarkdownEditor) -> None:
        super().__init__()
        self._owner = owner

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                          | Qt.KeyboardModifier.AltModifier))
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain:
            forward = key == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if self.textCursor().currentList() is not None:
                self._owner.change_indent(+1 if forward else -1)
            else:  # QTextEdit's own focusNextPrevChild refuses while Tab types a tab
                QWidget.focusNextPrevChild(self, forward)
            return
        if key == Qt.Key.Key_Escape and not event.modifiers():
            self._owner.leave()
            return
        super().keyPressEvent(event)


class MarkdownEditor(QWidget):
    committed = Signal(str)

    def __init__(self, label: str, *, toolbar: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        self.edit = _NoteEdit(self)
        self.edit.setObjectName("markdownText")
        self.edit.setAccessibleName(label)
        self.edit.setAcceptRichText(False)  # pasted HTML comes in as plain text, cleaned
        self.edit.installEventFilter(self)
        self.escape_target: QWidget | None = None  # where Esc goes (the page's list)
        self._shown = ""
        self.base: str | None = None  # the stored text shown last (None: unknown)
        self._unsaved = False  # the last commit was refused: keep and retry the text
        self._previous = ""  # what was stored before the last commit
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.commit)
        self.edit.textChanged.connect(self._on_text_changed)
        self._loading = False
        # Where half-typed text is kept until committed (see ui/drafts.py), e.g. "note:<id>".
        self.draft_key: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("markdownToolbar")
        self.actions_by_name: dict[str, QAction] = {}
        if toolbar:
            self._add("bold", self.tr("Bold"), QKeySequence.StandardKey.Bold, self.toggle_bold)
            self._add("italic", self.tr("Italic"), QKeySequence.StandardKey.Italic,
                      self.toggle_italic)
            self._add("bullets", self.tr("Bulleted list"), "Ctrl+Shift+8",
                      lambda: self.toggle_list(QTextListFormat.Style.ListDisc))
            self._add("numbers", self.tr("Numbered list"), "Ctrl+Shift+7",
                      lambda: self.toggle_list(QTextListFormat.Style.ListDecimal))
            self._add("quote", self.tr("Quote"), "Ctrl+Shift+.", self.toggle_quote)
            layout.addWidget(self.toolbar)
        layout.addWidget(self.edit)

    def _add(self, name: str, text: str, shortcut: QKeySequence.StandardKey | str,
             slot: object) -> None:
        action = QAction(text, self)
        action.setObjectName(f"markdown_{name}")
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({native})")
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        self.actions_by_name[name] = action

    # ----- content -----------------------------------------------------------
    def markdown(self) -> str:
        return self.edit.document().toMarkdown(DIALECT).strip("\n")

    def show_markdown(self, text: str) -> None:
        """Show stored text, unless the user is typing something not yet committed."""
        if self.has_pending():
            return
        self.base = text
        if text == self._shown:
            return
        self.load_markdown(text)

    def load_markdown(self, text: str, draft_key: str | None = None) -> None:
        """Replace the content (another section was chosen); pending text is dropped.

        Text typed into ``draft_key``'s field before a crash comes back as if typed
        again, so it is committed after the usual pause."""
        if draft_key is not None:
            self.draft_key = draft_key
        self.base = text  # the stored text an edit starts from (see ui/text_commands.py)
        self._timer.stop()
        self._unsaved = False
        self._loading = True
        try:
            self.edit.document().setMarkdown(text, DIALECT)
            self._shown = self.markdown()
        finally:
            self._loading = False
        if self.draft_key is not None:
            draft = drafts.keeper().take_for(self.draft_key, self._shown)
            if draft is not None:
                self.edit.document().setMarkdown(draft, DIALECT)

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._timer.start()
            if self.draft_key is not None:
                drafts.keeper().set_draft(self.draft_key, self.markdown())

    def commit(self) -> None:
        self._timer.stop()
        text = self.markdown()
        if text != self._shown or self._unsaved:
            self._previous, self._shown, self._unsaved = self._shown, text, False
            self.committed.emit(text)
        if self.draft_key is not None and not self.has_pending():
            drafts.keeper().clear_draft(self.draft_key)

    def commit_failed(self) -> None:
        """The text just committed was not stored: keep it, and try again next time."""
        self._shown = self._previous
        self._unsaved = True

    def has_pending(self) -> bool:
        """True while there is typed text that is not stored yet."""
        return self._timer.isActive() or self._unsaved

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return super().eventFilter(watched, event)

    def leave(self) -> None:
        """Esc: store the text and give the keyboard back to the page's list."""
        self.commit()
        target = self.escape_target
        if target is not None and target.isVisible() and target.isEnabled():
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            QWidget.focusNextPrevChild(self.edit, False)

    # ----- formatting --------------------------------------------------------
    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.edit.fontWeight() != QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.edit.fontItalic())
        self.edit.mergeCurrentCharFormat(fmt)

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            for i in range(current.count() - 1, -1, -1):
                block = current.item(i)
                if cursor.block() == block or cursor.selectionStart() <= block.position() <= \
                        cursor.selectionEnd():
                    current.remove(block)
                    fmt = block.blockFormat()
                    fmt.setIndent(0)
                    QTextCursor(block).setBlockFormat(fmt)
        else:
            list_format = QTextListFormat()
            list_format.setStyle(style)
            list_format.setIndent(1)
            cursor.createList(list_format)
        cursor.endEditBlock()

    def change_indent(self, delta: int) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        if current is None:
            return
        level = current.format().indent() + delta
        if level < 1:
            self.toggle_list(current.format().style())
            return
        cursor.beginEditBlock()
        fmt = QTextListFormat(current.format())
        fmt.setIndent(min(level, 6))
        styles = [QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle,
                  QTextListFormat.Style.ListSquare]
        if fmt.style() in styles:
            fmt.setStyle(styles[(fmt.indent() - 1) % 3])
        current.remove(cursor.block())
        cursor.createList(fmt)
        cursor.endEditBlock()

    def toggle_quote(self) -> None:
        cursor = self.edit.textCursor()
        fmt = QTextBlockFormat(cursor.blockFormat())
        quoted = fmt.intProperty(QTextFormat.Property.BlockQuoteLevel) > 0
        fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, 0 if quoted else 1)
        fmt.setLeftMargin(0 if quoted else 24)
        cursor.setBlockFormat(fmt)
