"""Pure text helpers of the forum: Markdown to safe HTML, mentions, links, quotes.

No database: plain strings in and out. Every rendered text goes through `sanitize_html()`,
so raw HTML typed into Markdown is reduced to the same allow-list as everywhere else.
"""

import re

import markdown as markdown_lib
from django.utils.translation import gettext as _
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from network.sanitize import sanitize_html

# Mentions look like "@anna-schmidt-42": the completion inserts the name's slug and the
# member's id; only the id decides who is meant, the slug keeps the text readable.
MENTION_PATTERN = re.compile(r"(?<![\w@/])@(?P<handle>[a-z0-9]+(?:-[a-z0-9]+)*?-(?P<id>\d+))\b")
_ANCHOR = re.compile(r"<a\s", re.IGNORECASE)
_MARKDOWN_EXTENSIONS = ["fenced_code", "sane_lists", "nl2br", "tables"]
# The gender star and its kin inside a word ("Eigentümer*innen", "Bürger:in",
# "Händler_innen") are letters of the word, never the start or end of emphasis.
GENDER_MARK_PATTERN = r"(?<=[^\W\d_])[*_:](?:innen|in)(?![^\W\d_])"


class _GenderMark(InlineProcessor):
    def handleMatch(self, match, data):
        # A string is kept as text: emphasis never sees the star.
        return match.group(0), match.start(0), match.end(0)


class GenderMarkExtension(Extension):
    def extendMarkdown(self, md):
        # Above emphasis (60), below code spans (190) and escapes (180).
        md.inlinePatterns.register(_GenderMark(GENDER_MARK_PATTERN, md), "gender_mark", 70)


def render_markdown(text):
    """Markdown → HTML → `sanitize_html()`; the result may be marked safe in templates."""
    if not text or not text.strip():
        return ""
    html = markdown_lib.markdown(
        str(text),
        extensions=[*_MARKDOWN_EXTENSIONS, GenderMarkExtension()],
        output_format="html",
    )
    return sanitize_html(html)


def mentioned_ids(text):
    """Ids of the members mentioned in `text`, in order of first mention."""
    return list(dict.fromkeys(int(match.group("id")) for match in MENTION_PATTERN.finditer(text)))


def mention_handle(slug, user_id):
    return f"@{slug or 'mitglied'}-{user_id}"


def count_links(html):
    """Links in rendered (sanitised, linkified) HTML: what a reader could click."""
    return len(_ANCHOR.findall(html or ""))


def quote_markdown(author_name, body_markdown, max_length=600):
    """The Markdown block a reply starts with when it quotes a post."""
    text = (body_markdown or "").strip()
    if len(text) > max_length:
        text = text[:max_length].rstrip() + " …"
    quoted = "\n".join(f"> {line}" if line else ">" for line in text.splitlines())
    heading = _("%(name)s schrieb:") % {"name": author_name}
    return f"> **{heading}**\n>\n{quoted}\n\n"
