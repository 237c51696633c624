from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, delete, select

from app.actions.models import Action
from app.contributions.models import Dilemma, GoodPractice
from app.db import fetch_page, utcnow
from app.errors import ConflictError, NotFoundError
from app.evidence.models import EvidenceItem
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative, InitiativeDiscipline, InitiativeMunicipality
from app.initiatives.schemas import (
    InitiativeCreate,
    InitiativeFilter,
    InitiativePublic,
    InitiativeUpdate,
)
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.monitoring.models import MonitoringIndicator
from app.people.models import Membership
from app.versioning import check_version
from app.vocabulary import ActionStatus, ContributionStatus, FactsheetStatus, InitiativeStatus

_WITH_LISTS = (
    selectinload(Initiative.municipalities),  # type: ignore[arg-type]
    selectinload(Initiative.disciplines),  # type: ignore[arg-type]
)


def list_initiatives(
    *, db: Session, community_id: int, offset: int = 0, limit: int = 100
) -> tuple[Sequence[Initiative], int]:
    query = (
        select(Initiative)
        .where(Initiative.community_id == community_id)
        .options(*_WITH_LISTS)
        .order_by(col(Initiative.name))
    )
    return fetch_page(db, query, offset=offset, limit=limit)


def search_initiatives(
    *,
    db: Session,
    community_id: int,
    initiative_filter: InitiativeFilter,
    offset: int = 0,
    limit: int = 20,
) -> tuple[Sequence[Initiative], int]:
    """One page of the community's initiatives that match the filter, by name."""
    conditions: list[ColumnElement[bool]] = [col(Initiative.community_id) == community_id]
    if not initiative_filter.show_archived:
        conditions.append(col(Initiative.status) == InitiativeStatus.active)
    if initiative_filter.q:
        conditions.append(
            func.lower(Initiative.name).contains(initiative_filter.q.lower(), autoescape=True)
        )
    if initiative_filter.funding_arrangement is not None:
        conditions.append(
            col(Initiative.funding_arrangement) == initiative_filter.funding_arrangement
        )
    if initiative_filter.municipality:
        conditions.append(
            col(Initiative.id).in_(
                select(InitiativeMunicipality.initiative_id).where(
                    InitiativeMunicipality.name == initiative_filter.municipality
                )
            )
        )
    if initiative_filter.discipline:
        conditions.append(
            col(Initiative.id).in_(
                select(InitiativeDiscipline.initiative_id).where(
                    InitiativeDiscipline.name == initiative_filter.discipline
                )
            )
        )
    query = (
        select(Initiative)
        .where(*conditions)
        .options(*_WITH_LISTS)
        .order_by(func.lower(Initiative.name), col(Initiative.id))
    )
    return fetch_page(db, query, offset=offset, limit=limit)


def member_counts(*, db: Session, initiative_ids: Sequence[int]) -> dict[int, int]:
    """How many people belong to each initiative, in one grouped query."""
    if not initiative_ids:
        return {}
    rows = db.exec(
        select(Membership.initiative_id, func.count(func.distinct(Membership.person_id)))
        .where(col(Membership.initiative_id).in_(initiative_ids))
        .group_by(col(Membership.initiative_id))
    ).all()
    return {initiative_id: count for initiative_id, count in rows if initiative_id is not None}


def community_municipalities(*, db: Session, community_id: int) -> list[str]:
    return list(
        db.exec(
            select(InitiativeMunicipality.name)
            .join(Initiative, col(Initiative.id) == InitiativeMunicipality.initiative_id)
            .where(Initiative.community_id == community_id)
            .distinct()
            .order_by(col(InitiativeMunicipality.name))
        ).all()
    )


def community_disciplines(*, db: Session, community_id: int) -> list[str]:
    return list(
        db.exec(
            select(InitiativeDiscipline.name)
            .join(Initiative, col(Initiative.id) == InitiativeDiscipline.initiative_id)
            .where(Initiative.community_id == community_id)
            .distinct()
            .order_by(col(InitiativeDiscipline.name))
        ).all()
    )


