"""Search documents of the network app: approved organisations (public).

Other apps copy this pattern: a `<app>/search.py` with a DocumentProvider, registered
from the app's `ready()`.
"""

from django.utils.translation import gettext_lazy as _

from network.models import Bundesland, Organisation, TaggedOrganisation
from network.sanitize import strip_html
from search.documents import PUBLIC, DocumentProvider, SearchDocument, register


class OrganisationDocuments(DocumentProvider):
    type = "organisation"
    model = Organisation
    label = _("Organisationen")
    facets = {"kind": _("Art der Organisation"), "bundesland": _("Bundesland")}
    watched_m2m = (TaggedOrganisation,)

    def get_queryset(self):
        return Organisation.objects.approved().prefetch_related("topics")

    def build_document(self, organisation):
        place = ", ".join(
            part for part in (organisation.town, organisation.get_bundesland_display()) if part
        )
        description = strip_html(organisation.description)
        return SearchDocument(
            type=self.type,
            id=organisation.pk,
            title=organisation.name,
            body=" – ".join(part for part in (place, description) if part),
            tags=[tag.name for tag in organisation.topics.all()],
            facets={"kind": organisation.kind, "bundesland": organisation.bundesland},
            url=organisation.get_absolute_url(),
            visibility=PUBLIC,
            date=organisation.reviewed_at or organisation.created_at,
        )

    def facet_value_label(self, name, value):
        choices = {"kind": Organisation.Kind, "bundesland": Bundesland}[name]
        try:
            return choices(value).label
        except ValueError:
            return value


def register_documents():
    register(OrganisationDocuments())
