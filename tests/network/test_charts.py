"""Server-side SVG charts (network.charts): pure functions, no database."""

from decimal import Decimal

from django.utils import translation

from network import charts


def test_numbers_are_written_the_german_way():
    with translation.override("de"):
        assert charts.format_number(1250) == "1.250"
        assert charts.format_number(Decimal("12.50")) == "12,5"
        assert charts.format_number(2.9) == "2,9"
        assert charts.with_unit(Decimal("31.00"), "%") == "31 %"


def test_bar_chart_is_a_named_image_with_every_number_in_its_description():
    with translation.override("de"):
        svg = str(charts.bar_chart("c1", "Leerstand vorher und nachher",
                                   [("2020", 31), ("2023", 17)], unit="Läden"))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Leerstand vorher und nachher</title>' in svg
    assert '<desc id="c1-desc">2020: 31 Läden; 2023: 17 Läden</desc>' in svg
    assert svg.count("<rect") == 2
    assert "style=" not in svg and "<script" not in svg


def test_the_largest_bar_fills_the_track_and_others_are_proportional():
    svg = str(charts.bar_chart("c", "t", [("a", 50), ("b", 100), ("c", 0), ("d", -5)]))
    track = charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_WIDTH
    assert f'width="{track}"' in svg or f'width="{float(track)}"' in svg
    assert f'width="{track / 2}"' in svg
    assert svg.count('width="0"') == 2  # zero and negative: no bar, number kept
    assert "-5" in svg


def test_user_text_is_escaped():
    svg = str(charts.bar_chart("c", "<script>x</script>", [("<b>&", 1)], unit='"€"'))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<b>" not in svg and "&lt;b&gt;&amp;" in svg
    assert "&quot;€&quot;" in svg


def test_line_chart_has_a_point_and_a_label_per_year():
    with translation.override("de"):
        svg = str(charts.line_chart("l", "Verlauf", [(2021, 10), (2022, 20), (2023, 15)],
                                    unit="%"))
    assert svg.count("<circle") == 3
    assert "<polyline" in svg
    assert "2021: 10 %; 2022: 20 %; 2023: 15 %" in svg
    assert 'role="img"' in svg


def test_empty_and_single_value_charts_do_not_fail():
    assert "<svg" in str(charts.bar_chart("e", "leer", []))
    assert "<svg" in str(charts.line_chart("s", "einer", [(2024, 3)]))
