"""Followers of a person hear when a case study that person submitted is published."""

import pytest

from bestpractice.models import CaseStudySubmission
from bestpractice.services import record_publication
from network import people_services
from network.models import Notification, NotificationKind, User
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def test_publication_notifies_followers_of_the_submitter(make_case_study):
    submitter = make_member(first_name="Lena", last_name="Lotsin",
                            profile_visibility=User.ProfileVisibility.PUBLIC)
    follower = make_member()
    people_services.follow_person(follower, submitter)
    page = make_case_study(title="Leerstandslotsin", organisation=submitter.memberships.get()
                           .organisation)
    CaseStudySubmission.objects.create(
        submitter=submitter, organisation=page.organisation, page=page,
        status=CaseStudySubmission.Status.IN_REVIEW, title=page.title,
    )
    record_publication(page)
    notification = Notification.objects.get(kind=NotificationKind.FOLLOW)
    assert notification.recipient == follower
    assert "Leerstandslotsin" in notification.message
    record_publication(page)  # already published: no second notification
    assert Notification.objects.filter(kind=NotificationKind.FOLLOW).count() == 1
