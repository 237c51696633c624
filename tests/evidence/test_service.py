from datetime import date

from sqlmodel import Session, func, select

from app.community.models import LearningCommunity
from app.evidence import service
from app.evidence.models import EvidenceItem
from app.evidence.schemas import EvidenceCreate, EvidenceFilter
from app.vocabulary import PartnershipCondition
from tests import factories

HEADER = "source,observed_on,perspective,level,conditions,quote_consent,excerpt\n"
GOOD = 'interview,2026-10-02,family,clinical,roles;shared_vision,yes,"The mother never knew whom to call."\n'
GOOD_2 = "case_discussion_observation,2026-09-12,professional,professional,financing,no,Nobody knew who pays for the debt counsellor.\n"
BAD = "interview,02-10-2026,family,clinical,roles,yes,The date is written the wrong way.\n"


def count(db: Session) -> int:
    return db.exec(select(func.count()).select_from(EvidenceItem)).one()


def test_a_file_with_one_bad_row_stores_nothing_and_names_row_and_column(
    db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    content = (HEADER + GOOD + BAD + GOOD_2).encode()

    result = service.import_csv(
        db=db, initiative_id=initiative.id or 0, recorded_by_id=None, content=content
    )

    assert not result.ok
    assert [(p.row, p.column) for p in result.problems] == [(3, "observed_on")]
    assert result.problems[0].message == "use a date as YYYY-MM-DD"
    assert count(db) == 0


def test_import_then_reimport_does_not_duplicate(db: Session, community: LearningCommunity) -> None:
    initiative = factories.initiative(db, community)
    content = (HEADER + GOOD + GOOD_2).encode("utf-8-sig")

    first = service.import_csv(
        db=db, initiative_id=initiative.id or 0, recorded_by_id=None, content=content
    )
    again = service.import_csv(
        db=db, initiative_id=initiative.id or 0, recorded_by_id=None, content=content
    )

    assert (first.added, first.already_present) == (2, 0)
    assert (again.added, again.already_present) == (0, 2)
    assert count(db) == 2


def test_semicolon_files_unknown_values_and_missing_columns(
    db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    semicolons = "source;observed_on;perspective;level;conditions;quote_consent;excerpt\ninterview;2026-10-02;family;clinical;roles;ja;Tekst\n"
    unknown = HEADER + "gossip,2026-10-02,family,clinical,roles,maybe,x\n"
    missing = "source,observed_on\ninterview,2026-10-02\n"

    ok = service.import_csv(
        db=db,
        initiative_id=initiative.id or 0,
        recorded_by_id=None,
        content=semicolons.encode(),
    )
    bad = service.import_csv(
        db=db, initiative_id=initiative.id or 0, recorded_by_id=None, content=unknown.encode()
    )
    headerless = service.import_csv(
        db=db, initiative_id=initiative.id or 0, recorded_by_id=None, content=missing.encode()
    )

    assert ok.added == 1
    assert [(p.row, p.column) for p in bad.problems] == [(2, "quote_consent")]
    assert {p.column for p in headerless.problems} == {
        "perspective",
        "level",
        "conditions",
        "quote_consent",
        "excerpt",
    }
    binary = service.import_csv(
        db=db,
        initiative_id=initiative.id or 0,
        recorded_by_id=None,
        content=b"\xff\xfe\x00\x01",
    )
    assert binary.problems[0].column == "file"


def test_filters_and_search(db: Session, community: LearningCommunity) -> None:
    initiative = factories.initiative(db, community)
    for excerpt, condition in (
        ("Pilot money ends in June", "financing"),
        ("Who is the single contact?", "roles"),
    ):
        service.record_evidence(
            db=db,
            initiative_id=initiative.id or 0,
            recorded_by_id=None,
            data=EvidenceCreate(
                source="interview",
                observed_on=date(2026, 5, 1),
                perspective="family",
                level="clinical",
                conditions=[condition],
                excerpt=excerpt,
            ),
        )

    def found(**kwargs: object) -> list[str]:
        items, _ = service.list_evidence(
            db=db,
            initiative_id=initiative.id or 0,
            evidence_filter=EvidenceFilter.model_validate(kwargs),
        )
        return [i.excerpt for i in items]

    assert found(condition=PartnershipCondition.financing) == ["Pilot money ends in June"]
    assert found(text="SINGLE contact") == ["Who is the single contact?"]
    assert found(text="100%_") == []
    assert found(observed_from=date(2026, 6, 1)) == []
