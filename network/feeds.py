"""One base for every RSS/Atom feed of the site: German, absolute links, a fixed length.

A feed subclasses `SiteFeed` (RSS 2.0) and gets its Atom twin with `atom_variant()`; the
items come from a selector, so a feed's query count does not grow with its length.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 30


class SiteFeed(Feed):
    language = "de"
    item_limit = FEED_LENGTH

    def item_link(self, item):
        # Pages know their own URL; Feed makes it absolute with the request's host.
        if hasattr(item, "get_absolute_url"):
            return item.get_absolute_url()
        return item.url

    def item_categories(self, item):
        # `tagged_items` is prefetched with its tags by the feed selectors.
        tagged = getattr(item, "tagged_items", None)
        return [row.tag.name for row in tagged.all()] if tagged is not None else []


def atom_variant(feed_class):
    """The Atom twin of an RSS feed class (same items, Atom's `subtitle` from `description`)."""
    return type(
        feed_class.__name__.replace("Feed", "") + "AtomFeed",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
