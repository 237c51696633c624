"""Demo: the members' self-assessment of the five initiatives, with notes in both languages.

Sessions 1 and 2: every initiative scored and published. Session 3 (being prepared): four
initiatives scored; Wijkexpertteam Zwolle-Kampen has not published yet, and there its
policymaker and practitioners see financing two levels apart (the pilot fund is ending), so
the chair's workspace for session 3 suggests a question on it ("views differ"). In session 2
IST Groningen-Ommelanden's manager and practitioners were apart on roles.
"""

from datetime import timedelta

from sqlalchemy import insert
from sqlmodel import Session, col, select

from app.db import utcnow
from app.demo import content as c
from app.demo.content import DRECHTSTEDEN, GRONINGEN, LEIDEN, TILBURG, ZWOLLE, Text
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person
from app.self_assessment.models import SelfAssessment, SelfAssessmentRelease
from app.vocabulary import PartnershipCondition, Role

MONITORING = PartnershipCondition.monitoring
VISION = PartnershipCondition.shared_vision
ROLES = PartnershipCondition.roles
FINANCING = PartnershipCondition.financing

Levels = tuple[int, int, int, int]  # monitoring, shared vision, roles, financing

# initiative → session → the scorer's email → their four levels
SCORES: dict[str, dict[int, dict[str, Levels]]] = {
    LEIDEN: {
        1: {c.POLICYMAKER_LEIDEN: (2, 3, 2, 2), c.MANAGER_LEIDEN: (2, 2, 2, 2),
            c.PRACTITIONER_LEIDEN: (1, 2, 2, 2), c.PSYCHIATRIST_LEIDEN: (2, 2, 1, 2)},
        2: {c.POLICYMAKER_LEIDEN: (3, 3, 3, 2), c.MANAGER_LEIDEN: (2, 3, 3, 2),
            c.PRACTITIONER_LEIDEN: (2, 3, 3, 2), c.PSYCHIATRIST_LEIDEN: (2, 3, 2, 2)},
        3: {c.POLICYMAKER_LEIDEN: (3, 4, 3, 3), c.MANAGER_LEIDEN: (3, 3, 3, 3),
            c.PRACTITIONER_LEIDEN: (3, 3, 3, 2)},
    },
    DRECHTSTEDEN: {
        1: {c.POLICYMAKER_DRECHTSTEDEN: (2, 2, 1, 3), c.ADDICTION_WORKER_DRECHTSTEDEN: (1, 2, 1, 2),
            c.PSYCHOLOGIST_DRECHTSTEDEN: (1, 2, 2, 2)},
        2: {c.POLICYMAKER_DRECHTSTEDEN: (2, 3, 2, 3), c.MANAGER_DRECHTSTEDEN: (2, 2, 2, 3),
            c.ADDICTION_WORKER_DRECHTSTEDEN: (2, 2, 2, 2), c.PSYCHOLOGIST_DRECHTSTEDEN: (1, 3, 2, 2)},
        3: {c.POLICYMAKER_DRECHTSTEDEN: (2, 3, 2, 3), c.MANAGER_DRECHTSTEDEN: (2, 3, 3, 3),
            c.ADDICTION_WORKER_DRECHTSTEDEN: (2, 3, 2, 3)},
    },
    ZWOLLE: {
        1: {c.POLICYMAKER_ZWOLLE: (2, 2, 2, 2), c.MANAGER_ZWOLLE: (2, 2, 2, 2),
            c.NURSE_ZWOLLE: (1, 2, 2, 2), c.SOCIAL_WORKER_ZWOLLE: (2, 3, 2, 2)},
        2: {c.POLICYMAKER_ZWOLLE: (2, 3, 3, 3), c.MANAGER_ZWOLLE: (2, 3, 2, 2),
            c.NURSE_ZWOLLE: (2, 3, 3, 2), c.SOCIAL_WORKER_ZWOLLE: (2, 3, 3, 2)},
        3: {c.POLICYMAKER_ZWOLLE: (3, 3, 3, 3), c.MANAGER_ZWOLLE: (2, 3, 3, 2),
            c.NURSE_ZWOLLE: (2, 3, 3, 1), c.SOCIAL_WORKER_ZWOLLE: (2, 3, 2, 1)},
    },
    GRONINGEN: {
        1: {c.POLICYMAKER_GRONINGEN: (1, 2, 2, 2), c.MANAGER_GRONINGEN: (2, 2, 3, 2),
            c.THERAPIST_GRONINGEN: (1, 2, 2, 1)},
        2: {c.POLICYMAKER_GRONINGEN: (2, 3, 3, 2), c.MANAGER_GRONINGEN: (2, 3, 4, 2),
            c.THERAPIST_GRONINGEN: (2, 2, 2, 2), c.BEHAVIOURAL_SCIENTIST_GRONINGEN: (2, 3, 2, 2)},
        3: {c.POLICYMAKER_GRONINGEN: (2, 3, 3, 2), c.THERAPIST_GRONINGEN: (2, 3, 3, 2),
            c.BEHAVIOURAL_SCIENTIST_GRONINGEN: (3, 3, 3, 2)},
    },
    TILBURG: {
        1: {c.POLICYMAKER_TILBURG: (2, 3, 2, 3), c.MANAGER_TILBURG: (2, 3, 2, 3),
            c.SCHOOL_SOCIAL_WORKER_TILBURG: (2, 3, 2, 2)},
        2: {c.POLICYMAKER_TILBURG: (3, 3, 2, 4), c.MANAGER_TILBURG: (3, 3, 3, 3),
            c.SCHOOL_SOCIAL_WORKER_TILBURG: (2, 3, 2, 3), c.YOUTH_MENTAL_HEALTH_TILBURG: (2, 4, 2, 3)},
    },
}  # fmt: skip

