"""Idempotent loader of the library's demo content: index pages, case studies, articles.

Called by `seed_demo` (network) with its context; every page is looked up by slug and only
created when missing, so a second run changes nothing and editors' changes are kept.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from bestpractice.models import (
    ArticleIndexPage,
    ArticlePage,
    BestPracticeIndexPage,
    BestPracticePage,
)
from bestpractice.richtext import to_safe_html
from demo.data import load
from network.models import Organisation

_data = load("bestpractice")
ARTICLES, CASES_PART_ONE, CASES_PART_TWO, EXTRA_TOWNS = (
    _data.ARTICLES, _data.CASES_PART_ONE, _data.CASES_PART_TWO, _data.EXTRA_TOWNS
)
network_demo_data = load("network")

CASES = CASES_PART_ONE + CASES_PART_TWO
LIBRARY_INTRO = (
    "<p>Städte lernen von Städten: Praxisbeispiele aus Kommunen, mit Zahlen, Kosten und "
    "dem, was die Beteiligten heute anders machen würden.</p>"
)
ARTICLES_INTRO = (
    "<p>Impulse aus Praxis und Forschung und aktuelle Informationen aus dem Netzwerk.</p>"
)


def load_demo(context):
    """Create what is missing (seed_demo's `demo.network.DemoContext`)."""
    stdout = context.stdout
    home_page = context.home_page
    organisations = dict(context.organisations)
    library = ensure_index(
        home_page, BestPracticeIndexPage, "praxisbeispiele", "Praxisbeispiele", LIBRARY_INTRO
    )
    articles = ensure_index(
        home_page, ArticleIndexPage, "aktuelles", "Impulse und Aktuelles", ARTICLES_INTRO
    )
    created = 0
    for number, data in enumerate(CASES):
        created += ensure_case_study(library, data, organisations, number)
    stdout.write(f"  Praxisbeispiele: {created} neu, {len(CASES)} insgesamt")
    created = sum(ensure_article(articles, data) for data in ARTICLES)
    stdout.write(f"  Artikel: {created} neu, {len(ARTICLES)} insgesamt")
    return library, articles


def ensure_index(home_page, model, slug, title, intro):
    existing = model.objects.child_of(home_page).filter(slug=slug).first()
    if existing:
        return existing
    # In the main navigation (see templates/includes/header.html).
    index = model(title=title, slug=slug, intro=intro, show_in_menus=True)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


TOWN_FIELDS = {"name", "kind", "bundesland", "town", "population", "website"}


def _organisation(slug, organisations):
    if slug in organisations:
        return organisations[slug]
    existing = Organisation.objects.filter(slug=slug).first()
    if existing is None:
        # The network's own demo organisations, so the library's demo also works alone.
        known = network_demo_data.ORGANISATIONS + EXTRA_TOWNS
        town = next((t for t in known if t["slug"] == slug), None)
        if town is None:
            return None
        existing, _created = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": Organisation.Kind.KOMMUNE,
                **{key: value for key, value in town.items() if key in TOWN_FIELDS},
                "status": Organisation.Status.APPROVED,
                "reviewed_at": timezone.now(),
            },
        )
    organisations[slug] = existing
    return existing


def _body(data):
    body = []
    if data.get("quote"):
        text, author, role = data["quote"]
        body.append(("quote", {"text": text, "author": author, "role": role}))
    if data.get("timeline"):
        entries = [{"when": when, "what": what} for when, what in data["timeline"]]
        body.append(("timeline", {"heading": "So lief das Projekt", "entries": entries}))
    if data.get("video"):
        url, title = data["video"]
        body.append(("video", {"url": url, "title": title, "description": ""}))
    return body


def _kpi(label, value, period, source, numbers=None):
    """A KPI block's value; `numbers` (optional) are what its charts draw: unit,
    before/after as [label, number], series as [[year, number], …]."""
    numbers = numbers or {}
    before = numbers.get("before") or ("", None)
    after = numbers.get("after") or ("", None)
    return {
        "label": label,
        "value": value,
        "period": period,
        "source": source,
        "unit": numbers.get("unit", ""),
        "before_label": before[0],
        "before_value": _decimal(before[1]),
        "after_label": after[0],
        "after_value": _decimal(after[1]),
        "series": [
            {"year": year, "value": _decimal(number)} for year, number in numbers.get("series", [])
        ],
    }


def _decimal(number):
    return None if number is None else Decimal(str(number))


def ensure_case_study(library, data, organisations, number):
    if BestPracticePage.objects.child_of(library).filter(slug=data["slug"]).exists():
        return 0
    sizes = set(data["transfers"])
    page = BestPracticePage(
        title=data["title"],
        slug=data["slug"],
        organisation=_organisation(data["organisation"], organisations),
        summary=data["summary"],
        year=data["year"],
        duration=data["duration"],
        budget_range=data["budget_range"],
        budget_note=data["budget_note"],
        funding=data["funding"],
        problem=to_safe_html(data["problem"]),
        approach=to_safe_html(data["approach"]),
        results=to_safe_html(data["results"]),
        kpis=[("kpi", _kpi(*kpi)) for kpi in data["kpis"]],
        lessons=to_safe_html(data["lessons"]),
        transferability=data["transferability"],
        transfers_to_small="small" in sizes,
        transfers_to_medium="medium" in sizes,
        transfers_to_large="large" in sizes,
        partners_note=data["partners_note"],
        contact_name=data["contact_name"],
        contact_role=data["contact_role"],
        body=_body(data),
    )
    page.topics.add(*data["topics"])
    library.add_child(instance=page)
    partners = [_organisation(slug, organisations) for slug in data["partners"]]
    page.partners.set([partner for partner in partners if partner is not None])
    page.save_revision().publish()
    # Spread publication dates so "newest first" tells a story instead of seed order.
    published = timezone.make_aware(
        datetime.datetime(data["year"] + 1, 1, 15)
    ) + datetime.timedelta(days=number * 9)
    BestPracticePage.objects.filter(pk=page.pk).update(
        first_published_at=min(published, timezone.now())
    )
    return 1


def ensure_article(index, data):
    if ArticlePage.objects.child_of(index).filter(slug=data["slug"]).exists():
        return 0
    article = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        kind=data["kind"],
        date=datetime.date.fromisoformat(data["date"]),
        author_name=data["author_name"],
        author_role=data["author_role"],
        intro=data["intro"],
        body=[("text", to_safe_html(paragraph)) for paragraph in data["body"]],
    )
    article.topics.add(*data["topics"])
    index.add_child(instance=article)
    article.save_revision().publish()
    published = timezone.make_aware(datetime.datetime.combine(datetime.date.fromisoformat(data["date"]), datetime.time(9)))
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published)
    return 1
