"""Organisations as plain JSON data. Pure: reads only what the selector loaded. Members,
e-mail addresses and review notes are never part of it."""

from network.models import Bundesland, SizeClass
from network.sanitize import strip_html


def organisation(org, base_url):
    size = org.size_class
    return {
        "slug": org.slug,
        "name": org.name,
        "url": f"{base_url}{org.get_absolute_url()}",
        "kind": {"code": org.kind, "label": str(org.get_kind_display())},
        "bundesland": {"code": org.bundesland, "label": dict(Bundesland.choices)[org.bundesland]},
        "town": org.town or None,
        "population": org.population,
        "size_class": {"code": size, "label": str(SizeClass(size).label)} if size else None,
        "website": org.website or None,
        "description": strip_html(org.description) or None,
        "topics": [{"slug": row.tag.slug, "name": row.tag.name} for row in org.tagged_items.all()],
    }