# Scored but not yet published to the community.
UNRELEASED: frozenset[tuple[str, int]] = frozenset({(ZWOLLE, 3)})

NOTES: dict[tuple[str, int, str, PartnershipCondition], Text] = {
    (LEIDEN, 1, c.PRACTITIONER_LEIDEN, MONITORING): Text(
        en="We count home visits, but nobody looks at what changes for the families.",
        nl="We tellen huisbezoeken, maar niemand kijkt wat er voor de gezinnen verandert.",
    ),
    (LEIDEN, 2, c.POLICYMAKER_LEIDEN, MONITORING): Text(
        en="The three-month evaluation now comes back from four in ten families.",
        nl="De evaluatie na drie maanden komt nu van vier op de tien gezinnen terug.",
    ),
    (LEIDEN, 3, c.PRACTITIONER_LEIDEN, FINANCING): Text(
        en="The subsidy runs to 2027; the health insurer still pays the psychiatrist per hour.",
        nl="De subsidie loopt tot 2027; de zorgverzekeraar betaalt de psychiater nog per uur.",
    ),
    (LEIDEN, 3, c.POLICYMAKER_LEIDEN, VISION): Text(
        en="The three councils signed the same family plan principles in October.",
        nl="De drie gemeenteraden tekenden in oktober dezelfde uitgangspunten voor het gezinsplan.",
    ),
    (DRECHTSTEDEN, 1, c.ADDICTION_WORKER_DRECHTSTEDEN, ROLES): Text(
        en="Families tell us they still have three case managers.",
        nl="Gezinnen vertellen ons dat ze nog steeds drie casemanagers hebben.",
    ),
    (DRECHTSTEDEN, 2, c.MANAGER_DRECHTSTEDEN, ROLES): Text(
        en="One coordinator per family is agreed since June; the addiction service joins in.",
        nl="Sinds juni is één regisseur per gezin afgesproken; de verslavingszorg doet mee.",
    ),
    (DRECHTSTEDEN, 3, c.POLICYMAKER_DRECHTSTEDEN, FINANCING): Text(
        en="The per-result contract pays per closed trajectory, which rewards short work.",
        nl="Het resultaatcontract betaalt per afgesloten traject, dat beloont kort werk.",
    ),
    (ZWOLLE, 1, c.NURSE_ZWOLLE, MONITORING): Text(
        en="Each partner keeps its own file; we cannot say how many families we share.",
        nl="Elke partner houdt een eigen dossier bij; we weten niet hoeveel gezinnen we delen.",
    ),
    (ZWOLLE, 2, c.POLICYMAKER_ZWOLLE, FINANCING): Text(
        en="The pilot fund was extended by one year after the evaluation.",
        nl="Het pilotfonds is na de evaluatie met een jaar verlengd.",
    ),
    (ZWOLLE, 3, c.POLICYMAKER_ZWOLLE, FINANCING): Text(
        en="The council has reserved money for the team in the draft budget for 2027 and 2028.",
        nl="De gemeente heeft in de conceptbegroting voor 2027 en 2028 geld voor het team gereserveerd.",
    ),
    (ZWOLLE, 3, c.NURSE_ZWOLLE, FINANCING): Text(
        en="Our pilot fund ends in June 2027 and nobody has told the team what comes after it.",
        nl="Ons pilotfonds stopt in juni 2027 en niemand heeft het team verteld wat daarna komt.",
    ),
    (ZWOLLE, 3, c.SOCIAL_WORKER_ZWOLLE, FINANCING): Text(
        en="Two colleagues are looking for other jobs because their contracts end with the fund.",
        nl="Twee collega's zoeken ander werk omdat hun contract met het fonds afloopt.",
    ),
    (GRONINGEN, 2, c.MANAGER_GRONINGEN, ROLES): Text(
        en="The task division is signed by all directors and on the intranet.",
        nl="De taakverdeling is door alle directeuren getekend en staat op het intranet.",
    ),
    (GRONINGEN, 2, c.THERAPIST_GRONINGEN, ROLES): Text(
        en="On paper it is clear; in a crisis we still phone each other to find out who acts.",
        nl="Op papier is het duidelijk; bij een crisis bellen we elkaar nog om uit te zoeken wie handelt.",
    ),
    (GRONINGEN, 3, c.BEHAVIOURAL_SCIENTIST_GRONINGEN, MONITORING): Text(
        en="The shared dashboard is discussed in every team meeting since September.",
        nl="Het gedeelde dashboard wordt sinds september in elk teamoverleg besproken.",
    ),
    (TILBURG, 2, c.POLICYMAKER_TILBURG, FINANCING): Text(
        en="The pooled budget of the municipality and the insurer is agreed until 2029.",
        nl="Het ontschotte budget van gemeente en zorgverzekeraar is afgesproken tot 2029.",
    ),
    (TILBURG, 2, c.YOUTH_MENTAL_HEALTH_TILBURG, VISION): Text(
        en="Families sit on the steering group and wrote the aim with us.",
        nl="Gezinnen zitten in de stuurgroep en schreven het doel met ons mee.",
    ),
}


