"""The key figures a facilitator chose: typed ones as written, each counted figure once."""

from __future__ import annotations

import pytest

from facilitator.services import ValidationError, key_figures, projects
from facilitator.services import workshops as ws
from facilitator.services.key_figures import FigureEntry
from facilitator.store.vocabulary import KeyFigureKind, Metric


@pytest.fixture
def evening(store) -> str:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Byaprojektet Ängsö")
    return ws.create_workshop(store, project, "Kväll i Ängsö bygdegård")


def test_a_counted_figure_twice_is_refused_and_the_list_kept(store, evening) -> None:  # type: ignore[no-untyped-def]
    participants = FigureEntry(KeyFigureKind.COUNTED, metric=Metric.PARTICIPANTS)
    typed = FigureEntry(KeyFigureKind.TYPED, value="ca 60", label="Föreningar i Ängsö")
    key_figures.set_figures(store, evening, [participants, typed])
    with pytest.raises(ValidationError, match=r"already in the list|redan i listan"):
        key_figures.set_figures(store, evening, [participants, typed, participants])
    stored = key_figures.list_figures(store, evening)
    assert [(f.kind, f.metric, f.value) for f in stored] == [
        (KeyFigureKind.COUNTED, Metric.PARTICIPANTS, ""),
        (KeyFigureKind.TYPED, None, "ca 60")]


def test_typed_figures_may_repeat(store, evening) -> None:  # type: ignore[no-untyped-def]
    same = FigureEntry(KeyFigureKind.TYPED, value="3", unit="bykvällar")
    key_figures.set_figures(store, evening, [same, same])
    assert [f.value for f in key_figures.list_figures(store, evening)] == ["3", "3"]
