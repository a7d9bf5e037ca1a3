"""The OpenAPI 3.1 description of /api/v1/, written by hand next to the serialisers it
describes (bestpractice/api, webtalks/api, matchmaking/api, network/api). Tests validate
the document and every endpoint's real answers against these schemas."""

from django.conf import settings

from bestpractice.models import BudgetRange
from config.api import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from matchmaking.models import ApplicantKind, Funder
from network.models import Bundesland, Organisation, SizeClass
from webtalks.models import EventKind


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema):
    return {"oneOf": [schema, {"type": "null"}]}


def _choice(values):
    return {
        "type": "object",
        "required": ["code", "label"],
        "properties": {
            "code": {"type": "string", "enum": list(values)},
            "label": {"type": "string"},
        },
        "additionalProperties": False,
    }


def _object(properties, *, nullable_keys=()):
    return {
        "type": "object",
        "required": list(properties),
        "properties": {
            key: _nullable(value) if key in nullable_keys else value
            for key, value in properties.items()
        },
        "additionalProperties": False,
    }


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
URI = {"type": "string", "format": "uri"}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}


def _list_of(item):
    return {
        "type": "object",
        "required": ["count", "page", "page_size", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer", "minimum": 0, "description": "Treffer insgesamt"},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            "next": _nullable(URI),
            "previous": _nullable(URI),
            "results": {"type": "array", "items": _ref(item)},
        },
        "additionalProperties": False,
    }


def _schemas():
    topic = _ref("Topic")
    return {
        "Topic": _object({"slug": STRING, "name": STRING}),
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": _object(
                    {"status": INTEGER, "message": STRING, "parameter": STRING}
                )
                | {"required": ["status", "message"]}
            },
            "additionalProperties": False,
        },
        "CaseStudy": _object(
            {
                "id": INTEGER,
                "title": STRING,
                "url": URI,
                "summary": STRING,
                "organisation": _object(
                    {"name": STRING, "slug": STRING, "town": STRING}, nullable_keys=("town",)
                ),
                "topics": {"type": "array", "items": topic},
                "bundesland": _choice(Bundesland.values),
                "size_class": _choice(SizeClass.values),
                "population": INTEGER,
                "budget": _choice(BudgetRange.values),
                "year": INTEGER,
                "duration": STRING,
                "transfers_to": {
                    "type": "array",
                    "items": {"type": "string", "enum": list(SizeClass.values)},
                },
                "first_published_at": DATETIME,
                "last_published_at": DATETIME,
            },
            nullable_keys=(
                "bundesland", "size_class", "population", "budget", "duration",
                "first_published_at", "last_published_at",
            ),
        ),
        "Event": _object(
            {
                "id": INTEGER,
                "title": STRING,
                "url": URI,
                "calendar_url": URI,
                "kind": _choice(EventKind.values),
                "start": DATETIME,
                "end": DATETIME,
                "intro": STRING,
                "online": {"type": "boolean"},
                "venue_name": STRING,
                "venue_address": STRING,
                "topics": {"type": "array", "items": topic},
                "speakers": {
                    "type": "array",
                    "items": _object(
                        {"name": STRING, "role": STRING, "organisation": STRING},
                        nullable_keys=("role", "organisation"),
                    ),
                },
                "series": _object({"id": INTEGER, "title": STRING, "calendar_url": URI}),
                "has_recording": {"type": "boolean"},
            },
            nullable_keys=("venue_name", "venue_address", "series"),
        ),
        "FundingProgramme": _object(
            {
                "id": INTEGER,
                "name": STRING,
                "funder": _choice(Funder.values),
                "funder_name": STRING,
                "description": STRING,
                "bundeslaender": {"type": "array", "items": _choice(Bundesland.values)},
                "nationwide": {"type": "boolean"},
                "applicant_kinds": {"type": "array", "items": _choice(ApplicantKind.values)},
                "topics": {"type": "array", "items": topic},
                "max_funding_eur": INTEGER,
                "funding_rate": STRING,
                "deadline": DATE,
                "url": URI,
                "updated_at": DATETIME,
            },
            nullable_keys=("funder_name", "max_funding_eur", "funding_rate", "deadline"),
        ),
        "Organisation": _object(
            {
                "slug": STRING,
                "name": STRING,
                "url": URI,
                "kind": _choice(Organisation.Kind.values),
                "bundesland": _choice(Bundesland.values),
                "town": STRING,
                "population": INTEGER,
                "size_class": _choice(SizeClass.values),
                "website": URI,
                "description": STRING,
                "topics": {"type": "array", "items": topic},
            },
            nullable_keys=("town", "population", "size_class", "website", "description"),
        ),
        "CaseStudyList": _list_of("CaseStudy"),
        "EventList": _list_of("Event"),
        "FundingProgrammeList": _list_of("FundingProgramme"),
        "OrganisationList": _list_of("Organisation"),
    }


