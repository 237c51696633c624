"""The evidence chart as the document draws it: well-formed SVG, escaped text, a bar per count."""

import gettext
import re
import xml.etree.ElementTree as ET

import pytest
from jinja2 import Environment

from app import templating
from app.factsheets import chart
from app.factsheets.document import MatrixCell
from app.factsheets.rendering import FactsheetRenderer
from app.labels import label_for
from app.vocabulary import PartnershipCondition, Perspective
from tests.factsheets.sample_view import sample_view

SVG = "{http://www.w3.org/2000/svg}"
TEXTS = {
    "title": "Evidence items per condition and perspective",
    "description": "One bar per perspective.",
    "x_label": "Number of evidence items",
    "y_label": "Condition",
}
HOSTILE = '<script>alert(1)</script> & "x"'


@pytest.fixture(scope="module")
def environment() -> Environment:
    return FactsheetRenderer().environment("en")


def draw(environment: Environment, bar_chart: chart.BarChart) -> str:
    return environment.get_template(chart.TEMPLATE).render(chart=bar_chart)


def chart_of(
    environment: Environment, matrix: dict[PartnershipCondition, dict[Perspective, MatrixCell]]
) -> ET.Element:
    markup = draw(environment, chart.evidence_chart(matrix, label=label_for, **TEXTS))
    return ET.fromstring(markup)  # noqa: S314 - our own SVG, parsed to prove it is well-formed


def bars(svg: ET.Element) -> list[ET.Element]:
    return [rect for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "bar"]


def texts(svg: ET.Element) -> list[str]:
    return [" ".join("".join(element.itertext()).split()) for element in svg.iter(f"{SVG}text")]


def test_one_bar_per_non_zero_cell_as_wide_as_its_count(environment: Environment) -> None:
    matrix = sample_view().matrix
    non_zero = [cell.count for row in matrix.values() for cell in row.values() if cell.count]

    svg = chart_of(environment, matrix)

    assert len(bars(svg)) == len(non_zero) == 15
    widths = {float(bar.get("width", "0")) for bar in bars(svg)}
    five = [bar for bar in bars(svg) if bar.get("data-value") == "5"]
    assert len(five) == 1 and float(five[0].get("width", "0")) == max(widths)


def test_chart_has_axis_titles_a_legend_and_real_text(environment: Environment) -> None:
    svg = chart_of(environment, sample_view().matrix)
    words = texts(svg)

    assert svg.get("role") == "img"
    assert svg.findtext(f"{SVG}title") == TEXTS["title"]
    assert svg.findtext(f"{SVG}desc") == TEXTS["description"]
    assert "Number of evidence items" in words and "Condition" in words
    assert {"Local government", "Organisation", "Professional", "Family"} <= set(words)
    assert "Roles and responsibilities" in words
    assert len([r for r in svg.iter(f"{SVG}rect") if r.get("class") == "swatch"]) == 4
    markup = ET.tostring(svg, encoding="unicode")
    assert "script" not in markup and "style" not in markup


def test_chart_escapes_every_label(environment: Environment) -> None:
    matrix = {
        PartnershipCondition.roles: {Perspective.family: MatrixCell(2, "key point")},
    }
    hostile_chart = chart.evidence_chart(
        matrix,
        label=lambda value: f"{HOSTILE} {value}",
        title=HOSTILE,
        description=HOSTILE,
        x_label=HOSTILE,
        y_label=HOSTILE,
    )

    markup = draw(environment, hostile_chart)
    svg = ET.fromstring(markup)  # noqa: S314 - our own SVG, parsed to prove it is well-formed

    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup and "&amp;" in markup
    assert not list(svg.iter(f"{SVG}script"))
    assert svg.findtext(f"{SVG}title") == HOSTILE
    assert svg.findtext(f"{SVG}desc") == HOSTILE
    assert f"{HOSTILE} family" in texts(svg)
    assert texts(svg).count(HOSTILE) == 2  # the two axis titles
    assert len(bars(svg)) == 1


def test_empty_matrix_gives_a_chart_without_bars(environment: Environment) -> None:
    svg = chart_of(environment, {})

    assert bars(svg) == []
    assert texts(svg).count("0") == 4 * 4 + 1  # a zero per cell, and the axis tick


class _Catalogue(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)


def test_the_factsheet_draws_the_chart_with_its_labels_escaped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalogue = _Catalogue({"Family": f"{HOSTILE} family", "Condition": "Conditions & more"})
    monkeypatch.setattr(templating, "translations", lambda language: catalogue)

    html = FactsheetRenderer().render_html(sample_view(), "full")
    charts = re.findall(r"<svg.*?</svg>", html, re.DOTALL)

    assert len(charts) == 1
    assert "<script>" not in html
    svg = ET.fromstring(charts[0])  # noqa: S314 - our own SVG, parsed to prove it is well-formed
    assert f"{HOSTILE} family" in texts(svg) and "Conditions & more" in texts(svg)
    assert len(bars(svg)) == 15
