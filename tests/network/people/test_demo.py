import pytest

from demo import people as demo_people
from network.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_people_get_topics_and_visibility_idempotently():
    UserFactory(email="citymanagerin@iserlohn.example")
    demo_people.load_demo(None)
    demo_people.load_demo(None)
    person = User.objects.get(email="citymanagerin@iserlohn.example")
    assert person.profile_visibility == User.ProfileVisibility.PUBLIC
    assert sorted(person.expertise.names()) == ["Citymanagement", "Frequenz", "Leerstand"]
    assert person.tagged_expertise.count() == 3
