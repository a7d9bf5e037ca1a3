"""Search documents of the matchmaking: pain points, offers and funding programmes.

Pain points are members-only unless their municipality made them public; offers carry
their own visibility; funding programmes are public while their deadline has not passed.
"""

from django.utils.translation import gettext_lazy as _

from matchmaking.models import Funder, FundingProgramme, Offer, PainPoint, Visibility
from network.models import Bundesland
from search.documents import MEMBERS, PUBLIC, DocumentProvider, SearchDocument, register


def _visibility(item):
    return PUBLIC if item.visibility == Visibility.PUBLIC else MEMBERS


def _tags(item):
    return [tagged.tag.name for tagged in item.tagged_items.all()]


class PainPointDocuments(DocumentProvider):
    type = "pain_point"
    model = PainPoint
    label = _("Bedarfe")
    facets = {"bundesland": _("Bundesland")}

    def get_queryset(self):
        return PainPoint.objects.listed().select_related("organisation").prefetch_related(
            "tagged_items__tag"
        )

    def build_document(self, pain_point):
        return SearchDocument(
            type=self.type,
            id=pain_point.pk,
            title=pain_point.title,
            body="\n".join((pain_point.organisation.name, pain_point.description)),
            tags=_tags(pain_point),
            facets={"bundesland": pain_point.organisation.bundesland},
            url=pain_point.get_absolute_url(),
            visibility=_visibility(pain_point),
            date=pain_point.updated_at,
        )

    def facet_value_label(self, name, value):
        return Bundesland(value).label if value in Bundesland.values else value


class OfferDocuments(DocumentProvider):
    type = "offer"
    model = Offer
    label = _("Lösungsangebote")

    def get_queryset(self):
        return Offer.objects.listed().select_related("organisation").prefetch_related(
            "tagged_items__tag"
        )

    def build_document(self, offer):
        return SearchDocument(
            type=self.type,
            id=offer.pk,
            title=offer.title,
            body="\n".join((offer.organisation.name, offer.description)),
            tags=_tags(offer),
            url=offer.get_absolute_url(),
            visibility=_visibility(offer),
            date=offer.updated_at,
        )


class FundingDocuments(DocumentProvider):
    type = "funding"
    model = FundingProgramme
    label = _("Förderprogramme")
    facets = {"funder": _("Fördergeber")}

    def get_queryset(self):
        return FundingProgramme.objects.open_on().prefetch_related("tagged_items__tag")

    def build_document(self, programme):
        from django.urls import reverse

        return SearchDocument(
            type=self.type,
            id=programme.pk,
            title=programme.name,
            body="\n".join(filter(None, (programme.funder_name, programme.description))),
            tags=_tags(programme),
            facets={"funder": programme.funder},
            url=f"{reverse('matchmaking:funding_list')}#programm-{programme.pk}",
            visibility=PUBLIC,
            date=programme.updated_at,
        )

    def facet_value_label(self, name, value):
        return Funder(value).label if value in Funder.values else value


def register_documents():
    register(PainPointDocuments())
    register(OfferDocuments())
    register(FundingDocuments())
