"""Format 2: version-1 packages (a kept file) upgrade on import, and migration 0004
gives old data the same row ids as the upgrade, so nothing is made twice."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from facilitator.interchange.errors import PackageError
from facilitator.interchange.export import export_package
from facilitator.interchange.fields import FORMAT_VERSION
from facilitator.interchange.importer import import_package, import_package_file
from facilitator.services import focus_areas, responsibles, roles, workshops
from facilitator.services.core import Store
from facilitator.store import migrate
from facilitator.store.db import make_engine
from facilitator.store.vocabulary import RoleKind, derived_id

V1 = Path(__file__).resolve().parent.parent / "data" / "package-v1-sample.json"
PROJECT = "eb131b3c-de59-5db7-87dd-cbfe087bdfec"
CLOSING = "cf9e76c2-9a4b-510c-b0c6-cab56adb53f1"


def _v1() -> dict:
    return json.loads(V1.read_text(encoding="utf-8"))


def test_kept_file_is_version_1() -> None:
    data = _v1()
    assert data["version"] == 1
    assert "moderator" in data["project"]["workshops"][0]
    assert "responsible_person_id" in data["project"]["focus_areas"][0]


def test_version_1_package_is_upgraded_on_import(store: Store) -> None:
    result = import_package_file(store, V1)
    assert result.project_id == PROJECT
    areas = focus_areas.list_focus_areas(store, PROJECT)
    by_name = {a.name: [r.name for r in a.responsibles] for a in areas}
    v1_areas = {a["name"]: a for a in _v1()["project"]["focus_areas"]}
    assert by_name["Energiförsörjning"] == [v1_areas["Energiförsörjning"]["responsible_text"]]
    assert all(len(names) == 1 for names in by_name.values())
    closing = {i.entry.role: i.holder for i in roles.list_roles(store, CLOSING)}
    v1_closing = next(w for w in _v1()["project"]["workshops"] if w["id"] == CLOSING)
    assert closing == {RoleKind.PROJECT_LEADER: v1_closing["project_leader"],
                       RoleKind.MODERATOR: v1_closing["moderator"],
                       RoleKind.NOTE_TAKER: v1_closing["note_taker"]}
    facts = workshops.get_facts(store, CLOSING)
    assert (facts.group_lead_text, facts.show_group_members) == (None, False)
    again = export_package(store, PROJECT)
    assert again["version"] == FORMAT_VERSION
    assert "moderator" not in again["project"]["workshops"][0]


def test_version_1_package_imported_twice_makes_nothing_twice(store: Store) -> None:
    import_package_file(store, V1)
    second = import_package_file(store, V1)
    assert (second.created, second.updated) == (0, 0)
    area = next(a for a in focus_areas.list_focus_areas(store, PROJECT)
                if a.name == "Medborgardialog")
    assert len(responsibles.list_responsibles(store, "focus_area", area.id)) == 1


def test_migration_0004_gives_the_upgrade_s_ids(tmp_path: Path) -> None:
    """A database at 0003 with one responsible and one moderator, migrated to head."""
    path = tmp_path / "gammal.sqlite3"
    engine = make_engine(path)
    cfg = migrate._alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0003")
    now = "2025-01-01 10:00:00.000000"
    with engine.begin() as c:
        c.execute(sa.text(
            "INSERT INTO project (id, name, description, created_at, updated_at) VALUES "
            "('p1', 'Ängsö', '', :t, :t)"), {"t": now})
        c.execute(sa.text(
            "INSERT INTO focus_area (id, project_id, position, name, narrative, "
            "responsible_person_id, responsible_organisation_id, responsible_text, created_at, "
            "updated_at) VALUES ('a1', 'p1', 0, 'Kultur', '', NULL, NULL, 'Byalaget', :t, :t)"),
            {"t": now})
        c.execute(sa.text(
            "INSERT INTO workshop (id, project_id, title, kind, venue, moderator, project_leader, "
            "note_taker, case_reference, issuing_unit, document_type, lead, language, status, "
            "created_at, updated_at) VALUES ('w1', 'p1', 'Vårmöte', 'workshop', 'Bygdegården', "
            "'Märta Öst', '', '', '', '', 'Minnesanteckningar', '', 'sv', 'draft', :t, :t)"),
            {"t": now})
    engine.dispose()
    store = Store(migrate.open_database(path))
    try:
        [who] = responsibles.list_responsibles(store, "focus_area", "a1")
        assert (who.name, who.who.id) == ("Byalaget", derived_id("a1", "responsible"))
        [role] = roles.list_roles(store, "w1")
        assert (role.entry.role, role.holder, role.entry.id) == (
            RoleKind.MODERATOR, "Märta Öst", derived_id("w1", "role:moderator"))
        facts = workshops.get_facts(store, "w1")
        assert facts.venue == "Bygdegården"  # the rebuilt table kept its rows
    finally:
        store.close()


@pytest.mark.parametrize(("change", "phrase"), [
    (lambda a: a["responsibles"][0].update(text="Och en text"), "exakt en av"),
    (lambda a: a["responsibles"][0].update(person_id=None), "exakt en av"),
])
def test_a_responsible_naming_two_or_none_is_refused(store: Store, change, phrase) -> None:  # type: ignore[no-untyped-def]
    import_package_file(store, V1)
    data = copy.deepcopy(export_package(store, PROJECT))
    area = data["project"]["focus_areas"][0]
    change(area)
    with pytest.raises(PackageError, match=phrase) as caught:
        import_package(store, data)
    assert "$.project.focus_areas[0].responsibles[0]" in str(caught.value)
