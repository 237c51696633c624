"""Indicators and measurements: the forms as posted and the data they become."""

import math
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints

from app.forms import FormLine
from app.labels import N_
from app.learning_sessions.schemas import SessionDate
from app.monitoring.models import MonitoringIndicator
from app.schemas import RequiredName, _no_nul
from app.vocabulary import IntegrationLevel, PartnershipCondition

LARGEST = 1e12


def _number(value: object) -> object:
    """ "12,5" (Dutch) and "12.5" are 12.5; "" is no number; anything else is refused."""
    if not isinstance(value, str):
        return value
    text = value.strip().replace("\u2212", "-")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise ValueError("enter a number, like 12.5") from None
    if not math.isfinite(number) or abs(number) > LARGEST:
        raise ValueError("enter a number between -1e12 and 1e12")
    return number


Number = Annotated[float, BeforeValidator(_number)]
OptionalNumber = Annotated[float | None, BeforeValidator(_number)]
Source = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=300), AfterValidator(_no_nul)
]
Unit = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=40), AfterValidator(_no_nul)
]

INDICATOR_MESSAGES: dict[str, str] = {
    "name": N_("Enter a name of at most 200 characters."),
    "condition": N_("Choose a partnership condition."),
    "level": N_("Choose a level of integration."),
    "source": N_("Enter the source in at most 300 characters."),
    "unit": N_("Enter the unit in at most 40 characters, like weeks."),
    "baseline": N_("Enter a number, like 12.5, or leave it empty."),
    "target": N_("Enter a number, like 12.5, or leave it empty."),
}
MEASUREMENT_MESSAGES: dict[str, str] = {
    "measured_on": N_("Enter the date of the measurement, between 2000 and 2100."),
    "value": N_("Enter the value as a number, like 12.5."),
}
DUPLICATE_NAME = N_("This initiative has an indicator with this name already.")


class IndicatorData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: RequiredName
    condition: PartnershipCondition
    level: IntegrationLevel
    source: Source = ""
    unit: Unit = ""
    baseline: OptionalNumber = None
    target: OptionalNumber = None


class IndicatorForm(BaseModel):
    name: FormLine = ""
    condition: FormLine = ""
    level: FormLine = ""
    source: FormLine = ""
    unit: FormLine = ""
    baseline: FormLine = ""
    target: FormLine = ""
    # The version the keeper read: saving over someone else's newer save is refused (409).
    version: FormLine = ""

    def to_data(self) -> IndicatorData:
        return IndicatorData.model_validate(self.model_dump(exclude={"version"}))

    def version_number(self) -> int:
        """The version read; 0 (never current) when missing or not a number."""
        text = self.version.strip()
        return int(text) if text.isdigit() and len(text) < 10 else 0

    @classmethod
    def of(cls, indicator: MonitoringIndicator) -> "IndicatorForm":
        def text(number: float | None) -> str:
            return "" if number is None else f"{number:g}"

        return cls(
            name=indicator.name,
            condition=indicator.condition.value,
            level=indicator.level.value,
            source=indicator.source,
            unit=indicator.unit,
            baseline=text(indicator.baseline),
            target=text(indicator.target),
            version=str(indicator.version),
        )


class MeasurementData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    measured_on: SessionDate
    value: Number


class MeasurementForm(BaseModel):
    measured_on: FormLine = ""
    value: FormLine = ""

    def to_data(self) -> MeasurementData:
        return MeasurementData.model_validate(
            {"measured_on": self.measured_on.strip(), "value": self.value}
        )
