"""The bundled sample project: valid, complete in the shape of real minutes, idempotent."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from facilitator.interchange.export import export_package, package_text
from facilitator.interchange.fields import FORMAT_VERSION
from facilitator.interchange.importer import import_package
from facilitator.interchange.sample import load_sample
from facilitator.interchange.schema import validator
from facilitator.paths import resource_path
from facilitator.services import focus_areas, groups, people, projects, wishes
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from tests.unit.test_interchange import row_count

SAMPLE = resource_path("samples", "sample-project.json")


@pytest.fixture(scope="module")
def data() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def by_kind(data: dict, kind: str) -> dict:
    return next(w for w in data["project"]["workshops"] if w["kind"] == kind)


def test_sample_is_a_valid_package(data):
    assert validator().is_valid(data)
    assert data["format"] == "facilitator-package" and data["version"] == FORMAT_VERSION


def test_sample_loads_and_loading_again_creates_nothing(store):
    project_id = load_sample(store)
    count = row_count(store)
    assert count > 100
    assert load_sample(store) == project_id
    assert row_count(store) == count
    assert [p.id for p in projects.list_projects(store)] == [project_id]


def test_sample_exports_to_itself_and_reimports_identically(store, tmp_path, db_path, data):
    project_id = load_sample(store)
    exported = export_package(store, project_id)
    strip = lambda d: package_text({k: v for k, v in d.items()  # noqa: E731
                                    if k not in ("exported_at", "device_id")})
    assert strip(exported) == strip(data)  # the committed file is in canonical export form
    other = tmp_path / "annan.sqlite3"
    shutil.copyfile(db_path, other)
    fresh = Store(open_database(other))
    try:
        import_package(fresh, json.loads(package_text(exported)))
        assert strip(export_package(fresh, project_id)) == strip(exported)
    finally:
        fresh.close()


def test_six_focus_areas_with_narratives_and_mixed_responsibles(store):
    project_id = load_sample(store)
    areas = focus_areas.list_focus_areas(store, project_id)
    assert len(areas) == 6
    for area in areas:
        assert area.narrative.count("\n\n") >= 2, area.name
        assert area.responsible_label, area.name
    refs = [r.who for a in areas for r in a.responsibles]
    assert any(r.person_id for r in refs)
    assert any(r.organisation_id for r in refs)
    assert any(r.text for r in refs)
    several = [a for a in areas if len(a.responsibles) > 1]
    assert [a.responsible_label for a in several] == [
        "Lillsjö Solel ekonomisk förening; kommunens energirådgivare"]


def test_closing_session_has_the_facts_and_agenda_of_real_minutes(data):
    w = by_kind(data, "closing_session")
    assert w["status"] == "held" and w["date"].startswith("2026-")
    assert re.fullmatch(r"KS \d{4}/\d+", w["case_reference"])
    assert w["issuing_unit"] == "Kommunkansliet"
    assert w["venue"] and w["lead"]
    assert {r["role"] for r in w["roles"]} >= {"moderator", "project_leader"}
    assert {f["kind"] for f in w["key_figures"]} == {"typed", "counted"}
    agenda = [(s["heading"], s["kind"]) for s in w["sections"]]
    assert agenda == [
        ("Inledning", "text"), ("Bakgrund och syfte", "text"), ("Sammanfattning", "text"),
        ("Fokusområden", "focus_areas"), ("Siffror och fakta", "key_figures"),
        ("Följeforskning", "text"), ("Workshop om fortsatt arbete", "group_work"),
    ]
    bodies = {s["heading"]: s["body"] for s in w["sections"]}
    assert "\n- " in bodies["Bakgrund och syfte"] and "\n  - " in bodies["Bakgrund och syfte"]
    quote = [line for line in bodies["Följeforskning"].splitlines() if line.startswith(">")]
    assert len(quote) >= 3 and ">" in quote  # a quote of several paragraphs
    assert all(s["body"].strip() for s in w["sections"])


def test_attendance_is_mostly_present_with_some_roles(store, data):
    load_sample(store)
    w = by_kind(data, "closing_session")
    rows = people.list_attendance(store, w["id"])
    statuses = [r.status.value for r in rows]
    assert 18 <= len(rows) <= 25
    assert statuses.count("attended") >= 15
    assert {"invited", "absent"} <= set(statuses)
    assert sum(1 for r in rows if r.role) >= 3


def test_three_groups_named_after_two_areas_with_nested_voted_wishes(store, data):
    load_sample(store)
    w = by_kind(data, "closing_session")
    attendees = {a["person_id"] for a in w["attendance"] if a["status"] == "attended"}
    infos = groups.list_groups(store, w["id"])
    assert [g.name for g in infos] == [
        "Kultur- och Turismsamverkan", "Medborgardialog och Omvärldsanalys",
        "Kompetens- och Energiförsörjning",
    ]
    total, deepest, voted = 0, 0, 0
    for info in infos:
        assert not info.custom_name and len(info.focus_area_ids) == 2
        assert info.member_ids and set(info.member_ids) <= attendees
        items = wishes.list_wishes(store, info.id)
        total += len(items)
        deepest = max(deepest, *(i.depth for i in items))
        voted += sum(1 for i in items if i.votes)
    assert 15 <= total <= 25
    assert deepest == 2
    assert voted >= 5


def test_actions_and_learning_evaluation(data):
    w = by_kind(data, "closing_session")
    assert len(w["actions"]) >= 3
    for action in w["actions"]:
        assert action["due_date"] and action["status"]
        assert action["responsibles"]
    learning = by_kind(data, "learning_evaluation")
    headings = [s["heading"] for s in learning["sections"]]
    assert headings[-1] == "Slutsatser" and len(headings) >= 3
    assert [r["role"] for r in learning["roles"]] == ["project_leader", "presenter", "note_taker"]
    assert all(r["person_id"] for r in learning["roles"])  # linked, so erasure finds them
    for section in learning["sections"][:-1]:
        assert section["body"].startswith("- ")


def test_sample_is_fictional_and_swedish(data):
    for person in data["people"]:
        assert re.search("[åäöÅÄÖ]", person["name"]), person["name"]
    text = SAMPLE.read_text(encoding="utf-8")
    for name in ("Vansbro", "Dala-Järna", "Utmaningen", "Granholm", "Granberg", "Granath",
                 "Willman", "Danielsson", "Rönnlund", "Evidera", "Smedberg", "Rågsveden",
                 "Heby", "Säter", "Trysil", "VINNOVA"):
        assert name not in text


def test_sample_command_twice(tmp_path: Path, capsys):
    from facilitator.cli import run

    db = str(tmp_path / "facilitator.sqlite3")
    assert run(["--db", db, "sample"]) == 0
    assert run(["--db", db, "sample"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == lines[1] and lines[0].startswith("Exempelprojektet är inläst: ")


def test_follow_up_workshop_reviews_the_closing_session(store):
    """Some months after the closing session a workshop follows up its wishes and actions:
    some done, some in progress, one dropped, and an action made from a wish."""
    from facilitator.services import follow_up, overview
    from facilitator.store.vocabulary import ReviewStatus

    project_id = load_sample(store)
    [project] = [p for p in overview.list_projects(store) if p.id == project_id]
    [later] = [w for w in project.workshops if w.title == "Uppföljning ett halvår senare"]
    items = follow_up.list_follow_up(store, later.id)
    reviewed = [i for i in items if i.review is not None]
    statuses = [i.review.status for i in reviewed if i.review]
    assert statuses.count(ReviewStatus.DROPPED) == 1
    assert statuses.count(ReviewStatus.DONE) >= 3 and ReviewStatus.IN_PROGRESS in statuses
    assert {i.kind for i in reviewed} == {"wish", "action"}
    assert all(i.origin.startswith("Redovisning av Lillsjö framåt") for i in reviewed)
    calendar = next(i for i in items if i.text == "En gemensam evenemangskalender")
    assert [r.name for r in calendar.responsibles] == ["Karin Ödmark"]
    [made] = [i for i in items if i.action_ids]
    assert made.text == "Koppla solcellsparken till skolans teknikundervisning"
