"""Demo accounts: some people of the demo community sign in with one shared, public password."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.accounts import service as account_service
from app.auth import secrets
from app.demo import content
from app.people.models import Person

# Public on purpose (README, `make run`): these accounts exist only in the demo data.
DEMO_PASSWORD = "leerkring-demo-2026"  # noqa: S105


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str  # what signing in as this person shows, in a few words


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(content.FACILITATOR, "facilitator: manages people, sessions and access links"),
    DemoAccount(content.CHAIR, "chair of the learning sessions: reads the people directory"),
    DemoAccount(content.RESEARCHER, "practitioner-researcher in every initiative"),
    DemoAccount(content.POLICYMAKER_LEIDEN, "policymaker, Gezinsteam Plus Leidse Regio"),
    DemoAccount(content.MANAGER_LEIDEN, "manager, Gezinsteam Plus Leidse Regio"),
    DemoAccount(content.PRACTITIONER_LEIDEN, "practitioner, Gezinsteam Plus Leidse Regio"),
    DemoAccount(content.POLICYMAKER_ZWOLLE, "policymaker, Wijkexpertteam Zwolle-Kampen"),
    DemoAccount(content.FAMILY, "family representative (usually signs in with a personal link)"),
)


def add_demo_accounts(db: Session) -> int:
    """Give each listed demo person an account with the demo password; how many got one."""
    # Hashed once for all of them: argon2 is slow on purpose.
    password_hash = secrets.hash_password(DEMO_PASSWORD)
    people = db.exec(
        select(Person).where(col(Person.email).in_([a.email for a in DEMO_ACCOUNTS]))
    ).all()
    for person in people:
        account = account_service.ensure_account(db=db, person=person)
        account.password_hash = password_hash
    db.flush()
    return len(people)
