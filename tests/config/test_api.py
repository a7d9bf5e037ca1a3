"""What every /api/v1/ endpoint shares: the OpenAPI document, CORS, GET only, rate limit."""

import pytest
from openapi_spec_validator import validate as validate_spec

from config.openapi import openapi_document

ENDPOINTS = [
    "/api/v1/case-studies/",
    "/api/v1/events/",
    "/api/v1/funding-programmes/",
    "/api/v1/organisations/",
]


def test_openapi_document_is_valid_openapi_3_1():
    document = openapi_document()
    assert document["openapi"].startswith("3.1")
    validate_spec(document)
    assert {f"/api/v1{path}" for path in document["paths"]} == set(ENDPOINTS)


@pytest.mark.django_db
def test_openapi_document_is_served_with_cors_and_etag(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    validate_spec(response.json())
    again = client.get("/api/v1/openapi.json", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_endpoint_answers_get_with_cors_and_refuses_writes(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"].startswith('W/"')

    refused = client.post(url, {"title": "x"})
    assert refused.status_code == 405
    assert "GET" in refused["Allow"]
    assert "nur gelesen" in refused.json()["error"]["message"]

    preflight = client.options(url, headers={"Origin": "https://www.stadt-hameln.de"})
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]


@pytest.mark.django_db
def test_rate_limit_per_ip_answers_429_in_german_with_retry_after(client, home_page, settings):
    settings.API_RATE_LIMIT = (3, 60)
    for _ in range(3):
        assert client.get(ENDPOINTS[0], REMOTE_ADDR="203.0.113.7").status_code == 200

    limited = client.get(ENDPOINTS[1], REMOTE_ADDR="203.0.113.7")

    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited["Access-Control-Allow-Origin"] == "*"
    assert "Zu viele Anfragen" in limited.json()["error"]["message"]
    # Another address has its own budget.
    assert client.get(ENDPOINTS[1], REMOTE_ADDR="198.51.100.1").status_code == 200
