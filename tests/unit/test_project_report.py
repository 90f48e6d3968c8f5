"""The project report (.docx): figures, focus areas, wishes with their follow-ups, actions."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from facilitator.cli import run
from facilitator.interchange.sample import load_sample
from facilitator.minutes.export import render_docx
from facilitator.minutes.project_report import build_project_report, export_project_report
from facilitator.services import workshops
from facilitator.services.core import NotFoundError, Store

LATER = dt.date(2026, 10, 1)  # after the sample's last workshop (2026-09-17)


def _blocks(document: DocxDocument) -> list[DocxParagraph | DocxTable]:
    """Paragraphs and tables in reading order."""
    out: list[DocxParagraph | DocxTable] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            out.append(DocxParagraph(child, document))
        elif child.tag.endswith("}tbl"):
            out.append(DocxTable(child, document))
    return out


def _tables_under_areas(document: DocxDocument) -> dict[str, list[DocxTable]]:
    """The tables after each level-2 heading ("1. Medborgardialog"), and under "Övrigt"."""
    found: dict[str, list[DocxTable]] = {}
    current = ""
    for block in _blocks(document):
        if isinstance(block, DocxParagraph):
            style = block.style.name if block.style is not None else ""
            numbered = style == "Heading 2" and block.text[:1].isdigit()
            if numbered or (style == "Heading 1" and block.text == "Övrigt"):
                current = block.text
                found[current] = []
            elif style == "Heading 1":
                current = ""
        elif current:
            found[current].append(block)
    return found


def _report(store: Store, project_id: str, today: dt.date = LATER) -> DocxDocument:
    data = render_docx(build_project_report(store, project_id, today=today))
    return docx.Document(io.BytesIO(data))


def _sql(store: Store, query: str, *params: object) -> list[tuple[object, ...]]:
    """Plain SQL on the store's own connection (the database is locked to it)."""
    with store.engine.connect() as con:
        return [tuple(row) for row in con.exec_driver_sql(query, params).fetchall()]


@pytest.fixture
def sample(store: Store) -> str:
    return load_sample(store)


def test_figures_table_counts_what_the_database_holds(store: Store, sample: str,
                                                      db_path: Path, tmp_path: Path) -> None:
    out = export_project_report(store, sample, tmp_path / "Projektrapport åäö.docx")
    document = docx.Document(str(out))
    figures = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows[1:]}
    live_ws = "SELECT id FROM workshop WHERE project_id = ? AND deleted_at IS NULL"
    attended = (f"FROM attendance a JOIN person p ON p.id = a.person_id WHERE a.status = "
                f"'attended' AND a.deleted_at IS NULL AND p.deleted_at IS NULL AND "
                f"a.workshop_id IN ({live_ws})")
    today = dt.date.today().isoformat()
    held = _sql(store, "SELECT count(*) FROM workshop WHERE project_id = ? AND deleted_at IS "
                "NULL AND (status IN ('held', 'minutes_sent', 'finalised') OR date <= ?)",
                sample, today)[0][0]
    people = _sql(store, f"SELECT count(DISTINCT a.person_id) {attended}", sample)[0][0]
    attendances = _sql(store, f"SELECT count(*) {attended}", sample)[0][0]
    organisations = _sql(store, f"SELECT count(DISTINCT p.organisation_id) {attended} AND "
                         "p.organisation_id IN (SELECT id FROM organisation WHERE deleted_at "
                         "IS NULL)", sample)[0][0]
    statuses = dict(_sql(store, "SELECT w.status, count(*) FROM wish w JOIN work_group g ON "
                         "g.id = w.group_id WHERE w.deleted_at IS NULL AND g.deleted_at IS NULL"
                         f" AND g.workshop_id IN ({live_ws}) GROUP BY w.status", sample))
    assert figures == {
        "Genomförda workshoppar": str(held),
        "Personer vi har träffat": str(people),
        "Deltaganden": str(attendances),
        "Organisationer som varit representerade": str(organisations),
        "Önskemål totalt": str(sum(statuses.values())),
        "Önskemål: öppen": str(statuses.get("open", 0)),
        "Önskemål: pågår": str(statuses.get("in_progress", 0)),
        "Önskemål: klar": str(statuses.get("done", 0)),
        "Önskemål: struken": str(statuses.get("dropped", 0)),
    }
    assert held == 3 and people > 0 and statuses.get("dropped") == 1


def test_areas_in_project_order_with_title_block(store: Store, sample: str,
                                                db_path: Path) -> None:
    document = _report(store, sample)
    names = [row[0] for row in _sql(store, "SELECT name FROM focus_area WHERE project_id = ? "
                                    "AND deleted_at IS NULL ORDER BY position", sample)]
    headings = [p.text for p in document.paragraphs if p.style is not None
                and p.style.name == "Heading 2" and p.text[:1].isdigit()]
    assert headings == [f"{n}. {name}" for n, name in enumerate(names, start=1)]
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Projektrapport"
    assert "Lillsjö framåt – samverkan för en levande bygd" in texts[1]
    assert "Period\t8 oktober 2025 – 17 september 2026" in texts
    assert texts.count("Siffror för projektet") == 1
    assert "Ansvarig framåt: Örjan Lindqvist, utredare på Norrbyns kommun" in texts


