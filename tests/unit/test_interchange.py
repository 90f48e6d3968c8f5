"""Workshop packages: export → import → export, idempotence, merging by id, rejections."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from facilitator.interchange import importer, package_file
from facilitator.interchange.errors import PackageError
from facilitator.interchange.export import export_package, package_text, write_package
from facilitator.interchange.fields import FORMAT_VERSION
from facilitator.interchange.importer import import_package, import_package_file
from facilitator.services import (
    actions,
    focus_areas,
    groups,
    key_figures,
    people,
    projects,
    responsibles,
    reviews,
    roles,
    sections,
    wishes,
    workshops,
)
from facilitator.services.core import NotFoundError, ServiceError, Store
from facilitator.services.key_figures import FigureEntry
from facilitator.services.responsibles import Who
from facilitator.services.reviews import ReviewEntry, ReviewState
from facilitator.services.roles import RoleEntry
from facilitator.store.migrate import open_database
from facilitator.store.models import (
    Base,
    MergeConflict,
    Person,
    Project,
    Section,
    Wish,
    Workshop,
)
from facilitator.store.vocabulary import KeyFigureKind, Metric, ReviewStatus, RoleKind


def build_project(store: Store) -> dict[str, str]:
    """A small project using every row kind, with a tombstone or two."""
    ids: dict[str, str] = {}
    ids["project"] = projects.create_project(store, "Byaprojektet Ängsö", "Två år i *Ängsö*.")
    ids["kultur"] = focus_areas.add_focus_area(store, ids["project"], "Kultursamverkan", "Text")
    ids["turism"] = focus_areas.add_focus_area(store, ids["project"], "Turismsamverkan")
    ids["org"] = people.create_organisation(store, "Ängsö byalag", "förening")
    ids["åsa"] = people.create_person(store, "Åsa Öberg", organisation_id=ids["org"],
                                      title="ordförande")
    ids["pär"] = people.create_person(store, "Pär Ström", organisation="Ängsö IK")
    ids["outsider"] = people.create_person(store, "Östen Ensam")
    responsibles.set_responsibles(store, "focus_area", ids["kultur"], [Who(person_id=ids["åsa"])])
    responsibles.set_responsibles(store, "focus_area", ids["turism"], [
        Who(organisation_id=ids["org"]), Who(text="Skolan i Ängsö"), Who(person_id=ids["pär"])])
    ids["workshop"] = workshops.create_workshop(
        store, ids["project"], "Avslutning i bygdegården", kind="closing_session",
        date="2026-03-12", start_time="18:00", end_time="21:00", venue="Ängsö bygdegård",
        status="held", lead="Minnesanteckningar från kvällen.", responsible_form="name_title",
        group_lead_text="Tre grupper:", group_after_text="Sedan *redovisade* de.",
        show_group_members=True)
    roles.set_roles(store, ids["workshop"], [
        RoleEntry(RoleKind.MODERATOR, person_id=ids["åsa"]),
        RoleEntry(RoleKind.OTHER, label="Kvällens värd", name="Örjan Värd")])
    key_figures.set_figures(store, ids["workshop"], [
        FigureEntry(KeyFigureKind.TYPED, value="ca 500", unit="personer", label="Möten"),
        FigureEntry(KeyFigureKind.COUNTED, Metric.PEOPLE_MET)])
    ids["other_workshop"] = workshops.create_workshop(store, ids["project"], "Uppstart")
    sections.add_section(store, ids["workshop"], "Inledning", "Välkomna!\n\n- en\n  - två")
    gone = sections.add_section(store, ids["workshop"], "Struken punkt")
    sections.delete_section(store, gone)
    people.set_attendance(store, ids["workshop"], ids["åsa"], "attended", "Moderator")
    people.set_attendance(store, ids["workshop"], ids["pär"], "invited")
    people.set_may_be_named(store, ids["workshop"], ids["pär"], False)
    ids["group"] = groups.create_group(store, ids["workshop"], [ids["kultur"], ids["turism"]])
    groups.set_members(store, ids["group"], [ids["åsa"], ids["pär"]])
    parent = wishes.add_wish(store, ids["group"], "Jobba med hur föreningarna kan samarbeta:")
    child = wishes.add_wish(store, ids["group"], "Evenemangskalender", parent_id=parent,
                            votes=3)
    wishes.add_wish(store, ids["group"], "Någon som håller den aktuell", parent_id=child)
    dropped = wishes.add_wish(store, ids["group"], "Struket önskemål")
    wishes.delete_wish(store, dropped)
    wishes.set_note(store, child, "Följs upp i maj")
    meeting = actions.add_action(store, "Kalla till möte", workshop_id=ids["workshop"],
                                 responsibles=[Who(person_id=ids["åsa"])], due_date="2026-05-01")
    # Followed up at a later workshop made from this one: reviews, lineage, an action from a wish.
    ids["later"] = workshops.create_from_earlier(store, ids["workshop"], "Uppföljning i Ängsö",
                                                 date="2026-09-10")
    reviews.set_review(store, ids["later"], "wish", child, ReviewState(ReviewEntry(
        ReviewStatus.IN_PROGRESS, "Kalendern är *igång*", (Who(person_id=ids["pär"]),)),
        ReviewStatus.IN_PROGRESS))
    reviews.set_review(store, ids["later"], "action", meeting, ReviewState(ReviewEntry(
        ReviewStatus.DONE), ReviewStatus.DONE))
    reviews.action_from_wish(store, ids["later"], child)
    actions.add_action(store, "Skriv planen", focus_area_id=ids["turism"],
                       responsibles=[Who(organisation_id=ids["org"])], status="in_progress")
    return ids


def held(data: dict) -> dict:
    """The closing session of ``build_project`` inside a package (undated workshops sort first)."""
    return next(w for w in data["project"]["workshops"] if w["date"])


def without_time(data: dict) -> dict:
    """The package without what says when and where it was written."""
    return {k: v for k, v in data.items() if k not in ("exported_at", "device_id")}


def row_count(store: Store) -> int:
    with store.read() as session:
        return sum(session.scalar(select(func.count()).select_from(t)) or 0
                   for t in Base.metadata.sorted_tables
                   if "versions" in t.columns)  # user data, not the store's own


@pytest.fixture
def fresh_store(tmp_path: Path, db_path: Path):
    """A second, empty store (another laptop)."""
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(db_path, other)
    s = Store(open_database(other))
    yield s
    s.close()


# --- export -----------------------------------------------------------------------------

def test_round_trip_through_an_empty_store_is_identical(store, fresh_store):
    ids = build_project(store)
    first = export_package(store, ids["project"])
    result = import_package(fresh_store, first)
    assert result.created == row_count(fresh_store) > 20
    second = export_package(fresh_store, ids["project"])
    assert package_text(without_time(second)) == package_text(without_time(first))


def test_workshop_package_has_its_project_all_areas_and_only_referenced_people(store):
    ids = build_project(store)
    data = export_package(store, ids["workshop"])
    project = data["project"]
    assert project["id"] == ids["project"]
    assert [w["id"] for w in project["workshops"]] == [ids["workshop"]]
    assert [a["name"] for a in project["focus_areas"]] == ["Kultursamverkan", "Turismsamverkan"]
    assert {p["name"] for p in data["people"]} == {"Åsa Öberg", "Pär Ström"}
    assert {o["name"] for o in data["organisations"]} == {"Ängsö byalag", "Ängsö IK"}
    assert len(export_package(store, ids["project"])["project"]["workshops"]) == 3


def test_follow_up_workshop_package_brings_what_it_follows_up(store, fresh_store):
    """A later workshop's package holds the earlier workshop whose wishes and actions it
    reviews, so it imports into an empty database with its reviews and lineage."""
    ids = build_project(store)
    data = export_package(store, ids["later"])
    assert [w["title"] for w in data["project"]["workshops"]] == [
        "Avslutning i bygdegården", "Uppföljning i Ängsö"]
    later = data["project"]["workshops"][1]
    assert later["source_workshop_id"] == ids["workshop"]
    assert [r["status"] for r in later["reviews"]] == ["in_progress", "done"]
    assert later["reviews"][0]["responsibles"][0]["person_id"] == ids["pär"]
    assert [a["source_wish_id"] is not None for a in later["actions"]] == [True]
    import_package(fresh_store, data)
    again = export_package(fresh_store, ids["later"])
    assert package_text(without_time(again)) == package_text(without_time(data))


def test_tombstones_are_exported_and_wishes_come_parents_first(store):
    ids = build_project(store)
    workshop = export_package(store, ids["workshop"])["project"]["workshops"][0]
    assert [s["deleted_at"] is not None for s in workshop["sections"]] == [False, True]
    wish_rows = workshop["groups"][0]["wishes"]
    assert [w["text"] for w in wish_rows] == [
        "Jobba med hur föreningarna kan samarbeta:", "Evenemangskalender",
        "Någon som håller den aktuell", "Struket önskemål"]
    assert wish_rows[1]["parent_id"] == wish_rows[0]["id"]
    assert wish_rows[3]["deleted_at"] is not None


def test_values_are_written_in_their_documented_forms(store):
    ids = build_project(store)
    workshop = export_package(store, ids["workshop"])["project"]["workshops"][0]
    assert (workshop["date"], workshop["start_time"], workshop["end_time"]) == (
        "2026-03-12", "18:00", "21:00")
    assert (workshop["kind"], workshop["status"]) == ("closing_session", "held")
    assert workshop["created_at"].endswith("Z")
    assert list(workshop)[:4] == ["id", "created_at", "updated_at", "deleted_at"]


def test_unknown_id_is_not_found(store):
    build_project(store)
    with pytest.raises(NotFoundError, match="inget projekt"):
        export_package(store, "00000000-0000-0000-0000-000000000000")


def test_written_file_is_stable_utf8_json(store, tmp_path):
    ids = build_project(store)
    a = write_package(store, ids["project"], tmp_path / "a.json").read_text("utf-8")
    b = write_package(store, ids["project"], tmp_path / "b.json").read_text("utf-8")
    assert a.endswith("}\n") and "Åsa Öberg" in a and '\n  "format"' in a
    drop = lambda text: [x for x in text.splitlines() if '"exported_at"' not in x]  # noqa: E731
    assert drop(a) == drop(b)
    assert json.loads(a)["format"] == "facilitator-package"


# --- import -----------------------------------------------------------------------------

def test_importing_twice_creates_nothing(store, fresh_store):
    ids = build_project(store)
    data = export_package(store, ids["project"])
    first = import_package(fresh_store, data)
    count = row_count(fresh_store)
    second = import_package(fresh_store, copy.deepcopy(data))
    assert (second.created, second.updated, second.unchanged) == (0, 0, first.created)
    assert row_count(fresh_store) == count


def test_timestamps_are_kept_exactly(store, fresh_store):
    ids = build_project(store)
    import_package(fresh_store, export_package(store, ids["project"]))
    checked = 0
    with store.read() as a, fresh_store.read() as b:
        for model in (Project, Workshop, Section, Wish, Person):
            for row in b.scalars(select(model)):
                original = a.get(model, row.id)
                assert (row.created_at, row.updated_at, row.deleted_at) == (
                    original.created_at, original.updated_at, original.deleted_at)
                checked += 1
    assert checked > 10


def test_a_later_edit_replaces_the_copy_and_an_older_package_keeps_it(store, fresh_store):
    """The laptop that edited after seeing a version wins; a package from before the
    edit changes nothing (field versions decide, not the laptops' clocks)."""
    ids = build_project(store)
    before = export_package(store, ids["project"])
    import_package(fresh_store, before)
    projects.rename_project(store, ids["project"], "Nytt namn på Ängsö")
    result = import_package(fresh_store, export_package(store, ids["project"]))
    assert (result.updated, result.conflicts) == (1, 0)
    result = import_package(fresh_store, copy.deepcopy(before))
    assert (result.updated, result.kept, result.conflicts) == (0, 1, 0)
    assert projects.list_projects(fresh_store)[0].name == "Nytt namn på Ängsö"


def test_a_version_3_row_against_a_versioned_copy_is_a_kept_conflict(store, fresh_store):
    """An old-format package knows no versions: its newer row wins by its time, and the
    value it replaced is kept as a conflict, not dropped."""
    ids = build_project(store)
    data = export_package(store, ids["project"])
    import_package(fresh_store, data)
    old_format = copy.deepcopy(data)
    old_format["project"].update(name="Gammalt format", versions=None,
                                 updated_at="2099-01-01T00:00:00Z")
    result = import_package(fresh_store, old_format)
    assert (result.updated, result.conflicts) == (1, 1)
    assert projects.list_projects(fresh_store)[0].name == "Gammalt format"
    with fresh_store.read() as s:
        [conflict] = s.scalars(select(MergeConflict)).all()
        assert (conflict.field, json.loads(conflict.other_value)) == ("name",
                                                                      "Byaprojektet Ängsö")


def test_same_person_checked_in_on_two_laptops_is_merged_not_duplicated(store, fresh_store):
    ids = build_project(store)
    data = export_package(store, ids["workshop"])
    import_package(fresh_store, data)
    other = copy.deepcopy(data)
    row = other["project"]["workshops"][0]["attendance"][0]
    row["id"] = "11111111-1111-4111-8111-111111111111"
    row["role"] = "Antecknare"
    row["updated_at"] = "2099-01-01T00:00:00Z"
    # Checked in on the other laptop, later, without seeing this one's row.
    row["versions"] = {"*": ["01a3185c5000-0000-laptop-b"]}  # January 2027
    before = row_count(fresh_store)
    result = import_package(fresh_store, other)
    assert (result.created, result.updated, result.conflicts) == (0, 1, 1)
    assert row_count(fresh_store) == before
    roles = {a.role for a in people.list_attendance(fresh_store, ids["workshop"])}
    assert "Antecknare" in roles


def test_texts_are_normalised_like_the_services_do(store, fresh_store):
    ids = build_project(store)
    data = export_package(store, ids["project"])
    data["project"]["name"] = "  Ba\u0308ckeby\tprojekt\n\x07 "
    data["project"]["description"] = "rad 1\r\nrad 2\x0brad 3\x00\n"
    import_package(fresh_store, data)
    with fresh_store.read() as s:
        project = s.get(Project, ids["project"])
        assert project.name == "Bäckeby projekt"
        assert project.description == "rad 1\nrad 2\nrad 3"


def test_references_to_rows_already_in_the_store_are_accepted(store, fresh_store):
    ids = build_project(store)
    import_package(fresh_store, export_package(store, ids["project"]))
    data = export_package(store, ids["workshop"])
    data["people"], data["organisations"] = [], []
    result = import_package(fresh_store, data)
    assert result.created == 0


# --- rejections: each writes nothing and says why -------------------------------------

def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "paket.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _refused(store: Store, path: Path, *phrases: str) -> str:
    before = row_count(store)
    with pytest.raises(PackageError) as info:
        import_package_file(store, path)
    assert row_count(store) == before
    message = str(info.value)
    for phrase in phrases:
        assert phrase in message
    return message


@pytest.fixture
def package(store, fresh_store) -> tuple[Store, dict]:
    """A valid package of the rich project, and an empty store to import it into."""
    ids = build_project(store)
    return fresh_store, export_package(store, ids["project"])


def test_invalid_json_is_refused(package, tmp_path):
    target, data = package
    text = package_text(data).replace('"format"', "format", 1)
    _refused(target, _write(tmp_path, text), "inte giltig JSON", "rad 2")


def test_truncated_file_is_refused(package, tmp_path):
    target, data = package
    text = package_text(data)
    _refused(target, _write(tmp_path, text[: len(text) // 2]), "avklippt")


def test_not_utf8_and_empty_files_are_refused(package, tmp_path):
    target, _ = package
    _refused(target, _write(tmp_path, b"\xff\xfe{\x00}"), "UTF-8")
    _refused(target, _write(tmp_path, "  \n"), "tom")
    _refused(target, tmp_path / "saknas.json", "finns inte")


def test_too_large_file_is_refused_before_reading(package, tmp_path, monkeypatch):
    target, _ = package
    path = tmp_path / "stor.json"
    with path.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(50 * 1024 * 1024 + 1)

    def no_reading(self):  # type: ignore[no-untyped-def]
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    _refused(target, path, "för stor", "50 MB")


def test_size_limit_applies_to_real_packages(package, tmp_path, monkeypatch):
    target, data = package
    path = _write(tmp_path, package_text(data))
    monkeypatch.setattr(package_file, "MAX_PACKAGE_BYTES", path.stat().st_size - 1)
    _refused(target, path, "för stor")


def test_other_json_is_not_a_package(package, tmp_path):
    target, data = package
    _refused(target, _write(tmp_path, "[1, 2, 3]"), "inte ett Facilitator-paket")
    data["format"] = "something-else"
    _refused(target, _write(tmp_path, package_text(data)), "inte ett Facilitator-paket")


def test_newer_format_version_asks_to_update_the_app(package, tmp_path):
    target, data = package
    data["version"] = FORMAT_VERSION + 1
    _refused(target, _write(tmp_path, package_text(data)), f"formatversion {FORMAT_VERSION + 1}",
             "Uppdatera Facilitator")


def test_schema_violation_names_the_json_path(package, tmp_path):
    target, data = package
    held(data)["sections"][0]["heading"] = 42
    message = _refused(target, _write(tmp_path, package_text(data)),
                       "$.project.workshops[1].sections[0].heading", "ska vara text")
    assert "42" in message


@pytest.mark.parametrize(("change", "phrases"), [
    (lambda d: d["project"].pop("name"), ["$.project", "\"name\" saknas"]),
    (lambda d: d["project"].update(colour="blå"), ["okänt fält \"colour\""]),
    (lambda d: d["project"].update(name="x" * 301), ["$.project.name", "högst 300"]),
    (lambda d: held(d).update(kind="fest"), ["okänt värde \"fest\""]),
    (lambda d: held(d).update(date="12/3 2026"), ["ÅÅÅÅ-MM-DD"]),
    (lambda d: held(d).update(date="2026-13-45"), ["giltigt datum"]),
    (lambda d: d["project"].update(name=" \n\x07 "), ["Projektets namn får inte vara tomt"]),
    (lambda d: d["people"][0].update(id="inte-ett-id"), ["$.people[0].id", "UUID"]),
])
def test_bad_values_are_refused(package, tmp_path, change, phrases):
    target, data = package
    change(data)
    _refused(target, _write(tmp_path, package_text(data)), *phrases)


def test_dangling_reference_is_refused(package, tmp_path):
    target, data = package
    data["people"] = []
    _refused(target, _write(tmp_path, package_text(data)), "pekar på något som varken finns")


def test_duplicate_ids_and_wish_cycles_are_refused(package, tmp_path):
    target, data = package
    twice = copy.deepcopy(data)
    twice["people"].append(copy.deepcopy(twice["people"][0]))
    _refused(target, _write(tmp_path, package_text(twice)), "finns redan vid $.people[0]")
    cycle = copy.deepcopy(data)
    wish_rows = held(cycle)["groups"][0]["wishes"]
    wish_rows[0]["parent_id"] = wish_rows[2]["id"]
    _refused(target, _write(tmp_path, package_text(cycle)), "cirkel")


def test_wishes_nested_too_deep_or_across_groups_are_refused(package, tmp_path):
    target, data = package
    deep = copy.deepcopy(data)
    wish_rows = held(deep)["groups"][0]["wishes"]
    parent = wish_rows[2]  # already two levels down: four more make six under the top
    for n in range(4):
        child = copy.deepcopy(parent)
        child["id"] = f"22222222-2222-4222-8222-00000000000{n}"
        child["parent_id"] = parent["id"]
        wish_rows.append(child)
        parent = child
    _refused(target, _write(tmp_path, package_text(deep)), "högst 5 nivåer")
    across = copy.deepcopy(data)
    group = held(across)["groups"][0]
    other = copy.deepcopy(group)
    other["id"] = "33333333-3333-4333-8333-333333333333"
    other["focus_areas"], other["members"] = [], []
    other["wishes"] = [dict(group["wishes"][0], id="44444444-4444-4444-8444-444444444444",
                            parent_id=group["wishes"][0]["id"])]
    held(across)["groups"].append(other)
    _refused(target, _write(tmp_path, package_text(across)), "i samma grupp")


def test_a_failure_while_writing_rolls_everything_back(package, monkeypatch):
    target, data = package
    real = importer._write_stage

    def failing(tx, spec, rows, result, *rest):  # type: ignore[no-untyped-def]
        if spec is importer.WISH:
            raise ServiceError("disken tog slut")
        real(tx, spec, rows, result, *rest)

    monkeypatch.setattr(importer, "_write_stage", failing)
    with pytest.raises(ServiceError, match="disken"):
        import_package(target, data)
    assert row_count(target) == 0


# --- command line ---------------------------------------------------------------------

@pytest.mark.sqlite_only  # the CLI is given the database file
def test_cli_export_and_import(store, tmp_path, capsys):
    from facilitator.cli import run

    ids = build_project(store)
    store.close()
    db = str(tmp_path / "facilitator.sqlite3")
    out = tmp_path / "paket.json"
    assert run(["--db", db, "export-json", ids["workshop"], str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Sparade {out}"
    other = str(tmp_path / "annan.sqlite3")
    assert run(["--db", other, "import", str(out)]) == 0
    first = capsys.readouterr().out
    assert "oförändrade" in first and " 0 nya" not in first
    assert run(["--db", other, "import", str(out)]) == 0
    assert ": 0 nya," in capsys.readouterr().out


def test_cli_reports_refusals_on_one_line(tmp_path, capsys):
    from facilitator.cli import run

    db = str(tmp_path / "facilitator.sqlite3")
    newer = json.dumps({"format": "facilitator-package", "version": FORMAT_VERSION + 1})
    bad = _write(tmp_path, newer)
    assert run(["--db", db, "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("facilitator: ") and "Uppdatera Facilitator" in err
    assert err.count("\n") == 1
    assert run(["--db", db, "export-json", "finns-inte", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("facilitator: ") and "finns-inte" in err
    assert not (tmp_path / "x.json").exists()
