from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.community.models import LearningCommunity
from app.config import Settings
from app.evidence import service
from app.evidence.models import EvidenceItem
from app.evidence.schemas import EvidenceCreate
from app.initiatives.models import Initiative
from app.people.models import Person
from app.vocabulary import Role
from tests import factories
from tests.helpers import attributes, start_tags

SECRET_EXCERPT = "Only initiative A may read this: the debt counsellor left in May."
HEADER = "source,observed_on,perspective,level,conditions,quote_consent,excerpt\n"
GOOD = 'interview,2026-10-02,family,clinical,roles;shared_vision,yes,"The mother never knew whom to call."\n'
GOOD_2 = (
    "monitoring_data,2026-09-12,professional,professional,financing,no,Waiting lists doubled.\n"
)
BAD = "interview,02-10-2026,family,clinical,roles,yes,The date is written the wrong way.\n"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # A body limit above the upload limit, so the page's own 2 MB check can be seen.
    return settings.model_copy(update={"max_body_bytes": 3 * 1024 * 1024})


@pytest.fixture
def initiatives(db: Session, community: LearningCommunity) -> tuple[Initiative, Initiative]:
    a = factories.initiative(db, community, name="Gezinsteam Plus Leidse Regio")
    b = factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    return a, b


def member(
    db: Session, community: LearningCommunity, role: Role, initiative: Initiative | None
) -> Person:
    person = factories.person(db, community)
    factories.membership(db, person, role, initiative)
    return person


def record(db: Session, initiative: Initiative, excerpt: str, **overrides: object) -> EvidenceItem:
    values: dict[str, object] = {
        "source": "interview",
        "observed_on": date(2026, 5, 1),
        "perspective": "family",
        "level": "clinical",
        "conditions": ["roles"],
        "quote_consent": False,
        "excerpt": excerpt,
    }
    item, _created = service.record_evidence(
        db=db,
        initiative_id=initiative.id or 0,
        recorded_by_id=None,
        data=EvidenceCreate.model_validate({**values, **overrides}),
    )
    return item


def stored(db: Session, initiative: Initiative) -> int:
    db.expire_all()
    return db.exec(
        select(func.count())
        .select_from(EvidenceItem)
        .where(EvidenceItem.initiative_id == initiative.id)
    ).one()


def test_researcher_records_evidence_with_the_form(
    db: Session,
    community: LearningCommunity,
    initiatives: tuple[Initiative, Initiative],
    sign_in: Callable[[Person], TestClient],
) -> None:
    a, b = initiatives
    researcher = sign_in(member(db, community, Role.practitioner_researcher, a))
    form_page = researcher.get(f"/initiatives/{a.id}/evidence/new")
    assert form_page.status_code == 200
    assert 'name="csrf_token"' in form_page.text
    assert "<legend>Partnership conditions</legend>" in form_page.text

    invalid = researcher.post(
        f"/initiatives/{a.id}/evidence",
        data={
            "source": "interview",
            "observed_on": "2026-10-02",
            "perspective": "family",
            "level": "rainbow",
            "excerpt": "   ",
        },
    )

    assert invalid.status_code == 422
    assert stored(db, a) == 0
    html = invalid.text
    assert 'id="conditions-error">Choose at least one partnership condition.</p>' in html
    assert 'id="excerpt-error">Enter the anonymised excerpt' in html
    fieldset = next(found for tag, found in start_tags(html) if tag == "fieldset")
    assert fieldset["aria-describedby"] == "conditions-hint conditions-error"
    assert attributes(html, "conditions-roles")["aria-invalid"] == "true"
    assert attributes(html, "conditions-roles")["aria-describedby"] == "conditions-error"
    assert attributes(html, "excerpt")["aria-invalid"] == "true"
    assert attributes(html, "excerpt")["aria-describedby"] == "excerpt-hint excerpt-error"
    assert "aria-invalid" not in attributes(html, "source")
    assert attributes(html, "level")["aria-invalid"] == "true"
    assert attributes(html, "level")["aria-describedby"] == "level-error"
    assert "required" in attributes(html, "source")
    assert any(  # what was typed is kept
        tag == "option" and found.get("value") == "interview" and "selected" in found
        for tag, found in start_tags(html)
    )
    assert attributes(html, "observed_on")["value"] == "2026-10-02"

    valid = researcher.post(
        f"/initiatives/{a.id}/evidence",
        data={
            "source": "interview",
            "observed_on": "2026-10-02",
            "perspective": "family",
            "level": "clinical",
            "conditions": ["roles", "financing"],
            "quote_consent": "yes",
            "excerpt": SECRET_EXCERPT,
            "initiative_id": str(b.id),  # ignored: the address decides the initiative
        },
        follow_redirects=False,
    )

    assert valid.status_code == 303
    assert valid.headers["location"] == f"/initiatives/{a.id}/evidence?recorded=new"
    assert (stored(db, a), stored(db, b)) == (1, 0)
    listed = researcher.get(valid.headers["location"])
    assert "The evidence has been recorded." in listed.text
    assert SECRET_EXCERPT in listed.text
    assert "May be quoted" in listed.text
    assert '<span class="badge">Roles and responsibilities</span>' in listed.text
    assert '<span class="badge">Financing</span>' in listed.text

    again = researcher.post(
        f"/initiatives/{a.id}/evidence",
        data={
            "source": "interview",
            "observed_on": "2026-10-02",
            "perspective": "family",
            "level": "clinical",
            "conditions": ["financing", "roles"],
            "quote_consent": "yes",
            "excerpt": SECRET_EXCERPT,
        },
    )
    assert "This evidence was recorded before" in again.text
    assert stored(db, a) == 1


