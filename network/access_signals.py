"""Rights that websockets depend on changed: tell that person's open sockets (on commit).

Memberships and working-group lists also change in the admin, not only through services,
so the model signals are the one place that sees every change.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from network.models import ForumCategory, Membership, User
from network.realtime import announce_access_change_on_commit


def _membership_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and not created and instance.status != Membership.Status.ACTIVE:
        announce_access_change_on_commit(instance.user_id)


def _membership_deleted(sender, instance, **kwargs):
    announce_access_change_on_commit(instance.user_id)


def _group_members_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_remove", "pre_clear"}:
        return
    if reverse:  # user.<related>.remove(category): instance is the user
        announce_access_change_on_commit(instance.pk)
        return
    user_ids = pk_set if action == "post_remove" else instance.group_members.values_list(
        "pk", flat=True
    )
    for user_id in list(user_ids or ()):
        announce_access_change_on_commit(user_id)


def _user_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and not created and not instance.is_active:
        announce_access_change_on_commit(instance.pk)


def connect():
    post_save.connect(_membership_saved, sender=Membership, dispatch_uid="access_membership_saved")
    post_delete.connect(
        _membership_deleted, sender=Membership, dispatch_uid="access_membership_deleted"
    )
    m2m_changed.connect(
        _group_members_changed,
        sender=ForumCategory.group_members.through,
        dispatch_uid="access_group_members",
    )
    post_save.connect(_user_saved, sender=User, dispatch_uid="access_user_saved")
