import io

import pytest
from django.core.management import call_command

from bestpractice.models import BestPracticePage

pytestmark = pytest.mark.django_db


def test_seed_case_studies_builds_a_library_from_nothing_and_tops_it_up(client):
    out = io.StringIO()
    call_command("seed_case_studies", "--scale", "5", "--towns", "3", stdout=out)
    assert BestPracticePage.objects.live().count() == 5
    assert "5/5" in out.getvalue()
    call_command("seed_case_studies", "--scale", "7", "--towns", "3", stdout=io.StringIO())
    assert BestPracticePage.objects.live().count() == 7
    response = client.get("/praxisbeispiele/")
    assert response.status_code == 200 and response.context["result_count"] == 7
