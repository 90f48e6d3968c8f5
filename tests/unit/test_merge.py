"""Merging packages field by field; what is gone for good stays gone (#14)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import conflicts, gdpr, groups, people, projects, trash, wishes, workshops
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.store.models import MergeConflict, Person, Tombstone, Workshop


def _copy(data: dict) -> dict:  # type: ignore[type-arg]
    return json.loads(json.dumps(data))


def _world(a: Store) -> dict[str, str]:
    ids = {"project": projects.create_project(a, "Ängsö framåt")}
    ids["workshop"] = workshops.create_workshop(a, ids["project"], "Kväll i bygdegården")
    ids["group"] = groups.create_group(a, ids["workshop"], name="Grupp ett")
    ids["wish"] = wishes.add_wish(a, ids["group"], "Bänkar vid ån", votes=2)
    return ids


def test_edits_of_different_fields_on_two_laptops_both_survive(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    ids = _world(a)
    import_package(b, _copy(export_package(a, ids["project"])))
    wishes.set_text(a, ids["wish"], "Fler bänkar vid Ängsö å")  # A fixes the text …
    wishes.set_votes(b, ids["wish"], 7)  # … while B counts the votes
    result = import_package(a, _copy(export_package(b, ids["project"])))
    assert result.conflicts == 0
    [wish] = wishes.list_wishes(a, ids["group"])
    assert (wish.text, wish.votes) == ("Fler bänkar vid Ängsö å", 7)


def test_the_same_field_on_two_laptops_keeps_both_values(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    ids = _world(a)
    import_package(b, _copy(export_package(a, ids["project"])))
    wishes.set_text(a, ids["wish"], "Bänkar vid ån, av A")
    wishes.set_text(b, ids["wish"], "Bänkar vid ån, av B")  # B's is the later edit
    result = import_package(a, _copy(export_package(b, ids["project"])), source="b.json")
    assert result.conflicts == 1
    assert wishes.list_wishes(a, ids["group"])[0].text == "Bänkar vid ån, av B"
    with a.read() as s:
        [conflict] = s.scalars(select(MergeConflict)).all()
        assert (conflict.field, json.loads(conflict.other_value or "null"),
                conflict.source) == ("text", "Bänkar vid ån, av A", "b.json")
    # A's merged package tells B that A has seen B's text: B keeps it, no new conflict.
    back = import_package(b, _copy(export_package(a, ids["project"])))
    assert wishes.list_wishes(b, ids["group"])[0].text == "Bänkar vid ån, av B"
    assert back.conflicts == 0


def test_a_workshop_removed_for_good_never_comes_back(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    ids = _world(a)
    older = _copy(export_package(a, ids["project"]))
    import_package(b, _copy(older))
    workshops.delete_workshop(a, ids["workshop"])
    trash.remove_for_good(a, "workshop", ids["workshop"])
    result = import_package(a, _copy(older))  # an old package, and B's copy, still have it
    assert (result.created, result.gone) == (0, 3)  # the workshop, its group, its wish
    result = import_package(a, _copy(export_package(b, ids["project"])))
    assert result.created == 0
    with a.read() as s:
        assert s.get(Workshop, ids["workshop"]) is None
    # The tombstones travel: a third laptop that learns of them refuses the workshop too.
    import_package(b, _copy(export_package(a, ids["project"])))
    with b.read() as s:
        assert s.get(Tombstone, ("workshop", ids["workshop"])) is not None


def test_an_erasure_travels_and_erases_on_the_other_laptop(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    ids = _world(a)
    person = people.create_person(a, "Yngve Qvarnström", email="yngve@angso.se")
    people.set_attendance(a, ids["workshop"], person, "attended")
    older = _copy(export_package(a, ids["project"]))
    import_package(b, _copy(older))
    gdpr.erase_person(a, person)
    result = import_package(b, _copy(export_package(a, ids["project"])))
    assert result.erased_again == ["Yngve Qvarnström"]
    again = import_package(a, _copy(older))  # the old package still names him
    assert "Yngve Qvarnström" in again.erased_again
    for store in (a, b):
        with store.read() as s:
            assert s.get(Person, person) is None
            assert s.get(Tombstone, ("person", person)) is not None


def test_the_command_line_lists_the_conflicts(laptops, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from facilitator.cli import run

    a, b = laptops
    ids = _world(a)
    import_package(b, _copy(export_package(a, ids["project"])))
    wishes.set_text(a, ids["wish"], "Bänkar vid ån, av Åsa")
    wishes.set_text(b, ids["wish"], "Bänkar vid ån, av Örjan")
    import_package(a, _copy(export_package(b, ids["project"])), source="örjan.json")
    a.close()
    assert run(["--db", str(db_path), "conflicts"]) == 0
    out = capsys.readouterr().out
    assert "wish" in out and "text" in out and "örjan.json" in out
    assert "”Bänkar vid ån, av Örjan” (Grupp ett, Kväll i bygdegården)" in out
    assert "'Bänkar vid ån, av Örjan'" in out and "'Bänkar vid ån, av Åsa'" in out


def test_choosing_the_other_value_wins_on_every_laptop_and_undoes(laptops) -> None:  # type: ignore[no-untyped-def]
    from facilitator.services import conflicts

    a, b = laptops
    ids = _world(a)
    import_package(b, _copy(export_package(a, ids["project"])))
    wishes.set_text(a, ids["wish"], "Bänkar vid ån, av Åsa")
    wishes.set_text(b, ids["wish"], "Bänkar vid ån, av Örjan")
    import_package(a, _copy(export_package(b, ids["project"])))
    [conflict] = conflicts.list_conflicts(a)
    assert (conflict.kept, conflict.other, conflict.chosen) == (
        "Bänkar vid ån, av Örjan", "Bänkar vid ån, av Åsa", "open")
    assert conflicts.set_choice(a, conflict.id, "other") == "open"
    assert wishes.list_wishes(a, ids["group"])[0].text == "Bänkar vid ån, av Åsa"
    assert conflicts.list_conflicts(a) == []  # settled
    # The choice is an edit made after seeing both: it wins on laptop B too.
    import_package(b, _copy(export_package(a, ids["project"])))
    assert wishes.list_wishes(b, ids["group"])[0].text == "Bänkar vid ån, av Åsa"
    # Undo: open again, the merged value back.
    assert conflicts.set_choice(a, conflict.id, "open") == "other"
    assert wishes.list_wishes(a, ids["group"])[0].text == "Bänkar vid ån, av Örjan"
    assert [c.chosen for c in conflicts.list_conflicts(a)] == ["open"]


def test_a_dry_run_reports_and_writes_nothing(laptops, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`facilitator import --dry-run A.json B.json` prints what would change per file, and
    the database is as before; without --dry-run both go in in one transaction."""
    from facilitator.cli import run
    from facilitator.interchange.export import write_package

    a, b = laptops
    ids = _world(a)
    import_package(b, _copy(export_package(a, ids["project"])))
    wishes.set_text(a, ids["wish"], "Bänkar vid ån, av Åsa")
    wishes.set_text(b, ids["wish"], "Bänkar vid ån, av Örjan")
    wishes.add_wish(b, ids["group"], "Grillplats på Ängsö udde")
    from_b = write_package(b, ids["project"], tmp_path / "örjan.json")
    fresh = tmp_path / "fresh.json"
    write_package(a, ids["project"], fresh)
    database = a.database
    assert database is not None
    a.close()
    assert run(["--db", str(database), "import", "--dry-run", str(fresh), str(from_b)]) == 0
    out = capsys.readouterr().out
    assert "Skulle importera" in out and "1 nya, 1 ändrade, 1 i konflikt" in out
    assert "Inget har skrivits" in out
    again = Store(open_database(database))
    try:
        assert [w.text for w in wishes.list_wishes(again, ids["group"])] == [
            "Bänkar vid ån, av Åsa"]
        with again.read() as s:
            assert s.scalars(select(MergeConflict)).all() == []
    finally:
        again.close()
    assert run(["--db", str(database), "import", str(fresh), str(from_b)]) == 0
    assert "Importerade" in capsys.readouterr().out
    again = Store(open_database(database))
    try:
        assert len(wishes.list_wishes(again, ids["group"])) == 2
    finally:
        again.close()


