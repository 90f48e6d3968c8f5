"""English can be chosen in Inställningar; it is used from the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from facilitator import settings as opts
from facilitator.app import install_translations
from facilitator.events import ChangeBus
from facilitator.settings import Settings
from facilitator.ui.dialogs.settings_dialog import SettingsDialog
from facilitator.ui.main_window import MainWindow


def test_choosing_english_is_remembered_and_used_at_next_start(qtbot, qapp, store, db_path,
                                                              swedish):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "sv"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert Settings().get(opts.LANGUAGE) == "en"

    for translator in qapp.findChildren(QTranslator):  # as if the app started again
        qapp.removeTranslator(translator)
    install_translations(qapp, Settings().get(opts.LANGUAGE))
    window = MainWindow(store, ChangeBus(store), Settings(), db_path)
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "E&vening",
                                                              "&Help"]
    assert window.tabs.tabText(1) == "Agenda"
