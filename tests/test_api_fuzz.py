"""schemathesis over /api/v1: generated valid and invalid requests never make a server error.

Each operation runs in both generation modes; the responses must also match the documented
status codes, content types and schemas.
"""

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from sqlmodel import Session

from app.community.models import LearningCommunity
from app.people.models import Person
from app.vocabulary import Role
from tests import factories

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_token(db: Session, facilitator: Person) -> str:
    return factories.api_token(db, factories.account(db, facilitator), name="fuzz")[1]


@pytest.fixture
def api_schema(app: FastAPI, db: Session, community: LearningCommunity) -> schemathesis.BaseSchema:
    initiative = factories.initiative(db, community)
    member = factories.person(db, community)
    factories.membership(db, member, Role.manager, initiative)
    factories.learning_session(db, community, number=1)
    return schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex="^/api/v1/")


@pytest.mark.parametrize("mode", list(GenerationMode), ids=str)
def test_api_never_fails_on_any_input(
    api_schema: schemathesis.BaseSchema, api_token: str, mode: GenerationMode
) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 20

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=25,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {api_token}"})

        call()
