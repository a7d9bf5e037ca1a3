"""RSS and Atom feeds of the library: everything new, and the articles alone."""

from django.utils.translation import gettext_lazy as _

from bestpractice import selectors
from bestpractice.models import ArticleKind, BestPracticePage
from network.feeds import SiteFeed, atom_variant


class LibraryFeed(SiteFeed):
    title = _("Stadtlabor – neue Praxisbeispiele und Impulse")
    description = _(
        "Neue Praxisbeispiele aus Kommunen, Impulse der Woche und aktuelle Informationen "
        "für lebendige Innenstädte."
    )

    def link(self):
        return "/praxisbeispiele/"

    def items(self):
        return selectors.feed_items(limit=self.item_limit)

    def item_title(self, item):
        if isinstance(item, BestPracticePage):
            return f"{_('Praxisbeispiel')}: {item.title} ({item.organisation.name})"
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item):
        return item.summary if isinstance(item, BestPracticePage) else item.intro

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class ArticleFeed(SiteFeed):
    """ "Impuls der Woche" and news; `?art=impulse` or `?art=news` narrows to one kind."""

    title = _("Stadtlabor – Impulse der Woche und aktuelle Informationen")
    description = _("Impulse von Expert*innen und Neuigkeiten für lebendige Innenstädte.")

    def get_object(self, request, *args, **kwargs):
        kind = request.GET.get("art", "")
        return kind if kind in ArticleKind.values else ""

    def link(self):
        return "/aktuelles/"

    def items(self, kind):
        return selectors.article_feed_items(kind=kind or None, limit=self.item_limit)

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item):
        return item.intro

    def item_author_name(self, item):
        return item.author_name or None

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


LibraryAtomFeed = atom_variant(LibraryFeed)
ArticleAtomFeed = atom_variant(ArticleFeed)
