"""RSS and Atom feed of new case studies and articles."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from bestpractice import selectors
from bestpractice.models import BestPracticePage


class LibraryFeed(Feed):
    title = _("Stadtlabor – neue Praxisbeispiele und Impulse")
    description = _(
        "Neue Praxisbeispiele aus Kommunen, Impulse der Woche und aktuelle Informationen "
        "für lebendige Innenstädte."
    )
    language = "de"

    def link(self):
        return "/praxisbeispiele/"

    def items(self):
        return selectors.feed_items(limit=30)

    def item_title(self, item):
        if isinstance(item, BestPracticePage):
            return f"{_('Praxisbeispiel')}: {item.title} ({item.organisation.name})"
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item):
        return item.summary if isinstance(item, BestPracticePage) else item.intro

    def item_link(self, item):
        return item.url  # made absolute by Feed with the request's host

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.topics.all()]


class LibraryAtomFeed(LibraryFeed):
    feed_type = Atom1Feed
    subtitle = LibraryFeed.description
