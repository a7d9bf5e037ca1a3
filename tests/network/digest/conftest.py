import pytest
from django.contrib.auth.models import Group, Permission

from tests.bestpractice.conftest import (  # noqa: F401 - fixtures
    article_index,
    library,
    make_article,
    make_case_study,
)
from tests.factories import UserFactory
from tests.smtp_server import SmtpServer
from tests.webtalks.conftest import events_index, make_event  # noqa: F401 - fixtures


@pytest.fixture
def smtp_server(tmp_path, settings):
    """A real SMTP server process; Django sends to it."""
    server = SmtpServer(tmp_path, store=True)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server
    server.stop()


@pytest.fixture
def editor(db):
    user = UserFactory(email="redaktion@example.org")
    group, _ = Group.objects.get_or_create(name="Redaktion Wochenübersicht")
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="network",
        codename__in=["add_digestissue", "change_digestissue", "view_digestissue"],
    ))
    user.groups.add(group)
    perm = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    group.permissions.add(perm)
    return type(user).objects.get(pk=user.pk)


def confirmed(email, **fields):
    from network.models import Subscription, SubscriptionStatus

    fields.setdefault("status", SubscriptionStatus.CONFIRMED)
    return Subscription.objects.create(email=email, **fields)
