"""Fixtures of the matchmaking tests: a town and a provider with one member each, and
publishing through the services with the recompute run right away."""

import pytest

from matchmaking import services
from tests.factories import OrganisationFactory, ProviderFactory, make_member


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what services schedule for after the commit (the recompute task) right away:
    `with committed(): services.create_offer(...)`."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def town():
    return OrganisationFactory(name="Stadt Einbeck", bundesland="NI", town="Einbeck",
                               population=31_000)


@pytest.fixture
def town_member(town):
    return make_member(town, email="lotsin@einbeck.example", first_name="Lena",
                       last_name="Lotsin")


@pytest.fixture
def provider():
    return ProviderFactory(name="Frequenzwerk GmbH")


@pytest.fixture
def provider_member(provider):
    return make_member(provider, email="vertrieb@frequenzwerk.example", first_name="Paul",
                       last_name="Passant")


@pytest.fixture
def publish_need(committed):
    def publish(user, title="Leerstand in der Fußgängerzone", topics=("Leerstand",),
                organisation=None, **extra):
        data = {"title": title, "description": extra.pop("description", "Viele Läden sind leer."),
                "topics": list(topics), **extra}
        with committed():
            return services.create_pain_point(
                user, organisation or user.memberships.first().organisation, data
            )

    return publish


@pytest.fixture
def publish_offer(committed):
    def publish(user, title="Leerstandsmanagement aus einer Hand", topics=("Leerstand",),
                organisation=None, **extra):
        data = {"title": title, "description": extra.pop("description", title),
                "topics": list(topics), "nationwide": True, **extra}
        with committed():
            return services.create_offer(
                user, organisation or user.memberships.first().organisation, data
            )

    return publish
