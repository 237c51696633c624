"""The run rules, as pure functions: a shift is 6 points on one side of the median (points on
it neither break nor count), a trend 5 points going one way (a repeated value neither breaks
nor counts)."""

from datetime import date

from app.monitoring.run_chart import compare_chart, nice_ticks, run_chart, shifts, trends


def _days(count: int) -> list[date]:
    return [date(2026 + (m // 12), m % 12 + 1, 1) for m in range(count)]


def test_six_points_above_the_median_are_a_shift() -> None:
    values = [10, 12, 9, 12, 10, 12, 20, 21, 20, 22, 21, 23, 12]  # median 12
    found = shifts(values, _days(len(values)))
    assert [(r.kind, r.direction, r.length) for r in found] == [("shift", "above", 6)]
    (shift,) = found
    assert shift.indices == (6, 7, 8, 9, 10, 11)
    assert (shift.start, shift.end) == (date(2026, 7, 1), date(2026, 12, 1))


def test_five_points_above_the_median_are_not_a_shift() -> None:
    values = [10, 12, 9, 12, 10, 12, 20, 21, 20, 22, 21, 12, 12]
    # median 12: five points above it (20, 21, 20, 22, 21), three below
    assert shifts(values, _days(len(values))) == []
    assert shifts([1, 1, 1, 1, 1, 5, 5, 5, 5, 5], _days(10)) == []


def test_points_on_the_median_neither_break_nor_count() -> None:
    values = [1, 1, 1, 1, 1, 5, 9, 9, 9, 5, 9, 9, 9, 1]
    # median 5: 9, 9, 9, (5), 9, 9, 9 is six points above with one on the median between
    (shift,) = shifts(values, _days(len(values)))
    assert shift.direction == "above"
    assert shift.indices == (6, 7, 8, 10, 11, 12)


def test_a_shift_below_the_median() -> None:
    values = [9, 9, 9, 9, 9, 9, 1, 2, 1, 2, 1, 2, 9]
    (shift,) = shifts(values, _days(len(values)))
    assert (shift.direction, shift.length) == ("below", 6)


def test_five_points_going_up_are_a_trend_and_four_are_not() -> None:
    assert [(r.direction, r.indices) for r in trends([3, 1, 2, 3, 4, 5, 2], _days(7))] == [
        ("up", (1, 2, 3, 4, 5))
    ]
    assert trends([3, 1, 2, 3, 4, 2, 3], _days(7)) == []


def test_a_trend_going_down_skips_a_repeated_value() -> None:
    (trend,) = trends([9, 8, 8, 7, 6, 5], _days(6))
    assert trend.direction == "down"
    assert trend.indices == (0, 1, 3, 4, 5)


def test_the_chart_marks_the_points_of_a_shift_and_of_a_trend() -> None:
    values = [10, 12, 9, 12, 10, 12, 20, 21, 20, 22, 21, 23, 12]
    chart = run_chart(list(zip(_days(13), values, strict=True)), target=25, baseline=10)
    assert [p.marker for p in chart.points] == ["point"] * 6 + ["shift"] * 6 + ["point"]
    assert chart.median == 12
    assert chart.target_y is not None and chart.baseline_y is not None
    assert chart.target_y < chart.baseline_y  # higher values are drawn higher up
    trend_chart = run_chart(list(zip(_days(6), [1, 2, 3, 4, 5, 1], strict=True)))
    assert [p.marker for p in trend_chart.points] == ["trend"] * 5 + ["point"]


def test_the_scale_covers_the_values_target_and_baseline() -> None:
    assert nice_ticks(41, 75) == [40, 50, 60, 70, 80]
    chart = run_chart([(date(2026, 1, 1), 5.0)], target=100.0)
    values = [value for value, _ in chart.ticks]
    assert values[0] <= 5 and values[-1] >= 100


def test_the_comparison_gives_each_series_its_own_marker_and_line() -> None:
    chart = compare_chart(
        [
            ("A", [(date(2026, 1, 1), 1.0), (date(2026, 3, 1), 2.0)]),
            ("B", [(date(2026, 2, 1), 3.0)]),
        ]
    )
    (a, b) = chart.series
    assert a.marker != b.marker and a.dash != b.dash
    # A time axis: B's February point lies between A's January and March.
    assert a.points[0].x < b.points[0].x < a.points[1].x
