"""RSS and Atom feed of each public forum category: its newest threads with their opening
post. Categories for members or closed groups have no feed (404), whoever asks: feed
readers fetch without a session."""

from django.http import Http404
from django.utils.translation import gettext as _

from network.feeds import SiteFeed, atom_variant
from network.forum import selectors


class CategoryFeed(SiteFeed):
    def get_object(self, request, slug):
        category = selectors.public_category(slug)
        if category is None:
            raise Http404(_("Diese Kategorie gibt es nicht oder sie ist nicht öffentlich."))
        return category

    def title(self, category):
        return _("Stadtlabor-Forum: %(name)s") % {"name": category.name}

    def description(self, category):
        return category.description or _("Neue Themen im Forum „%(name)s“.") % {
            "name": category.name
        }

    def link(self, category):
        return category.get_absolute_url()

    def items(self, category):
        return selectors.category_feed_items(category, limit=self.item_limit)

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        # Already sanitised on save (sanitize_html); feed readers render it as HTML.
        openings = thread.opening_posts
        return openings[0].body_html if openings else ""

    def item_author_name(self, thread):
        return thread.author.display_name if thread.author else None

    def item_pubdate(self, thread):
        return thread.created_at

    def item_updateddate(self, thread):
        return thread.last_activity_at


CategoryAtomFeed = atom_variant(CategoryFeed)
