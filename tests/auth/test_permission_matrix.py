"""Every route × every role: allowed → 2xx or a redirect not to sign-in; denied → 403.

The table below names the intended rule and a valid request for every route of the app. A
route missing from the table, or declaring another rule than the table, fails the test; GET
pages are requested as htmx fragments too. Anonymous visitors are sent to sign in: a 303 to
/sign-in, for htmx a 204 with HX-Redirect, 401 from the API.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, get_args
from urllib.parse import urlsplit

import pytest
from fastapi import FastAPI, Response
from fastapi.responses import RedirectResponse
from fastapi.testclient import TestClient
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.access_links.models import AccessLink
from app.accounts import service as account_service
from app.agendas.models import BankQuestion
from app.auth import policy
from app.auth.dependencies import MemberDep, OptionalPrincipal, timeouts
from app.auth.principal import Principal
from app.config import Settings
from app.evidence.models import EvidenceOrigin
from app.factsheets import service as factsheet_service
from app.people.models import Person
from app.reflections.models import Reflection, ReflectionFollowUp
from app.routing import iter_routes
from app.vocabulary import (
    FactsheetStatus,
    IntegrationLevel,
    OneTimeTokenPurpose,
    PartnershipCondition,
    Perspective,
    ReflectionVisibility,
    Role,
)
from tests import factories
from tests.comparison.world import matrix_confirm, matrix_links, matrix_remove
from tests.helpers import open_access_link, use_browser_id, use_session
from tests.monitoring.world import indicator as monitoring_indicator
from tests.reflections.writing_world import reflection_drafts

ACTORS = [
    "anonymous",
    "family",
    # The same family representative with a personal link for the held session only.
    "family_session",
    "practitioner_a",
    "manager_a",
    "policymaker_a",
    "researcher_a",
    "chair",
    "facilitator",
]
ALLOWED: dict[str, set[str]] = {
    "public": set(ACTORS),
    "member": set(ACTORS) - {"anonymous"},
    "password_holder": set(ACTORS) - {"anonymous", "family", "family_session"},
    "people_directory": {"chair", "facilitator"},
    "facilitator": {"facilitator"},
    # "Not you?": only a browser that came in with a personal link.
    "access_link_holder": {"family", "family_session"},
    # Exports for research: those who record evidence.
    "researcher": {"researcher_a", "facilitator"},
}


@dataclass
class World:
    """A community with two initiatives, a person in each role, and one of everything."""

    ids: dict[str, int] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def world(db: Session) -> World:
    return build_world(db)


def build_world(db: Session) -> World:
    """The matrix's world; also built, committed, in a database of its own (tests/test_pool.py)."""
    community = factories.community(db)
    a = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    b = factories.initiative(db, community, name="IST Groningen-Ommelanden")
    planned = factories.learning_session(db, community, number=3)
    empty_session = factories.learning_session(db, community, number=4)
    held_session = factories.learning_session(
        db, community, number=2, status="held", starts_at=datetime(2026, 6, 18, 11, 30, tzinfo=UTC)
    )
    empty_initiative = factories.initiative(db, community, name="Nog leeg")
    w = World()
    roles = {
        "facilitator": (Role.facilitator, None),
        "chair": (Role.chair, None),
        "policymaker_a": (Role.policymaker, a),
        "manager_a": (Role.manager, a),
        "practitioner_a": (Role.practitioner, a),
        "researcher_a": (Role.practitioner_researcher, a),
        "family": (Role.family_representative, None),
        "policymaker_b": (Role.policymaker, b),
    }
    for actor, (role, initiative) in roles.items():
        person = factories.person(db, community, name=actor.replace("_", " ").title())
        membership = factories.membership(db, person, role, initiative)
        w.people[actor] = person
        w.ids[f"membership_{actor}"] = membership.id or 0
        account = factories.account(db, person, password="het-oude-wachtwoord-2026")
        w.ids[f"account_{actor}"] = account.id or 0
        api_token, _ = factories.api_token(db, account, name="matrix")
        w.ids[f"api_token_{actor}"] = api_token.id or 0
    draft = factsheet_service.start_draft(db=db, initiative=a, learning_session=planned)
    w.ids["draft_a"] = draft.id or 0
    planned.chair_id = w.people["chair"].id  # an UPDATE: the session is at version 2 now
    dilemma = factories.dilemma(
        db,
        a,
        session_id=planned.id,
        title="Wie is het vaste aanspreekpunt?",
        description="Drie hulpverleners, geen regie.",
        condition="roles",
        level="professional",
    )
    w.ids["dilemma"] = dilemma.id or 0
    b_session = factories.learning_session(db, community, number=5)
    in_review = factsheet_service.start_draft(db=db, initiative=a, learning_session=b_session)
    factsheet_service.change_status(db=db, factsheet=in_review, status=FactsheetStatus.in_review)
    w.ids["review_a"] = in_review.id or 0
    link, link_token = factories.access_link(
        db, w.people["family"], created_by=w.people["facilitator"]
    )
    invited_account = factories.account(db, factories.person(db, community, name="Invited Person"))
    w.tokens["set_password"] = account_service.issue_one_time_token(
        db=db, account=invited_account, purpose=OneTimeTokenPurpose.invitation
    )
    w.tokens["access_link_token"] = link_token
    session_link, _ = factories.access_link(
        db, w.people["family"], created_by=w.people["facilitator"], for_session=held_session
    )
    w.ids["session_access_link"] = session_link.id or 0
    # The planned session's agenda (two items), a question of it, a bank question to pick.
    for position, key in enumerate(("agenda_item", "agenda_item_2")):
        item = factories.agenda_item(db, planned, position=position, title=f"Blok {position}")
        w.ids[key] = item.id or 0
    w.ids["question"] = factories.reflective_question(db, planned).id or 0
    # The held session's one agenda item, whose minutes the facilitator writes.
    w.ids["held_item"] = (
        factories.agenda_item(db, held_session, position=0, title="Terugblik").id or 0
    )
    # Everyone consented to write, and keeps a draft answer to a question.
    w.ids |= reflection_drafts(db, planned, {k: v for k, v in w.people.items() if k in ACTORS})
    banked = BankQuestion(
        community_id=community.id or 0,
        language="nl",
        text="Wie is het vaste aanspreekpunt van een gezin?",
        condition=PartnershipCondition.roles,
        level=IntegrationLevel.professional,
    )
    db.add(banked)
    db.flush()
    w.ids["bank_question"] = banked.id or 0
    w.ids["outbox_message"] = factories.outbox_message(db, community).id or 0
    w.ids["reflection"] = _submitted_reflection(db, planned, w.people["practitioner_a"])
    w.ids["hidden_reflection"] = _submitted_reflection(
        db, planned, w.people["practitioner_a"], hidden_at=datetime(2026, 11, 30, tzinfo=UTC)
    )
    # A session held yesterday: its evaluation is open; the actors but the researcher were
    # invited (policymaker_b neither: deleting that person needs them to have taken no part).
    evaluated = factories.learning_session(
        db,
        community,
        number=6,
        status="held",
        starts_at=datetime.now(UTC) - timedelta(days=1),
        chair_id=w.people["chair"].id,
    )
    for actor, person in w.people.items():
        if actor in ACTORS and actor != "researcher_a":
            factories.attendance(db, evaluated, person, attended=True)
    w.ids["evaluated_session"] = evaluated.id or 0
    # An action of A agreed in the planned session (which the chair chairs), and one of the
    # held session that the planned session reviews.
    w.ids["action"] = factories.action(db, a, planned, title="Eén aanspreekpunt").id or 0
    w.ids["review_action"] = (
        factories.action(db, a, held_session, review_session_id=planned.id).id or 0
    )
    # What was done with the held session's reflections: one to mark as discussed, and one
    # discussed (in the held item), for the whole community, with evidence consent; an item
    # with minutes to take an excerpt from.
    w.ids["held_reflection"] = _submitted_reflection(db, held_session, w.people["practitioner_a"])
    consented = Reflection(
        session_id=held_session.id,
        author_id=w.people["family"].id,
        perspective=Perspective.family,
        text="Laat gezinnen eerst hun eigen resultaten zien.",
        visibility=ReflectionVisibility.community,
        evidence_consent=True,
    )
    db.add(consented)
    db.flush()
    db.add(ReflectionFollowUp(reflection_id=consented.id, discussed_in_item_id=w.ids["held_item"]))
    w.ids["consented_reflection"] = consented.id or 0
    w.ids["minutes_item"] = (
        factories.agenda_item(
            db, held_session, position=1, title="Uitwisseling", minutes="Gezinnen willen één plan."
        ).id
        or 0
    )
    # Evidence drawn from a reflection whose author has since withdrawn their consent.
    withdrawn = Reflection(
        session_id=held_session.id or 0,
        author_id=w.people["family"].id,
        perspective=Perspective.family,
        text="Niemand liet mij cijfers zien.",
        evidence_consent=False,
    )
    db.add(withdrawn)
    flagged = factories.evidence_item(db, a, excerpt="Niemand liet mij cijfers zien.")
    db.flush()
    db.add(
        EvidenceOrigin(
            evidence_item_id=flagged.id or 0,
            session_id=held_session.id or 0,
            reflection_id=withdrawn.id,
        )
    )
    w.ids["flagged_evidence"] = flagged.id or 0
    # An indicator of A with a few measurements (its members and the facilitator keep it).
    w.ids["indicator"] = monitoring_indicator(db, a, values=(40, 45, 52)).id or 0
    # A third initiative's published factsheet, A's good practice for its barriers, a link.
    w.ids |= matrix_links(db, a, held_session)
    w.ids |= {
        "initiative_a": a.id or 0,
        "initiative_b": b.id or 0,
        "session": planned.id or 0,
        "person_b": w.people["policymaker_b"].id or 0,
        "access_link": link.id or 0,
        "empty_session": empty_session.id or 0,
        "held_session": held_session.id or 0,
        "empty_initiative": empty_initiative.id or 0,
    }
    return w


