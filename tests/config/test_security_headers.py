"""Content-Security-Policy and Permissions-Policy on every response."""

import re

import pytest

from bestpractice.video import frame_page_url
from tests.factories import UserFactory


def _directives(policy):
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


@pytest.mark.parametrize("path", ["/", "/mitglieder/", "/konto/login/", "/gibt-es-nicht/"])
def test_site_pages_have_a_strict_policy(client, home_page, path):
    response = client.get(path)
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        sources = policy[directive]
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
        assert all(s == "'self'" or s.startswith("'nonce-") for s in sources), sources
    for sources in policy.values():
        assert not [s for s in sources if "://" in s or s in {"*", "https:", "http:"}], sources
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions


def test_the_nonce_changes_with_every_response(client, home_page):
    first = client.get("/")["Content-Security-Policy"]
    second = client.get("/")["Content-Security-Policy"]
    nonce = re.compile(r"'nonce-([^']+)'")
    assert nonce.search(first).group(1) != nonce.search(second).group(1)


def test_the_admin_has_its_own_same_origin_policy(client, home_page):
    editor = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    for sources in policy.values():
        assert not [s for s in sources if "://" in s or s in {"*", "https:", "http:"}], sources
    assert "Permissions-Policy" in response


def test_only_the_video_frame_page_names_the_video_host(client, home_page):
    embed = "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
    response = client.get(frame_page_url(embed))
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["frame-src"] == ["'self'", "https://www.youtube-nocookie.com"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert embed.replace("&", "&amp;") in response.content.decode()


def test_the_video_frame_page_embeds_only_signed_addresses(client, home_page):
    response = client.get("/video/?v=https://evil.example/")
    assert response.status_code == 404
    assert "evil.example" not in response["Content-Security-Policy"]
