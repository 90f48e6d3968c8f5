"""Focus areas, and breakout groups named after them."""

from __future__ import annotations

import pytest

from facilitator.services import NotFoundError, ValidationError, groups, people, projects
from facilitator.services import focus_areas as fa
from facilitator.services import workshops as ws
from facilitator.services.groups import group_name_for


@pytest.fixture
def project(store) -> str:  # type: ignore[no-untyped-def]
    return projects.create_project(store, "Byaprojektet Ängsö")


@pytest.fixture
def workshop(store, project) -> str:  # type: ignore[no-untyped-def]
    return ws.create_workshop(store, project, "Vårmöte")


# --- focus areas ----------------------------------------------------------------------

def test_focus_area_order_delete_restore(store, project) -> None:  # type: ignore[no-untyped-def]
    a, b, c = (fa.add_focus_area(store, project, n) for n in ("Ån", "Ängen", "Ön"))
    assert fa.move_focus_area(store, c, 0) == 2
    assert [x.name for x in fa.list_focus_areas(store, project)] == ["Ön", "Ån", "Ängen"]
    fa.delete_focus_area(store, a)
    assert [(x.name, x.position) for x in fa.list_focus_areas(store, project)] == [
        ("Ön", 0), ("Ängen", 1)]
    fa.restore_focus_area(store, a, 1)
    assert [x.id for x in fa.list_focus_areas(store, project)] == [c, a, b]


# --- group names ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        (["Kultursamverkan", "Turismsamverkan"], "Kultur- och Turismsamverkan"),
        (["Medborgardialog", "Omvärldsanalys"], "Medborgardialog och Omvärldsanalys"),
        (["Åns vatten", "Ängens blommor", "Öns fåglar"],
         "Åns vatten, Ängens blommor och Öns fåglar"),
        (["Friluftsliv"], "Friluftsliv"),
        (["", " "], ""),
    ],
)
def test_group_name_for(areas, expected) -> None:  # type: ignore[no-untyped-def]
    assert group_name_for(areas) == expected


def test_group_named_after_its_areas(store, project, workshop) -> None:  # type: ignore[no-untyped-def]
    kultur = fa.add_focus_area(store, project, "Kultursamverkan")
    turism = fa.add_focus_area(store, project, "Turismsamverkan")
    dialog = fa.add_focus_area(store, project, "Medborgardialog")
    gid = groups.create_group(store, workshop, [kultur, turism])
    assert groups.list_groups(store, workshop)[0].name == "Kultur- och Turismsamverkan"
    assert groups.set_group_focus_areas(store, gid, [dialog, kultur, dialog]) == [kultur, turism]
    [g] = groups.list_groups(store, workshop)
    assert (g.name, g.focus_area_ids) == ("Medborgardialog och Kultursamverkan", (dialog, kultur))


def test_custom_name_kept_and_empty_name_returns_to_automatic(store, project, workshop) -> None:  # type: ignore[no-untyped-def]
    kultur = fa.add_focus_area(store, project, "Kultursamverkan")
    turism = fa.add_focus_area(store, project, "Turismsamverkan")
    gid = groups.create_group(store, workshop, [kultur])
    assert groups.rename_group(store, gid, "Åsas grupp") == ("Kultursamverkan", False)
    groups.set_group_focus_areas(store, gid, [kultur, turism])
    [g] = groups.list_groups(store, workshop)
    assert (g.name, g.custom_name) == ("Åsas grupp", True)
    assert groups.rename_group(store, gid, "  ") == ("Åsas grupp", True)
    [g] = groups.list_groups(store, workshop)
    assert (g.name, g.custom_name) == ("Kultur- och Turismsamverkan", False)


def test_group_without_areas_gets_a_numbered_name(store, project, workshop) -> None:  # type: ignore[no-untyped-def]
    kultur = fa.add_focus_area(store, project, "Kultursamverkan")
    groups.create_group(store, workshop)
    second = groups.create_group(store, workshop, [kultur])
    assert [g.name for g in groups.list_groups(store, workshop)] == [
        "Grupp 1", "Kultursamverkan"]
    groups.set_group_focus_areas(store, second, [])
    assert [g.name for g in groups.list_groups(store, workshop)] == ["Grupp 1", "Grupp 2"]
    groups.rename_group(store, second, "Tillfälligt namn")
    groups.rename_group(store, second, "")
    assert groups.list_groups(store, workshop)[1].name == "Grupp 2"