def _submitted_reflection(
    db: Session, at: Any, author: Person, *, hidden_at: datetime | None = None
) -> int:
    """A submitted reflection on the planned session, for the facilitator to hide (or, hidden,
    to show again)."""
    row = Reflection(
        session_id=at.id,
        author_id=author.id,
        perspective=Perspective.professional,
        text="Niemand weet wie het aanspreekpunt is.",
        hidden_at=hidden_at,
        hidden_reason="Noemt een gezin bij naam." if hidden_at else "",
    )
    db.add(row)
    db.flush()
    return row.id or 0


@pytest.fixture
def browsers(
    app: FastAPI,
    db: Session,
    world: World,
    settings: Settings,
    sign_in: Callable[[Person], TestClient],
) -> dict[str, TestClient]:
    anonymous = use_browser_id(
        TestClient(app), settings.secret_key, "a-browser-id-of-32-characters-xx"
    )
    clients = {"anonymous": anonymous}
    for actor in ACTORS[1:]:
        if actor in world.people:
            clients[actor] = sign_in(world.people[actor])
    # The family representative signs in the way they really do: with their access link.
    family = TestClient(app)
    open_access_link(family, world.tokens["access_link_token"])
    token = family.cookies.get("leerkring_session")
    assert token, "the family representative's access link did not sign them in"
    use_session(family, settings.secret_key, token)
    clients["family"] = family
    clients["family_session"] = access_link_browser(
        app, db, settings, world.people["family"], world.ids["session_access_link"]
    )
    return clients


def access_link_browser(
    app: FastAPI, db: Session, settings: Settings, person: Person, link_id: int
) -> TestClient:
    """A browser with a session opened through the access link ``link_id``."""
    link = db.get(AccessLink, link_id)
    token = factories.user_session(db, person, timeouts=timeouts(settings), access_link=link)
    return use_session(TestClient(app), settings.secret_key, token)


Spec = Callable[[World, str], tuple[str, dict[str, Any]]]

INITIATIVE = {"name": "Nieuw Initiatief", "funding_arrangement": "pooled_budget"}
SESSION = {"number": 9, "starts_at": "2027-09-16T13:30:00+02:00"}


def p(template: str, **kwargs: Any) -> Spec:
    """A request to ``template`` with the world's ids and tokens (and the actor's) filled in."""

    def spec(w: World, actor: str) -> tuple[str, dict[str, Any]]:
        values = {**w.ids, **w.tokens, "own_api_token": w.ids.get(f"api_token_{actor}", 1)}
        filled = dict(kwargs)
        if "data" in filled:
            filled["data"] = {
                k: v.format(**values) if isinstance(v, str) else v
                for k, v in filled["data"].items()
            }
        return template.format(**values), filled

    return spec


# Outcomes for routes whose answer depends on the object: initiative A's drafts and evidence
# are read by A's members and the facilitator; A's researcher and the facilitator edit them;
# A's other members are refused (403); everyone else is told it does not exist (404).
A_MEMBERS = {"policymaker_a", "manager_a", "practitioner_a", "researcher_a"}
A_READERS = {
    actor: "allowed" if actor in A_MEMBERS | {"facilitator"} else "not_found"
    for actor in ACTORS[1:]
}
A_EDITORS = {
    actor: "allowed"
    if actor in {"facilitator", "researcher_a"}
    else "forbidden"
    if actor in A_MEMBERS
    else "not_found"
    for actor in ACTORS[1:]
}


# The world's planned session, which the session-scoped link does not open.
OTHER_SESSION = {"family_session": "not_found"}


# Another person's roles and sessions attended: the chair and the facilitator (policy.reads_person).
PERSON_READERS = {
    actor: "allowed" if actor in {"chair", "facilitator"} else "forbidden" for actor in ACTORS[1:]
}


# Submitting for initiative A: its members (not the family representative) and the facilitator.
A_CONTRIBUTORS = {
    actor: "allowed" if actor in A_MEMBERS | {"facilitator"} else "not_found"
    for actor in ACTORS[1:]
}
# The session's chair (the chair of the world's planned session) and the facilitator.
SESSION_PREPARERS = {
    actor: "allowed" if actor in {"chair", "facilitator"} else "forbidden" for actor in ACTORS[1:]
} | OTHER_SESSION
# The held session's minutes: it has no chair, so the facilitator only (the link opens it).
MINUTES_WRITERS = {
    actor: "allowed" if actor == "facilitator" else "forbidden" for actor in ACTORS[1:]
}
# Evidence from a session: the facilitator and practitioner-researchers record it.
EVIDENCE_RECORDERS = {
    actor: "allowed" if actor in {"facilitator", "researcher_a"} else "forbidden"
    for actor in ACTORS[1:]
}
EXCERPT_FORM = {"initiative_id": "{initiative_a}", "conditions": "monitoring"} | {
    "level": "organisational",
    "excerpt": "Gezinnen willen één plan.",
}
# The evaluation: those invited to the session answer it (the researcher was not).
EVALUATORS = {"researcher_a": "forbidden"} | OTHER_SESSION
# The planned session's agenda is not published: only those who prepare it read it.
UNPUBLISHED_AGENDA = {
    actor: "allowed" if actor in {"chair", "facilitator"} else "not_found" for actor in ACTORS[1:]
}
# The held session's report is not published: only the facilitator reads it (a preview).
UNPUBLISHED_REPORT = {
    actor: "allowed" if actor == "facilitator" else "not_found" for actor in ACTORS[1:]
}
ACTION_FORM = {"initiative_id": "{initiative_a}", "title": "Eén gezinsplan"} | {
    "condition": "roles",
    "level": "professional",
    "pdsa_stage": "plan",
    "status": "open",
    "version": "1",
}
# Progress on A's action: A's members and the facilitator; the session-scoped link does not
# see the planned session's action at all.
A_PROGRESS = {
    actor: "allowed" if actor in A_MEMBERS | {"facilitator"} else "forbidden"
    for actor in ACTORS[1:]
} | OTHER_SESSION
ITEM_FORM = {"agenda_version": "0", "kind": "welcome", "title": "Welkom", "duration_minutes": "10"}
QUESTION_FORM = {"text": "Wie doet wat, en weet het gezin dat?", "condition": "roles"} | {
    "level": "professional"
}