def add_demo_self_assessment(db: Session, *, initiatives: dict[str, int], language: str) -> None:
    """The scores and notes above, each in the role its author holds in the initiative."""
    emails = {email for sessions in SCORES.values() for by in sessions.values() for email in by}
    people = dict(
        db.exec(select(Person.email, Person.id).where(col(Person.email).in_(emails))).all()
    )
    roles = {
        (person_id, initiative_id): role
        for person_id, initiative_id, role in db.exec(
            select(Membership.person_id, Membership.initiative_id, Membership.role).where(
                col(Membership.person_id).in_(list(people.values()))
            )
        )
    }
    sessions = _sessions(db, initiatives)
    for key, by_session in SCORES.items():
        initiative_id = initiatives[key]
        for number, by_person in by_session.items():
            learning_session = sessions[number]
            session_id = learning_session.id or 0
            first_person: int | None = None
            for email, levels in by_person.items():
                person_id = people.get(email)
                role = roles.get((person_id or 0, initiative_id))
                if person_id is None or role is None:
                    continue
                first_person = first_person or person_id
                for condition, level in zip(PartnershipCondition, _ordered(levels), strict=True):
                    note = NOTES.get((key, number, email, condition))
                    db.add(
                        SelfAssessment(
                            session_id=session_id,
                            initiative_id=initiative_id,
                            person_id=person_id,
                            role=Role(role),
                            condition=condition,
                            level=level,
                            note=note.pick(language) if note else "",
                        )
                    )
            if (key, number) not in UNRELEASED:
                db.add(
                    SelfAssessmentRelease(
                        session_id=session_id,
                        initiative_id=initiative_id,
                        # Before the session, and never in the future (session 3 is ahead).
                        released_at=min(
                            learning_session.starts_at - timedelta(days=4),
                            utcnow() - timedelta(days=1),
                        ),
                        released_by_id=first_person,
                    )
                )
    db.flush()


