"""A closing-session workshop shaped like real minutes, built through the services.

Written in the project's own words (a fictional municipality), never copied
from the reference document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from facilitator.services import (
    actions,
    focus_areas,
    groups,
    people,
    projects,
    responsibles,
    roles,
    sections,
    wishes,
    workshops,
)
from facilitator.services.core import Store
from facilitator.services.responsibles import Who
from facilitator.services.roles import RoleEntry
from facilitator.store.models import SectionKind
from facilitator.store.vocabulary import RoleKind

PERSON_NAMES = ("Åsa Lindqvist", "Örjan Bäckström", "Maj-Britt Öhman", "Tove Ahlén",
                "Kjell Sjödin", "Ingela Mörk")


@dataclass
class Built:
    project_id: str
    workshop_id: str
    earlier_workshop_id: str
    person_ids: dict[str, str] = field(default_factory=dict)
    area_ids: list[str] = field(default_factory=list)
    group_ids: list[str] = field(default_factory=list)


INTRO = """Kvällens moderator Maj-Britt Öhman hälsade alla välkomna till avslutningen av
projektet **Bygdekraft**. Projektledaren *Åsa Lindqvist* berättade vad som hänt.

Efter redovisningen arbetade gästerna i grupper."""

BACKGROUND = """Projektet startade efter en enkät där invånarna gav kommunen låga betyg.

- Intervjuer med ett sjuttiotal invånare
  - i tre kommundelar
  - i alla åldrar
- En omvärldsanalys

Projektet hade två syften:

1. konkreta framsteg i frågor som invånarna bryr sig om
2. bättre samverkan mellan kommunen och andra aktörer

Därefter togs fokusområdena fram.

1. första punkten i en ny lista
2. andra punkten"""

EVALUATION = """Följeforskaren Kjell Sjödin har följt projektet. Ur slutrapporten:

> Ett processinriktat projekt växer fram medan det genomförs. Lärandet blir
> viktigare än den ursprungliga planen.
>
> Mötesplatserna lever vidare efter projektet."""


def build_closing_workshop(store: Store, *, wishes_per_group: int = 0) -> Built:
    project_id = projects.create_project(store, "Bygdekraft", "Samverkan för en levande bygd")
    earlier = workshops.create_workshop(store, project_id, "Uppstartsmöte", date="2014-03-12")
    workshop_id = workshops.create_workshop(
        store, project_id, "Redovisning av Bygdekraft",
        kind="closing_session", date="2014-12-04", start_time="18:00", end_time="21:00",
        venue="Bygdegården i Norrbacka", case_reference="Fokusgrupp Bygdekraft",
        issuing_unit="Kommunkansliet",
        lead="Minnesanteckningar från redovisningen av projektet Bygdekraft, "
             "4 december i Bygdegården.",
    )
    built = Built(project_id, workshop_id, earlier)
    roles.set_roles(store, workshop_id, [RoleEntry(RoleKind.PROJECT_LEADER, name="Åsa Lindqvist"),
                                         RoleEntry(RoleKind.MODERATOR, name="Maj-Britt Öhman")])
    orgs = ("Kommunkansliet", "Hembygdsföreningen", "Näringslivsrådet", "Kommunkansliet",
            "Följeforskning AB", "")
    titles = ("projektledare", "", "ordförande", "utredningssekreterare", "följeforskare", "")
    for name, org, title in zip(PERSON_NAMES, orgs, titles, strict=True):
        pid = people.create_person(store, name, organisation=org, title=title)
        built.person_ids[name] = pid
        people.set_attendance(store, workshop_id, pid, "attended",
                              role="moderator" if name == "Maj-Britt Öhman" else None)
    people.set_attendance(store, earlier, built.person_ids["Åsa Lindqvist"], "attended")
    walk_in = people.add_walk_in(store, earlier, "Nils Ek", "Hembygdsföreningen")
    built.person_ids["Nils Ek"] = walk_in

    area_specs = [
        ("Medborgardialog", "Politiker och tjänstemän har övat på **dialog** med invånarna.",
         Who(person_id=built.person_ids["Tove Ahlén"])),
        ("Kultursamverkan", "Kulturföreningarna har skrivit en gemensam önskelista.",
         Who(text="Kulturberedningen")),
        ("Turismsamverkan", "En turismgrupp har bildats.\n\n- lärresor\n- en strategi", None),
    ]
    for name, narrative, ref in area_specs:
        area_id = focus_areas.add_focus_area(store, project_id, name, narrative)
        if ref is not None:
            responsibles.set_responsibles(store, "focus_area", area_id, [ref])
        built.area_ids.append(area_id)

    sections.add_section(store, workshop_id, "Inledning", INTRO)
    sections.add_section(store, workshop_id, "Bakgrund och syfte", BACKGROUND)
    sections.add_section(store, workshop_id, "Fokusområden", "", kind=SectionKind.FOCUS_AREAS)
    sections.add_section(store, workshop_id, "Lite siffror", "Det här har vi räknat fram.",
                         kind=SectionKind.KEY_FIGURES)
    sections.add_section(store, workshop_id, "Följeforskning", EVALUATION)
    sections.add_section(store, workshop_id, "Workshop om fortsatt arbete",
                         "Deltagarna valde själva fokusområde.", kind=SectionKind.GROUP_WORK)

    g1 = groups.create_group(store, workshop_id, [built.area_ids[1], built.area_ids[2]])
    g2 = groups.create_group(store, workshop_id, [built.area_ids[0]])
    built.group_ids = [g1, g2]
    wishes.add_wish(store, g1, "Samla kulturgruppen igen", votes=1)
    parent = wishes.add_wish(store, g1, "Arbeta med hur föreningar kan samverka:", votes=5)
    for text in ("Gemensam marknadsföring", "Evenemangskalender", "Utbildning för styrelser"):
        wishes.add_wish(store, g1, text, parent_id=parent)
    wishes.add_wish(store, g1, "Fortsätta träffas, fråga Örjan Bäckström", votes=3)
    wishes.add_wish(store, g2, "Fysiska och digitala forum", votes=2)
    wishes.add_wish(store, g2, "Dialog tidigt i stora frågor", votes=4)
    for i in range(wishes_per_group):
        wishes.add_wish(store, g2, f"Extra önskemål {i}")
    actions.add_action(store, "Sammanfatta grupparbetet på webben", workshop_id=workshop_id,
                       responsibles=[Who(person_id=built.person_ids["Åsa Lindqvist"])],
                       due_date=dt.date(2015, 1, 31))
    actions.add_action(store, "Boka nästa träff", workshop_id=workshop_id,
                       responsibles=[Who(text="Hembygdsföreningen")])
    return built


@pytest.fixture
def closing(store: Store) -> Built:
    return build_closing_workshop(store)
