"""Indicator pages: the list with small run charts, creating and editing (422 by the field, a
duplicate name refused), the indicator's run chart with its text alternative, recording a
measurement, the all-or-nothing CSV import, the comparison across initiatives, and access."""

from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.monitoring.models import Measurement, MonitoringIndicator
from app.people.models import Person
from tests import factories
from tests.helpers import attributes, counted_statements
from tests.monitoring.world import IndicatorWorld, indicator, indicator_form, indicator_world

SignIn = Callable[[Person], TestClient]


@pytest.fixture
def w(db: Session, community: LearningCommunity) -> IndicatorWorld:
    return indicator_world(db, community)


def _values(db: Session, indicator_id: int | None) -> dict[date, float]:
    db.expire_all()
    rows = db.exec(select(Measurement).where(Measurement.indicator_id == indicator_id))
    return {m.measured_on: m.value for m in rows}


# -- the run chart -----------------------------------------------------------------------------


def test_the_run_chart_marks_a_shift_of_six_points_above_the_median(
    client: TestClient, w: IndicatorWorld
) -> None:
    page = client.get(f"/indicators/{w.indicator.id}")
    assert page.status_code == 200
    text = page.text
    assert "Shift: 6 points above the median from Jul 2026 to Dec 2026." in text
    # Six points drawn as squares (the shift's marker) and the shift's bracket labelled.
    svg = text[
        text.index('<svg class="run-chart"') : text.index(
            "</svg>", text.index('<svg class="run-chart"')
        )
    ]
    assert svg.count('<rect x="') == 6
    assert "Shift above the median" in svg
    assert "Median 12" in svg and "Target 25" in svg and "Baseline 10" in svg


def test_the_chart_has_a_text_alternative_and_a_table(
    client: TestClient, w: IndicatorWorld
) -> None:
    text = client.get(f"/indicators/{w.indicator.id}").text
    assert 'role="img" aria-labelledby="run-chart-title" aria-describedby="run-chart-desc"' in text
    assert '<title id="run-chart-title">Run chart of Families with one plan</title>' in text
    desc = text[text.index('<desc id="run-chart-desc">') : text.index("</desc>")]
    assert "13 measurements from Jan 2026 to Jan 2027" in desc and "the median 12" in desc
    assert '<caption id="table-caption">Measurements of Families with one plan</caption>' in text
    table = text[text.index('<caption id="table-caption">') : text.index("</table>")]
    assert table.count("<tr>") == 1 + 13
    assert "1 Jul 2026" in table and "in the shift" in table


def test_the_list_shows_each_indicator_with_its_latest_value_and_a_small_chart(
    client: TestClient, db: Session, w: IndicatorWorld
) -> None:
    indicator(db, w.a, name="Empty one")
    page = client.get(f"/initiatives/{w.a.id}/indicators")
    assert page.status_code == 200
    assert f'href="/indicators/{w.indicator.id}"' in page.text
    assert "12 % (1 Jan 2027)" in page.text
    assert 'aria-labelledby="chart-' in page.text
    assert "No measurements yet." in page.text
    assert f'href="/initiatives/{w.a.id}/indicators"' in client.get(f"/initiatives/{w.a.id}").text


def test_the_list_page_sends_the_same_statements_for_more_indicators(
    client: TestClient, db: Session, w: IndicatorWorld
) -> None:
    counts = []
    for size in (1, 6):
        while (
            len(
                db.exec(
                    select(MonitoringIndicator).where(MonitoringIndicator.initiative_id == w.b.id)
                ).all()
            )
            < size
        ):
            existing = db.exec(
                select(MonitoringIndicator).where(MonitoringIndicator.initiative_id == w.b.id)
            ).all()
            indicator(db, w.b, name=f"Indicator {len(existing)}", values=(1, 2, 3))
        with counted_statements(db) as statements:
            page = client.get(f"/initiatives/{w.b.id}/indicators")
        assert page.status_code == 200
        assert page.text.count('<svg class="run-chart"') == size
        counts.append(len(statements))
    assert counts[0] == counts[1], counts


# -- creating and editing ----------------------------------------------------------------------


def test_a_member_creates_an_indicator(sign_in: SignIn, db: Session, w: IndicatorWorld) -> None:
    browser = sign_in(w.member_a)
    assert browser.get(f"/initiatives/{w.a.id}/indicators/new").status_code == 200
    response = browser.post(
        f"/initiatives/{w.a.id}/indicators",
        data=indicator_form(initiative_id=str(w.b.id)),
        follow_redirects=False,
    )
    assert response.status_code == 303
    created = db.exec(
        select(MonitoringIndicator).where(MonitoringIndicator.name == "Waiting weeks")
    ).one()
    assert response.headers["location"] == f"/indicators/{created.id}"
    assert (created.initiative_id, created.baseline, created.target) == (w.a.id, 9.5, 4.0)


