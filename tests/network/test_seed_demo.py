from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from demo.data import load
from network.models import Organisation, User

DEMO_PASSWORD, PEOPLE = load("network").DEMO_PASSWORD, load("network").PEOPLE

PROJECT_APPS = {"network", "bestpractice", "webtalks", "matchmaking", "sitesearch"}


def row_counts():
    counted = [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS | {"wagtailcore", "taggit", "account"}
    ]
    return {model._meta.label: model.objects.count() for model in counted}


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_twice_gives_the_same_counts():
    seed()
    first = row_counts()
    seed()
    assert row_counts() == first


@pytest.mark.django_db
def test_seed_demo_covers_every_kind_and_role():
    output = seed()
    approved = Organisation.objects.approved()
    assert approved.count() >= 15
    assert set(approved.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    assert approved.values("bundesland").distinct().count() >= 5
    assert Organisation.objects.filter(status=Organisation.Status.PENDING).exists()

    assert User.objects.filter(is_superuser=True).exists()
    assert User.objects.filter(groups__name="Editors").exists()
    moderator = User.objects.get(email="moderation@stadtlabor.example")
    assert moderator.has_perm("network.moderate")
    municipal = User.objects.get(email="citymanagerin@iserlohn.example")
    assert municipal.memberships.get().organisation.is_municipal
    provider = User.objects.get(email="anbieter@frequenzwerk.example")
    assert provider.memberships.get().organisation.is_provider

    for person in PEOPLE:
        assert person["email"] in output
        assert User.objects.get(email=person["email"]).check_password(DEMO_PASSWORD)
    assert DEMO_PASSWORD in output


@pytest.mark.django_db
def test_seeded_site_serves_the_german_home_page(client):
    seed()
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="de"' in response.content.decode()
    assert "Gemeinsam für lebendige Innenstädte" in response.content.decode()