def test_several_files_are_all_or_nothing(laptops, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.interchange.errors import PackageError
    from facilitator.interchange.importer import import_packages

    a, b = laptops
    ids = _world(a)
    good = _copy(export_package(a, ids["project"]))
    bad = _copy(good)
    bad["project"]["workshops"][0]["groups"][0]["wishes"][0]["text"] = ""
    with pytest.raises(PackageError):
        import_packages(b, [(good, "bra.json"), (bad, "trasig.json")])
    assert projects.list_projects(b) == []  # the good one did not go in alone


def test_votes_on_two_laptops_add_up_and_an_undo_takes_only_its_own(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    ids = _world(a)  # 2 votes before the evening
    import_package(b, _copy(export_package(a, ids["project"])))
    wishes.set_votes(a, ids["wish"], 5)  # three more dots on A's board …
    wishes.set_votes(b, ids["wish"], 6)  # … and four on B's
    import_package(a, _copy(export_package(b, ids["project"])))
    assert wishes.list_wishes(a, ids["group"])[0].votes == 9
    wishes.set_votes(b, ids["wish"], 2)  # B undoes its four
    result = import_package(a, _copy(export_package(b, ids["project"])))
    assert result.conflicts == 0
    assert wishes.list_wishes(a, ids["group"])[0].votes == 5  # A's three stay
    import_package(b, _copy(export_package(a, ids["project"])))
    assert wishes.list_wishes(b, ids["group"])[0].votes == 5


def test_a_workshop_removed_for_good_elsewhere_goes_here_too(laptops) -> None:  # type: ignore[no-untyped-def]
    """B still has the workshop A emptied from its trash: B's import removes it with all
    in it (a wish B added since too), and both laptops then hold the same."""
    a, b = laptops
    ids = _world(a)
    import_package(b, _copy(export_package(a, ids["project"])))
    added = wishes.add_wish(b, ids["group"], "Grillplats på Ängsö udde")
    workshops.delete_workshop(a, ids["workshop"])
    trash.remove_for_good(a, "workshop", ids["workshop"])
    import_package(b, _copy(export_package(a, ids["project"])))
    with b.read() as s:
        assert s.get(Workshop, ids["workshop"]) is None
        stamps = {t.row_id: t.stamp for t in s.scalars(select(Tombstone))}
    assert stamps[added] == stamps[ids["workshop"]]
    import_package(a, _copy(export_package(b, ids["project"])))

    def content(store: Store) -> dict:  # type: ignore[type-arg]
        data = export_package(store, ids["project"])
        return {k: v for k, v in data.items() if k not in ("exported_at", "device_id")}

    assert content(a) == content(b)


def test_removed_for_good_on_two_laptops_keeps_the_first_removal(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    ids = _world(a)
    import_package(b, _copy(export_package(a, ids["project"])))
    for laptop in (a, b):
        workshops.delete_workshop(laptop, ids["workshop"])
        trash.remove_for_good(laptop, "workshop", ids["workshop"])
    import_package(a, _copy(export_package(b, ids["project"])))
    import_package(b, _copy(export_package(a, ids["project"])))
    stamps = []
    for laptop in (a, b):
        with laptop.read() as s:
            stamps.append(sorted((t.row_id, t.stamp) for t in s.scalars(select(Tombstone))))
    assert stamps[0] == stamps[1]


def test_one_check_in_made_on_two_laptops_ends_as_the_same_row(laptops) -> None:  # type: ignore[no-untyped-def]
    """Both note-takers check Märta in: two rows, two ids, one (workshop, person). After
    swapping packages both laptops hold one row with the same id, time and versions."""
    a, b = laptops
    ids = _world(a)
    spare = workshops.create_workshop(a, ids["project"], "Reservkväll")
    marta = people.create_person(a, "Märta Ångström")
    people.set_attendance(a, spare, marta, "invited")  # so the package brings her
    import_package(b, _copy(export_package(a, ids["project"])))
    for laptop in (a, b):
        people.set_attendance(laptop, ids["workshop"], marta, "attended")
    import_package(a, _copy(export_package(b, ids["project"])))
    import_package(b, _copy(export_package(a, ids["project"])))

    def content(store: Store) -> dict:  # type: ignore[type-arg]
        data = export_package(store, ids["project"])
        return {k: v for k, v in data.items() if k not in ("exported_at", "device_id")}

    assert content(a) == content(b)
    again = import_package(a, _copy(export_package(b, ids["project"])))
    assert (again.updated, again.conflicts) == (0, 0)


def test_nesting_two_wishes_under_each_other_on_two_laptops_keeps_both(laptops) -> None:  # type: ignore[no-untyped-def]
    """A puts Y under X while B puts X under Y: each parent_id merges on its own, so X and
    Y would end under each other in a circle. The later placement gives way (the wish goes
    to the top level) the same way on both laptops, and is kept in Konflikter."""
    a, b = laptops
    ids = _world(a)
    other = wishes.add_wish(a, ids["group"], "Öppna skolans gympasal")
    import_package(b, _copy(export_package(a, ids["project"])))
    wishes.indent_wish(a, other)  # A: the gym under the benches
    wishes.move_wish(b, other, None, 0)  # B: the gym first …
    wishes.indent_wish(b, ids["wish"])  # … and the benches under it
    import_package(a, _copy(export_package(b, ids["project"])))
    assert len(wishes.list_wishes(a, ids["group"])) == 2
    import_package(b, _copy(export_package(a, ids["project"])))
    shown = [(w.text, w.depth) for w in wishes.list_wishes(a, ids["group"])]
    assert shown == [(w.text, w.depth) for w in wishes.list_wishes(b, ids["group"])]
    assert sorted(depth for _, depth in shown) == [0, 1]  # one nesting kept, one given way
    [placed] = [c for c in conflicts.list_conflicts(a) if c.field == "parent_id"]
    assert placed.row_id in (other, ids["wish"])
    assert placed.kept_named == ""  # at the top level …
    assert placed.other_named in ("Bänkar vid ån", "Öppna skolans gympasal")  # … not under


def test_nestings_made_apart_never_go_deeper_than_the_services_allow(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    ids = _world(a)
    chain = [ids["wish"]] + [wishes.add_wish(a, ids["group"], f"Punkt {n}") for n in range(6)]
    for n in range(1, 4):  # both laptops: four levels, then three wishes at the top
        wishes.move_wish(a, chain[n], chain[n - 1], 0)
    import_package(b, _copy(export_package(a, ids["project"])))
    wishes.move_wish(a, chain[4], chain[3], 0)  # A: two more levels …
    wishes.move_wish(a, chain[5], chain[4], 0)
    wishes.move_wish(b, chain[6], chain[5], 0)  # … B: the last under the one A moved
    result = import_package(a, _copy(export_package(b, ids["project"])))
    assert result.conflicts == 1  # Punkt 5 gave way: its placement is in Konflikter
    import_package(b, _copy(export_package(a, ids["project"])))
    for laptop in (a, b):
        shown = wishes.list_wishes(laptop, ids["group"])
        assert len(shown) == 7 and max(w.depth for w in shown) == wishes.MAX_DEPTH
    assert [(w.text, w.depth) for w in wishes.list_wishes(a, ids["group"])] == [
        (w.text, w.depth) for w in wishes.list_wishes(b, ids["group"])]
