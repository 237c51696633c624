"""Monitoring indicators and their measurements: listing, creating, editing, recording one
value, importing many from CSV (all or nothing), and the same indicator across initiatives.

A second value for a date already measured replaces the first (the indicator's page and the
import say so, with the old value): a corrected figure is the common case, and there is no
other way to correct one.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.errors import ConflictError, NotFoundError
from app.evidence.service import ImportResult, RowProblem, read_csv_rows
from app.initiatives.models import Initiative
from app.labels import N_
from app.monitoring.models import Measurement, MonitoringIndicator
from app.monitoring.schemas import IndicatorData, MeasurementData
from app.versioning import check_version

CSV_COLUMNS = ("measured_on", "value")


@dataclass(frozen=True)
class IndicatorRow:
    indicator: MonitoringIndicator
    initiative: Initiative
    measurements: tuple[tuple[date, float], ...]  # in time order

    @property
    def latest(self) -> tuple[date, float] | None:
        return self.measurements[-1] if self.measurements else None


def _measurements_of(db: Session, indicator_ids: list[int]) -> dict[int, list[tuple[date, float]]]:
    """Every measurement of these indicators in one statement, in time order."""
    found: dict[int, list[tuple[date, float]]] = defaultdict(list)
    if not indicator_ids:
        return found
    rows = db.exec(
        select(col(Measurement.indicator_id), col(Measurement.measured_on), col(Measurement.value))
        .where(col(Measurement.indicator_id).in_(indicator_ids))
        .order_by(col(Measurement.indicator_id), col(Measurement.measured_on))
    ).all()
    for indicator_id, measured_on, value in rows:
        found[indicator_id].append((measured_on, value))
    return found


def list_indicators(*, db: Session, initiative: Initiative) -> list[IndicatorRow]:
    """The initiative's indicators by name, each with its measurements (two statements)."""
    indicators = db.exec(
        select(MonitoringIndicator)
        .where(MonitoringIndicator.initiative_id == initiative.id)
        .order_by(func.lower(MonitoringIndicator.name), col(MonitoringIndicator.id))
    ).all()
    values = _measurements_of(db, [i.id for i in indicators if i.id is not None])
    return [
        IndicatorRow(indicator, initiative, tuple(values.get(indicator.id or 0, ())))
        for indicator in indicators
    ]


def get_indicator(*, db: Session, indicator_id: int, community_id: int) -> IndicatorRow:
    """An indicator of the community with its initiative and measurements; others: 404."""
    found = db.exec(
        select(MonitoringIndicator, Initiative)
        .join(Initiative, col(Initiative.id) == MonitoringIndicator.initiative_id)
        .where(MonitoringIndicator.id == indicator_id, Initiative.community_id == community_id)
    ).first()
    if found is None:
        raise NotFoundError(
            N_("There is no indicator with id %(id)s."), arguments={"id": indicator_id}
        )
    indicator, initiative = found
    values = _measurements_of(db, [indicator_id])
    return IndicatorRow(indicator, initiative, tuple(values.get(indicator_id, ())))


def _refuse_duplicate_name(
    db: Session, initiative_id: int, name: str, indicator_id: int | None = None
) -> None:
    clash = db.exec(
        select(MonitoringIndicator.id).where(
            MonitoringIndicator.initiative_id == initiative_id,
            func.lower(MonitoringIndicator.name) == name.lower(),
            col(MonitoringIndicator.id) != (indicator_id or 0),
        )
    ).first()
    if clash is not None:
        raise ConflictError(
            N_("This initiative has an indicator with this name already."),
        )


def create_indicator(
    *, db: Session, initiative_id: int, data: IndicatorData
) -> MonitoringIndicator:
    _refuse_duplicate_name(db, initiative_id, data.name)
    indicator = MonitoringIndicator(initiative_id=initiative_id, **data.model_dump())
    db.add(indicator)
    db.flush()
    return indicator


def update_indicator(
    *, db: Session, indicator: MonitoringIndicator, data: IndicatorData, expected: int
) -> None:
    """Save the edit made on version ``expected``; another keeper's newer save: StaleVersionError."""
    check_version(indicator, expected, "indicator")
    _refuse_duplicate_name(db, indicator.initiative_id, data.name, indicator.id)
    for name, value in data.model_dump().items():
        setattr(indicator, name, value)
    db.add(indicator)
    db.flush()