def test_the_form_refuses_bad_fields_next_to_them(
    client: TestClient, db: Session, w: IndicatorWorld
) -> None:
    response = client.post(
        f"/initiatives/{w.a.id}/indicators",
        data=indicator_form(name=" ", condition="weather", target="lots"),
    )
    assert response.status_code == 422
    assert "Enter a name of at most 200 characters." in response.text
    assert "Choose a partnership condition." in response.text
    assert "Enter a number, like 12.5, or leave it empty." in response.text
    assert attributes(response.text, "target")["aria-invalid"] == "true"
    assert attributes(response.text, "target")["value"] == "lots"
    assert attributes(response.text, "unit").get("aria-invalid") is None
    assert (
        db.exec(
            select(MonitoringIndicator).where(MonitoringIndicator.name == "Waiting weeks")
        ).first()
        is None
    )


def test_a_duplicate_name_is_refused_with_a_message(
    client: TestClient, db: Session, w: IndicatorWorld
) -> None:
    response = client.post(
        f"/initiatives/{w.a.id}/indicators", data=indicator_form(name="families WITH one plan")
    )
    assert response.status_code == 409
    assert "This initiative has an indicator with this name already." in response.text
    # The same name in another initiative is fine: that is what the comparison is for.
    other = client.post(
        f"/initiatives/{w.b.id}/indicators",
        data=indicator_form(name="Families with one plan"),
        follow_redirects=False,
    )
    assert other.status_code == 303


def test_editing_an_indicator(sign_in: SignIn, db: Session, w: IndicatorWorld) -> None:
    browser = sign_in(w.member_a)
    form = browser.get(f"/indicators/{w.indicator.id}/edit")
    assert attributes(form.text, "name")["value"] == "Families with one plan"
    assert attributes(form.text, "target")["value"] == "25"
    saved = browser.post(
        f"/indicators/{w.indicator.id}/edit",
        data=indicator_form(name="Families with one plan", target="30", version="1"),
        follow_redirects=False,
    )
    assert saved.status_code == 303
    db.refresh(w.indicator)
    assert (w.indicator.target, w.indicator.unit, w.indicator.version) == (30.0, "weeks", 2)
    indicator(db, w.a, name="Second")
    path = f"/indicators/{w.indicator.id}/edit"
    clash = browser.post(path, data=indicator_form(name="Second", version="2"))
    assert clash.status_code == 409
    assert "This initiative has an indicator with this name already." in clash.text
    bad = browser.post(path, data=indicator_form(baseline="1e400", version="2"))
    assert bad.status_code == 422


def test_two_keepers_editing_at_once_the_second_is_told_and_loses_nothing(
    sign_in: SignIn, db: Session, w: IndicatorWorld
) -> None:
    first, second = sign_in(w.member_a), sign_in(w.member_a)
    path = f"/indicators/{w.indicator.id}/edit"
    read = attributes(first.get(path).text, "version")["value"]
    assert attributes(second.get(path).text, "version")["value"] == read == "1"
    saved = first.post(path, data=indicator_form(target="30", version=read))
    assert saved.status_code == 200  # followed to the indicator page

    late = second.post(path, data=indicator_form(target="40", source="Case files", version=read))

    assert late.status_code == 409
    assert "Someone else saved this indicator while you were editing it." in late.text
    # Both versions on the page: the saved target 30 beside the typed 40, and the form now
    # carries the current version so saving again replaces it knowingly.
    assert "<dd>30</dd>" in late.text
    assert attributes(late.text, "target")["value"] == "40"
    assert attributes(late.text, "version")["value"] == "2"
    db.refresh(w.indicator)
    assert w.indicator.target == 30.0
    again = second.post(path, data=indicator_form(target="40", version="2"))
    assert again.status_code == 200
    db.refresh(w.indicator)
    assert (w.indicator.target, w.indicator.version) == (40.0, 3)


# -- measurements ------------------------------------------------------------------------------


def test_a_measurement_is_added_and_a_second_for_the_same_date_replaces_it(
    sign_in: SignIn, db: Session, w: IndicatorWorld
) -> None:
    browser = sign_in(w.member_a)
    path = f"/indicators/{w.indicator.id}/measurements"
    first = browser.post(
        path, data={"measured_on": "2027-02-01", "value": "14,5"}, follow_redirects=False
    )
    assert first.status_code == 303
    assert _values(db, w.indicator.id)[date(2027, 2, 1)] == 14.5
    second = browser.post(path, data={"measured_on": "2027-02-01", "value": "15"})
    assert second.status_code == 200
    assert "2027-02-01 had 14.5; it is now 15." in second.text
    assert _values(db, w.indicator.id)[date(2027, 2, 1)] == 15.0
    bad = browser.post(path, data={"measured_on": "1999-01-01", "value": "x"})
    assert bad.status_code == 422
    assert "Enter the date of the measurement, between 2000 and 2100." in bad.text
    assert "Enter the value as a number, like 12.5." in bad.text
    assert len(_values(db, w.indicator.id)) == 14


