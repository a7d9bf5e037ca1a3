"""A breadth-first crawler over the site's own links, through Django's test client.

`crawl(client)` starts at the home page (and any extra start paths), follows every
internal `<a href>` and returns a `CrawlResult`: the pages visited, the failures
(5xx, HTML pages without exactly one `h1`, broken internal links, inline scripts, styles
or event handlers the Content-Security-Policy would block) and, per template,
one path that renders it (the browser test runs axe once per template).

Bounded on purpose: query-string variants of one path (filters, pagination) are
followed only a few times, file downloads (.ics, .rss, .zip …) are only status-checked,
and the admin, static and media files, and logging out are never followed.
"""

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.urls import Resolver404, resolve

SKIPPED_PREFIXES = (
    "/admin/", "/django-admin/", "/static/", "/media/", "/konto/logout/",
)
# Followed for their status only: their body is a file, not a page with links.
DOWNLOAD_SUFFIXES = (".ics", ".rss", ".xml", ".zip", ".csv", ".pdf", ".json", ".txt", ".vcf")
QUERY_VARIANTS_PER_PATH = 3
# Addresses of one URL pattern (e.g. every forum thread) past this many render the same
# view and template again; Wagtail pages (one catch-all pattern) are never capped.
PATHS_PER_ROUTE = 12
MAX_PAGES = 3000


# Script types a browser does not run: data blocks, which a CSP does not block either.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}


class _LinksAndHeadings(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.h1_count = 0
        self.inline_code = []  # what the Content-Security-Policy would block

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a":
            href = attributes.get("href")
            if href:
                self.links.append(href)
        elif tag == "h1":
            self.h1_count += 1
        if tag == "script" and not attributes.get("src") and not attributes.get("nonce"):
            if (attributes.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                self.inline_code.append("<script> ohne src")
        if tag == "style" and not attributes.get("nonce"):
            self.inline_code.append("<style>")
        if "style" in attributes:
            self.inline_code.append(f"style-Attribut an <{tag}>")
        for name in attributes:
            if name.startswith("on"):
                self.inline_code.append(f"{name}-Attribut an <{tag}>")


@dataclass
class CrawlResult:
    visited: dict = field(default_factory=dict)  # path -> status
    failures: list = field(default_factory=list)
    templates: dict = field(default_factory=dict)  # template name -> one path
    capped: bool = False
    skipped: int = 0  # links not followed because of the per-path and per-route bounds

    def describe(self):
        return "\n".join(self.failures)


def _internal_path(href, base_path):
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    absolute = urljoin("http://testserver" + base_path, href)
    absolute, _fragment = urldefrag(absolute)
    parts = urlsplit(absolute)
    if parts.scheme not in {"http", "https"} or parts.hostname not in {
        "testserver", "localhost", "127.0.0.1",
    }:
        return None
    path = parts.path or "/"
    return path + (f"?{parts.query}" if parts.query else "")


def _skipped(path):
    return path.startswith(SKIPPED_PREFIXES)


def _route(path):
    try:
        match = resolve(path.split("?", 1)[0])
    except Resolver404:
        return None
    if match.url_name == "wagtail_serve":
        return None
    return match.route


def _is_download(path):
    return path.split("?", 1)[0].lower().endswith(DOWNLOAD_SUFFIXES)


def _page_template(response):
    """The outermost template of a rendered response (the page's own template)."""
    names = [t.name for t in getattr(response, "templates", []) or [] if t.name]
    return names[0] if names else None


def crawl(client, *, start=("/",), label="", max_pages=MAX_PAGES):
    result = CrawlResult()
    queue = deque(start)
    seen = set(start)
    variants = {}
    per_route = {}
    referrers = {}
    while queue:
        path = queue.popleft()
        if len(result.visited) >= max_pages:
            result.capped = True
            break
        response = client.get(path)
        status = response.status_code
        result.visited[path] = status
        where = f"[{label}] {path}"
        if status >= 500:
            result.failures.append(f"{where}: HTTP {status}")
            continue
        if status == 404:
            result.failures.append(
                f"{where}: HTTP 404, verlinkt von {referrers.get(path, '(Start)')}"
            )
        if status in {301, 302, 303, 307, 308}:
            target = _internal_path(response["Location"], path.split("?")[0])
            if target and target not in seen and not _skipped(target):
                seen.add(target)
                queue.append(target)
            continue
        content_type = response.get("Content-Type", "")
        if _is_download(path) or "text/html" not in content_type:
            continue
        html = response.content.decode(response.charset or "utf-8", errors="replace")
        parser = _LinksAndHeadings()
        parser.feed(html)
        if parser.h1_count != 1:
            result.failures.append(f"{where}: {parser.h1_count} <h1> statt genau einer")
        if parser.inline_code:
            result.failures.append(
                f"{where}: Inline-Code, den die CSP blockiert: "
                + ", ".join(sorted(set(parser.inline_code)))
            )
        template = _page_template(response)
        if template and status == 200:
            result.templates.setdefault(template, path)
        for href in parser.links:
            target = _internal_path(href, path.split("?")[0])
            if not target or target in seen or _skipped(target):
                continue
            bare = target.split("?", 1)[0]
            if "?" in target:
                variants[bare] = variants.get(bare, 0) + 1
                if variants[bare] > QUERY_VARIANTS_PER_PATH:
                    continue
            route = _route(target)
            if route is not None:
                per_route[route] = per_route.get(route, 0) + 1
                if per_route[route] > PATHS_PER_ROUTE:
                    continue
            seen.add(target)
            referrers[target] = path
            queue.append(target)
    return result
