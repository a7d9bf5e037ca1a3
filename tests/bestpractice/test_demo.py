import io

import pytest

from bestpractice.models import ArticleKind, ArticlePage, BestPracticePage
from demo import bestpractice as demo
from demo.network import DemoContext
from network.models import SizeClass

pytestmark = pytest.mark.django_db


def test_demo_content_is_rich_varied_and_idempotent(home_page, client):
    out = io.StringIO()
    demo.load_demo(DemoContext(stdout=out, home_page=home_page))
    assert BestPracticePage.objects.live().count() >= 20
    assert ArticlePage.objects.live().count() >= 6
    assert ArticlePage.objects.filter(kind=ArticleKind.IMPULSE).exists()
    sizes = set(BestPracticePage.objects.values_list("size_class", flat=True))
    assert sizes == {SizeClass.SMALL, SizeClass.MEDIUM, SizeClass.LARGE}
    assert all(page.kpis for page in BestPracticePage.objects.all())
    assert "Praxisbeispiele: 22 neu" in out.getvalue()

    demo.load_demo(DemoContext(stdout=io.StringIO(), home_page=home_page))
    assert BestPracticePage.objects.count() == len(demo.CASES)
    assert ArticlePage.objects.count() == len(demo.ARTICLES)

    response = client.get("/praxisbeispiele/?thema=leerstand")
    assert response.status_code == 200 and response.context["result_count"] >= 4
    detail = client.get("/praxisbeispiele/frequenzmessung-iserlohn/")
    assert "Video laden (Daten werden an YouTube (Google) übertragen)" in detail.content.decode()


def test_demo_case_studies_draw_kpi_charts(home_page, client):
    demo.load_demo(DemoContext(stdout=io.StringIO(), home_page=home_page))
    with_charts = [page for page in BestPracticePage.objects.all() if page.kpi_charts]
    assert len(with_charts) >= 5
    kinds = {chart.kind for page in with_charts for chart in page.kpi_charts}
    assert kinds == {"before_after", "years"}
    html = client.get("/praxisbeispiele/leerstandslotsin-einbeck/").content.decode()
    assert "Leerstandsquote vorher und nachher (%)" in html
    assert "Leerstandsquote im Verlauf der Jahre (%)" in html
