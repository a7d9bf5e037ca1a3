"""Template tags of the forum: `{% page_discussion page %}`, the bell's unread count.

The implementation lives in `network.forum.templatetags`; Django finds tag libraries only
in an app's `templatetags` package, so this module just exposes it.
"""

from network.forum.templatetags import register  # noqa: F401
