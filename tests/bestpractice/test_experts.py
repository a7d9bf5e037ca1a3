""""Ansprechpersonen zum Thema" on a case study page: visible people with overlapping
topics, in one bounded query."""

import pytest
from django.contrib.auth.models import AnonymousUser

from network.models import User
from network.people_selectors import experts_for_item
from tests.factories import make_member

pytestmark = pytest.mark.django_db

Profile = User.ProfileVisibility


def test_case_study_page_lists_visible_experts(client, make_case_study,
                                               django_assert_max_num_queries):
    page = make_case_study(title="Pop-up-Stores", topics=["Leerstand", "Handel"])
    public = make_member(first_name="Paula", last_name="Lind", profile_visibility=Profile.PUBLIC)
    public.expertise.add("Leerstand")
    members_only = make_member(first_name="Mira", profile_visibility=Profile.MEMBERS)
    members_only.expertise.add("Leerstand", "Handel")
    hidden = make_member(first_name="Hanna", profile_visibility=Profile.HIDDEN)
    hidden.expertise.add("Leerstand")
    unrelated = make_member(first_name="Uwe", profile_visibility=Profile.PUBLIC)
    unrelated.expertise.add("Verkehr")

    html = client.get(page.url).content.decode()
    assert "Ansprechpersonen zum Thema" in html
    assert "Paula Lind" in html
    assert "Mira" not in html and "Hanna" not in html and "Uwe" not in html

    with django_assert_max_num_queries(1):
        experts = experts_for_item(page, AnonymousUser())
    assert [p.first_name for p in experts] == ["Paula"]
    viewer = make_member()
    assert [(p.first_name, p.overlap) for p in experts_for_item(page, viewer)] == [
        ("Mira", 2), ("Paula", 1)
    ]