def get_initiative(*, db: Session, initiative_id: int) -> Initiative:
    initiative = db.exec(
        select(Initiative).where(Initiative.id == initiative_id).options(*_WITH_LISTS)
    ).first()
    if initiative is None:
        raise NotFoundError(
            N_("There is no initiative with id %(id)s."), arguments={"id": initiative_id}
        )
    return initiative


def create_initiative(*, db: Session, community_id: int, data: InitiativeCreate) -> Initiative:
    _refuse_duplicate_name(db=db, community_id=community_id, name=data.name)
    initiative = Initiative(
        community_id=community_id,
        **data.model_dump(exclude={"municipalities", "disciplines"}),
    )
    db.add(initiative)
    db.flush()
    _replace_lists(db, initiative, data.municipalities, data.disciplines)
    return get_initiative(db=db, initiative_id=_id(initiative))


def update_initiative(*, db: Session, initiative: Initiative, data: InitiativeUpdate) -> Initiative:
    check_version(initiative, data.version, "initiative")
    changes = data.model_dump(
        exclude_unset=True, exclude={"version", "municipalities", "disciplines"}
    )
    if "name" in changes and changes["name"] != initiative.name:
        _refuse_duplicate_name(db=db, community_id=initiative.community_id, name=changes["name"])
    # Lists first: their statements autoflush, and the row must then change in one UPDATE.
    _replace_lists(db, initiative, data.municipalities, data.disciplines)
    for field, value in changes.items():
        setattr(initiative, field, value)
    # Always touch the row: list changes live in other tables but must bump the version too.
    initiative.updated_at = utcnow()
    db.flush()
    db.expire(initiative)
    return get_initiative(db=db, initiative_id=_id(initiative))


def archive_initiative(*, db: Session, initiative: Initiative) -> Initiative:
    """Take an initiative out of the lists; its published material stays available."""
    return _set_status(db, initiative, InitiativeStatus.archived)


def restore_initiative(*, db: Session, initiative: Initiative) -> Initiative:
    return _set_status(db, initiative, InitiativeStatus.active)


def _set_status(db: Session, initiative: Initiative, status: InitiativeStatus) -> Initiative:
    if initiative.status != status:
        initiative.status = status
        initiative.updated_at = utcnow()
        db.add(initiative)
        db.flush()
    return initiative


OVERVIEW_LIMIT = 50


@dataclass
class InitiativeOverview:
    """What the initiative's page shows besides its facts and members."""

    factsheets: list[tuple[Factsheet, LearningSession]]
    dilemmas: Sequence[Dilemma]
    good_practices: Sequence[GoodPractice]
    open_actions: Sequence[Action]


def initiative_overview(
    *,
    db: Session,
    initiative_id: int,
    drafts_visible: bool,
    only_session_id: int | None = None,
) -> InitiativeOverview:
    """The latest factsheet per session (``only_session_id``: of that session only),
    contributions and open actions: a fixed number of queries, whatever their number."""
    factsheet_query = (
        select(Factsheet, LearningSession)
        .join(LearningSession, col(LearningSession.id) == Factsheet.session_id)
        .where(Factsheet.initiative_id == initiative_id)
        .order_by(col(LearningSession.number).desc(), col(Factsheet.version_number).desc())
    )
    if not drafts_visible:
        factsheet_query = factsheet_query.where(Factsheet.status == FactsheetStatus.published)
    if only_session_id is not None:
        factsheet_query = factsheet_query.where(Factsheet.session_id == only_session_id)
    latest: dict[int, tuple[Factsheet, LearningSession]] = {}
    for factsheet, learning_session in db.exec(factsheet_query).all():
        latest.setdefault(factsheet.session_id, (factsheet, learning_session))
    dilemmas = db.exec(
        select(Dilemma)
        .where(Dilemma.initiative_id == initiative_id)
        .where(Dilemma.status != ContributionStatus.withdrawn)
        .order_by(col(Dilemma.created_at).desc())
        .limit(OVERVIEW_LIMIT)
    ).all()
    good_practices = db.exec(
        select(GoodPractice)
        .where(GoodPractice.initiative_id == initiative_id)
        .where(GoodPractice.status != ContributionStatus.withdrawn)
        .order_by(col(GoodPractice.created_at).desc())
        .limit(OVERVIEW_LIMIT)
    ).all()
    open_actions = db.exec(
        select(Action)
        .where(Action.initiative_id == initiative_id)
        .where(col(Action.status).in_((ActionStatus.open, ActionStatus.in_progress)))
        .order_by(col(Action.due_date), col(Action.id))
        .limit(OVERVIEW_LIMIT)
    ).all()
    return InitiativeOverview(
        factsheets=list(latest.values())[:OVERVIEW_LIMIT],
        dilemmas=dilemmas,
        good_practices=good_practices,
        open_actions=open_actions,
    )


