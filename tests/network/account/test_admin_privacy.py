"""The Wagtail admin makes no request to gravatar.com (the privacy page promises it)."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_pages_have_no_gravatar(client, home_page, settings):
    editor = UserFactory(is_staff=True, is_superuser=True, email="redaktion@example.org")
    client.force_login(editor)
    for url in ("/admin/", "/admin/users/", f"/admin/pages/{home_page.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
