"""Factories for the matchmaking's rows; topics are given as a list of tag names."""

import factory

from matchmaking.models import FundingProgramme, Offer, PainPoint
from tests.factories import OrganisationFactory, ProviderFactory, UserFactory


class _WithTopics(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.add(*extracted)


class PainPointFactory(_WithTopics):
    class Meta:
        model = PainPoint

    organisation = factory.SubFactory(OrganisationFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Leerstand in der Fußgängerzone {n}")
    description = "Immer mehr Ladenlokale in der Innenstadt stehen leer."


class OfferFactory(_WithTopics):
    class Meta:
        model = Offer

    organisation = factory.SubFactory(ProviderFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Leerstandsmanagement aus einer Hand {n}")
    description = "Wir vermitteln Zwischennutzungen für leere Ladenlokale."


class FundingProgrammeFactory(_WithTopics):
    class Meta:
        model = FundingProgramme

    name = factory.Sequence(lambda n: f"Programm Lebendige Zentren {n}")
    funder = "bund"
    description = "Förderung für Projekte gegen Leerstand in Innenstädten."
    applicant_kinds = factory.LazyFunction(lambda: ["kommune"])
    url = "https://foerderung.example.de/programm"
