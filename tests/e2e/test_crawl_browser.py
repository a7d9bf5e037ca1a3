"""axe-core on one page per distinct template the crawl finds, as the role that found it.

The crawl (tests/crawl.py, the same as tests/config/test_crawl.py) runs through Django's
test client against the seeded demo; each template it met is then opened once in
Chromium, with that role's session cookie, and checked with axe-core (WCAG 2.1 AA).
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
def demo_pages(transactional_db, settings, tmp_path):
    call_command("seed_demo", stdout=StringIO())
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


def _open_as(browser_session, role, cache):
    if role in cache:
        return cache[role]
    page = browser_session.new_page()
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
        page.goto(path)
        violations = axe_violations(page)
        if violations:
            problems.append(
                f"{template} ({role}, {path}):\n  " + describe_violations(violations)
            )
    assert problems == [], f"{len(problems)} Vorlagen mit axe-Verstößen:\n" + "\n".join(problems)
