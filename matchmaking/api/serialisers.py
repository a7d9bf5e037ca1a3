"""Funding programmes as plain JSON data. Pure: reads only what the selector loaded."""

from matchmaking.models import ApplicantKind, Funder
from network.models import Bundesland


def funding_programme(programme, base_url):
    lands = dict(Bundesland.choices)
    kinds = dict(ApplicantKind.choices)
    return {
        "id": programme.pk,
        "name": programme.name,
        "funder": {"code": programme.funder, "label": str(dict(Funder.choices)[programme.funder])},
        "funder_name": programme.funder_name or None,
        "description": programme.description,
        "bundeslaender": [
            {"code": code, "label": lands.get(code, code)}
            for code in sorted(programme.bundeslaender)
        ],
        "nationwide": not programme.bundeslaender,
        "applicant_kinds": [
            {"code": kind, "label": str(kinds[kind])}
            for kind in ApplicantKind.values
            if kind in programme.applicant_kinds
        ],
        "topics": [
            {"slug": row.tag.slug, "name": row.tag.name} for row in programme.tagged_items.all()
        ],
        "max_funding_eur": programme.max_funding,
        "funding_rate": programme.funding_rate or None,
        "deadline": programme.deadline.isoformat() if programme.deadline else None,
        "url": programme.url,
        "updated_at": programme.updated_at.isoformat(),
    }
