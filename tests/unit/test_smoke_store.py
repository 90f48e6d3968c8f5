from facilitator.services import projects


def test_created_project_is_listed(store):
    pid = projects.create_project(store, "Byaprojektet Ängsö")
    assert [p.id for p in projects.list_projects(store)] == [pid]