def _query(name, description, schema, *, repeatable=False):
    if repeatable:
        schema = {"type": "array", "items": schema}
    parameter = {"name": name, "in": "query", "required": False, "description": description,
                 "schema": schema}
    if repeatable:
        parameter.update({"style": "form", "explode": True})
    return parameter


def _enum(values):
    return {"type": "string", "enum": list(values)}


PAGING = [
    _query("page", "Seite, ab 1", {"type": "integer", "minimum": 1, "default": 1}),
    _query(
        "page_size",
        f"Einträge je Seite (höchstens {MAX_PAGE_SIZE})",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
    ),
]
TOPIC = _query("topic", "Themen-Kurzname (Slug); mehrere: ODER", STRING, repeatable=True)
LAND = _query("bundesland", "Bundesland-Kürzel; mehrere: ODER", _enum(Bundesland.values),
              repeatable=True)


def _responses(list_schema):
    error = {"content": {"application/json": {"schema": _ref("Error")}}}
    return {
        "200": {
            "description": "Eine Seite der Liste",
            "headers": {
                "ETag": {"schema": STRING, "description": "Schwaches ETag der Antwort"},
                "Cache-Control": {"schema": STRING},
            },
            "content": {"application/json": {"schema": _ref(list_schema)}},
        },
        "304": {"description": "Unverändert seit dem ETag in If-None-Match"},
        "400": {"description": "Ungültiger Parameter", **error},
        "404": {"description": "Seite außerhalb der Liste", **error},
        "429": {
            "description": "Zu viele Anfragen",
            "headers": {"Retry-After": {"schema": INTEGER, "description": "Sekunden"}},
            **error,
        },
    }


def _operation(operation_id, summary, list_schema, parameters):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [
                *PAGING,
                *parameters,
                {"name": "If-None-Match", "in": "header", "required": False, "schema": STRING},
            ],
            "responses": _responses(list_schema),
        }
    }


def openapi_document():
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Stadtlabor – offene Daten",
            "version": settings.API_VERSION,
            "description": (
                "Öffentliche Inhalte des Stadtlabors zum Einbinden: Praxisbeispiele, "
                "Veranstaltungen, Förderprogramme und freigegebene Organisationen. Nur lesend; "
                "Inhalte nur für Mitglieder erscheinen nie. Jede Liste ist seitenweise "
                "(page, page_size), trägt ein schwaches ETag (If-None-Match → 304) und ist je "
                "IP-Adresse begrenzt (429 mit Retry-After)."
            ),
            "license": {"name": "Inhalte: siehe Impressum des Stadtlabors",
                        "identifier": "LicenseRef-Stadtlabor"},
        },
        "servers": [{"url": f"{settings.SITE_URL}/api/v1"}],
        "paths": {
            "/case-studies/": _operation(
                "listCaseStudies",
                "Öffentliche Praxisbeispiele mit Facetten, neueste zuerst",
                "CaseStudyList",
                [
                    TOPIC,
                    LAND,
                    _query("size_class", "Stadtgröße", _enum(SizeClass.values), repeatable=True),
                    _query("budget", "Kostenrahmen", _enum(BudgetRange.values), repeatable=True),
                    _query("year_from", "Startjahr ab", INTEGER),
                    _query("year_to", "Startjahr bis", INTEGER),
                    _query("published_from", "Veröffentlicht ab (Datum)", DATE),
                    _query("published_to", "Veröffentlicht bis (Datum)", DATE),
                ],
            ),
            "/events/": _operation(
                "listEvents",
                "Öffentliche Veranstaltungen, früheste zuerst",
                "EventList",
                [
                    _query("kind", "Format", _enum(EventKind.values), repeatable=True),
                    TOPIC,
                    _query("start_from", "Beginn ab (Datum, Europe/Berlin)", DATE),
                    _query("start_to", "Beginn bis einschließlich (Datum)", DATE),
                    _query("series", "Nur Termine dieser Reihe (id)", INTEGER),
                ],
            ),
            "/funding-programmes/": _operation(
                "listFundingProgrammes",
                "Förderprogramme, nach Name",
                "FundingProgrammeList",
                [
                    TOPIC,
                    _query("funder", "Fördergeber", _enum(Funder.values), repeatable=True),
                    _query("bundesland", "Bundesland (bundesweite Programme immer dabei)",
                           _enum(Bundesland.values), repeatable=True),
                    _query("applicant_kind", "Antragsberechtigte", _enum(ApplicantKind.values),
                           repeatable=True),
                    _query("deadline_from", "Frist nicht vor (ohne Frist: immer dabei)", DATE),
                    _query("deadline_to", "Frist spätestens", DATE),
                ],
            ),
            "/organisations/": _operation(
                "listOrganisations",
                "Freigegebene Organisationen, nach Name",
                "OrganisationList",
                [
                    _query("kind", "Art", _enum(Organisation.Kind.values), repeatable=True),
                    LAND,
                    TOPIC,
                ],
            ),
        },
        "components": {"schemas": _schemas()},
    }
