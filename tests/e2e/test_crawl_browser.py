"""axe-core and the CSP on one page per distinct template the crawl finds.

The crawl (tests/crawl.py, the same as tests/config/test_crawl.py) runs through Django's
test client against the seeded demo; each template it met is then opened once in
Chromium, with the session cookie of the role that found it, and checked with axe-core
(WCAG 2.1 AA) and for Content-Security-Policy violations. The Wagtail admin is checked
for CSP violations as the editor.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from network.models import User
from tests.config.test_crawl import ROLES
from tests.crawl import crawl
from tests.e2e.browser import axe_violations, describe_violations

# Enough pages per role to meet every template; the full crawl is the other test's job.
PAGES_PER_ROLE = 400


@pytest.fixture
def demo_site(transactional_db):
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def demo_pages(demo_site):
    pages = {}  # template -> (role, path)
    for role, email in ROLES.items():
        client = Client()
        start = ["/"]
        if email:
            client.force_login(User.objects.get(email=email))
            start.append("/mein-konto/")
        result = crawl(client, start=start, label=role, max_pages=PAGES_PER_ROLE)
        for template, path in result.templates.items():
            pages.setdefault(template, (role, path))
    return pages


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def csp_violations(page, console):
    reported = page.evaluate("window.__cspViolations || []")
    return reported + [text for text in console if "Content Security Policy" in text]


def _open_as(browser_session, role, cache):
    if role in cache:
        return cache[role]
    page = browser_session.new_page()
    page.context.add_init_script(CSP_LISTENER)
    page.console_texts = []
    page.on("console", lambda message: page.console_texts.append(message.text))
    email = ROLES[role]
    if email:
        client = Client()
        client.force_login(User.objects.get(email=email))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{
            "name": settings.SESSION_COOKIE_NAME, "value": cookie.value,
            "url": browser_session.base_url,
        }])
    cache[role] = page
    return page


def test_every_template_is_accessible(demo_pages, browser_session):
    assert len(demo_pages) > 20, demo_pages
    problems = []
    pages = {}
    for template, (role, path) in sorted(demo_pages.items()):
        page = _open_as(browser_session, role, pages)
        page.console_texts.clear()
        page.goto(path)
        violations = axe_violations(page)
        if violations:
            problems.append(
                f"{template} ({role}, {path}):\n  " + describe_violations(violations)
            )
        blocked = csp_violations(page, page.console_texts)
        if blocked:
            problems.append(f"{template} ({role}, {path}): CSP-Verstöße {blocked}")
    assert problems == [], f"{len(problems)} Vorlagen mit Verstößen:\n" + "\n".join(problems)


ADMIN_PATHS = [
    "/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/snippets/",
    "/admin/users/", "/admin/reports/locked/", "/django-admin/",
]


def test_the_wagtail_admin_runs_under_its_policy(demo_site, browser_session):
    from wagtail.models import Page

    pages = {}
    page = _open_as(browser_session, "Redaktion", pages)
    page.set_default_timeout(60_000)  # the page editor loads a lot of script
    editable = Page.objects.live().filter(depth__gte=3).order_by("path").first()
    paths = ADMIN_PATHS + [
        f"/admin/pages/{editable.pk}/edit/", f"/admin/pages/{editable.pk}/",
    ]
    problems = []
    for path in paths:
        page.console_texts.clear()
        response = page.goto(path)
        page.wait_for_load_state("networkidle")
        blocked = csp_violations(page, page.console_texts)
        if blocked:
            problems.append(f"{path} (HTTP {response.status}): {blocked}")
    assert problems == [], "CSP-Verstöße im Admin:\n" + "\n".join(problems)
