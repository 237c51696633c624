"""The evidence chart: well-formed SVG, escaped labels, one bar per non-zero cell."""

import xml.etree.ElementTree as ET

from app.factsheets.chart import evidence_chart
from app.factsheets.document import MatrixCell
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


def chart_of(matrix: dict[PartnershipCondition, dict[Perspective, MatrixCell]]) -> ET.Element:
    return ET.fromstring(evidence_chart(matrix, label=label_for, **TEXTS))  # noqa: S314 - our SVG


def bars(svg: ET.Element) -> list[ET.Element]:
    return [rect for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "bar"]


def texts(svg: ET.Element) -> list[str]:
    return [" ".join("".join(element.itertext()).split()) for element in svg.iter(f"{SVG}text")]


def test_one_bar_per_non_zero_cell_as_wide_as_its_count() -> None:
    matrix = sample_view().matrix
    non_zero = [cell.count for row in matrix.values() for cell in row.values() if cell.count]

    svg = chart_of(matrix)

    assert len(bars(svg)) == len(non_zero) == 15
    widths = {float(bar.get("width", "0")) for bar in bars(svg)}
    five = [bar for bar in bars(svg) if bar.get("data-value") == "5"]
    assert len(five) == 1 and float(five[0].get("width", "0")) == max(widths)


def test_chart_has_axis_titles_a_legend_and_real_text() -> None:
    svg = chart_of(sample_view().matrix)
    words = texts(svg)

    assert svg.get("role") == "img"
    assert svg.findtext(f"{SVG}title") == TEXTS["title"]
    assert "Number of evidence items" in words and "Condition" in words
    assert {"Local government", "Organisation", "Professional", "Family"} <= set(words)
    assert "Roles and responsibilities" in words
    assert len([r for r in svg.iter(f"{SVG}rect") if r.get("class") == "swatch"]) == 4
    assert "script" not in ET.tostring(svg, encoding="unicode")


def test_chart_escapes_every_label() -> None:
    hostile = '<script>alert(1)</script> & "x"'
    matrix = {
        PartnershipCondition.roles: {Perspective.family: MatrixCell(2, "key point")},
    }

    markup = evidence_chart(
        matrix,
        label=lambda value: f"{hostile} {value}",
        title=hostile,
        description=hostile,
        x_label=hostile,
        y_label=hostile,
    )
    svg = ET.fromstring(markup)  # noqa: S314 - our own SVG, parsed to prove it is well-formed

    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup and "&amp;" in markup
    assert not list(svg.iter(f"{SVG}script"))
    assert f"{hostile} family" in texts(svg)
    assert len(bars(svg)) == 1


def test_empty_matrix_gives_a_chart_without_bars() -> None:
    svg = chart_of({})

    assert bars(svg) == []
    assert texts(svg).count("0") == 4 * 4 + 1  # a zero per cell, and the axis tick
