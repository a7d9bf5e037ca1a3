"""How much a report counts (pure: no database).

A post is hidden for review once its open reports weigh `REPORTS_TO_HIDE`. A report from an
established account (at least `ESTABLISHED_AFTER` old when it reported) weighs 1; one from a
newer account weighs `NEW_ACCOUNT_WEIGHT`, so a handful of fresh accounts cannot hide a post
on their own: it takes three established members, or two established and two new, or six new.
"""

import datetime

REPORTS_TO_HIDE = 3
ESTABLISHED_AFTER = datetime.timedelta(days=7)  # as forum.services.NEW_ACCOUNT_AGE
NEW_ACCOUNT_WEIGHT = 0.5


def report_weight(reported_at, account_created_at):
    if account_created_at is None or reported_at - account_created_at >= ESTABLISHED_AFTER:
        return 1.0
    return NEW_ACCOUNT_WEIGHT


def reports_weight(reports):
    """`reports`: (reported_at, reporter's date_joined) pairs of the open reports of a post."""
    return sum(report_weight(at, joined) for at, joined in reports)


def hides_post(reports):
    return reports_weight(reports) >= REPORTS_TO_HIDE
