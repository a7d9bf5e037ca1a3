"""KPI charts on case studies: which KPIs get which chart, and the page shows them with
their numbers in a table."""

from decimal import Decimal

import pytest
from django.utils import translation

from bestpractice.kpi_charts import charts_for
from tests.html_checks import html_problems


def _kpi(**numbers):
    return {"label": "Leerstandsquote", "value": "−45 %", "period": "", "source": "Kataster",
            "unit": "%", **numbers}


def test_before_and_after_make_two_bars_and_years_a_line():
    with translation.override("de"):
        found = charts_for([
            _kpi(before_label="2022", before_value=Decimal("22.1"), after_label="2024",
                 after_value=Decimal("12.1"),
                 series=[{"year": 2024, "value": Decimal("12.1")},
                         {"year": 2022, "value": Decimal("22.1")}]),
            _kpi(),  # a plain card, no chart
            _kpi(series=[{"year": 2023, "value": Decimal(3)}]),  # one year is no line
        ])
    assert [chart.kind for chart in found] == ["before_after", "years"]
    before_after, years = found
    assert before_after.rows == [("2022", "22,1 %"), ("2024", "12,1 %")]
    assert years.rows == [("2022", "22,1 %"), ("2024", "12,1 %")]  # sorted by year
    assert before_after.title == "Leerstandsquote vorher und nachher (%)"
    assert 'id="kpi-1-ba-title"' in str(before_after.svg)
    assert before_after.source == "Kataster"


def test_without_labels_before_and_after_are_named_so():
    with translation.override("de"):
        chart, = charts_for([_kpi(before_value=Decimal(1), after_value=Decimal(2), unit="")])
    assert chart.rows == [("vorher", "1"), ("nachher", "2")]


@pytest.mark.django_db
def test_case_study_page_shows_charts_and_tables(client, make_case_study):
    page = make_case_study(
        "Leerstandslotsin",
        kpis=[("kpi", _kpi(label="<Leerstand>", before_label="2022",
                           before_value=Decimal("22.1"), after_label="2024",
                           after_value=Decimal("12.1"),
                           series=[{"year": 2022, "value": Decimal("22.1")},
                                   {"year": 2023, "value": Decimal("16.4")},
                                   {"year": 2024, "value": Decimal("12.1")}]))],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('role="img"') >= 2
    assert "&lt;Leerstand&gt; vorher und nachher (%)" in html
    assert "<Leerstand>" not in html
    assert '<th scope="row">2023</th><td class="numeric">16,4 %</td>' in html
    assert 'style="' not in html[html.index('id="kpi-heading"'):html.index('id="problem-heading"')]
    assert html_problems(html) == []


@pytest.mark.django_db
def test_case_study_with_old_kpis_renders_without_charts(client, make_case_study):
    page = make_case_study(kpis=[("kpi", {"label": "Läden", "value": "14", "period": "",
                                          "source": ""})])
    html = client.get(page.url).content.decode()
    assert "Läden" in html and 'role="img"' not in html
