import datetime

import pytest
from django.utils import timezone

from network.models import ForumCategory, Visibility
from tests.factories import make_member, make_moderator


def _category(slug, visibility, **kwargs):
    return ForumCategory.objects.create(
        name=slug.replace("-", " ").title(), slug=slug, visibility=visibility, **kwargs
    )


@pytest.fixture
def public_category(db):
    return _category("allgemeines", Visibility.PUBLIC)


@pytest.fixture
def members_category(db):
    return _category("foerderprogramme", Visibility.MEMBERS)


@pytest.fixture
def group_category(db):
    return _category("ag-innenstadtfonds", Visibility.GROUP)


def established(user):
    """Older than the new-account limits."""
    user.date_joined = timezone.now() - datetime.timedelta(days=60)
    user.save(update_fields=["date_joined"])
    return user


@pytest.fixture
def member(db):
    return established(make_member(first_name="Anna", last_name="Schmidt"))


@pytest.fixture
def other_member(db):
    return established(make_member(first_name="Ben", last_name="Yilmaz"))


@pytest.fixture
def moderator(db):
    return established(make_moderator(first_name="Mia", last_name="Moderation"))
