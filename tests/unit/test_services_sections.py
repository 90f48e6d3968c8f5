

def test_section_kind_is_changed_and_the_old_kind_returned(store):
    from facilitator.services import projects, sections, workshops
    from facilitator.store.models import SectionKind

    wid = workshops.create_workshop(store, projects.create_project(store, "Åby"), "Möte")
    sid = sections.add_section(store, wid, "Grupparbete")
    assert sections.set_kind(store, sid, "group_work") is SectionKind.TEXT
    assert sections.get_section(store, sid).kind is SectionKind.GROUP_WORK
