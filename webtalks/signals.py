"""Reactions to changes made elsewhere: approved organisations, published event pages.

`network.services.approve_organisation` saves the status with `update_fields`; that save
is the moment an organisation becomes approved, so we listen for exactly that.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from network.models import Organisation
from webtalks.models import Registration


@receiver(post_save, sender=Organisation, dispatch_uid="webtalks_welcome_invitation")
def invite_newly_approved(sender, instance, created, update_fields=None, **kwargs):
    if created or not update_fields or "status" not in update_fields:
        return
    if instance.status != Organisation.Status.APPROVED:
        return
    from webtalks.services import invite_to_welcome_webtalk

    transaction.on_commit(lambda: invite_to_welcome_webtalk(instance))


@receiver(page_published, dispatch_uid="webtalks_fill_seats_on_publish")
def fill_seats_when_capacity_grows(sender, instance, **kwargs):
    from webtalks.models import EventPage, EventSeriesPage
    from webtalks.services.registration import fill_seats_after_capacity_change

    if isinstance(instance, EventPage | EventSeriesPage):
        transaction.on_commit(lambda: fill_seats_after_capacity_change(instance))


@receiver(post_save, sender=Registration, dispatch_uid="webtalks_registration_access")
def close_live_room_after_cancellation(sender, instance, created, raw=False, **kwargs):
    """A cancelled seat no longer opens the live room: its open sockets re-check."""
    if not created and not raw and instance.user_id and (
        instance.status == Registration.Status.CANCELLED
    ):
        from network.realtime import announce_access_change_on_commit

        announce_access_change_on_commit(instance.user_id)
