"""No lost update (#15): an edit started from a value someone else has changed since is
refused, on SQLite and on the server; two users editing one wish at once."""

from __future__ import annotations

import pytest

from facilitator.services import groups, projects, sections, wishes, workshops
from facilitator.services.core import ChangedSinceError, Store


def _wish(store: Store) -> tuple[str, str]:
    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    group = groups.create_group(store, workshop, name="Hamnen")
    return workshop, wishes.add_wish(store, group, "Bänkar vid ån")


def _text(store: Store, wish: str) -> str:
    from facilitator.store.models import Wish

    with store.read() as s:
        return s.get_one(Wish, wish).text


def test_an_edit_from_a_value_changed_since_is_refused(store: Store) -> None:
    workshop, wish = _wish(store)
    shown = _text(store, wish)  # what the user's page shows …
    wishes.set_text(store, wish, "Bänkar och grillplats vid ån")  # … changed meanwhile
    with pytest.raises(ChangedSinceError, match="någon annan ändrade önskemålet"):
        wishes.set_text(store, wish, "Fler bänkar vid ån", expected=shown)
    assert _text(store, wish) == "Bänkar och grillplats vid ån"
    wishes.set_text(store, wish, "Fler bänkar vid ån",
                    expected="Bänkar och grillplats vid ån")  # started from the latest
    assert _text(store, wish) == "Fler bänkar vid ån"
    section = sections.add_section(store, workshop, "Inledning", "Välkomna till Ängsö")
    sections.set_body(store, section, "Välkomna!")
    with pytest.raises(ChangedSinceError, match="anteckningarna"):
        sections.set_body(store, section, "Välkomna alla", expected="Välkomna till Ängsö")
    assert sections.get_section(store, section).body == "Välkomna!"



def test_two_users_editing_one_wish_at_once_lose_no_update(colleagues) -> None:  # type: ignore[no-untyped-def]
    åsa, göran = colleagues
    _, wish = _wish(åsa)
    seen_by_åsa = seen_by_göran = _text(göran, wish)  # both open the same wish
    wishes.set_text(göran, wish, "Bänkar och grillplats vid ån", expected=seen_by_göran)
    with pytest.raises(ChangedSinceError):  # Åsa's would have overwritten Göran's
        wishes.set_text(åsa, wish, "Fler bänkar vid ån", expected=seen_by_åsa)
    assert _text(åsa, wish) == "Bänkar och grillplats vid ån"


NO_CHECK = object()  # a colleague's write, made without looking


def _check(name: str, shown: object) -> dict[str, object] | None:
    return None if shown is NO_CHECK else {name: shown}


def _name(shown: object) -> str | None:
    return None if shown is NO_CHECK else str(shown)


def _fields(store: Store) -> dict[str, tuple]:  # type: ignore[type-arg]
    """Each form field: (read, write(value, expected))."""
    from facilitator.services import actions, focus_areas, people

    project = projects.create_project(store, "Ängsö framåt", "Byns utveckling")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården",
                                         venue="Bygdegården")
    group = groups.create_group(store, workshop, name="Hamnen")
    area = focus_areas.add_focus_area(store, project, "Kultur")
    section = sections.add_section(store, workshop, "Inledning")
    action = actions.add_action(store, "Ordna möte med föreningarna", workshop_id=workshop)
    person = people.create_person(store, "Märta Öberg", email="marta@example.se")

    def facts(name: str) -> tuple:  # type: ignore[type-arg]
        return (lambda: getattr(workshops.get_facts(store, workshop), name),
                lambda v, e: workshops.update_workshop(store, workshop, **{name: v},
                                                       expected=_check(name, e)))

    return {
        "workshop title": (
            lambda: workshops.get_facts(store, workshop).title,
            lambda v, e: workshops.rename_workshop(store, workshop, v, expected=_name(e))),
        "workshop venue": facts("venue"),
        "workshop date": facts("date"),
        "workshop status": facts("status"),
        "group lead text": facts("group_lead_text"),
        "project name": (
            lambda: projects.project_name(store, project),
            lambda v, e: projects.rename_project(store, project, v, expected=_name(e))),
        "group name": (
            lambda: next(g.name for g in groups.list_groups(store, workshop)),
            lambda v, e: groups.rename_group(store, group, v, expected=_name(e))),
        "focus area name": (
            lambda: focus_areas.get_focus_area(store, area).name,
            lambda v, e: focus_areas.rename_focus_area(store, area, v, expected=_name(e))),
        "agenda heading": (
            lambda: sections.get_section(store, section).heading,
            lambda v, e: sections.set_heading(store, section, v, expected=_name(e))),
        "action text": (
            lambda: actions.list_actions(store, workshop_id=workshop)[0].text,
            lambda v, e: actions.update_action(store, action, text=v, expected=_check("text", e))),
        "person e-mail": (
            lambda: people.get_person(store, person).email,
            lambda v, e: people.update_person(store, person, email=v,
                                                     expected=_check("email", e))),
    }


