"""Withdrawing evidence consent: evidence drawn from the author's reflections is flagged for
the researcher, the next factsheet that quotes it is not published until it is removed or
re-anonymised, and re-anonymising (in the researcher's own words) clears the flag."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.errors import ConflictError
from app.evidence.models import EvidenceItem, EvidenceOrigin
from app.factsheets import service as factsheet_service
from app.factsheets.models import Factsheet
from app.factsheets.schemas import SectionUpdate
from app.initiatives.models import Initiative
from app.reflections import consent
from app.reflections.models import Reflection
from app.vocabulary import (
    EvidenceSource,
    FactsheetStatus,
    PartnershipCondition,
    Perspective,
    ReflectionStatus,
)
from tests import factories

WORDS = "Nobody showed me a figure about my own family."


@pytest.fixture
def world(db: Session, community: LearningCommunity) -> tuple[Initiative, EvidenceItem, int]:
    initiative = factories.initiative(db, community)
    held = factories.learning_session(db, community, number=2)
    author = factories.person(db, community, name="Ingrid Smit")
    consent.record_consent(
        db=db, person_id=author.id or 0, read_by_participants=True, quoted_as_evidence=True
    )
    reflection = Reflection(
        session_id=held.id or 0,
        author_id=author.id,
        text=WORDS,
        perspective=Perspective.family,
        status=ReflectionStatus.submitted,
        evidence_consent=True,
    )
    db.add(reflection)
    db.flush()
    item = factories.evidence_item(
        db,
        initiative,
        source=EvidenceSource.learning_session_excerpt,
        excerpt=WORDS,
        conditions=(PartnershipCondition.monitoring,),
    )
    db.add(
        EvidenceOrigin(
            evidence_item_id=item.id or 0, session_id=held.id or 0, reflection_id=reflection.id
        )
    )
    db.flush()
    consent.change_consent(
        db=db, person_id=author.id or 0, read_by_participants=True, quoted_as_evidence=False
    )
    return initiative, item, held.id or 0


def _quoting_draft(db: Session, initiative: Initiative, item: EvidenceItem) -> Factsheet:
    later = factories.learning_session(db, factories_community(db, initiative), number=3)
    draft = factsheet_service.start_draft(db=db, initiative=initiative, learning_session=later)
    factsheet_service.update_section(
        db=db,
        factsheet=draft,
        condition=PartnershipCondition.monitoring,
        data=SectionUpdate(
            version=1,
            analysis="Families are not shown their own results.",
            evidence_ids=[item.id or 0],
            plain_text="Families do not see their own results.",
            plain_confirmed=True,
        ),
    )
    factsheet_service.change_status(db=db, factsheet=draft, status=FactsheetStatus.in_review)
    return draft


def factories_community(db: Session, initiative: Initiative) -> LearningCommunity:
    found = db.get(LearningCommunity, initiative.community_id)
    assert found is not None
    return found


def test_the_list_flags_it_and_publishing_waits_until_it_is_re_anonymised(
    db: Session, client: TestClient, world: tuple[Initiative, EvidenceItem, int]
) -> None:
    initiative, item, _session = world
    listing = client.get(f"/initiatives/{initiative.id}/evidence")
    assert "Consent withdrawn" in listing.text
    rewrite = f"/initiatives/{initiative.id}/evidence/{item.id}/re-anonymise"
    assert f'href="{rewrite}"' in listing.text

    draft = _quoting_draft(db, initiative, item)
    with pytest.raises(ConflictError, match="withdrew their consent"):
        factsheet_service.change_status(db=db, factsheet=draft, status=FactsheetStatus.published)
    assert draft.status == FactsheetStatus.in_review

    same = client.post(rewrite, data={"excerpt": WORDS})
    assert same.status_code == 422 and "in your own words" in same.text
    done = client.post(
        rewrite,
        data={"excerpt": "A family representative had not seen any figures about her family."},
        follow_redirects=False,
    )
    assert done.status_code == 303
    db.refresh(item)
    assert WORDS not in item.excerpt
    origin = db.get(EvidenceOrigin, item.id)
    assert origin is not None and origin.reflection_id is None
    assert "Consent withdrawn" not in client.get(f"/initiatives/{initiative.id}/evidence").text
    factsheet_service.change_status(db=db, factsheet=draft, status=FactsheetStatus.published)
    assert draft.status == FactsheetStatus.published


def test_evidence_whose_consent_stands_is_not_flagged_and_not_rewritten(
    db: Session, client: TestClient, world: tuple[Initiative, EvidenceItem, int]
) -> None:
    initiative, _item, _session = world
    other = factories.evidence_item(db, initiative)
    listing = client.get(f"/initiatives/{initiative.id}/evidence")
    assert listing.text.count("Consent withdrawn") == 1
    refused = client.post(
        f"/initiatives/{initiative.id}/evidence/{other.id}/re-anonymise",
        data={"excerpt": "Something else."},
    )
    assert refused.status_code == 409