def record_measurement(
    *, db: Session, indicator: MonitoringIndicator, data: MeasurementData
) -> float | None:
    """Store the value for its date; the value it replaced, if the date had one."""
    stored = db.exec(
        select(Measurement).where(
            Measurement.indicator_id == indicator.id,
            Measurement.measured_on == data.measured_on,
        )
    ).first()
    if stored is None:
        assert indicator.id is not None
        db.add(
            Measurement(indicator_id=indicator.id, measured_on=data.measured_on, value=data.value)
        )
        db.flush()
        return None
    replaced = stored.value
    stored.value = data.value
    db.add(stored)
    db.flush()
    return replaced


def delete_indicator(*, db: Session, indicator: MonitoringIndicator) -> int:
    """Delete the indicator with its measurements; how many measurements went with it."""
    measurements = db.exec(
        select(Measurement).where(Measurement.indicator_id == indicator.id)
    ).all()
    for measurement in measurements:
        db.delete(measurement)
    db.delete(indicator)
    db.flush()
    return len(measurements)


def delete_measurement(*, db: Session, indicator: MonitoringIndicator, measured_on: date) -> float:
    """Delete the indicator's measurement of that date; its value. No such measurement: 404."""
    stored = db.exec(
        select(Measurement).where(
            Measurement.indicator_id == indicator.id, Measurement.measured_on == measured_on
        )
    ).first()
    if stored is None:
        raise NotFoundError(N_("This indicator has no measurement on that date."))
    db.delete(stored)
    db.flush()
    return stored.value


# -- CSV import -----------------------------------------------------------------------------


@dataclass
class MeasurementImport(ImportResult):
    replaced: int = 0


def csv_template() -> str:
    return "measured_on,value\r\n2026-01-31,12.5\r\n2026-02-28,13\r\n"


def import_csv(*, db: Session, indicator: MonitoringIndicator, content: bytes) -> MeasurementImport:
    """Check every line first; store nothing if any line is wrong. A date already stored gets
    the file's value (counted as replaced); the same value again is counted as present."""
    result = MeasurementImport()
    rows = read_csv_rows(content, result, CSV_COLUMNS)
    if not result.ok:
        return result
    valid: dict[date, float] = {}
    seen_on: dict[date, int] = {}
    for line, row in rows:
        try:
            data = MeasurementData.model_validate(
                {"measured_on": row["measured_on"].strip(), "value": row["value"]}
            )
        except ValidationError as error:
            for problem in error.errors():
                column = str(problem["loc"][0]) if problem["loc"] else "row"
                message = (
                    "use a date as YYYY-MM-DD, between 2000 and 2100"
                    if column == "measured_on"
                    else "use a number, like 12.5"
                )
                result.problems.append(RowProblem(line, column, message))
            continue
        if data.measured_on in seen_on:
            result.problems.append(
                RowProblem(
                    line, "measured_on", f"this date is on line {seen_on[data.measured_on]} too"
                )
            )
            continue
        seen_on[data.measured_on] = line
        valid[data.measured_on] = data.value
    if not result.ok:
        return result
    stored = {
        m.measured_on: m
        for m in db.exec(select(Measurement).where(Measurement.indicator_id == indicator.id))
    }
    assert indicator.id is not None
    for measured_on, value in valid.items():
        existing = stored.get(measured_on)
        if existing is None:
            db.add(Measurement(indicator_id=indicator.id, measured_on=measured_on, value=value))
            result.added += 1
        elif existing.value == value:
            result.already_present += 1
        else:
            existing.value = value
            db.add(existing)
            result.replaced += 1
    db.flush()
    return result


# -- the same indicator across initiatives ----------------------------------------------------


def same_name(*, db: Session, community_id: int, name: str) -> list[IndicatorRow]:
    """Every indicator of the community with this name (case and spaces aside), by initiative."""
    wanted = " ".join(name.split()).lower()
    found = db.exec(
        select(MonitoringIndicator, Initiative)
        .join(Initiative, col(Initiative.id) == MonitoringIndicator.initiative_id)
        .where(
            Initiative.community_id == community_id,
            func.lower(MonitoringIndicator.name) == wanted,
        )
        .order_by(func.lower(Initiative.name))
    ).all()
    values = _measurements_of(db, [i.id for i, _ in found if i.id is not None])
    return [
        IndicatorRow(indicator, initiative, tuple(values.get(indicator.id or 0, ())))
        for indicator, initiative in found
    ]


def shared_names(*, db: Session, community_id: int, name: str) -> int:
    """How many initiatives have an indicator with this name (for the link to compare)."""
    wanted = " ".join(name.split()).lower()
    return db.exec(
        select(func.count())
        .select_from(MonitoringIndicator)
        .join(Initiative, col(Initiative.id) == MonitoringIndicator.initiative_id)
        .where(
            Initiative.community_id == community_id,
            func.lower(MonitoringIndicator.name) == wanted,
        )
    ).one()
