"""Deleting an indicator (with its measurements, once confirmed) and one measurement: only the
initiative's members and the facilitator, and nothing else goes."""

from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.monitoring.models import Measurement, MonitoringIndicator
from app.people.models import Person
from tests.monitoring.world import IndicatorWorld, indicator, indicator_world

SignIn = Callable[[Person], TestClient]


@pytest.fixture
def w(db: Session, community: LearningCommunity) -> IndicatorWorld:
    return indicator_world(db, community)


def _measurements(db: Session, indicator_id: int | None) -> list[Measurement]:
    db.expire_all()
    return list(db.exec(select(Measurement).where(Measurement.indicator_id == indicator_id)))


def test_an_indicator_is_deleted_with_its_measurements_once_confirmed(
    client: TestClient, db: Session, w: IndicatorWorld
) -> None:
    other = indicator(db, w.a, name="Waiting time", values=(3, 4))
    indicator_id, other_id = w.indicator.id, other.id
    count = len(_measurements(db, indicator_id))
    assert count > 6
    edit = client.get(f"/indicators/{w.indicator.id}/edit")
    assert f"Its {count} measurements are deleted with it." in edit.text

    unconfirmed = client.post(f"/indicators/{w.indicator.id}/delete", data={})
    assert unconfirmed.status_code == 422
    assert "Tick the box to confirm" in unconfirmed.text
    assert db.get(MonitoringIndicator, w.indicator.id) is not None

    deleted = client.post(
        f"/indicators/{w.indicator.id}/delete", data={"confirm": "yes"}, follow_redirects=False
    )
    assert deleted.status_code == 303
    assert deleted.headers["location"] == f"/initiatives/{w.a.id}/indicators"
    db.expire_all()
    assert db.get(MonitoringIndicator, indicator_id) is None
    assert _measurements(db, indicator_id) == []
    assert len(_measurements(db, other_id)) == 2
    listing = client.get(f"/initiatives/{w.a.id}/indicators").text
    assert f"Families with one plan is deleted, with its {count} measurements." in listing


def test_one_measurement_is_deleted(client: TestClient, db: Session, w: IndicatorWorld) -> None:
    before = _measurements(db, w.indicator.id)
    first = min(m.measured_on for m in before)
    page = client.get(f"/indicators/{w.indicator.id}").text
    assert f'name="measured_on" value="{first.isoformat()}"' in page

    deleted = client.post(
        f"/indicators/{w.indicator.id}/measurements/delete",
        data={"measured_on": first.isoformat()},
        follow_redirects=False,
    )
    assert deleted.status_code == 303
    after = _measurements(db, w.indicator.id)
    assert len(after) == len(before) - 1
    assert first not in {m.measured_on for m in after}
    missing = client.post(
        f"/indicators/{w.indicator.id}/measurements/delete",
        data={"measured_on": date(1999, 1, 1).isoformat()},
    )
    assert missing.status_code == 404
    malformed = client.post(
        f"/indicators/{w.indicator.id}/measurements/delete", data={"measured_on": "yesterday"}
    )
    assert malformed.status_code == 422
    assert len(_measurements(db, w.indicator.id)) == len(after)


def test_another_initiatives_member_deletes_nothing(
    sign_in: SignIn, db: Session, w: IndicatorWorld
) -> None:
    outsider = sign_in(w.member_b)
    count = len(_measurements(db, w.indicator.id))
    assert "measurements/delete" not in outsider.get(f"/indicators/{w.indicator.id}").text
    refused = outsider.post(f"/indicators/{w.indicator.id}/delete", data={"confirm": "yes"})
    assert refused.status_code == 403
    first = min(m.measured_on for m in _measurements(db, w.indicator.id))
    refused = outsider.post(
        f"/indicators/{w.indicator.id}/measurements/delete",
        data={"measured_on": first.isoformat()},
    )
    assert refused.status_code == 403
    assert db.get(MonitoringIndicator, w.indicator.id) is not None
    assert len(_measurements(db, w.indicator.id)) == count
