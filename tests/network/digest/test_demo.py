from io import StringIO

import pytest

from demo import digest as digest_demo
from demo.network import DemoContext
from network.digest import selectors
from network.models import ConsentRecord, DigestIssue, DigestItem, IssueStatus, Subscription

pytestmark = pytest.mark.django_db


def test_digest_demo_is_idempotent_with_archive_and_scheduled_draft(home_page):
    context = DemoContext(stdout=StringIO())
    digest_demo.load_demo(context)
    counts = (DigestIssue.objects.count(), DigestItem.objects.count(),
              Subscription.objects.count(), ConsentRecord.objects.count())
    digest_demo.load_demo(context)
    assert counts == (DigestIssue.objects.count(), DigestItem.objects.count(),
                      Subscription.objects.count(), ConsentRecord.objects.count())
    assert selectors.public_issues().count() >= 2
    assert DigestIssue.objects.filter(status=IssueStatus.SCHEDULED).count() == 1


def test_seed_demo_lists_the_digest_loader():
    from network.management.commands.seed_demo import DEMO_MODULES

    assert "demo.digest" in DEMO_MODULES
