"""The bundled sample project's closing session exports with the expected shape."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from facilitator.minutes.export import MinutesOptions, build_outline, export_minutes
from facilitator.services.core import Store
from facilitator.services.projects import list_projects
from facilitator.store.models import WorkshopKind
from tests.unit.minutes.docx_helpers import headings, list_items, open_docx, paragraphs

sample = pytest.importorskip("facilitator.interchange.sample")


def closing_session(store: Store) -> str:
    project_id = sample.load_sample(store)
    project = next(p for p in list_projects(store) if p.id == project_id)
    return next(w.id for w in project.workshops if w.kind == WorkshopKind.CLOSING_SESSION)


def test_sample_closing_session_minutes(store: Store, tmp_path: Path) -> None:
    workshop_id = closing_session(store)
    out = export_minutes(store, workshop_id, tmp_path / "sample.docx",
                         MinutesOptions(show_votes=True))
    doc = open_docx(out)
    paras = paragraphs(doc)
    assert paras[0] == ("Dokumenttyp", "Minnesanteckningar")
    assert paras[1][0] == "Title"
    outline = [text for _, text in headings(doc)]
    order = ["Fokusområden", "Närvarande"]
    assert all(name in outline for name in order)
    assert outline.index("Fokusområden") < outline.index("Närvarande")
    group_work = next(t for t in outline if t.startswith("Workshop om fortsatt arbete"))
    assert group_work.endswith("12 mars 2026")
    numbered = [t for lvl, t in headings(doc) if lvl == 2 and t[:2] in ("1.", "2.", "3.")]
    assert numbered[:3] == ["1. Medborgardialog", "2. Omvärldsanalys", "3. Kultursamverkan"]
    levels = [lvl for lvl, _ in headings(doc)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert any(text.startswith("Ansvarig framåt: ") for _, text in paras)
    assert any(text.startswith("Det blev tre grupper som arbetade med: 1) ") for _, text in paras)
    assert any(lvl == 2 for _, lvl, _ in list_items(doc))  # wishes nest two levels deep
    assert doc.tables and doc.tables[0].rows[0].cells[0].text == "Åtgärd"
    assert build_outline(store, workshop_id, MinutesOptions())[0][0] == 0


def test_sample_anonymised_has_no_attendee_names(store: Store, tmp_path: Path) -> None:
    from facilitator.services.people import list_people

    workshop_id = closing_session(store)
    out = export_minutes(store, workshop_id, tmp_path / "public.docx",
                         MinutesOptions(anonymise=True))
    from tests.unit.minutes.docx_helpers import all_text

    text = all_text(open_docx(out)).casefold()
    for person in list_people(store):
        assert person.name.casefold() not in text, person.name