def test_review_history_stands_under_the_wishs_area(store: Store, sample: str,
                                                    db_path: Path) -> None:
    reviewed = _sql(store, """
        SELECT r.comment, r.reviewed_on, w.text, fa.name, fa.position FROM review r
        JOIN workshop ws ON ws.id = r.workshop_id AND ws.title = 'Uppföljning ett halvår senare'
        JOIN wish w ON w.id = r.wish_id
        JOIN group_focus_area l ON l.group_id = w.group_id AND l.deleted_at IS NULL
        JOIN focus_area fa ON fa.id = l.focus_area_id
        WHERE r.deleted_at IS NULL AND l.position = (SELECT min(position) FROM
              group_focus_area WHERE group_id = w.group_id AND deleted_at IS NULL)""")
    assert len(reviewed) >= 4
    positions = sorted({row[4] for row in reviewed})
    rank = {position: n for n, position in enumerate(
        (row[0] for row in _sql(store, "SELECT position FROM focus_area WHERE project_id = ?"
                                " AND deleted_at IS NULL ORDER BY position", sample)), start=1)}
    areas = _tables_under_areas(_report(store, sample))
    for comment, reviewed_on, wish_text, area_name, position in reviewed:
        assert position in positions
        wish_table = areas[f"{rank[position]}. {area_name}"][0]
        rows = {row.cells[0].text.strip(" –\u2003"): row.cells[3].text
                for row in wish_table.rows[1:]}
        assert wish_text in rows, wish_text
        assert f"{reviewed_on} Uppföljning ett halvår senare: " in rows[wish_text]
        assert comment in rows[wish_text]
    assert "Gruppen träffades i augusti och ses nu varannan månad." in {c for c, *_ in reviewed}


def test_overdue_action_is_marked_and_done_action_is_not(store: Store, sample: str) -> None:
    areas = _tables_under_areas(_report(store, sample))
    actions = [row for tables in areas.values() for table in tables
               if table.rows[0].cells[0].text == "Åtgärd" for row in table.rows[1:]]
    due = {row.cells[0].text: (row.cells[2].text, row.cells[3].text) for row in actions}
    assert due["Sammanställ årets trendrapport inför budgetdialogen."] == (
        "2026-04-30 (försenad)", "Öppen")
    assert due["Presentera handboken för medborgardialog för kommunfullmäktige."] == (
        "2026-04-20", "Klar")
    assert any(cells[0].startswith("2026-03-20") for cells in due.values())
    assert len(areas["Övrigt"]) == 1  # the workshop's own action of no focus area
    wish_table = areas["3. Kultursamverkan"][0]
    assert len(wish_table.rows) > 3  # every row keeps the column widths (rows are copies)
    assert {tuple(c.width for c in row.cells) for row in wish_table.rows} == {
        tuple(c.width for c in wish_table.rows[0].cells)}


def test_nothing_overdue_before_the_due_dates(store: Store, sample: str) -> None:
    document = _report(store, sample, today=dt.date(2026, 1, 1))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert not any("försenad" in text for text in cells)


def test_english_project_gets_english_words(store: Store, sample: str, db_path: Path) -> None:
    latest = _sql(store, "SELECT id FROM workshop WHERE title = 'Uppföljning ett halvår "
                  "senare'")[0][0]
    workshops.update_workshop(store, str(latest), language="en")
    document = _report(store, sample)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Project report"
    assert "Figures for the project" in texts and "Focus areas" in texts
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header == ["Measure", "Count"]
    assert "Wishes: dropped" in [row.cells[0].text for row in document.tables[0].rows]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "2026-04-30 (overdue)" in cells and "Follow-ups" in cells
    assert not any("försenad" in c or c == "Öppen" for c in cells)
    # What people wrote stays as written, in Swedish.
    assert "Bättre skyltning till badplatsen och campingen" in cells


def test_cli_writes_the_report_and_refuses_an_unknown_project(
        store: Store, sample: str, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    store.close()
    out = tmp_path / "Projektrapport Lillsjö.docx"
    assert run(["--db", str(db_path), "export-report", sample, str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Sparade {out}"
    cells = [c.text for t in docx.Document(str(out)).tables for row in t.rows
             for c in row.cells]
    assert "Höstmarknaden hölls den 12 september med ett trettiotal utställare." in \
        " ".join(cells)
    missing = tmp_path / "saknas.docx"
    assert run(["--db", str(db_path), "export-report", "finns-inte-åäö", str(missing)]) == 1
    out_text, err = capsys.readouterr()
    assert out_text == "" and len(err.strip().splitlines()) == 1
    assert "finns-inte-åäö" in err and not missing.exists()


def test_unknown_project_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError):
        build_project_report(store, "finns-inte")