def _ordered(levels: Levels) -> tuple[int, ...]:
    """The levels in the vocabulary's order of conditions."""
    given = dict(zip((MONITORING, VISION, ROLES, FINANCING), levels, strict=True))
    return tuple(given[condition] for condition in PartnershipCondition)


def _sessions(db: Session, initiatives: dict[str, int]) -> dict[int, LearningSession]:
    community_id = db.exec(
        select(Initiative.community_id).where(Initiative.id == next(iter(initiatives.values())))
    ).one()
    rows = db.exec(select(LearningSession).where(LearningSession.community_id == community_id))
    return {s.number: s for s in rows}


def score_generated(db: Session, *, community_id: int, session_ids: list[int]) -> int:
    """Scores for every initiative of a generated community (``seed-demo --scale``) that has
    none in these sessions: each member of the initiative scores the four conditions, and the
    scores are published. Bulk inserts; returns how many scores were added."""
    scored = set(
        db.exec(
            select(SelfAssessment.initiative_id, SelfAssessment.session_id).where(
                col(SelfAssessment.session_id).in_(session_ids)
            )
        ).all()
    )
    members = db.exec(
        select(Membership.initiative_id, Membership.person_id, Membership.role)
        .join(Initiative, col(Initiative.id) == Membership.initiative_id)
        .where(Initiative.community_id == community_id)
        .order_by(col(Membership.id))
    ).all()
    scores: list[dict[str, object]] = []
    releases: dict[tuple[int, int], dict[str, object]] = {}
    for initiative_id, person_id, role in members:
        if initiative_id is None:
            continue
        for session_id in session_ids:
            if (initiative_id, session_id) in scored:
                continue
            for offset, condition in enumerate(PartnershipCondition):
                # Members of one initiative mostly agree: its level, one up or down at times.
                base = (initiative_id * 7 + session_id + offset) % 4 + 1
                nudge = (-1, 0, 0, 0, 1)[(person_id * 3 + offset) % 5]
                level = min(4, max(1, base + nudge))
                scores.append(
                    {
                        "session_id": session_id,
                        "initiative_id": initiative_id,
                        "person_id": person_id,
                        "role": Role(role),
                        "condition": condition,
                        "level": level,
                        "note": "",
                        "created_at": utcnow(),
                        "updated_at": utcnow(),
                    }
                )
            releases[(session_id, initiative_id)] = {
                "session_id": session_id,
                "initiative_id": initiative_id,
                "released_at": utcnow(),
            }
    if scores:
        db.execute(insert(SelfAssessment), scores)
        db.execute(insert(SelfAssessmentRelease), list(releases.values()))
    db.flush()
    return len(scores)
