"""The one sanitiser for all user-written HTML (allow-list, bleach).

Plain module, no database: every service that stores user HTML calls
`sanitize_html()` before saving, and templates render only its output as safe.
"""

import html as html_lib
import re

import bleach
from bleach.css_sanitizer import CSSSanitizer

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4",
        "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
        "tbody", "td", "th", "thead", "tr", "u", "ul",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
    "abbr": ["title"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan", "scope"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    css_sanitizer=CSSSanitizer(allowed_css_properties=[]),
    filters=[
        # External links get rel="nofollow noopener" so user content cannot pass
        # search ranking or window.opener to third parties.
        lambda source: bleach.linkifier.LinkifyFilter(
            source, callbacks=[bleach.callbacks.nofollow, _noopener], parse_email=False
        ),
    ],
)

# Content of these elements is dropped entirely, not just the tags: their text
# is code or markup that must never reach the page as text either. Safety does not
# depend on this pre-filter (bleach's allow-list decides what survives); it only
# keeps the leftovers of hostile markup out of the visible text.
_DROP_WITH_CONTENT = (
    "script", "style", "noscript", "template", "iframe", "object", "svg", "math",
    "textarea", "title", "xmp", "noembed", "noframes", "plaintext",
)
# `[^<>]*` (not `[^>]*`) keeps the scan linear: an opening tag never runs past the
# next "<", so thousands of unclosed "<script" cannot make the regex quadratic.
_DROP_PATTERN = re.compile(
    r"<(?P<tag>{tags})\b[^<>]*>.*?(?:</(?P=tag)\s*>|$)".format(tags="|".join(_DROP_WITH_CONTENT)),
    flags=re.IGNORECASE | re.DOTALL,
)
# Block boundaries become spaces in plain text so "<p>a</p><p>b</p>" reads "a b".
_BLOCK_BOUNDARY = re.compile(
    r"<(?:br|hr|/p|/li|/h[1-6]|/blockquote|/pre|/tr|/td|/th|/div)\b[^<>]*>", re.IGNORECASE
)
_WHITESPACE = re.compile(r"\s+")


def _noopener(attrs, new=False):
    href_key = (None, "href")
    if href_key in attrs and attrs[href_key].startswith(("http://", "https://")):
        rel_key = (None, "rel")
        rel = set(filter(None, attrs.get(rel_key, "").split()))
        rel.update({"nofollow", "noopener"})
        attrs[rel_key] = " ".join(sorted(rel))
    return attrs


def _drop_dangerous_elements(html):
    return _DROP_PATTERN.sub("", html)


def sanitize_html(html):
    """Return `html` reduced to the allow-listed tags, attributes and URL schemes."""
    if not html:
        return ""
    return _cleaner.clean(_drop_dangerous_elements(str(html))).strip()


def strip_html(html):
    """Plain text of `html`, for snippets, e-mails and search documents.

    The result is text, not markup: "<" and "&" come back unescaped, so templates
    must let autoescaping escape it (never mark it safe).
    """
    if not html:
        return ""
    text = _BLOCK_BOUNDARY.sub(" ", _drop_dangerous_elements(str(html)))
    text = bleach.clean(text, tags=set(), strip=True, strip_comments=True)
    return _WHITESPACE.sub(" ", html_lib.unescape(text)).strip()
