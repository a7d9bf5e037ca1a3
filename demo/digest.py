"""Demo content of the Wochenübersicht: two sent issues in the archive, one scheduled
draft proposed from the current content, a few confirmed subscribers and members' choices
(each with its consent record). Idempotent: issues and subscriptions are found by slug and
address."""

import datetime
import json
from pathlib import Path

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from network.digest import selectors, services
from network.models import (
    ConsentAction,
    ConsentMethod,
    ConsentPurpose,
    DigestIssue,
    DigestItem,
    IssueStatus,
    Subscription,
    SubscriptionStatus,
    User,
)

DATA = Path(__file__).parent / "data" / "digest.json"


def load_demo(context):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for spec in data["sent_issues"]:
        _sent_issue(spec)
    _draft(data["draft"])
    for email in data["subscribers"]:
        _subscriber(email)
    for choice in data["members"]:
        user = User.objects.filter(email=choice["email"]).first()
        if user and not Subscription.objects.filter(user=user).exists():
            services.set_member_choice(user, choice["editorial"], choice["personal"])
    context.say(
        f"  Wochenübersicht: {selectors.public_issues().count()} Ausgaben im Archiv, "
        f"{Subscription.objects.filter(status=SubscriptionStatus.CONFIRMED).count()} Abos"
    )


def _items(issue, items):
    DigestItem.objects.bulk_create(
        DigestItem(issue=issue, sort_order=index, **item) for index, item in enumerate(items)
    )


def _sent_issue(spec):
    if DigestIssue.objects.filter(slug=spec["slug"]).exists():
        return
    sent_at = parse_datetime(spec["sent_at"])
    issue = DigestIssue.objects.create(
        slug=spec["slug"], title=spec["title"], editorial=spec["editorial"],
        status=IssueStatus.SENT, created_at=sent_at - datetime.timedelta(days=1),
        scheduled_at=sent_at, sent_at=sent_at,
    )
    _items(issue, spec["items"])


def _draft(spec):
    if DigestIssue.objects.filter(slug=spec["slug"]).exists():
        return
    now = timezone.now()
    since = selectors.last_sent_at() or now - selectors.FIRST_ISSUE_WINDOW
    when = timezone.localtime(now + datetime.timedelta(days=spec["schedule_days_ahead"]))
    when = when.replace(hour=spec["schedule_hour"], minute=0, second=0, microsecond=0)
    issue = DigestIssue.objects.create(
        slug=spec["slug"], title=spec["title"], editorial=spec["editorial"],
        status=IssueStatus.SCHEDULED, scheduled_at=when, covers_since=since,
    )
    _items(issue, selectors.proposal(since=since, now=now))


def _subscriber(email):
    if Subscription.objects.filter(email=email).exists():
        return
    now = timezone.now()
    Subscription.objects.create(email=email, status=SubscriptionStatus.CONFIRMED,
                                created_at=now, confirmed_at=now)
    services.record_consent(email, ConsentPurpose.DIGEST, ConsentAction.REQUESTED,
                            ConsentMethod.FORM, now=now)
    services.record_consent(email, ConsentPurpose.DIGEST, ConsentAction.OPT_IN,
                            ConsentMethod.CONFIRMATION_LINK, now=now)