FIELD_VALUES = {
    "workshop date": ("2026-12-01", "2026-12-02", "2026-12-03"),
    "workshop status": ("held", "minutes_sent", "finalised"),
}


@pytest.mark.parametrize("field", [
    "workshop title", "workshop venue", "workshop date", "workshop status", "group lead text",
    "project name", "group name", "focus area name", "agenda heading", "action text",
    "person e-mail"])
def test_every_form_field_refuses_a_write_over_a_colleagues(store: Store, field: str) -> None:
    read, write = _fields(store)[field]
    theirs, mine, again = FIELD_VALUES.get(
        field, ("Göran skrev så här", "Åsa skrev så här", "Åsa, efter att ha jämfört"))
    if field == "person e-mail":
        theirs, mine, again = "goran@example.se", "asa@example.se", "asa.o@example.se"
    shown = read()  # what my form shows …
    write(theirs, NO_CHECK)  # … when a colleague stores theirs
    stored = read()
    with pytest.raises(ChangedSinceError, match="Någon annan ändrade ”"):
        write(mine, shown)
    assert read() == stored  # theirs stands
    write(again, stored)  # told, I make my change over theirs deliberately
    assert read() != stored


def test_the_refusal_says_what_the_colleague_stored(store: Store) -> None:
    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll", date="2026-12-01")
    workshops.update_workshop(store, workshop, date="2026-12-03", status="held")
    with pytest.raises(ChangedSinceError) as by_date:
        workshops.update_workshop(store, workshop, date="2026-12-02",
                                  expected={"date": "2026-12-01"})
    assert "”Datumet” till ”2026-12-03”" in str(by_date.value)
    with pytest.raises(ChangedSinceError) as by_status:  # a choice: not its stored name
        workshops.update_workshop(store, workshop, status="finalised",
                                  expected={"status": "draft"})
    assert "”Status” under tiden" in str(by_status.value)
    assert "held" not in str(by_status.value)


def test_a_list_edited_from_an_older_copy_is_refused(store: Store) -> None:
    """Roles and key figures are stored as whole lists: one written from a list a
    colleague has added to since would drop their entry."""
    from facilitator.services import key_figures, roles
    from facilitator.services.key_figures import FigureEntry
    from facilitator.services.roles import RoleEntry
    from facilitator.store.vocabulary import KeyFigureKind, RoleKind

    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll")
    shown_roles = roles.list_roles(store, workshop)  # empty, on my page
    roles.set_roles(store, workshop, [RoleEntry(RoleKind.MODERATOR, name="Göran Ek")])
    with pytest.raises(ChangedSinceError, match="”Roller”"):
        roles.set_roles(store, workshop, [RoleEntry(RoleKind.MODERATOR, name="Åsa Öberg")],
                        made_from=[r.entry for r in shown_roles])
    assert [r.entry.name for r in roles.list_roles(store, workshop)] == ["Göran Ek"]

    shown_figures = key_figures.list_figures(store, workshop)
    theirs = FigureEntry(KeyFigureKind.TYPED, value="40", label="deltagare")
    key_figures.set_figures(store, workshop, [theirs])
    with pytest.raises(ChangedSinceError):
        key_figures.set_figures(
            store, workshop, [FigureEntry(KeyFigureKind.TYPED, value="12", label="grupper")],
            made_from=shown_figures)
    assert [f.value for f in key_figures.list_figures(store, workshop)] == ["40"]
    mine = [*key_figures.list_figures(store, workshop),
            FigureEntry(KeyFigureKind.TYPED, value="12", label="grupper")]
    key_figures.set_figures(store, workshop, mine,
                            made_from=key_figures.list_figures(store, workshop))
    assert [f.value for f in key_figures.list_figures(store, workshop)] == ["40", "12"]


def test_responsibles_edited_from_an_older_list_are_refused(store: Store) -> None:
    from facilitator.services import actions, focus_areas, responsibles
    from facilitator.services.responsibles import Who

    project = projects.create_project(store, "Ängsö framåt")
    area = focus_areas.add_focus_area(store, project, "Kultur")
    shown: list[Who] = []  # my page: nobody yet
    responsibles.set_responsibles(store, "focus_area", area, [Who(text="Byalaget")])
    with pytest.raises(ChangedSinceError, match="Någon annan ändrade ”"):
        responsibles.set_responsibles(store, "focus_area", area, [Who(text="Hembygdsföreningen")],
                                      made_from=shown)
    assert [r.name for r in responsibles.list_responsibles(store, "focus_area", area)] == [
        "Byalaget"]
    action = actions.add_action(store, "Boka bygdegården", focus_area_id=area)
    actions.update_action(store, action, responsibles=[Who(text="Göran")])
    with pytest.raises(ChangedSinceError):
        actions.update_action(store, action, responsibles=[Who(text="Åsa")],
                              expected={"responsibles": []})
    assert [r.name for r in responsibles.list_responsibles(store, "action", action)] == ["Göran"]
