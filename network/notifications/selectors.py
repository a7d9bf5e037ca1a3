"""Reads of the notification centre."""

from django.db.models import Q

from network.models import Notification


def notifications_for(viewer):
    return Notification.objects.filter(recipient=viewer.user).filter(
        Q(thread__isnull=True) | Q(thread__in=viewer.visible_threads())
    )
