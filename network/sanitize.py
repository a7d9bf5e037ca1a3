"""The one sanitiser for all user-written HTML (allow-list, bleach).

Plain module, no database: every service that stores user HTML calls
`sanitize_html()` before saving, and templates render only its output as safe.
"""

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
# is code or markup that must never reach the page as text either.
_DROP_WITH_CONTENT = ("script", "style", "noscript", "template", "iframe", "object", "svg", "math")


def _noopener(attrs, new=False):
    href_key = (None, "href")
    if href_key in attrs and attrs[href_key].startswith(("http://", "https://")):
        rel_key = (None, "rel")
        rel = set(filter(None, attrs.get(rel_key, "").split()))
        rel.update({"nofollow", "noopener"})
        attrs[rel_key] = " ".join(sorted(rel))
    return attrs


def _drop_dangerous_elements(html):
    for tag in _DROP_WITH_CONTENT:
        html = re.sub(
            rf"<{tag}\b[^>]*>.*?(</{tag}\s*>|$)", "", html, flags=re.IGNORECASE | re.DOTALL
        )
    return html


def sanitize_html(html):
    """Return `html` reduced to the allow-listed tags, attributes and URL schemes."""
    if not html:
        return ""
    return _cleaner.clean(_drop_dangerous_elements(str(html))).strip()


def strip_html(html):
    """Plain text of `html`, for snippets, e-mails and search documents."""
    if not html:
        return ""
    return bleach.clean(_drop_dangerous_elements(str(html)), tags=set(), strip=True).strip()