# A person's data: the person themselves (also through either of their links) and the
# facilitator; everyone else is refused.
OWN_DATA = {
    actor: "allowed" if actor in {"family", "family_session", "facilitator"} else "forbidden"
    for actor in ACTORS[1:]
}


def family_page(suffix: str, data: dict[str, str] | None = None) -> Spec:
    def spec(w: World, _actor: str) -> tuple[str, dict[str, Any]]:
        path = f"/people/{w.people['family'].id}{suffix}"
        return path, ({"data": data} if data is not None else {})

    return spec


def own_draft(
    w: World, actor: str, action: str, data: dict[str, str]
) -> tuple[str, dict[str, Any]]:
    """The actor's own draft (the session-scoped link: the family's, on another session)."""
    person = "family" if actor in ("family_session", "anonymous") else actor
    return f"/reflections/{w.ids[f'draft_of_{person}']}{action}", {"data": data}


def move_up(w: World, _actor: str) -> tuple[str, dict[str, Any]]:
    order = [str(w.ids["agenda_item"]), str(w.ids["agenda_item_2"])]
    data = {"agenda_version": "0", "order": order, "to": ["1", "2"]}
    data["move"] = f"{w.ids['agenda_item_2']}:up"
    return f"/sessions/{w.ids['session']}/prepare/order", {"data": data}


EVIDENCE_FORM = {
    "source": "interview",
    "observed_on": "2026-10-01",
    "perspective": "family",
    "level": "clinical",
    "conditions": ["roles"],
    "quote_consent": "on",
    "excerpt": "The father did not know who coordinates the support.",
}
EVIDENCE_CSV = (
    b"source,observed_on,perspective,level,conditions,quote_consent,excerpt\n"
    b"interview,2026-10-01,family,clinical,roles,yes,Nobody told the mother who to call.\n"
)
NEW_PASSWORD = "een-nieuw-lang-wachtwoord-2027"

# A's indicators: everyone signed in reads them; A's members and the facilitator keep them.
A_INDICATOR_KEEPERS = {
    actor: "allowed" if actor in A_MEMBERS | {"facilitator"} else "forbidden"
    for actor in ACTORS[1:]
}
INDICATOR_FORM = {"name": "Wachttijd in weken", "condition": "monitoring"} | {
    "level": "organisational",
    "target": "4",
}

# A's self-assessment: A's members score it; they and the facilitator publish it.
A_SCORERS = {actor: "allowed" if actor in A_MEMBERS else "forbidden" for actor in ACTORS[1:]}
A_RELEASERS = {
    actor: "allowed" if actor in A_MEMBERS | {"facilitator"} else "forbidden"
    for actor in ACTORS[1:]
}
SCORES_FORM = {f"level_{c.value}": "2" for c in PartnershipCondition} | {"note_roles": "Eén plan."}

