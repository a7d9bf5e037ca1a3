""""Ansprechpersonen zum Thema" on a pain point's solution path (its own members only)."""

import pytest
from django.urls import reverse

from network.models import User
from tests.factories import make_member
from tests.matchmaking.factories import PainPointFactory

pytestmark = pytest.mark.django_db


def test_solution_path_shows_experts_to_the_pain_points_members(client):
    pain_point = PainPointFactory(topics=["Leerstand"])
    expert = make_member(first_name="Paula", last_name="Lind",
                         profile_visibility=User.ProfileVisibility.PUBLIC)
    expert.expertise.add("Leerstand")
    owner = make_member(pain_point.organisation)
    client.force_login(owner)
    html = client.get(reverse("matchmaking:pain_point", args=[pain_point.pk])).content.decode()
    assert "Ansprechpersonen zum Thema" in html and "Paula Lind" in html
