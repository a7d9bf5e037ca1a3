"""Helpers of the matchmaking view tests."""

from tests.html_checks import html_problems


def assert_clean(html):
    assert html_problems(html) == []
    return True


def page(client, url, status=200):
    """GET `url`, check the status and the page's structure, return the HTML."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    html = response.content.decode()
    assert html_problems(html) == [], (url, html_problems(html))
    return html
