from collections.abc import Sequence

from sqlalchemy import func
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, delete, select

from app.actions.models import Action
from app.contributions.models import Dilemma, GoodPractice
from app.db import utcnow
from app.errors import ConflictError, NotFoundError
from app.evidence.models import EvidenceItem
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative, InitiativeDiscipline, InitiativeMunicipality
from app.initiatives.schemas import InitiativeCreate, InitiativePublic, InitiativeUpdate
from app.monitoring.models import MonitoringIndicator
from app.people.models import Membership
from app.versioning import check_version

_WITH_LISTS = (
    selectinload(Initiative.municipalities),  # type: ignore[arg-type]
    selectinload(Initiative.disciplines),  # type: ignore[arg-type]
)


def list_initiatives(
    *, session: Session, community_id: int, offset: int = 0, limit: int = 100
) -> tuple[Sequence[Initiative], int]:
    where = Initiative.community_id == community_id
    total = session.exec(select(func.count()).select_from(Initiative).where(where)).one()
    initiatives = session.exec(
        select(Initiative)
        .where(where)
        .options(*_WITH_LISTS)
        .order_by(col(Initiative.name))
        .offset(offset)
        .limit(limit)
    ).all()
    return initiatives, total


def get_initiative(*, session: Session, initiative_id: int) -> Initiative:
    initiative = session.exec(
        select(Initiative).where(Initiative.id == initiative_id).options(*_WITH_LISTS)
    ).first()
    if initiative is None:
        raise NotFoundError(f"There is no initiative with id {initiative_id}.")
    return initiative


def create_initiative(*, session: Session, community_id: int, data: InitiativeCreate) -> Initiative:
    _refuse_duplicate_name(session=session, community_id=community_id, name=data.name)
    initiative = Initiative(
        community_id=community_id,
        **data.model_dump(exclude={"municipalities", "disciplines"}),
    )
    session.add(initiative)
    session.flush()
    _replace_lists(session, initiative, data.municipalities, data.disciplines)
    return get_initiative(session=session, initiative_id=_id(initiative))


def update_initiative(
    *, session: Session, initiative: Initiative, data: InitiativeUpdate
) -> Initiative:
    check_version(initiative, data.version, "initiative")
    changes = data.model_dump(
        exclude_unset=True, exclude={"version", "municipalities", "disciplines"}
    )
    if "name" in changes and changes["name"] != initiative.name:
        _refuse_duplicate_name(
            session=session, community_id=initiative.community_id, name=changes["name"]
        )
    # Lists first: their statements autoflush, and the row must then change in one UPDATE.
    _replace_lists(session, initiative, data.municipalities, data.disciplines)
    for field, value in changes.items():
        setattr(initiative, field, value)
    # Always touch the row: list changes live in other tables but must bump the version too.
    initiative.updated_at = utcnow()
    session.flush()
    session.expire(initiative)
    return get_initiative(session=session, initiative_id=_id(initiative))


def delete_initiative(*, session: Session, initiative: Initiative) -> None:
    """Delete an initiative that has nothing worth keeping; otherwise refuse and suggest archiving."""
    dependants = initiative_dependants(session=session, initiative_id=_id(initiative))
    if dependants:
        raise ConflictError(
            f"'{initiative.name}' has {', '.join(dependants)}; "
            "it cannot be deleted. Archive it instead, so that material stays available."
        )
    session.exec(delete(Membership).where(col(Membership.initiative_id) == initiative.id))
    session.delete(initiative)
    session.flush()


def initiative_dependants(*, session: Session, initiative_id: int) -> list[str]:
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
        exists = session.exec(
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


def _refuse_duplicate_name(*, session: Session, community_id: int | None, name: str) -> None:
    clash = session.exec(
        select(Initiative.id).where(
            Initiative.community_id == community_id,
            func.lower(Initiative.name) == name.lower(),
        )
    ).first()
    if clash is not None:
        raise ConflictError(f"An initiative named '{name}' exists already.")


def _replace_lists(
    session: Session,
    initiative: Initiative,
    municipalities: list[str] | None,
    disciplines: list[str] | None,
) -> None:
    initiative_id = _id(initiative)
    if municipalities is not None:
        session.exec(
            delete(InitiativeMunicipality).where(
                col(InitiativeMunicipality.initiative_id) == initiative_id
            )
        )
        for position, name in enumerate(dict.fromkeys(municipalities)):
            session.add(
                InitiativeMunicipality(initiative_id=initiative_id, name=name, position=position)
            )
    if disciplines is not None:
        session.exec(
            delete(InitiativeDiscipline).where(
                col(InitiativeDiscipline.initiative_id) == initiative_id
            )
        )
        for position, name in enumerate(dict.fromkeys(disciplines)):
            session.add(
                InitiativeDiscipline(initiative_id=initiative_id, name=name, position=position)
            )


def _id(initiative: Initiative) -> int:
    assert initiative.id is not None
    return initiative.id
