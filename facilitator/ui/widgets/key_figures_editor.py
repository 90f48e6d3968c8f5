"""Siffror och fakta on Översikt: the key figures the minutes print, in order.

A figure is typed (value, unit, label, or a whole sentence) or counted (a
metric, counted when the minutes are made). The list shows each one as the
minutes will print it, counted ones with today's count. Every change (add,
delete, move) replaces the whole list through ``key_figures.set_figures`` in
one undoable command.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.minutes.phrases import metric_phrase
from facilitator.services import key_figures
from facilitator.services.core import Store
from facilitator.services.key_figures import FigureEntry
from facilitator.store.vocabulary import KeyFigureKind, Metric
from facilitator.ui.commands import Editor, checked_setter
from facilitator.ui.widgets.entry_lists import moved, on_delete_key, without
from facilitator.ui.widgets.ordered_list import OrderedList


def figure_text(entry: FigureEntry, counts: dict[Metric, int], language: str) -> str:
    """The line the minutes print for ``entry`` (counted ones with ``counts``)."""
    if entry.kind == KeyFigureKind.COUNTED and entry.metric is not None:
        return metric_phrase(entry.metric, counts.get(entry.metric, 0), language)
    if entry.sentence:
        return entry.sentence
    amount = " ".join(x for x in (entry.value, entry.unit) if x)
    return f"{entry.label}: {amount}" if entry.label else amount


class KeyFiguresEditor(QGroupBox):
    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Figures and facts"), parent)
        self.setObjectName("keyFiguresEditor")
        self.store, self.editor = store, editor
        self.workshop_id: str | None = None
        self.language = "sv"
        self._entries: list[FigureEntry] = []

        self.list = OrderedList("keyFiguresList", self.tr("Key figures"))
        self.list.setMaximumHeight(self.fontMetrics().height() * 7)
        self.list.move_requested.connect(self._move)
        on_delete_key(self.list, self.delete_current)

        def line(name: str, label: str, placeholder: str) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setAccessibleName(label)
            edit.setPlaceholderText(placeholder)
            edit.returnPressed.connect(self.add_typed)
            return edit

        self.value = line("figureValue", self.tr("Figure"), self.tr("Figure, e.g. ca 500"))
        self.unit = line("figureUnit", self.tr("Unit"), self.tr("Unit, e.g. personer"))
        self.label = line("figureLabel", self.tr("Label"), self.tr("Label (optional)"))
        self.sentence = line("figureSentence", self.tr("Or a whole sentence"),
                             self.tr("A whole sentence instead of figure, unit and label"))
        self.add_typed_button = QPushButton(self.tr("Add figure"))
        self.add_typed_button.setObjectName("addTypedFigure")
        self.add_typed_button.clicked.connect(self.add_typed)

        self.metric_choice = QComboBox()
        self.metric_choice.setObjectName("countedMetric")
        self.metric_choice.setAccessibleName(self.tr("Counted figure"))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.metric_choice)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.add_counted)
        self.add_counted_button = QPushButton(self.tr("Add counted figure"))
        self.add_counted_button.setObjectName("addCountedFigure")
        self.add_counted_button.clicked.connect(self.add_counted)

        typed = QHBoxLayout()
        typed.addWidget(self.value, 2)
        typed.addWidget(self.unit, 2)
        typed.addWidget(self.label, 3)
        counted = QHBoxLayout()
        counted.addWidget(self.metric_choice, 1)
        counted.addWidget(self.add_counted_button)
        sentence = QHBoxLayout()
        sentence.addWidget(self.sentence, 1)
        sentence.addWidget(self.add_typed_button)
        form = QFormLayout()
        form.addRow(self.tr("Typed figure") + ":", typed)
        form.addRow(self.tr("Or a sentence") + ":", sentence)
        form.addRow(self.tr("Counted figure") + ":", counted)
        hint = QLabel(self.tr("Enter adds · in the list: Del deletes · Alt+↑ / ↓ move · "
                              "Ctrl+Z undoes. Counted figures are counted again when the "
                              "minutes are made."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(hint)
        order: list[QWidget] = [self.list, self.value, self.unit, self.label, self.sentence,
                 self.add_typed_button, self.metric_choice, self.add_counted_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # ----- drawing -----------------------------------------------------------
    def show_workshop(self, workshop_id: str, language: str) -> None:
        self.workshop_id, self.language = workshop_id, language
        self._entries = key_figures.list_figures(self.store, workshop_id)
        counts = key_figures.current_counts(self.store, workshop_id)
        self.list.fill([(entry.id or "", figure_text(entry, counts, language))
                        for entry in self._entries])
        chosen = self.metric_choice.currentData()
        self.metric_choice.clear()
        taken = {entry.metric for entry in self._entries}
        for metric in Metric:  # each counted figure once: those in the list are left out
            if metric not in taken:
                self.metric_choice.addItem(metric_phrase(metric, counts[metric], language),
                                           str(metric))
        self.metric_choice.setCurrentIndex(max(0, self.metric_choice.findData(chosen)))
        self.add_counted_button.setEnabled(self.metric_choice.count() > 0)

    # ----- changes -----------------------------------------------------------
    def add_typed(self) -> None:
        entry = FigureEntry(KeyFigureKind.TYPED, value=self.value.text(),
                            unit=self.unit.text(), label=self.label.text(),
                            sentence=self.sentence.text())
        if self._store([*self._entries, entry], self.tr("Add key figure")):
            for edit in (self.value, self.unit, self.label, self.sentence):
                edit.clear()
            self.value.setFocus()

    def add_counted(self) -> None:
        data = self.metric_choice.currentData()
        if data is None:
            return
        entry = FigureEntry(KeyFigureKind.COUNTED, metric=Metric(data))
        self._store([*self._entries, entry], self.tr("Add key figure"))

    def delete_current(self) -> None:
        removal = without(self._entries, self.list.currentRow())
        if removal is None:
            return
        entries, neighbour = removal
        if self._store(entries, self.tr("Remove key figure")) and neighbour is not None:
            self.list.select_id(neighbour)

    def _move(self, row_id: str, target: int) -> None:
        entries = moved(self._entries, row_id, target)
        if entries is not None and self._store(entries, self.tr("Move key figure")):
            self.list.select_id(row_id)

    def _store(self, entries: list[FigureEntry], text: str) -> bool:
        if self.workshop_id is None:
            return False
        workshop_id, store = self.workshop_id, self.store
        # Made from the list shown (#15): a colleague's change meanwhile refuses it.
        done = self.editor.run(checked_setter(
            text, lambda values, made_from: key_figures.set_figures(store, workshop_id, values,
                                                      made_from=made_from),
            entries, list(self._entries)))
        if done:  # at once: the next key may act on the list before the change comes back
            self.show_workshop(workshop_id, self.language)
        return done
