"""Case studies as plain JSON data. Pure: reads only what the selector loaded."""

from bestpractice.models import BudgetRange
from network.models import Bundesland, SizeClass


def _iso(value):
    return value.isoformat() if value else None


def choice(value, choices):
    """{"code", "label"} of a choice field value, or None when empty."""
    if not value:
        return None
    return {"code": value, "label": str(dict(choices.choices).get(value, value))}


def topics(item):
    return [{"slug": row.tag.slug, "name": row.tag.name} for row in item.tagged_items.all()]


def case_study(page, base_url):
    organisation = page.organisation
    return {
        "id": page.pk,
        "title": page.title,
        "url": f"{base_url}{page.url}",
        "summary": page.summary,
        "organisation": {
            "name": organisation.name,
            "slug": organisation.slug,
            "town": organisation.town or None,
        },
        "topics": topics(page),
        "bundesland": choice(page.bundesland, Bundesland),
        "size_class": choice(page.size_class, SizeClass),
        "population": page.population,
        "budget": choice(page.budget_range, BudgetRange),
        "year": page.year,
        "duration": page.duration or None,
        "transfers_to": [
            code
            for code, enabled in (
                ("small", page.transfers_to_small),
                ("medium", page.transfers_to_medium),
                ("large", page.transfers_to_large),
            )
            if enabled
        ],
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
    }