def test_renaming_or_trashing_an_area_renames_automatic_groups(store, project, workshop) -> None:  # type: ignore[no-untyped-def]
    kultur = fa.add_focus_area(store, project, "Kultursamverkan")
    turism = fa.add_focus_area(store, project, "Turismsamverkan")
    auto = groups.create_group(store, workshop, [kultur, turism])
    custom = groups.create_group(store, workshop, [kultur], name="Örjans grupp")
    heard = []
    store.subscribe(heard.append)

    fa.rename_focus_area(store, turism, "Besöksnäringssamverkan")
    assert [g.name for g in groups.list_groups(store, workshop)] == [
        "Kultur- och Besöksnäringssamverkan", "Örjans grupp"]
    assert heard[-1].kinds == {"focus_area", "group"} and auto in heard[-1].ids
    assert custom not in heard[-1].ids

    fa.delete_focus_area(store, kultur)
    assert groups.list_groups(store, workshop)[0].name == "Besöksnäringssamverkan"
    fa.restore_focus_area(store, kultur, 0)
    assert groups.list_groups(store, workshop)[0].name == "Kultur- och Besöksnäringssamverkan"


def test_group_areas_must_belong_to_the_project(store, workshop) -> None:  # type: ignore[no-untyped-def]
    other = projects.create_project(store, "Öregrund")
    foreign = fa.add_focus_area(store, other, "Skärgårdsliv")
    with pytest.raises(ValidationError, match="hör till ett annat projekt"):
        groups.create_group(store, workshop, [foreign])
    assert groups.list_groups(store, workshop) == []


def test_members_move_delete_restore(store, project, workshop) -> None:  # type: ignore[no-untyped-def]
    asa = people.create_person(store, "Åsa Öberg")
    orjan = people.create_person(store, "Örjan Åkesson")
    g1 = groups.create_group(store, workshop, name="Ängen")
    g2 = groups.create_group(store, workshop, name="Ön")
    assert groups.set_members(store, g1, [asa, orjan, asa]) == []
    assert groups.set_members(store, g1, [orjan]) == [asa, orjan]
    assert groups.list_groups(store, workshop)[0].member_ids == (orjan,)
    with pytest.raises(NotFoundError, match="Personen"):
        groups.set_members(store, g1, ["finns-inte"])
    assert groups.move_group(store, g2, 0) == 1
    assert [g.name for g in groups.list_groups(store, workshop)] == ["Ön", "Ängen"]
    groups.delete_group(store, g2)
    assert [(g.name, g.position) for g in groups.list_groups(store, workshop)] == [("Ängen", 0)]
    groups.restore_group(store, g2, 0)
    assert [g.name for g in groups.list_groups(store, workshop)] == ["Ön", "Ängen"]


@pytest.mark.parametrize(
    ("areas", "name"),
    [
        (["Kultursamverkan", "Turismsamverkan"], "Kultur- och Turismsamverkan"),
        (["Kompetensförsörjning", "Bostadsförsörjning"], "Kompetens- och Bostadsförsörjning"),
        (["Landsbygdsutveckling", "Stadsutveckling"], "Landsbygds- och Stadsutveckling"),
        (["Näringslivsutveckling", "Föreningsutveckling"],
         "Näringslivs- och Föreningsutveckling"),
        (["Medborgardialog", "Omvärldsanalys"], "Medborgardialog och Omvärldsanalys"),
        (["Skolskjuts", "Kollektivtrafik"], "Skolskjuts och Kollektivtrafik"),
    ],
)
def test_compound_names_keep_the_linking_s_with_the_first_word(areas, name):
    from facilitator.services.groups import group_name_for

    assert group_name_for(areas) == name


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Kompetensförsörjning", "Kompetens-\nförsörjning"),
        ("Medborgardialog", "Medborgar-\ndialog"),
        ("Turismsamverkan", "Turism-\nsamverkan"),
        ("Fritid", "Fritid"),
        ("Samverkan Skola-Lokalsamhälle", "Samverkan Skola-Lokalsamhälle"),
        ("Naturturismpaketering", "Naturturismpaketering"),
    ],
)
def test_long_compounds_break_before_their_last_element(name, shown):
    from facilitator.services.groups import hyphenate_compound

    assert hyphenate_compound(name) == shown
