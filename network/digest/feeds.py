from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.digest import selectors


class DigestFeed(Feed):
    title = _("Stadtlabor – Wochenübersicht")
    description = _("Die Wochenübersicht des Stadtlabors: Impuls der Woche, Veranstaltungen, "
                    "Praxisbeispiele und neue Mitglieder.")
    language = "de"

    def link(self):
        return reverse("digest:archive")

    def items(self):
        return selectors.public_issues()[:20]

    def item_title(self, issue):
        return issue.title

    def item_description(self, issue):
        return issue.editorial[:500]

    def item_pubdate(self, issue):
        return issue.sent_at