def test_filters_and_search_narrow_the_list_and_htmx_gets_only_the_results(
    client: TestClient, db: Session, initiatives: tuple[Initiative, Initiative]
) -> None:
    a, _ = initiatives
    record(db, a, "Pilot money ends in June.", conditions=["financing"], source="monitoring_data")
    record(db, a, "Who is the single contact?", conditions=["roles"], level="professional")
    record(db, a, "The plan was written in March.", observed_on=date(2026, 3, 2))
    path = f"/initiatives/{a.id}/evidence"

    everything = client.get(path)
    assert everything.status_code == 200
    assert "Items found: 3" in everything.text
    assert 'data-hx-get="' + path + '"' in everything.text

    def excerpts(**params: str) -> set[str]:
        response = client.get(path, params=params)
        assert response.status_code == 200
        return {
            text
            for text in (
                "Pilot money ends in June.",
                "Who is the single contact?",
                "The plan was written in March.",
            )
            if text in response.text
        }

    assert excerpts(condition="financing") == {"Pilot money ends in June."}
    assert excerpts(source="monitoring_data") == {"Pilot money ends in June."}
    assert excerpts(level="professional") == {"Who is the single contact?"}
    assert excerpts(text="SINGLE contact") == {"Who is the single contact?"}
    assert excerpts(observed_until="2026-04-01") == {"The plan was written in March."}
    assert excerpts(observed_from="2026-04-01", condition="roles") == {"Who is the single contact?"}
    assert excerpts(text="nowhere") == set()

    fragment = client.get(path, params={"condition": "financing"}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert "<form" not in fragment.text
    assert "Items found: 1" in fragment.text
    assert "Pilot money ends in June." in fragment.text
    assert "HX-Request" in fragment.headers["vary"]

    restored = client.get(
        path, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restored.text


def test_invalid_filters_give_the_page_with_a_message(
    client: TestClient, db: Session, initiatives: tuple[Initiative, Initiative]
) -> None:
    a, _ = initiatives
    record(db, a, "Who is the single contact?")

    response = client.get(
        f"/initiatives/{a.id}/evidence",
        params={"level": "galactic", "observed_from": "2026-13-45", "text": "x" * 300},
    )

    assert response.status_code == 422
    assert "These filters could not be applied" in response.text
    assert 'id="filter-level-error">Choose one of the levels of integration.' in response.text
    assert 'id="filter-observed_from-error">' in response.text
    assert 'id="filter-text-error">' in response.text
    assert 'value="galactic"' not in response.text  # not an option, so nothing is selected


def test_pages_paginate_twenty_a_page(
    client: TestClient, db: Session, initiatives: tuple[Initiative, Initiative]
) -> None:
    a, _ = initiatives
    for number in range(23):
        record(db, a, f"Observation number {number:02d}.")

    first = client.get(f"/initiatives/{a.id}/evidence")
    second = client.get(f"/initiatives/{a.id}/evidence", params={"page": "2"})

    assert "Items found: 23" in first.text
    assert first.text.count('<li class="card">') == 20
    assert "Page 1 of 2" in first.text
    assert second.text.count('<li class="card">') == 3


def test_the_csv_template_downloads(
    client: TestClient, initiatives: tuple[Initiative, Initiative]
) -> None:
    a, _ = initiatives

    response = client.get(f"/initiatives/{a.id}/evidence/template.csv")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="evidence-template.csv"'
    assert response.text.startswith(HEADER.strip())


def test_csv_import_refuses_a_bad_file_whole_and_does_not_duplicate(
    db: Session,
    community: LearningCommunity,
    initiatives: tuple[Initiative, Initiative],
    sign_in: Callable[[Person], TestClient],
) -> None:
    a, _ = initiatives
    researcher = sign_in(member(db, community, Role.practitioner_researcher, a))
    path = f"/initiatives/{a.id}/evidence/import"
    form = researcher.get(path)
    assert 'enctype="multipart/form-data"' in form.text
    assert f'href="/initiatives/{a.id}/evidence/template.csv"' in form.text

    bad = researcher.post(
        path, files={"file": ("evidence.csv", (HEADER + GOOD + BAD).encode(), "text/csv")}
    )

    assert bad.status_code == 422
    assert "Nothing was stored" in bad.text
    assert '<th scope="row">3</th><td><code>observed_on</code></td>' in bad.text
    assert "use a date as YYYY-MM-DD" in bad.text
    assert stored(db, a) == 0

    good = (HEADER + GOOD + GOOD_2).encode("utf-8-sig")
    first = researcher.post(path, files={"file": ("evidence.csv", good, "text/csv")})
    assert first.status_code == 200
    assert "2 added, 0 already there." in first.text
    again = researcher.post(path, files={"file": ("evidence.csv", good, "text/csv")})
    assert "0 added, 2 already there." in again.text
    assert stored(db, a) == 2
    assert "Waiting lists doubled." in researcher.get(f"/initiatives/{a.id}/evidence").text


def test_csv_import_refuses_missing_empty_and_oversized_files(
    client: TestClient, db: Session, initiatives: tuple[Initiative, Initiative]
) -> None:
    a, _ = initiatives
    path = f"/initiatives/{a.id}/evidence/import"
    oversized = (HEADER + GOOD * (2 * 1024 * 1024 // len(GOOD) + 1)).encode()

    missing = client.post(path, files={"file": ("", b"", "application/octet-stream")})
    empty = client.post(path, files={"file": ("evidence.csv", b"", "text/csv")})
    too_large = client.post(path, files={"file": ("evidence.csv", oversized, "text/csv")})

    assert missing.status_code == 422
    assert "Choose a CSV file to upload." in missing.text
    assert empty.status_code == 422
    assert "The file is empty." in empty.text
    assert too_large.status_code == 422
    assert "The file is larger than 2 MB." in too_large.text
    assert attributes(too_large.text, "file")["aria-invalid"] == "true"
    assert attributes(too_large.text, "file")["aria-describedby"] == "file-hint file-error"
    assert stored(db, a) == 0


def test_a_policymaker_reads_their_initiatives_evidence_but_does_not_record(
    db: Session,
    community: LearningCommunity,
    initiatives: tuple[Initiative, Initiative],
    sign_in: Callable[[Person], TestClient],
) -> None:
    a, _ = initiatives
    record(db, a, SECRET_EXCERPT)
    policymaker = sign_in(member(db, community, Role.policymaker, a))

    listed = policymaker.get(f"/initiatives/{a.id}/evidence")

    assert listed.status_code == 200
    assert SECRET_EXCERPT in listed.text
    assert "Record evidence" not in listed.text
    assert "Import CSV" not in listed.text
    for forbidden in (
        policymaker.get(f"/initiatives/{a.id}/evidence/new"),
        policymaker.get(f"/initiatives/{a.id}/evidence/import"),
        policymaker.get(f"/initiatives/{a.id}/evidence/template.csv"),
        policymaker.post(
            f"/initiatives/{a.id}/evidence",
            data={"source": "interview", "conditions": ["roles"], "excerpt": "x"},
        ),
        policymaker.post(
            f"/initiatives/{a.id}/evidence/import",
            files={"file": ("e.csv", (HEADER + GOOD).encode(), "text/csv")},
        ),
    ):
        assert forbidden.status_code == 403
    assert stored(db, a) == 1


def test_another_initiatives_evidence_is_not_found(
    db: Session,
    community: LearningCommunity,
    initiatives: tuple[Initiative, Initiative],
    sign_in: Callable[[Person], TestClient],
) -> None:
    a, _ = initiatives
    record(db, a, SECRET_EXCERPT)
    outsider = sign_in(member(db, community, Role.policymaker, initiatives[1]))
    insider = sign_in(member(db, community, Role.practitioner_researcher, a))
    base = f"/initiatives/{a.id}/evidence"
    assert SECRET_EXCERPT in insider.get(base).text  # the pages exist, for the right people
    assert insider.get(f"{base}/new").status_code == 200

    responses = [
        outsider.get(base),
        outsider.get(base, headers={"HX-Request": "true"}),
        outsider.get(base, params={"text": "debt counsellor"}),
        outsider.get(f"{base}/new"),
        outsider.get(f"{base}/import"),
        outsider.get(f"{base}/template.csv"),
        outsider.post(
            base,
            data={"source": "interview", "conditions": ["roles"], "excerpt": "x"},
        ),
        outsider.post(
            f"{base}/import", files={"file": ("e.csv", (HEADER + GOOD).encode(), "text/csv")}
        ),
    ]

    assert [r.status_code for r in responses] == [404] * len(responses)
    assert not any(SECRET_EXCERPT in r.text or "debt counsellor" in r.text for r in responses)
    assert stored(db, a) == 1


def test_anonymous_visitors_are_sent_to_sign_in(
    anonymous: TestClient, initiatives: tuple[Initiative, Initiative]
) -> None:
    a, _ = initiatives
    for suffix in ("", "/new", "/import", "/template.csv"):
        response = anonymous.get(f"/initiatives/{a.id}/evidence{suffix}", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/sign-in")


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"], ids=["cr", "crlf", "lf"])
def test_csv_import_reads_any_newline_convention(
    db: Session,
    community: LearningCommunity,
    initiatives: tuple[Initiative, Initiative],
    sign_in: Callable[[Person], TestClient],
    newline: str,
) -> None:
    a, _ = initiatives
    researcher = sign_in(member(db, community, Role.practitioner_researcher, a))
    content = (HEADER + GOOD + GOOD_2).replace("\n", newline).encode()

    response = researcher.post(
        f"/initiatives/{a.id}/evidence/import",
        files={"file": ("evidence.csv", content, "text/csv")},
    )

    assert response.status_code == 200, response.text
    assert "2 added, 0 already there." in response.text
    assert stored(db, a) == 2


@pytest.mark.parametrize(
    ("content", "row"),
    [
        (HEADER + GOOD + 'interview,2026-10-02,family,clinical,roles,yes,"Never closed.\n', 3),
        ('"source,observed_on\r\n' + GOOD, 1),
        (HEADER + 'interview,2026-10-02,family,clinical,roles,yes,"a"b\n', 2),
    ],
    ids=["open-quote", "open-quote-in-header", "text-after-quote"],
)
def test_a_file_that_is_not_csv_is_a_row_and_column_problem(
    db: Session,
    community: LearningCommunity,
    initiatives: tuple[Initiative, Initiative],
    sign_in: Callable[[Person], TestClient],
    content: str,
    row: int,
) -> None:
    a, _ = initiatives
    researcher = sign_in(member(db, community, Role.practitioner_researcher, a))

    response = researcher.post(
        f"/initiatives/{a.id}/evidence/import",
        files={"file": ("evidence.csv", content.encode(), "text/csv")},
    )

    assert response.status_code == 422
    assert "Nothing was stored" in response.text
    assert f'<th scope="row">{row}</th><td><code>file</code></td>' in response.text
    assert "cannot be read as CSV" in response.text
    assert stored(db, a) == 0