# (method, route path) → (intended rule, a request that succeeds for an allowed actor,
#                          outcomes per actor where they depend on the object)
ROUTES: dict[tuple[str, str], tuple[str, Spec] | tuple[str, Spec, dict[str, str]]] = {
    ("GET", "/healthz"): ("public", p("/healthz")),
    ("GET", "/favicon.ico"): ("public", p("/favicon.ico")),
    ("GET", "/manifest.webmanifest"): ("public", p("/manifest.webmanifest")),
    ("POST", "/language"): ("public", p("/language", data={"language": "nl"})),
    ("GET", "/sign-in"): ("public", p("/sign-in")),
    ("POST", "/sign-in"): ("public", p("/sign-in", data={"email": "x@y.nl", "password": "wrong"})),
    ("POST", "/sign-out"): ("public", p("/sign-out")),
    ("GET", "/"): ("member", p("/")),
    ("GET", "/initiatives/{initiative_id}"): ("member", p("/initiatives/{initiative_b}")),
    ("GET", "/sessions/{session_id}"): ("member", p("/sessions/{session}"), OTHER_SESSION),
    # writing reflections: the page, consent, one's own drafts
    ("GET", "/sessions/{session_id}/reflect"): (
        "member",
        p("/sessions/{session}/reflect"),
        OTHER_SESSION,
    ),
    ("POST", "/sessions/{session_id}/consent"): (
        "member",
        p(
            "/sessions/{session}/consent",
            data={"read_by_participants": "yes", "quoted_as_evidence": "no"},
        ),
        OTHER_SESSION,
    ),
    ("POST", "/sessions/{session_id}/reflections"): (
        "member",
        p(
            "/sessions/{session}/reflections",
            data={"target": "question:{open_question}", "text": "Wie belt?", "version": "0"},
        ),
        OTHER_SESSION,
    ),
    ("POST", "/reflections/{reflection_id}"): (
        "member",
        lambda w, actor: own_draft(w, actor, "", {"text": "Nog een zin.", "version": "1"}),
        OTHER_SESSION,
    ),
    ("POST", "/reflections/{reflection_id}/submit"): (
        "member",
        lambda w, actor: own_draft(w, actor, "/submit", {"text": "Klaar.", "version": "1"}),
        OTHER_SESSION,
    ),
    ("POST", "/reflections/{reflection_id}/delete"): (
        "member",
        lambda w, actor: own_draft(w, actor, "/delete", {}),
        OTHER_SESSION,
    ),
    ("GET", "/community/audit"): ("facilitator", p("/community/audit")),
    ("GET", "/api/v1/initiatives"): ("member", p("/api/v1/initiatives")),
    ("POST", "/api/v1/initiatives"): ("facilitator", p("/api/v1/initiatives", json=INITIATIVE)),
    ("GET", "/api/v1/initiatives/{initiative_id}"): (
        "member",
        p("/api/v1/initiatives/{initiative_b}"),
    ),
    ("PATCH", "/api/v1/initiatives/{initiative_id}"): (
        "facilitator",
        p("/api/v1/initiatives/{initiative_b}", json={"version": 1, "target_group": "Gezinnen"}),
    ),
    ("DELETE", "/api/v1/initiatives/{initiative_id}"): (
        "facilitator",
        p("/api/v1/initiatives/{initiative_b}"),
    ),
    ("GET", "/api/v1/people"): ("people_directory", p("/api/v1/people")),
    ("POST", "/api/v1/people"): ("facilitator", p("/api/v1/people", json={"name": "Nina Kok"})),
    ("GET", "/api/v1/people/{person_id}"): (
        "member",
        p("/api/v1/people/{person_b}"),
        PERSON_READERS,
    ),
    ("PATCH", "/api/v1/people/{person_id}"): (
        "facilitator",
        p("/api/v1/people/{person_b}", json={"version": 1, "organisation": "Gemeente"}),
    ),
    ("DELETE", "/api/v1/people/{person_id}"): ("facilitator", p("/api/v1/people/{person_b}")),
    ("GET", "/api/v1/memberships"): ("people_directory", p("/api/v1/memberships")),
    ("POST", "/api/v1/memberships"): (
        "facilitator",
        lambda w, _actor: (
            "/api/v1/memberships",
            {
                "json": {
                    "person_id": w.ids["person_b"],
                    "role": "chair",
                    "perspective": "local_government",
                    "level": "system",
                }
            },
        ),
    ),
    ("GET", "/api/v1/memberships/{membership_id}"): (
        "people_directory",
        p("/api/v1/memberships/{membership_policymaker_b}"),
    ),
    ("PATCH", "/api/v1/memberships/{membership_id}"): (
        "facilitator",
        p("/api/v1/memberships/{membership_policymaker_b}", json={"level": "organisational"}),
    ),
    ("DELETE", "/api/v1/memberships/{membership_id}"): (
        "facilitator",
        p("/api/v1/memberships/{membership_policymaker_b}"),
    ),
    ("GET", "/api/v1/learning-sessions"): ("member", p("/api/v1/learning-sessions")),
    ("POST", "/api/v1/learning-sessions"): (
        "facilitator",
        p("/api/v1/learning-sessions", json=SESSION),
    ),
    ("GET", "/api/v1/learning-sessions/{session_id}"): (
        "member",
        p("/api/v1/learning-sessions/{session}"),
        OTHER_SESSION,
    ),
    ("PATCH", "/api/v1/learning-sessions/{session_id}"): (
        "facilitator",
        p("/api/v1/learning-sessions/{session}", json={"version": 2, "focus": "Rollen"}),
    ),
    ("DELETE", "/api/v1/learning-sessions/{session_id}"): (
        "facilitator",
        p("/api/v1/learning-sessions/{empty_session}"),
    ),
    # accounts and access
    ("GET", "/community/invitations"): ("facilitator", p("/community/invitations")),
    ("POST", "/community/invitations"): (
        "facilitator",
        p(
            "/community/invitations",
            data={
                "name": "Eva de Boer",
                "email": "eva.deboer@leiden.nl",
                "role": "manager",
                "initiative_id": "{initiative_a}",
                "perspective": "organisation",
                "level": "organisational",
            },
        ),
    ),
    ("GET", "/community/outbox"): ("facilitator", p("/community/outbox")),
    ("GET", "/community/accounts"): ("facilitator", p("/community/accounts")),
    ("POST", "/community/accounts/{account_id}/disable"): (
        "facilitator",
        p("/community/accounts/{account_policymaker_b}/disable"),
    ),
    ("POST", "/community/accounts/{account_id}/enable"): (
        "facilitator",
        p("/community/accounts/{account_policymaker_b}/enable"),
    ),
    ("GET", "/set-password/{token}"): ("public", p("/set-password/{set_password}")),
    ("POST", "/set-password/{token}"): (
        "public",
        p("/set-password/{set_password}", data={"password": NEW_PASSWORD, "repeat": NEW_PASSWORD}),
    ),
    ("GET", "/password-reset"): ("public", p("/password-reset")),
    ("POST", "/password-reset"): ("public", p("/password-reset", data={"email": "x@y.nl"})),
    ("GET", "/account/password"): ("password_holder", p("/account/password")),
    ("POST", "/account/password"): (
        "password_holder",
        p(
            "/account/password",
            data={
                "current_password": "het-oude-wachtwoord-2026",
                "password": NEW_PASSWORD,
                "repeat": NEW_PASSWORD,
            },
        ),
    ),
    ("GET", "/community/access-links"): ("facilitator", p("/community/access-links")),
    ("POST", "/community/access-links"): (
        "facilitator",
        p(
            "/community/access-links",
            data={
                "person_id": "{person_b}",
                "scope": "community",
                "expires_on": "2027-01-31",
            },
        ),
    ),
    ("POST", "/community/access-links/{link_id}/revoke"): (
        "facilitator",
        p("/community/access-links/{access_link}/revoke"),
    ),
    ("POST", "/community/access-links/{link_id}/reissue"): (
        "facilitator",
        p("/community/access-links/{access_link}/reissue"),
    ),
    ("GET", "/not-you"): ("access_link_holder", p("/not-you")),
    ("POST", "/not-you"): ("access_link_holder", p("/not-you")),
    ("GET", "/not-you/told"): ("public", p("/not-you/told")),
    ("GET", "/access/"): ("public", p("/access/")),
    ("GET", "/access/{token}"): ("public", p("/access/{access_link_token}")),
    ("POST", "/access/{token}"): ("public", p("/access/{access_link_token}")),
    ("GET", "/account/api-tokens"): ("password_holder", p("/account/api-tokens")),
    ("POST", "/account/api-tokens"): (
        "password_holder",
        p("/account/api-tokens", data={"name": "Rapportage"}),
    ),
    ("POST", "/account/api-tokens/{token_id}/revoke"): (
        "password_holder",
        p("/account/api-tokens/{own_api_token}/revoke"),
    ),
    # evidence of initiative A
    ("GET", "/initiatives/{initiative_id}/evidence"): (
        "member",
        p("/initiatives/{initiative_a}/evidence"),
        A_READERS,
    ),
    ("GET", "/initiatives/{initiative_id}/evidence/new"): (
        "member",
        p("/initiatives/{initiative_a}/evidence/new"),
        A_EDITORS,
    ),
    ("POST", "/initiatives/{initiative_id}/evidence"): (
        "member",
        p("/initiatives/{initiative_a}/evidence", data=EVIDENCE_FORM),
        A_EDITORS,
    ),
    ("GET", "/initiatives/{initiative_id}/evidence/template.csv"): (
        "member",
        p("/initiatives/{initiative_a}/evidence/template.csv"),
        A_EDITORS,
    ),
    ("GET", "/initiatives/{initiative_id}/evidence/import"): (
        "member",
        p("/initiatives/{initiative_a}/evidence/import"),
        A_EDITORS,
    ),
    ("POST", "/initiatives/{initiative_id}/evidence/import"): (
        "member",
        p(
            "/initiatives/{initiative_a}/evidence/import",
            files={"file": ("evidence.csv", EVIDENCE_CSV, "text/csv")},
        ),
        A_EDITORS,
    ),
    # factsheets of initiative A (a draft)
    ("GET", "/initiatives/{initiative_id}/factsheets"): (
        "member",
        p("/initiatives/{initiative_a}/factsheets"),
    ),
    ("POST", "/initiatives/{initiative_id}/factsheets"): (
        "member",
        p("/initiatives/{initiative_a}/factsheets", data={"session_id": "{session}"}),
        A_EDITORS,
    ),
    ("GET", "/factsheets/{factsheet_id}"): ("member", p("/factsheets/{draft_a}"), A_READERS),
    ("POST", "/factsheets/{factsheet_id}/sections/{condition}"): (
        "member",
        p(
            "/factsheets/{draft_a}/sections/financing",
            data={"version": "1", "analysis": "Pilot money ends."},
        ),
        A_EDITORS,
    ),
    ("POST", "/factsheets/{factsheet_id}/summary"): (
        "member",
        p(
            "/factsheets/{draft_a}/summary",
            data={"version": "1", "plain_language_summary": "Kort."},
        ),
        A_EDITORS,
    ),
    ("POST", "/factsheets/{factsheet_id}/status"): (
        "member",
        p("/factsheets/{draft_a}/status", data={"status": "in_review"}),
        A_EDITORS,
    ),
    ("POST", "/factsheets/{factsheet_id}/comments"): (
        "member",
        p("/factsheets/{review_a}/comments", data={"text": "Klopt, en de schuldhulp is terug."}),
        A_READERS,
    ),
    ("GET", "/factsheets/{factsheet_id}/preview"): (
        "member",
        p("/factsheets/{draft_a}/preview"),
        A_READERS,
    ),
    ("GET", "/factsheets/{factsheet_id}/pdf"): (
        "member",
        p("/factsheets/{draft_a}/pdf"),
        A_READERS,
    ),
    # initiatives pages
    ("GET", "/initiatives"): ("member", p("/initiatives")),
    ("GET", "/initiatives/new"): ("facilitator", p("/initiatives/new")),
    ("POST", "/initiatives"): (
        "facilitator",
        p(
            "/initiatives",
            data={
                "name": "Gezinsteam Katwijk",
                "funding_arrangement": "pooled_budget",
                "municipalities": "Katwijk",
            },
        ),
    ),
    ("GET", "/initiatives/{initiative_id}/edit"): (
        "facilitator",
        p("/initiatives/{initiative_b}/edit"),
    ),
    ("GET", "/initiatives/{initiative_id}/member-search"): (
        "facilitator",
        p("/initiatives/{initiative_b}/member-search?member_q=a"),
    ),
    ("POST", "/initiatives/{initiative_id}/edit"): (
        "facilitator",
        p(
            "/initiatives/{initiative_b}/edit",
            data={"version": "1", "name": "IST Groningen", "funding_arrangement": "hourly_rate"},
        ),
    ),
    ("POST", "/initiatives/{initiative_id}/archive"): (
        "facilitator",
        p("/initiatives/{initiative_b}/archive"),
    ),
    ("POST", "/initiatives/{initiative_id}/unarchive"): (
        "facilitator",
        p("/initiatives/{initiative_b}/unarchive"),
    ),
    ("POST", "/initiatives/{initiative_id}/delete"): (
        "facilitator",
        p("/initiatives/{empty_initiative}/delete"),
    ),
    # people pages
    ("GET", "/people"): ("people_directory", p("/people")),
    ("GET", "/people/new"): ("facilitator", p("/people/new")),
    ("POST", "/people"): (
        "facilitator",
        p(
            "/people",
            data={
                "name": "Fatima El Amrani",
                "email": "f@tilburg.example",
                "preferred_format": "standard",
            },
        ),
    ),
    ("GET", "/people/{person_id}"): ("member", p("/people/{person_b}"), PERSON_READERS),
    ("GET", "/people/{person_id}/edit"): ("facilitator", p("/people/{person_b}/edit")),
    ("GET", "/people/{person_id}/initiative-search"): (
        "facilitator",
        p("/people/{person_b}/initiative-search?initiative_q=a"),
    ),
    ("POST", "/people/{person_id}/edit"): (
        "facilitator",
        p(
            "/people/{person_b}/edit",
            data={"name": "Policymaker B", "preferred_format": "standard", "version": "1"},
        ),
    ),
    ("POST", "/people/{person_id}/memberships"): (
        "facilitator",
        p(
            "/people/{person_b}/memberships",
            data={
                "initiative_id": "",
                "role": "chair",
                "perspective": "local_government",
                "level": "system",
            },
        ),
    ),
    ("POST", "/initiatives/{initiative_id}/members"): (
        "facilitator",
        p(
            "/initiatives/{initiative_a}/members",
            data={
                "person_id": "{person_b}",
                "role": "manager",
                "perspective": "organisation",
                "level": "organisational",
            },
        ),
    ),
    ("POST", "/memberships/{membership_id}/delete"): (
        "facilitator",
        p("/memberships/{membership_policymaker_b}/delete"),
    ),
    ("GET", "/continuity"): ("people_directory", p("/continuity")),
    # dilemmas and good practices
    ("GET", "/initiatives/{initiative_id}/contributions/new"): (
        "member",
        p("/initiatives/{initiative_a}/contributions/new"),
        A_CONTRIBUTORS,
    ),
    ("POST", "/initiatives/{initiative_id}/contributions"): (
        "member",
        p(
            "/initiatives/{initiative_a}/contributions",
            data={
                "kind": "dilemma",
                "title": "Wie betaalt?",
                "description": "Schuldhulp valt buiten het budget.",
                "condition": "financing",
                "level": "system",
                "session_id": "",
            },
        ),
        A_CONTRIBUTORS,
    ),
    ("GET", "/sessions/{session_id}/contributions"): (
        "member",
        p("/sessions/{session}/contributions"),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/contributions/{kind}/{contribution_id}/agenda"): (
        "member",
        p("/sessions/{session}/contributions/dilemma/{dilemma}/agenda", data={"on_agenda": "true"}),
        SESSION_PREPARERS,
    ),
    # the chair's workspace and the agenda documents
    ("GET", "/sessions/{session_id}/prepare"): (
        "member",
        p("/sessions/{session}/prepare"),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/prepare/items"): (
        "member",
        p("/sessions/{session}/prepare/items", data=ITEM_FORM),
        SESSION_PREPARERS,
    ),
    ("GET", "/sessions/{session_id}/prepare/items/{item_id}/edit"): (
        "member",
        p("/sessions/{session}/prepare/items/{agenda_item}/edit"),
        SESSION_PREPARERS,
    ),
    ("GET", "/sessions/{session_id}/prepare/questions/{question_id}/edit"): (
        "member",
        p("/sessions/{session}/prepare/questions/{question}/edit"),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/prepare/items/{item_id}"): (
        "member",
        p("/sessions/{session}/prepare/items/{agenda_item}", data=ITEM_FORM),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/prepare/items/{item_id}/delete"): (
        "member",
        p("/sessions/{session}/prepare/items/{agenda_item}/delete", data={"agenda_version": "0"}),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/prepare/order"): ("member", move_up, SESSION_PREPARERS),
    ("POST", "/sessions/{session_id}/prepare/publish"): (
        "member",
        p("/sessions/{session}/prepare/publish", data={"agenda_version": "0"}),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/prepare/questions"): (
        "member",
        p("/sessions/{session}/prepare/questions", data=QUESTION_FORM),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/prepare/questions/pick"): (
        "member",
        p(
            "/sessions/{session}/prepare/questions/pick",
            data={"bank_question_id": "{bank_question}"},
        ),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/prepare/questions/{question_id}"): (
        "member",
        p("/sessions/{session}/prepare/questions/{question}", data=QUESTION_FORM),
        SESSION_PREPARERS,
    ),
    ("POST", "/sessions/{session_id}/prepare/questions/{question_id}/delete"): (
        "member",
        p("/sessions/{session}/prepare/questions/{question}/delete"),
        SESSION_PREPARERS,
    ),
    ("GET", "/sessions/{session_id}/agenda"): (
        "member",
        p("/sessions/{session}/agenda"),
        UNPUBLISHED_AGENDA,
    ),
    ("GET", "/sessions/{session_id}/agenda.pdf"): (
        "member",
        p("/sessions/{session}/agenda.pdf"),
        UNPUBLISHED_AGENDA,
    ),
    ("GET", "/sessions/{session_id}/agenda-plain.pdf"): (
        "member",
        p("/sessions/{session}/agenda-plain.pdf"),
        UNPUBLISHED_AGENDA,
    ),
    ("GET", "/sessions/{session_id}/briefing.pdf"): (
        "member",
        p("/sessions/{session}/briefing.pdf"),
        SESSION_PREPARERS,
    ),
    # the session evaluation: the participants' survey, the results for who runs the session
    ("GET", "/sessions/{session_id}/evaluation"): (
        "member",
        p("/sessions/{evaluated_session}/evaluation"),
        EVALUATORS,
    ),
    ("POST", "/sessions/{session_id}/evaluation"): (
        "member",
        p(
            "/sessions/{evaluated_session}/evaluation",
            data={"preparation": "4", "usefulness": "4", "family_voice": "3", "come_again": "5"},
        ),
        EVALUATORS,
    ),
    ("GET", "/sessions/{session_id}/evaluation/results"): (
        "member",
        p("/sessions/{evaluated_session}/evaluation/results"),
        SESSION_PREPARERS,
    ),
    # actions: per session and initiative, one action, editing it, progress, the review item
    ("GET", "/sessions/{session_id}/actions"): ("member", p("/sessions/{held_session}/actions")),
    ("POST", "/sessions/{session_id}/actions"): (
        "member",
        p("/sessions/{session}/actions", data=ACTION_FORM),
        SESSION_PREPARERS,
    ),
    ("GET", "/initiatives/{initiative_id}/actions"): (
        "member",
        p("/initiatives/{initiative_a}/actions"),
    ),
    ("GET", "/actions/{action_id}"): ("member", p("/actions/{action}"), OTHER_SESSION),
    ("GET", "/actions/{action_id}/edit"): (
        "member",
        p("/actions/{action}/edit"),
        SESSION_PREPARERS,
    ),
    ("POST", "/actions/{action_id}/edit"): (
        "member",
        p("/actions/{action}/edit", data=ACTION_FORM),
        SESSION_PREPARERS,
    ),
    ("POST", "/actions/{action_id}/progress"): (
        "member",
        p(
            "/actions/{action}/progress",
            data={"status": "in_progress", "pdsa_stage": "do", "note": "Eerste gesprek gevoerd."},
        ),
        A_PROGRESS,
    ),
    ("POST", "/sessions/{session_id}/prepare/review-actions"): (
        "member",
        p("/sessions/{session}/prepare/review-actions", data={"agenda_version": "0"}),
        SESSION_PREPARERS,
    ),
    # the chair's grouped reading of the reflections, and hiding one
    ("GET", "/sessions/{session_id}/reflections"): (
        "member",
        p("/sessions/{session}/reflections"),
        OTHER_SESSION,
    ),
    ("GET", "/sessions/{session_id}/reflections/print"): (
        "member",
        p("/sessions/{session}/reflections/print"),
        OTHER_SESSION,
    ),
    ("POST", "/reflections/{reflection_id}/hide"): (
        "facilitator",
        p("/reflections/{reflection}/hide", data={"reason": "Noemt een gezin bij naam."}),
    ),
    ("POST", "/reflections/{reflection_id}/unhide"): (
        "facilitator",
        p("/reflections/{hidden_reflection}/unhide"),
    ),
    ("GET", "/sessions/{session_id}/edit"): ("facilitator", p("/sessions/{session}/edit")),
    ("POST", "/sessions/{session_id}/edit"): (
        "facilitator",
        p(
            "/sessions/{session}/edit",
            data={
                "version": "2",
                "number": "3",
                "starts_on": "2027-01-21",
                "starts_time": "13:30",
                "ends_at": "16:30",
                "timezone": "Europe/Amsterdam",
            },
        ),
    ),
    ("GET", "/sessions/{session_id}/cancel"): ("facilitator", p("/sessions/{session}/cancel")),
    ("POST", "/sessions/{session_id}/cancel"): ("facilitator", p("/sessions/{session}/cancel")),
    ("POST", "/community/outbox/{message_id}/send"): (
        "facilitator",
        p("/community/outbox/{outbox_message}/send"),
    ),
    # session pages
    ("GET", "/sessions/new"): ("facilitator", p("/sessions/new")),
    ("POST", "/sessions"): (
        "facilitator",
        p(
            "/sessions",
            data={
                "number": "99",
                "starts_on": "2027-03-11",
                "starts_time": "13:30",
                "timezone": "Europe/Amsterdam",
                "place": "Leiden",
            },
        ),
    ),
    ("POST", "/sessions/{session_id}/invitations"): (
        "facilitator",
        p("/sessions/{session}/invitations", data={"person_id": "{person_b}"}),
    ),
    ("POST", "/sessions/{session_id}/status"): (
        "facilitator",
        p("/sessions/{session}/status", data={"status": "prepared", "override_reason": "Matrix"}),
    ),
    ("GET", "/sessions/{session_id}/invite-search"): (
        "facilitator",
        p("/sessions/{session}/invite-search?person_q=a"),
    ),
    # the minutes of the held session (no chair: only the facilitator writes them)
    ("GET", "/sessions/{session_id}/minutes"): (
        "member",
        p("/sessions/{held_session}/minutes"),
        MINUTES_WRITERS,
    ),
    ("POST", "/sessions/{session_id}/minutes/{item_id}"): (
        "member",
        p(
            "/sessions/{held_session}/minutes/{held_item}",
            data={"minutes": "Besproken.", "version": "1"},
        ),
        MINUTES_WRITERS,
    ),
    ("GET", "/sessions/{session_id}/attendance"): (
        "facilitator",
        p("/sessions/{held_session}/attendance"),
    ),
    ("POST", "/sessions/{session_id}/attendance"): (
        "facilitator",
        p("/sessions/{held_session}/attendance", data={"attended": "{person_b}"}),
    ),
    ("GET", "/sessions/{session_id}/factsheets"): (
        "facilitator",
        p("/sessions/{session}/factsheets"),
    ),
    ("POST", "/sessions/{session_id}/factsheets/render"): (
        "facilitator",
        p("/sessions/{session}/factsheets/render"),
    ),
    ("GET", "/sessions/{session_id}/archive.zip"): (
        "facilitator",
        p("/sessions/{session}/archive.zip"),
    ),
    # the held session's report, not published: the facilitator previews and publishes it
    ("GET", "/sessions/{session_id}/report"): (
        "member",
        p("/sessions/{held_session}/report"),
        UNPUBLISHED_REPORT,
    ),
    ("GET", "/sessions/{session_id}/report.pdf"): (
        "member",
        p("/sessions/{held_session}/report.pdf"),
        UNPUBLISHED_REPORT,
    ),
    ("POST", "/sessions/{session_id}/report/publish"): (
        "facilitator",
        p("/sessions/{held_session}/report/publish"),
    ),
    # what was done with a reflection of the held session (no chair: the facilitator only)
    ("GET", "/sessions/{session_id}/reflections/{reflection_id}/follow-up"): (
        "member",
        p("/sessions/{held_session}/reflections/{held_reflection}/follow-up"),
        MINUTES_WRITERS,
    ),
    ("POST", "/sessions/{session_id}/reflections/{reflection_id}/follow-up"): (
        "member",
        p(
            "/sessions/{held_session}/reflections/{held_reflection}/follow-up",
            data={"discussed_in_item_id": "{held_item}"},
        ),
        MINUTES_WRITERS,
    ),
    # evidence from the held session: a discussed reflection with consent, an item's minutes
    ("GET", "/sessions/{session_id}/evidence"): (
        "member",
        p("/sessions/{held_session}/evidence"),
        EVIDENCE_RECORDERS,
    ),
    ("GET", "/sessions/{session_id}/evidence/reflections/{reflection_id}"): (
        "member",
        p("/sessions/{held_session}/evidence/reflections/{consented_reflection}"),
        EVIDENCE_RECORDERS,
    ),
    ("POST", "/sessions/{session_id}/evidence/reflections/{reflection_id}"): (
        "member",
        p(
            "/sessions/{held_session}/evidence/reflections/{consented_reflection}",
            data=EXCERPT_FORM,
        ),
        EVIDENCE_RECORDERS,
    ),
    ("GET", "/sessions/{session_id}/evidence/items/{item_id}"): (
        "member",
        p("/sessions/{held_session}/evidence/items/{minutes_item}"),
        EVIDENCE_RECORDERS,
    ),
    ("POST", "/sessions/{session_id}/evidence/items/{item_id}"): (
        "member",
        p("/sessions/{held_session}/evidence/items/{minutes_item}", data=EXCERPT_FORM),
        EVIDENCE_RECORDERS,
    ),
    # re-anonymising evidence whose author withdrew their consent
    ("GET", "/initiatives/{initiative_id}/evidence/{evidence_id}/re-anonymise"): (
        "member",
        p("/initiatives/{initiative_a}/evidence/{flagged_evidence}/re-anonymise"),
        A_EDITORS,
    ),
    ("POST", "/initiatives/{initiative_id}/evidence/{evidence_id}/re-anonymise"): (
        "member",
        p(
            "/initiatives/{initiative_a}/evidence/{flagged_evidence}/re-anonymise",
            data={"excerpt": "Een gezin had geen cijfers gezien."},
        ),
        A_EDITORS,
    ),
    # a person's data: export, deleting their reflections, erasure
    ("GET", "/people/{person_id}/privacy"): ("member", family_page("/privacy"), OWN_DATA),
    ("GET", "/people/{person_id}/data.zip"): ("member", family_page("/data.zip"), OWN_DATA),
    ("POST", "/people/{person_id}/reflections/delete"): (
        "member",
        family_page("/reflections/delete", {"confirm": "yes"}),
        OWN_DATA,
    ),
    ("GET", "/people/{person_id}/erase"): ("facilitator", family_page("/erase")),
    ("POST", "/people/{person_id}/erase"): (
        "facilitator",
        family_page("/erase", {"confirm": "yes"}),
    ),
    # exports for research: the page, its form, the files (A's researcher exports A only)
    ("GET", "/community/exports"): ("researcher", p("/community/exports")),
    ("GET", "/community/exports/download"): (
        "researcher",
        p("/community/exports/download?kind=evidence&format=csv&initiative_id={initiative_a}"),
    ),
    ("GET", "/community/exports/{kind}.{fmt}"): (
        "researcher",
        p(
            "/community/exports/reflections.csv?initiative_id={initiative_a}&session_id={held_session}"
        ),
    ),
    # Monitoring indicators (issue 16)
    ("GET", "/initiatives/{initiative_id}/indicators"): (
        "member",
        p("/initiatives/{initiative_a}/indicators"),
    ),
    ("GET", "/initiatives/{initiative_id}/indicators/new"): (
        "member",
        p("/initiatives/{initiative_a}/indicators/new"),
        A_INDICATOR_KEEPERS,
    ),
    ("POST", "/initiatives/{initiative_id}/indicators"): (
        "member",
        p("/initiatives/{initiative_a}/indicators", data=INDICATOR_FORM),
        A_INDICATOR_KEEPERS,
    ),
    ("GET", "/indicators/compare"): (
        "member",
        p("/indicators/compare?name=Families with one plan"),
    ),
    ("GET", "/indicators/{indicator_id}"): ("member", p("/indicators/{indicator}")),
    ("GET", "/indicators/{indicator_id}/edit"): (
        "member",
        p("/indicators/{indicator}/edit"),
        A_INDICATOR_KEEPERS,
    ),
    ("POST", "/indicators/{indicator_id}/edit"): (
        "member",
        p("/indicators/{indicator}/edit", data=INDICATOR_FORM | {"version": "1"}),
        A_INDICATOR_KEEPERS,
    ),
    ("POST", "/indicators/{indicator_id}/measurements"): (
        "member",
        p("/indicators/{indicator}/measurements", data={"measured_on": "2026-11-30", "value": "7"}),
        A_INDICATOR_KEEPERS,
    ),
    # Side-by-side comparison (issue 16): everyone reads it; the facilitator confirms links.
    ("GET", "/community/compare"): (
        "member",
        p(
            "/community/compare?condition=financing&initiative={initiative_a}"
            "&initiative={compare_initiative}&session_id={held_session}"
        ),
    ),
    ("POST", "/community/compare/links"): ("facilitator", matrix_confirm),
    ("POST", "/community/compare/links/{link_id}/remove"): ("facilitator", matrix_remove),
    ("GET", "/indicators/{indicator_id}/template.csv"): (
        "member",
        p("/indicators/{indicator}/template.csv"),
    ),
    ("POST", "/indicators/{indicator_id}/import"): (
        "member",
        p(
            "/indicators/{indicator}/import",
            files={"file": ("m.csv", b"measured_on,value\n2026-11-30,7\n", "text/csv")},
        ),
        A_INDICATOR_KEEPERS,
    ),
    ("POST", "/indicators/{indicator_id}/measurements/delete"): (
        "member",
        p("/indicators/{indicator}/measurements/delete", data={"measured_on": "2026-01-01"}),
        A_INDICATOR_KEEPERS,
    ),
    ("POST", "/indicators/{indicator_id}/delete"): (
        "member",
        p("/indicators/{indicator}/delete", data={"confirm": "yes"}),
        A_INDICATOR_KEEPERS,
    ),
    # Self-assessment and condition profiles (issue 16)
    ("GET", "/initiatives/{initiative_id}/self-assessment"): (
        "member",
        p("/initiatives/{initiative_a}/self-assessment"),
    ),
    ("POST", "/initiatives/{initiative_id}/self-assessment"): (
        "member",
        p("/initiatives/{initiative_a}/self-assessment", data=SCORES_FORM),
        A_SCORERS,
    ),
    ("GET", "/initiatives/{initiative_id}/self-assessment/release"): (
        "member",
        p("/initiatives/{initiative_a}/self-assessment/release"),
        A_RELEASERS,
    ),
    ("POST", "/initiatives/{initiative_id}/self-assessment/release"): (
        "member",
        p("/initiatives/{initiative_a}/self-assessment/release"),
        A_RELEASERS,
    ),
    ("POST", "/initiatives/{initiative_id}/self-assessment/withdraw"): (
        "facilitator",
        p("/initiatives/{initiative_a}/self-assessment/withdraw"),
    ),
    ("GET", "/community/profiles"): ("member", p("/community/profiles")),
    ("GET", "/initiatives/{initiative_id}/profile"): (
        "member",
        p("/initiatives/{initiative_a}/profile"),
    ),
    # The community overview (issue 16): everyone signed in, published factsheets only
    ("GET", "/community/overview"): ("member", p("/community/overview?session_id={held_session}")),
    ("GET", "/community/overview/all-sessions"): ("member", p("/community/overview/all-sessions")),
    ("GET", "/community/overview/{initiative_id}/{condition}"): (
        "member",
        p("/community/overview/{initiative_b}/financing?session_id={held_session}"),
    ),
}


def app_routes(app: FastAPI) -> dict[tuple[str, str], str | None]:
    return {
        (method, route.path): route.rule
        for route in iter_routes(app)
        for method in route.methods
        if method != "HEAD"
    }


def test_every_route_has_the_intended_rule(app: FastAPI) -> None:
    declared = app_routes(app)
    missing_from_table = sorted(set(declared) - set(ROUTES))
    gone_from_app = sorted(set(ROUTES) - set(declared))
    wrong_rule = {
        route: (declared[route], ROUTES[route][0])
        for route in set(declared) & set(ROUTES)
        if declared[route] != ROUTES[route][0]
    }
    assert missing_from_table == [], "add these routes, with their rule, to the matrix"
    assert gone_from_app == []
    assert wrong_rule == {}


def expected_outcome(rule: str, actor: str, path: str) -> str:
    if rule == "public":
        return "public"
    if actor in ALLOWED[rule]:
        return "allowed"
    return "sign_in" if actor == "anonymous" else "forbidden"


def to_sign_in(url: str | None) -> bool:
    return urlsplit(url or "").path.startswith("/sign-in")


def assert_allowed(response: Any) -> None:
    """A 2xx, or a redirect elsewhere than the sign-in page: the page itself, not a way round it."""
    status = response.status_code
    assert 200 <= status < 400, f"{status}: {response.text[:300]}"
    if 300 <= status < 400:
        location = response.headers.get("location")
        assert not to_sign_in(location), f"{status} redirects to {location}"
    hx_redirect = response.headers.get("HX-Redirect")
    assert not to_sign_in(hx_redirect), f"{status} with HX-Redirect to {hx_redirect}"


def check(response: Any, outcome: str, path: str, fragment: bool) -> None:
    status = response.status_code
    if outcome == "public":
        # Anyone may ask; the answer may still be "wrong password" or "unknown link".
        assert status not in (401, 403), response.text[:300]
        assert status < 500
    elif outcome == "allowed":
        assert_allowed(response)
    elif outcome == "forbidden":
        assert status == 403, response.text[:300]
    elif outcome == "not_found":
        assert status == 404, response.text[:300]
    elif path.startswith("/api/"):
        assert status == 401
    elif fragment:
        assert status == 204
        assert response.headers["HX-Redirect"].startswith("/sign-in")
    else:
        assert status == 303
        assert response.headers["location"].startswith("/sign-in")


def check_route(
    method: str,
    route: str,
    connection: Connection,
    world: World,
    browsers: dict[str, TestClient],
) -> None:
    """Ask the route as every actor (GET pages as htmx fragments too); check each answer."""
    rule, spec, *object_outcomes = ROUTES[(method, route)]
    outcomes = object_outcomes[0] if object_outcomes else {}
    for actor in ACTORS:
        path, kwargs = spec(world, actor)
        variants = [False, True] if method == "GET" and not path.startswith("/api/") else [False]
        for fragment in variants:
            headers = {"HX-Request": "true"} if fragment else {}
            # On the connection itself: the request's changes are undone before the next actor.
            savepoint = connection.begin_nested()
            response = browsers[actor].request(
                method, path, headers=headers, follow_redirects=False, **kwargs
            )
            savepoint.rollback()
            try:
                outcome = outcomes.get(actor) or expected_outcome(rule, actor, path)
                check(response, outcome, path, fragment)
            except AssertionError as error:
                raise AssertionError(
                    f"{actor} {method} {path}{' (htmx)' if fragment else ''}: {error}"
                ) from error


@pytest.mark.parametrize(("method", "route"), sorted(ROUTES), ids=lambda v: str(v))
def test_route_answers_each_role_as_its_rule_says(
    method: str,
    route: str,
    connection: Connection,
    db: Session,
    world: World,
    browsers: dict[str, TestClient],
) -> None:
    check_route(method, route, connection, world, browsers)


def test_a_route_that_sends_an_allowed_role_to_sign_in_fails_the_matrix(
    app: FastAPI, connection: Connection, world: World, browsers: dict[str, TestClient]
) -> None:
    # Broken on purpose: the member rule forgets the facilitator, who is sent to sign in.
    facilitator_id = world.people["facilitator"].id
    member_rule = get_args(MemberDep)[1].dependency

    async def loses_the_facilitator(principal: OptionalPrincipal) -> Principal | None:
        if principal is not None and principal.person_id == facilitator_id:
            principal = None
        answer: Principal | None = await member_rule(principal)
        return answer

    app.dependency_overrides[member_rule] = loses_the_facilitator
    page = browsers["facilitator"].get("/", follow_redirects=False)
    fragment = browsers["facilitator"].get(
        "/", headers={"HX-Request": "true"}, follow_redirects=False
    )
    assert (page.status_code, page.headers["location"]) == (303, "/sign-in")
    assert (fragment.status_code, fragment.headers["HX-Redirect"]) == (204, "/sign-in")

    with pytest.raises(AssertionError, match=r"^facilitator GET /: 303 redirects to /sign-in"):
        check_route("GET", "/", connection, world, browsers)
    with pytest.raises(AssertionError, match="HX-Redirect to /sign-in"):
        check(fragment, "allowed", "/", fragment=True)
    app.dependency_overrides.clear()
    check_route("GET", "/", connection, world, browsers)  # repaired, it passes again


def member_route(answer: Callable[[], Response]) -> Callable[[Principal], Response]:
    def endpoint(member: MemberDep) -> Response:
        return answer()

    return endpoint


def test_a_redirect_to_sign_in_or_a_403_is_not_allowed_however_it_is_sent(
    app: FastAPI, browsers: dict[str, TestClient]
) -> None:
    # Routes added on purpose: each answers a member in a way that does not let them in.
    answers: dict[str, Callable[[], Response]] = {
        "/broken/redirect": lambda: RedirectResponse("/sign-in?next=/broken", status_code=303),
        "/broken/absolute": lambda: RedirectResponse("http://testserver/sign-in", status_code=307),
        "/broken/htmx": lambda: Response(status_code=204, headers={"HX-Redirect": "/sign-in"}),
        "/broken/forbidden": lambda: Response("Forbidden", status_code=403),
    }
    for path, answer in answers.items():
        app.add_api_route(path, member_route(answer))
    member = browsers["practitioner_a"]
    for path in answers:
        response = member.get(path, follow_redirects=False)
        with pytest.raises(AssertionError):
            check(response, "allowed", path, fragment=False)
    # A redirect elsewhere is still allowed: where a form sends you after it has saved.
    app.add_api_route("/broken/elsewhere", member_route(lambda: RedirectResponse("/", 303)))
    check(member.get("/broken/elsewhere", follow_redirects=False), "allowed", "/", fragment=False)


def test_another_communitys_objects_do_not_exist(
    db: Session, browsers: dict[str, TestClient]
) -> None:
    other = factories.community(db, name="Een andere leerkring")
    foreign_initiative = factories.initiative(db, other)
    foreign_session = factories.learning_session(db, other)
    facilitator = browsers["facilitator"]
    for path in (
        f"/initiatives/{foreign_initiative.id}",
        f"/sessions/{foreign_session.id}",
        f"/api/v1/initiatives/{foreign_initiative.id}",
        f"/api/v1/learning-sessions/{foreign_session.id}",
    ):
        assert facilitator.get(path).status_code == 404, path
    assert foreign_initiative.name not in facilitator.get("/api/v1/initiatives").text


def test_policymaker_sees_no_contact_details_of_another_initiative(
    world: World, browsers: dict[str, TestClient]
) -> None:
    policymaker_a = browsers["policymaker_a"]
    page = policymaker_a.get(f"/initiatives/{world.ids['initiative_b']}")
    assert page.status_code == 200
    assert world.people["policymaker_b"].email not in page.text
    for path in (
        f"/api/v1/people/{world.ids['person_b']}",
        "/api/v1/people",
        "/api/v1/memberships",
    ):
        response = policymaker_a.get(path)
        assert response.status_code == 403
        assert str(world.people["policymaker_b"].email) not in response.text


def test_a_researcher_exports_no_other_initiative(
    world: World, browsers: dict[str, TestClient]
) -> None:
    for kind in ("evidence", "reflections", "actions", "attendance", "evaluations", "indicators"):
        path = f"/community/exports/{kind}.json?initiative_id={world.ids['initiative_b']}"
        assert browsers["researcher_a"].get(path).status_code == 403, path
        assert browsers["facilitator"].get(path).status_code == 200, path
        assert browsers["policymaker_a"].get(path).status_code == 403, path


def test_draft_policy_keeps_initiatives_apart() -> None:
    policymaker_a = Principal(
        account_id=1,
        person_id=1,
        community_id=1,
        name="A",
        email=None,
        initiative_roles={10: frozenset({Role.policymaker})},
    )
    family = Principal(
        account_id=2,
        person_id=2,
        community_id=1,
        name="F",
        email=None,
        community_roles=frozenset({Role.family_representative}),
    )
    assert policy.reads_initiative_drafts(policymaker_a, 10)
    assert not policy.reads_initiative_drafts(policymaker_a, 11)
    assert not policy.records_evidence(policymaker_a, 10)
    assert not policy.reads_initiative_drafts(family, 10)
    assert not policy.sees_contact_details(policymaker_a, 5, {11})
    assert policy.sees_contact_details(policymaker_a, 5, {10})
