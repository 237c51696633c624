"""The people pages: directory, a person's page, adding people and granting roles."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.people.models import Membership, Person
from app.vocabulary import AuditAction, Role
from tests import factories
from tests.helpers import counted_statements

SignIn = Callable[[Person], TestClient]


def _role_form(**overrides: str) -> dict[str, str]:
    return {"role": "policymaker", "perspective": "local_government", "level": "system"} | overrides


def _audit(db: Session, action: AuditAction) -> list[AuditEntry]:
    return list(db.exec(select(AuditEntry).where(AuditEntry.action == action)).all())


# -- adding a person ---------------------------------------------------------------------------


def test_add_a_person_with_an_invalid_then_a_valid_form(client: TestClient, db: Session) -> None:
    assert client.get("/people/new").status_code == 200

    invalid = client.post(
        "/people",
        data={"name": "  ", "organisation": "Gemeente Tilburg", "email": "not-an-address"},
    )

    assert invalid.status_code == 422
    assert 'id="name-error"' in invalid.text
    assert 'id="email-error"' in invalid.text
    assert 'value="Gemeente Tilburg"' in invalid.text  # what was typed is kept
    assert 'value="not-an-address"' in invalid.text
    assert db.exec(select(Person).where(Person.organisation == "Gemeente Tilburg")).first() is None

    valid = client.post(
        "/people",
        data={
            "name": "Fatima El Amrani",
            "organisation": "Gemeente Tilburg",
            "email": "F.ElAmrani@Tilburg.nl",
            "accessibility_needs": "Documents a week in advance",
            "preferred_format": "plain_language",
        },
        follow_redirects=False,
    )

    assert valid.status_code == 303
    person = db.exec(select(Person).where(Person.name == "Fatima El Amrani")).one()
    assert valid.headers["location"] == f"/people/{person.id}"
    assert person.email == "f.elamrani@tilburg.nl"
    page = client.get(valid.headers["location"])
    assert "Fatima El Amrani" in page.text and "Documents a week in advance" in page.text


def test_a_duplicate_email_is_shown_next_to_the_field(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    factories.person(db, community, email="anouk@leiden.nl")

    response = client.post(
        "/people",
        data={"name": "Anouk V.", "email": "ANOUK@leiden.nl", "preferred_format": "standard"},
    )

    assert response.status_code == 409
    assert 'id="email-error"' in response.text
    assert 'value="Anouk V."' in response.text


def test_a_stale_edit_answers_409_and_keeps_the_input(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community, name="Daan de Vries")
    form = client.get(f"/people/{person.id}/edit")
    assert 'name="version" value="1"' in form.text
    person.organisation = "GGD"
    db.add(person)
    db.flush()  # someone else saved first: version 2

    response = client.post(
        f"/people/{person.id}/edit",
        data={"name": "Daan de Vries-Jansen", "preferred_format": "standard", "version": "1"},
    )

    assert response.status_code == 409
    assert 'value="Daan de Vries-Jansen"' in response.text
    db.refresh(person)
    assert person.name == "Daan de Vries"


# -- roles -------------------------------------------------------------------------------------


def test_add_a_role_from_the_person_page(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    person = factories.person(db, community)

    response = client.post(
        f"/people/{person.id}/memberships",
        data=_role_form(initiative_id=str(initiative.id)),
        follow_redirects=False,
    )

    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/people/{person.id}")
    membership = db.exec(select(Membership).where(Membership.person_id == person.id)).one()
    assert (membership.initiative_id, membership.role) == (initiative.id, Role.policymaker)
    granted = _audit(db, AuditAction.role_granted)
    assert [(e.subject, e.initiative_id) for e in granted] == [(person.name, initiative.id)]
    assert initiative.name in client.get(f"/people/{person.id}").text


def test_an_invalid_role_form_on_the_person_page_is_422_with_messages(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)

    response = client.post(f"/people/{person.id}/memberships", data=_role_form(role="wizard"))

    assert response.status_code == 422
    assert 'id="role-role-error"' in response.text
    assert db.exec(select(Membership).where(Membership.person_id == person.id)).first() is None


def test_add_a_member_from_the_initiative_route(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    person = factories.person(db, community)

    response = client.post(
        f"/initiatives/{initiative.id}/members",
        data=_role_form(person_id=str(person.id), next=f"/initiatives/{initiative.id}#members"),
        follow_redirects=False,
    )

    assert response.status_code == 303
    assert response.headers["location"] == f"/initiatives/{initiative.id}#members"
    assert db.exec(
        select(Membership).where(
            Membership.person_id == person.id, Membership.initiative_id == initiative.id
        )
    ).one()
    assert [e.initiative_id for e in _audit(db, AuditAction.role_granted)] == [initiative.id]


def test_the_initiative_route_ignores_a_foreign_next(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    person = factories.person(db, community)

    response = client.post(
        f"/initiatives/{initiative.id}/members",
        data=_role_form(person_id=str(person.id), next="//evil.example/"),
        follow_redirects=False,
    )

    assert response.status_code == 303
    assert response.headers["location"] == f"/initiatives/{initiative.id}"


def test_a_duplicate_role_answers_a_409_page(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    person = factories.person(db, community)
    factories.membership(db, person, Role.policymaker, initiative)

    response = client.post(
        f"/initiatives/{initiative.id}/members", data=_role_form(person_id=str(person.id))
    )

    assert response.status_code == 409
    assert "has this role here already" in response.text
    assert f'href="/initiatives/{initiative.id}"' in response.text


def test_invalid_input_on_the_initiative_route_answers_a_422_page(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)

    response = client.post(f"/initiatives/{initiative.id}/members", data=_role_form(person_id=""))

    assert response.status_code == 422
    assert "Choose a person." in response.text


def test_a_person_of_another_community_is_404(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    stranger = factories.person(db, factories.community(db))

    response = client.post(
        f"/initiatives/{initiative.id}/members", data=_role_form(person_id=str(stranger.id))
    )

    assert response.status_code == 404
    assert client.get(f"/people/{stranger.id}").status_code == 404


def test_remove_a_role(client: TestClient, db: Session, community: LearningCommunity) -> None:
    initiative = factories.initiative(db, community)
    person = factories.person(db, community)
    membership = factories.membership(db, person, Role.manager, initiative)

    response = client.post(
        f"/memberships/{membership.id}/delete",
        data={"next": f"/people/{person.id}"},
        follow_redirects=False,
    )

    assert response.status_code == 303
    assert response.headers["location"] == f"/people/{person.id}"
    assert db.exec(select(Membership).where(Membership.person_id == person.id)).first() is None
    assert [e.initiative_id for e in _audit(db, AuditAction.role_revoked)] == [initiative.id]


# -- who sees what -----------------------------------------------------------------------------


def test_a_persons_page_is_for_the_facilitator_the_chair_and_the_person(
    sign_in: SignIn, db: Session, community: LearningCommunity
) -> None:
    initiative_a = factories.initiative(db, community)
    initiative_b = factories.initiative(db, community)
    held = factories.learning_session(db, community, number=2, status="held")
    policymaker = factories.person(db, community, accessibility_needs="Large print")
    factories.membership(db, policymaker, Role.policymaker, initiative_a)
    colleague = factories.person(
        db, community, email="colleague@a.example", accessibility_needs="Hearing loop"
    )
    factories.membership(db, colleague, Role.practitioner, initiative_a)
    factories.attendance(db, held, colleague, attended=True)
    outsider = factories.person(db, community, email="outsider@b.example")
    factories.membership(db, outsider, Role.practitioner, initiative_b)
    chair = factories.person(db, community)
    factories.membership(db, chair, Role.chair)
    browser = sign_in(policymaker)

    for person in (colleague, outsider):
        for path in (f"/people/{person.id}", f"/api/v1/people/{person.id}"):
            refused = browser.get(path)
            assert refused.status_code == 403, path
            assert str(person.email) not in refused.text
            assert "Hearing loop" not in refused.text
    # The initiative's page still shows the colleague's contact details to their initiative.
    assert "colleague@a.example" in browser.get(f"/initiatives/{initiative_a.id}").text

    own = browser.get(f"/people/{policymaker.id}")
    assert own.status_code == 200 and "Large print" in own.text
    assert browser.get(f"/api/v1/people/{policymaker.id}").json()["id"] == policymaker.id

    # The chair reads the background, but accessibility needs only when the person shares them.
    as_chair = sign_in(chair)
    chairs_view = as_chair.get(f"/people/{colleague.id}")
    assert chairs_view.status_code == 200
    assert "colleague@a.example" in chairs_view.text and "Hearing loop" not in chairs_view.text
    record = as_chair.get(f"/api/v1/people/{colleague.id}")
    assert record.status_code == 200 and record.json()["accessibility_needs"] is None
    colleague.shares_needs_with_chair = True
    db.add(colleague)
    db.flush()
    assert "Hearing loop" in as_chair.get(f"/people/{colleague.id}").text
    shared = as_chair.get(f"/api/v1/people/{colleague.id}").json()
    assert shared["accessibility_needs"] == "Hearing loop"


def test_the_people_list_is_for_the_facilitator_and_the_chair(
    sign_in: SignIn, db: Session, community: LearningCommunity
) -> None:
    policymaker = factories.person(db, community)
    factories.membership(db, policymaker, Role.policymaker, factories.initiative(db, community))
    chair = factories.person(db, community)
    factories.membership(db, chair, Role.chair)

    assert sign_in(policymaker).get("/people").status_code == 403
    assert sign_in(chair).get("/people").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(
    anonymous: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)
    for path in ("/people", f"/people/{person.id}", "/people/new"):
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/sign-in")


# -- the list ----------------------------------------------------------------------------------


def test_search_and_role_filter_narrow_the_list(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community, name="Samen Sterk Leiden")
    wethouder = factories.person(db, community, name="Ingrid Wethouder", organisation="Gemeente")
    factories.membership(db, wethouder, Role.policymaker, initiative)
    coach = factories.person(db, community, name="Youssef Coach", organisation="Gezinsteam")
    factories.membership(db, coach, Role.practitioner, initiative)

    everyone = client.get("/people")
    by_text = client.get("/people", params={"text": "GEMEENTE"})
    by_role = client.get("/people", params={"role": "practitioner"})
    by_email = client.get("/people", params={"text": coach.email})

    assert "Ingrid Wethouder" in everyone.text and "Youssef Coach" in everyone.text
    assert "Samen Sterk Leiden" in everyone.text
    assert "Ingrid Wethouder" in by_text.text and "Youssef Coach" not in by_text.text
    assert "Youssef Coach" in by_role.text and "Ingrid Wethouder" not in by_role.text
    assert "Youssef Coach" in by_email.text and "Ingrid Wethouder" not in by_email.text


def test_an_htmx_list_request_gets_only_the_results_block(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    factories.person(db, community, name="Lotte Visser")

    response = client.get("/people", params={"text": "lotte"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "Lotte Visser" in response.text
    assert "<html" not in response.text and "<h1" not in response.text
    assert 'id="results-heading"' in response.text


def _add_people(db: Session, community: LearningCommunity, count: int) -> None:
    initiatives = [factories.initiative(db, community) for _ in range(3)]
    for number in range(count):
        person = factories.person(db, community)
        factories.membership(db, person, Role.practitioner, initiatives[number % 3])
        factories.membership(db, person, Role.manager, initiatives[(number + 1) % 3])


def test_the_list_needs_the_same_number_of_statements_for_5_and_200_people(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    client.get("/people")  # warm up: the session's first touch writes
    _add_people(db, community, 5)
    with counted_statements(db) as few:
        assert client.get("/people").status_code == 200
    _add_people(db, community, 195)
    with counted_statements(db) as many:
        assert client.get("/people").status_code == 200
    assert len(few) == len(many), (few, many)


# -- the person's page in a large community ---------------------------------------------------


def _add_initiatives(db: Session, community: LearningCommunity, count: int) -> None:
    for _ in range(count):
        initiative = factories.initiative(db, community)
        factories.membership(db, factories.person(db, community), Role.manager, initiative)


def test_a_persons_page_needs_the_same_number_of_statements_for_5_and_200_initiatives(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)
    factories.membership(db, person, Role.practitioner, factories.initiative(db, community))
    client.get(f"/people/{person.id}")  # warm up: the session's first touch writes
    _add_initiatives(db, community, 5)
    with counted_statements(db) as few:
        assert client.get(f"/people/{person.id}").status_code == 200
    _add_initiatives(db, community, 195)
    with counted_statements(db) as many:
        assert client.get(f"/people/{person.id}").status_code == 200
    assert len(few) == len(many), (few, many)


def test_add_a_role_finds_the_initiative_by_name_and_the_page_stays_small(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community)
    wanted = factories.initiative(db, community, name="Wijkexpertteam Zwolle-Kampen")
    _add_initiatives(db, community, 60)

    page = client.get(f"/people/{person.id}")
    assert page.status_code == 200
    # The whole community and the first 20 initiatives, and a field to find any other.
    assert page.text.count('<option value="') < 60
    assert '<option value="">Whole learning community</option>' in page.text
    assert "Only the first 20 initiatives are listed" in page.text
    assert f'data-hx-get="/people/{person.id}/initiative-search"' in page.text
    assert "Wijkexpertteam Zwolle-Kampen" not in page.text  # "W": after the first 20

    live = client.get(
        f"/people/{person.id}/initiative-search",
        params={"initiative_q": "zwolle"},
        headers={"HX-Request": "true"},
    )
    assert live.status_code == 200
    assert live.text.lstrip().startswith('<div class="field" id="role-initiative-choices"')
    assert "<html" not in live.text
    assert f'<option value="{wanted.id}" selected>Wijkexpertteam Zwolle-Kampen</option>' in (
        live.text
    )
    nobody = client.get(
        f"/people/{person.id}/initiative-search",
        params={"initiative_q": "nothing-like-this"},
        headers={"HX-Request": "true"},
    )
    assert "No initiative found for “nothing-like-this”." in nobody.text
    assert '<option value="">Whole learning community</option>' in nobody.text

    # Without JavaScript: the search answers with the person's page showing the results.
    fallback = client.get(
        f"/people/{person.id}/initiative-search",
        params={"initiative_q": "Zwolle"},
        follow_redirects=False,
    )
    assert fallback.status_code == 303
    assert fallback.headers["location"] == f"/people/{person.id}?initiative_q=Zwolle#add-role"
    assert "Wijkexpertteam Zwolle-Kampen" in client.get(fallback.headers["location"]).text

    # A refused form keeps the chosen initiative, though it is not among the first 20.
    refused = client.post(
        f"/people/{person.id}/memberships",
        data=_role_form(initiative_id=str(wanted.id), role="wizard"),
    )
    assert refused.status_code == 422
    assert f'<option value="{wanted.id}" selected>Wijkexpertteam Zwolle-Kampen' in refused.text
    added = client.post(
        f"/people/{person.id}/memberships",
        data=_role_form(initiative_id=str(wanted.id)),
        follow_redirects=False,
    )
    assert added.status_code == 303
    membership = db.exec(select(Membership).where(Membership.person_id == person.id)).one()
    assert membership.initiative_id == wanted.id
