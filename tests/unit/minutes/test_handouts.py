"""The sign-in sheet and the agenda handout, reopened as .docx and checked as a reader would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from facilitator.cli import run
from facilitator.minutes.errors import MinutesError
from facilitator.minutes.handouts import (
    default_notice,
    export_agenda_handout,
    export_signin_sheet,
)
from facilitator.services import people, projects, sections, workshops
from facilitator.services.core import Store, ValidationError
from facilitator.store.migrate import open_database
from facilitator.store.models import AttendanceStatus
from tests.unit.minutes.docx_helpers import list_items, open_docx, paragraphs


@dataclass
class Evening:
    workshop_id: str
    absent_id: str


def _evening(store: Store, language: str = "sv") -> Evening:
    pid = projects.create_project(store, "Byautveckling i Ängsö")
    wid = workshops.create_workshop(
        store, pid, "Dialogkväll om skolskjutsar", date="2026-02-11", start_time="18:30",
        end_time="20:45", venue="Ängsö bygdegård", issuing_unit="Kommunkansliet",
        language=language)
    invited = [("Örjan Bäckström", "Ängsö IF"), ("åsa Lindqvist", ""),
               ("Maj-Britt Öhman", "Ängsö byalag")]
    for name, org in invited:
        person = people.create_person(store, name, organisation=org)
        people.set_attendance(store, wid, person, AttendanceStatus.INVITED)
    came = people.create_person(store, "Kjell Sjödin", organisation="Norrbyns kommun")
    people.set_attendance(store, wid, came, AttendanceStatus.ATTENDED)
    absent = people.create_person(store, "Tove Ahlén")
    people.set_attendance(store, wid, absent, AttendanceStatus.ABSENT)
    for heading in ("Välkomna och presentation", "Skolskjutsarna i dag", "Grupparbete",
                    "Hur går vi vidare?"):
        sections.add_section(store, wid, heading)
    return Evening(wid, absent)


def _table_rows(path: Path) -> list[list[str]]:
    doc = open_docx(path)
    table = doc.tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_signin_sheet_lists_the_invited_by_name_then_blank_rows(
    store: Store, tmp_path: Path
) -> None:
    evening = _evening(store)
    out = export_signin_sheet(store, evening.workshop_id, tmp_path / "närvaro.docx",
                              blank_rows=4)
    rows = _table_rows(out)
    assert rows[0] == ["Namn", "Organisation", "Namnteckning",
                       "Får namnges i minnes\xadanteckningarna"]
    names = [r[0] for r in rows[1:5]]
    # Sorted as a Swede reads a list (å, ä, ö after z), case-blind; who sent apologies is left out.
    assert names == ["Kjell Sjödin", "Maj-Britt Öhman", "åsa Lindqvist", "Örjan Bäckström"]
    assert rows[1][1] == "Norrbyns kommun" and rows[3][1] == ""
    assert rows[5:] == [["", "", "", "☐ ja   ☐ nej"]] * 4
    assert all(r[3] == "☐ ja   ☐ nej" for r in rows[1:])
    assert "Tove Ahlén" not in "".join("".join(r) for r in rows)


def test_signin_sheet_has_the_notice_the_facts_and_room_to_sign(
    store: Store, tmp_path: Path
) -> None:
    evening = _evening(store)
    out = export_signin_sheet(store, evening.workshop_id, tmp_path / "närvaro.docx")
    doc = open_docx(out)
    texts = [text for _, text in paragraphs(doc)]
    assert "NÄRVAROLISTA" in (t.upper() for t in texts)
    assert "Dialogkväll om skolskjutsar" in texts
    assert default_notice("sv") in texts
    assert "Datum\t11 februari 2026, 18.30–20.45" in texts
    assert "Plats\tÄngsö bygdegård" in texts
    body_row = doc.tables[-1].rows[1]._tr
    height = body_row.find(qn("w:trPr")).find(qn("w:trHeight"))
    assert height.get(qn("w:hRule")) == "atLeast"
    assert int(height.get(qn("w:val"))) >= 500  # twips: a signature fits (about 0.9 cm)
    header = doc.tables[-1].rows[0]._tr.find(qn("w:trPr"))
    assert header.find(qn("w:tblHeader")) is not None  # repeated on every page


def test_signin_sheet_takes_the_facilitators_own_notice_or_none(
    store: Store, tmp_path: Path
) -> None:
    evening = _evening(store)
    own = "Listan förstörs när mötet är räknat.\n\nFråga Åsa om du undrar något."
    out = export_signin_sheet(store, evening.workshop_id, tmp_path / "egen.docx", notice=own)
    texts = [text for _, text in paragraphs(open_docx(out))]
    assert "Listan förstörs när mötet är räknat." in texts
    assert "Fråga Åsa om du undrar något." in texts
    assert default_notice("sv") not in texts
    out = export_signin_sheet(store, evening.workshop_id, tmp_path / "ingen.docx", notice="  ")
    assert default_notice("sv") not in [text for _, text in paragraphs(open_docx(out))]


def test_english_workshop_gets_an_english_sheet(store: Store, tmp_path: Path) -> None:
    evening = _evening(store, language="en")
    out = export_signin_sheet(store, evening.workshop_id, tmp_path / "signin.docx",
                              blank_rows=1)
    rows = _table_rows(out)
    assert rows[0] == ["Name", "Organisation", "Signature", "May be named in the minutes"]
    assert rows[-1] == ["", "", "", "☐ yes   ☐ no"]
    assert default_notice("en") in [text for _, text in paragraphs(open_docx(out))]


@pytest.mark.parametrize("blank", [-1, 201])
def test_blank_rows_out_of_range_are_refused_and_nothing_written(
    store: Store, tmp_path: Path, blank: int
) -> None:
    evening = _evening(store)
    with pytest.raises(ValidationError):
        export_signin_sheet(store, evening.workshop_id, tmp_path / "x.docx", blank_rows=blank)
    assert not (tmp_path / "x.docx").exists()


def test_agenda_handout_numbers_the_items_in_agenda_order(store: Store, tmp_path: Path) -> None:
    evening = _evening(store)
    first = sections.list_sections(store, evening.workshop_id)[0]
    sections.move_section(store, first.id, 3)
    out = export_agenda_handout(store, evening.workshop_id, tmp_path / "dagordning.docx")
    doc = open_docx(out)
    items = list_items(doc)
    assert [text for _, _, text in items] == [
        "Skolskjutsarna i dag", "Grupparbete", "Hur går vi vidare?", "Välkomna och presentation"]
    assert len({num for num, _, _ in items}) == 1  # one numbered list, 1–4
    assert ("Heading 1", "Dagordning") in paragraphs(doc)


def test_agenda_handout_keeps_the_facilitators_own_numbers(store: Store, tmp_path: Path) -> None:
    evening = _evening(store)
    for section, number in zip(sections.list_sections(store, evening.workshop_id),
                               ("18.30", "18.45", "19.15", "20.30"), strict=True):
        sections.delete_section(store, section.id)
        sections.add_section(store, evening.workshop_id, section.heading, number=number)
    out = export_agenda_handout(store, evening.workshop_id, tmp_path / "dagordning.docx")
    doc = open_docx(out)
    assert list_items(doc) == []
    texts = [text for _, text in paragraphs(doc)]
    assert "18.30 Välkomna och presentation" in texts
    assert "20.30 Hur går vi vidare?" in texts


def test_a_read_only_target_is_refused_with_the_file_untouched(
    store: Store, tmp_path: Path
) -> None:
    evening = _evening(store)
    target = tmp_path / "närvaro.docx"
    target.write_bytes(b"gammal")
    target.chmod(0o444)
    with pytest.raises(MinutesError) as info:
        export_signin_sheet(store, evening.workshop_id, target)
    assert str(target) in str(info.value)
    assert target.read_bytes() == b"gammal"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cli_writes_both_handouts(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    store = Store(open_database(db_path))
    try:
        evening = _evening(store)
    finally:
        store.close()
    notice = tmp_path / "text.txt"
    notice.write_text("Vi sparar listan i ett låst skåp.", encoding="utf-8")
    out = tmp_path / "lista.docx"
    assert run(["--db", str(db_path), "export-signin", evening.workshop_id, str(out),
                "--notice", str(notice), "--blank", "2"]) == 0
    assert capsys.readouterr().out == f"Sparade {out}\n"
    rows = _table_rows(out)
    assert len(rows) == 1 + 4 + 2
    assert "Vi sparar listan i ett låst skåp." in [t for _, t in paragraphs(open_docx(out))]
    agenda = tmp_path / "dagordning.docx"
    assert run(["--db", str(db_path), "export-agenda", evening.workshop_id, str(agenda)]) == 0
    assert len(list_items(open_docx(agenda))) == 4


def test_cli_refuses_a_missing_notice_file_in_one_line(db_path: Path, tmp_path: Path,
                                                      capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["--db", str(db_path), "export-signin", "x", str(tmp_path / "a.docx"),
                "--notice", str(tmp_path / "saknas.txt")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "saknas.txt" in err
    assert not (tmp_path / "a.docx").exists()
