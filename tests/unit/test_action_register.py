"""The action register: across projects, overdue first, written to .xlsx and from the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from facilitator.action_register_xlsx import write_register_xlsx
from facilitator.atomic import TargetFileError
from facilitator.cli import run
from facilitator.services import actions, focus_areas, people, projects, workshops
from facilitator.services.action_register import NOT_DONE, action_register
from facilitator.services.core import NotFoundError, Store
from facilitator.services.responsibles import Who
from facilitator.store.migrate import open_database
from facilitator.store.models import ActionStatus

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def _two_projects(store: Store) -> dict[str, str]:
    """Two projects; actions overdue, due later, undated, done and in a trashed workshop."""
    ängsö = projects.create_project(store, "Byaprojektet Ängsö")
    älvby = projects.create_project(store, "Älvbyns framtid")
    spring = workshops.create_workshop(store, ängsö, "Vårmöte på Åkersberg", date="2026-04-07")
    evening = workshops.create_workshop(store, älvby, "Kväll på Älvgården", date="2026-05-04")
    gone = workshops.create_workshop(store, älvby, "Inställt möte")
    roads = focus_areas.add_focus_area(store, älvby, "Vägar och gång")
    åsa = people.create_person(store, "Åsa Öhrn")
    ids = {
        "later": actions.add_action(store, "Söka bidrag för bygdegården", workshop_id=spring,
                                    due_date=TODAY + 30 * DAY),
        "undated": actions.add_action(store, "Fråga skolan om lokalen", workshop_id=spring),
        "overdue_new": actions.add_action(
            store, "Laga bryggan vid ån", workshop_id=evening, due_date=TODAY - DAY,
            status=ActionStatus.IN_PROGRESS,
            responsibles=[Who(person_id=åsa), Who(text="Vägföreningen")]),
        "overdue_old": actions.add_action(
            store, "Belysning längs gångvägen", focus_area_id=roads,
            due_date=TODAY - 40 * DAY),
        "done_late": actions.add_action(store, "Städdag i maj", workshop_id=evening,
                                        due_date=TODAY - 90 * DAY, status=ActionStatus.DONE),
        "trashed_home": actions.add_action(store, "Syns inte", workshop_id=gone),
        "formula": actions.add_action(store, "=SUMMA(A1:A2) är ingen formel",
                                      workshop_id=spring, due_date=TODAY + 60 * DAY),
    }
    workshops.delete_workshop(store, gone)
    return {**ids, "ängsö": ängsö, "älvby": älvby}


def test_register_puts_overdue_first_across_projects(store: Store) -> None:
    ids = _two_projects(store)
    rows = action_register(store)
    order = [r.action.id for r in rows]
    # overdue (oldest first, whichever project), then by due date, undated last; a done
    # action is not overdue even when its date has passed
    assert order == [ids["overdue_old"], ids["overdue_new"], ids["done_late"], ids["later"],
                     ids["formula"], ids["undated"]]
    assert ids["trashed_home"] not in order
    first = rows[0]
    assert (first.project, first.workshop, first.focus_area, first.overdue) == (
        "Älvbyns framtid", "", "Vägar och gång", True)
    second = rows[1]
    assert (second.workshop, second.action.responsible) == (
        "Kväll på Älvgården", "Åsa Öhrn; Vägföreningen")
    assert not rows[2].overdue


def test_register_filters_by_status_and_project(store: Store) -> None:
    ids = _two_projects(store)
    open_only = [r.action.id for r in action_register(store, statuses=NOT_DONE)]
    assert ids["done_late"] not in open_only and len(open_only) == 5
    ängsö = [r.action.id for r in action_register(store, project_id=ids["ängsö"])]
    assert ängsö == [ids["later"], ids["formula"], ids["undated"]]
    with pytest.raises(NotFoundError):
        action_register(store, project_id="finns-inte")


def test_xlsx_has_header_dates_overdue_mark_and_filter(store: Store, tmp_path: Path) -> None:
    ids = _two_projects(store)
    target = tmp_path / "Åtgärder 2026-12-05.xlsx"
    write_register_xlsx(action_register(store, statuses=NOT_DONE), target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Åtgärder"]
    sheet = book["Åtgärder"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Projekt", "Workshop", "Fokusområde", "Åtgärd", "Ansvarig",
                         "Klart senast", "Status", "Försenad"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H6"
    assert values[1][:5] == ["Älvbyns framtid", None, "Vägar och gång",
                             "Belysning längs gångvägen", None]
    assert values[2][:5] == ["Älvbyns framtid", "Kväll på Älvgården", None,
                             "Laga bryggan vid ån", "Åsa Öhrn; Vägföreningen"]
    assert values[2][6:] == ["Pågår", "ja"]
    due = sheet.cell(3, 6)
    assert due.is_date and due.value.date() == TODAY - DAY
    assert due.number_format == "yyyy-mm-dd"
    assert due.font.color.rgb.endswith("C00000") and due.font.bold
    later = sheet.cell(4, 6)
    assert later.value.date() == TODAY + 30 * DAY and not later.font.bold
    assert [v[7] for v in values[1:]] == ["ja", "ja", "nej", "nej", "nej"]
    assert values[4][3] == "=SUMMA(A1:A2) är ingen formel"  # text, not a formula
    assert sheet.cell(5, 4).data_type == "s"
    assert values[5][3:7] == ["Fråga skolan om lokalen", None, None, "Öppen"]
    assert sheet.cell(2, 4).alignment.wrap_text and sheet.cell(2, 5).alignment.wrap_text
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["F"].width
    assert ids["done_late"] and sheet.max_row == 6  # the done action is filtered out


def test_xlsx_in_english(store: Store, tmp_path: Path) -> None:
    _two_projects(store)
    target = tmp_path / "actions.xlsx"
    write_register_xlsx(action_register(store), target, "en")
    sheet = openpyxl.load_workbook(target)["Actions"]
    assert sheet.cell(1, 6).value == "Due by"
    assert [sheet.cell(r, 7).value for r in (2, 4)] == ["Open", "Done"]


def test_a_failed_write_leaves_the_old_file(store: Store, tmp_path: Path) -> None:
    _two_projects(store)
    with pytest.raises(TargetFileError) as caught:
        write_register_xlsx(action_register(store), tmp_path / "saknas" / "å.xlsx")
    assert "saknas" in str(caught.value)
    target = tmp_path / "register.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o400)
    with pytest.raises(TargetFileError):
        write_register_xlsx(action_register(store), target)
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".register*"))


def test_cli_writes_open_actions_of_all_projects(db_path: Path, tmp_path: Path,
                                                  capsys) -> None:  # type: ignore[no-untyped-def]
    store = Store(open_database(db_path))
    try:
        ids = _two_projects(store)
    finally:
        store.close()
    out = tmp_path / "uppföljning.xlsx"
    assert run(["--db", str(db_path), "export-actions", str(out)]) == 0
    printed, err = capsys.readouterr()
    assert printed == f"Sparade {out} (5 åtgärder)\n" and err == ""
    sheet = openpyxl.load_workbook(out)["Åtgärder"]
    assert sheet.cell(2, 4).value == "Belysning längs gångvägen"
    assert sheet.max_row == 6

    assert run(["--db", str(db_path), "export-actions", str(out), "--all-statuses",
                "--project", ids["älvby"]]) == 0
    printed, _ = capsys.readouterr()
    assert printed == f"Sparade {out} (3 åtgärder)\n"
    texts = [c.value for c in openpyxl.load_workbook(out)["Åtgärder"]["D"]][1:]
    assert texts == ["Belysning längs gångvägen", "Laga bryggan vid ån", "Städdag i maj"]


def test_cli_unknown_project_is_one_line(db_path: Path, tmp_path: Path,
                                         capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.xlsx"
    assert run(["--db", str(db_path), "export-actions", str(out), "--project", "nej"]) == 1
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "nej" in err
    assert not out.exists()
