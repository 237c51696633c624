"""The demo community comes with accounts that sign in with one shared password."""

from sqlmodel import Session, col, select

from app.accounts import service as account_service
from app.accounts.models import Account
from app.demo import content
from app.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from app.demo.seed import seed_demo
from app.people.models import Person


def test_every_listed_demo_account_signs_in_with_the_demo_password(db: Session) -> None:
    assert seed_demo(db, language="en", invitations=False) is True

    for demo in DEMO_ACCOUNTS:
        found = account_service.authenticate(db=db, email=demo.email, password=DEMO_PASSWORD)
        assert found is not None, demo.email
        assert found[1].email == demo.email
    assert (
        account_service.authenticate(
            db=db, email=content.FACILITATOR, password="leerkring-demo-2025"
        )
        is None
    )


def test_the_password_is_hashed_once_and_only_listed_people_get_it(db: Session) -> None:
    seed_demo(db, language="nl", invitations=False)

    hashes = db.exec(
        select(Account.password_hash)
        .join(Person, col(Person.id) == col(Account.person_id))
        .where(col(Account.password_hash).is_not(None))
    ).all()
    assert len(hashes) == len(DEMO_ACCOUNTS) == 8
    assert len(set(hashes)) == 1
    assert (
        account_service.authenticate(
            db=db, email=content.FAMILY_LARGE_PRINT, password=DEMO_PASSWORD
        )
        is None
    )