def test_the_csv_import_stores_every_line(
    client: TestClient, db: Session, w: IndicatorWorld
) -> None:
    content = "\ufeffmeasured_on;value\r\n2027-02-01;14,5\r\n2027-03-01;16\r\n2026-01-01;10\r\n2026-02-01;13\r\n"
    response = client.post(
        f"/indicators/{w.indicator.id}/import",
        files={"file": ("m.csv", content.encode(), "text/csv")},
    )
    assert response.status_code == 200
    assert "2 added, 1 replaced, 1 already there." in response.text
    values = _values(db, w.indicator.id)
    assert values[date(2027, 3, 1)] == 16 and values[date(2026, 2, 1)] == 13


def test_the_csv_import_stores_nothing_when_a_line_is_wrong_and_lists_every_bad_line(
    client: TestClient, db: Session, w: IndicatorWorld
) -> None:
    before = _values(db, w.indicator.id)
    content = "measured_on,value\n2027-02-01,14\n2027-13-01,15\n2027-04-01,many\n2027-02-01,16\n"
    response = client.post(
        f"/indicators/{w.indicator.id}/import",
        files={"file": ("m.csv", content.encode(), "text/csv")},
    )
    assert response.status_code == 422
    assert "Nothing was stored" in response.text
    problems = response.text[response.text.index('id="problems-heading"') :]
    assert '<th scope="row">3</th>' in problems and '<th scope="row">4</th>' in problems
    assert '<th scope="row">5</th>' in problems and "this date is on line 2 too" in problems
    assert _values(db, w.indicator.id) == before
    missing = client.post(
        f"/indicators/{w.indicator.id}/import",
        files={"file": ("m.csv", b"date,value\n2027-02-01,1\n", "text/csv")},
    )
    assert missing.status_code == 422 and "this column is missing from the header" in missing.text


# -- the same indicator across initiatives -----------------------------------------------------


def test_the_comparison_shows_a_series_per_initiative_of_the_community_only(
    sign_in: SignIn, db: Session, w: IndicatorWorld
) -> None:
    indicator(db, w.b, name="families with one plan", values=(30, 31, 33))
    elsewhere = factories.community(db, name="Elders")
    foreign = factories.initiative(db, elsewhere, name="Buiten de gemeenschap")
    indicator(db, foreign, values=(99, 98))
    browser = sign_in(w.member_b)
    assert (
        'href="/indicators/compare?name=Families%20with%20one%20plan"'
        in browser.get(f"/indicators/{w.indicator.id}").text
    )
    page = browser.get("/indicators/compare", params={"name": "Families with one plan"})
    assert page.status_code == 200
    assert page.text.count("<polyline") == 2
    assert "Gezinsteam Plus Leidse Regio" in page.text and "IST Groningen-Ommelanden" in page.text
    assert "Buiten de gemeenschap" not in page.text and ">99<" not in page.text
    assert (
        'role="img" aria-labelledby="compare-chart-title" aria-describedby="compare-chart-desc"'
        in page.text
    )
    assert '<caption id="compare-caption">' in page.text
    assert (
        "No initiative has an indicator with this name."
        in browser.get("/indicators/compare?name=nothing").text
    )


# -- access ------------------------------------------------------------------------------------


def test_everyone_signed_in_reads_but_only_members_and_the_facilitator_keep_indicators(
    sign_in: SignIn, anonymous: TestClient, db: Session, w: IndicatorWorld
) -> None:
    outsider = sign_in(w.member_b)
    assert outsider.get(f"/initiatives/{w.a.id}/indicators").status_code == 200
    assert outsider.get(f"/indicators/{w.indicator.id}").status_code == 200
    assert "Add a measurement" not in outsider.get(f"/indicators/{w.indicator.id}").text
    assert outsider.get(f"/initiatives/{w.a.id}/indicators/new").status_code == 403
    assert outsider.get(f"/indicators/{w.indicator.id}/edit").status_code == 403
    refused = outsider.post(
        f"/indicators/{w.indicator.id}/measurements",
        data={"measured_on": "2027-02-01", "value": "1"},
    )
    assert refused.status_code == 403
    assert date(2027, 2, 1) not in _values(db, w.indicator.id)
    assert anonymous.get(f"/indicators/{w.indicator.id}", follow_redirects=False).status_code == 303
    elsewhere = factories.community(db, name="Elders")
    foreign = indicator(db, factories.initiative(db, elsewhere, name="Elders team"))
    assert outsider.get(f"/indicators/{foreign.id}").status_code == 404
    assert outsider.get(f"/indicators/{foreign.id}/edit").status_code == 404
