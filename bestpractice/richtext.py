"""Text typed into the submission form, to safe HTML and back.

Plain module, no database. Members type plain text with blank lines between paragraphs
(simple HTML such as <strong> or lists is allowed); everything stored passes through
`sanitize_html()`.
"""

import html
import re

from network.sanitize import sanitize_html

_BLOCK_TAG = re.compile(r"<\s*(p|ul|ol|h[2-4]|blockquote|table|pre)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def to_safe_html(text):
    """Sanitised HTML for `text`; paragraphs become <p>, single line breaks <br>."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    if not _BLOCK_TAG.search(text):
        paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]
        text = "".join("<p>" + "<br>".join(part.split("\n")) + "</p>" for part in paragraphs)
    return sanitize_html(text)


def to_editable_text(safe_html):
    """The stored HTML as the member would type it again (inverse of `to_safe_html`)."""
    if not safe_html:
        return ""
    text = re.sub(r"</p>\s*<p>", "\n\n", safe_html.strip())
    if text.startswith("<p>") and text.endswith("</p>") and not _BLOCK_TAG.search(text[3:]):
        text = text[3:-4]
    text = re.sub(r"<br\s*/?>", "\n", text)
    return html.unescape(text)
