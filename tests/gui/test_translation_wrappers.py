"""Texts translated through a module's ``tr`` wrapper reach the Swedish UI."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("module", "english", "swedish_text"), [
    ("facilitator.ui.widgets.wish_actions", "Paste {n} wishes", "Klistra in {n} önskemål"),
    ("facilitator.ui.widgets.wish_actions", "Nest wish", "Flytta in önskemål"),
    ("facilitator.ui.widgets.wish_actions", "Reset votes", "Nollställ röster"),
])
def test_wrapped_texts_are_swedish(swedish, module, english, swedish_text) -> None:  # type: ignore[no-untyped-def]
    import importlib

    assert importlib.import_module(module).tr(english) == swedish_text
