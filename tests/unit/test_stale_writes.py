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