def delete_initiative(*, db: Session, initiative: Initiative) -> None:
    """Delete an initiative that has nothing worth keeping; otherwise refuse and suggest archiving."""
    dependants = initiative_dependants(db=db, initiative_id=_id(initiative))
    if dependants:
        raise ConflictError(
            N_(
                "'%(name)s' has %(dependants)s; "
                "it cannot be deleted. Archive it instead, so that material stays available."
            ),
            arguments={"name": initiative.name, "dependants": ", ".join(dependants)},
        )
    db.exec(delete(Membership).where(col(Membership.initiative_id) == initiative.id))
    db.delete(initiative)
    db.flush()


def initiative_dependants(*, db: Session, initiative_id: int) -> list[str]:
    """Names of the kinds of stored material that tie this initiative down."""
    kinds = {
        "factsheets": Factsheet,
        "evidence": EvidenceItem,
        "dilemmas": Dilemma,
        "good practices": GoodPractice,
        "actions": Action,
        "monitoring indicators": MonitoringIndicator,
    }
    found = []
    for name, model in kinds.items():
        exists = db.exec(
            select(model.id).where(model.initiative_id == initiative_id).limit(1)  # type: ignore[attr-defined]
        ).first()
        if exists is not None:
            found.append(name)
    return found


def to_public(initiative: Initiative) -> InitiativePublic:
    return InitiativePublic(
        **initiative.model_dump(),
        municipalities=[m.name for m in initiative.municipalities],
        disciplines=[d.name for d in initiative.disciplines],
    )


def _refuse_duplicate_name(*, db: Session, community_id: int | None, name: str) -> None:
    clash = db.exec(
        select(Initiative.id).where(
            Initiative.community_id == community_id,
            func.lower(Initiative.name) == name.lower(),
        )
    ).first()
    if clash is not None:
        raise ConflictError(
            N_("An initiative named '%(name)s' exists already."), arguments={"name": name}
        )


def _replace_lists(
    db: Session,
    initiative: Initiative,
    municipalities: list[str] | None,
    disciplines: list[str] | None,
) -> None:
    initiative_id = _id(initiative)
    if municipalities is not None:
        db.exec(
            delete(InitiativeMunicipality).where(
                col(InitiativeMunicipality.initiative_id) == initiative_id
            )
        )
        for position, name in enumerate(dict.fromkeys(municipalities)):
            db.add(
                InitiativeMunicipality(initiative_id=initiative_id, name=name, position=position)
            )
    if disciplines is not None:
        db.exec(
            delete(InitiativeDiscipline).where(
                col(InitiativeDiscipline.initiative_id) == initiative_id
            )
        )
        for position, name in enumerate(dict.fromkeys(disciplines)):
            db.add(InitiativeDiscipline(initiative_id=initiative_id, name=name, position=position))


def _id(initiative: Initiative) -> int:
    assert initiative.id is not None
    return initiative.id
