"""/api/v1/: the read-only open-data API. Each type's endpoint lives in its app's `api`
package; config/api.py holds what they share, config/openapi.py describes them."""

from django.urls import path

from bestpractice.api.views import case_studies
from config.api import api_view, json_document
from config.openapi import openapi_document
from matchmaking.api.views import funding_programmes
from network.api.views import organisations
from webtalks.api.views import events

app_name = "api"


@api_view
def openapi(request):
    return json_document(request, openapi_document())


urlpatterns = [
    path("openapi.json", openapi, name="openapi"),
    path("case-studies/", case_studies, name="case_studies"),
    path("events/", events, name="events"),
    path("funding-programmes/", funding_programmes, name="funding_programmes"),
    path("organisations/", organisations, name="organisations"),
]
