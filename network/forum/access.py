"""Who may see and write what in the forum.

`Viewer` is computed once per request (three small queries at most) and answers every
visibility question of a page without further queries. Services decide with it; templates
only display its answers.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property

from network.models import ForumCategory, ForumSuspension, Thread, Visibility
from network.permissions import is_moderator, is_network_member


@dataclass
class Viewer:
    user: object
    group_ids: frozenset = field(default_factory=frozenset)

    @classmethod
    def of(cls, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return cls(user=user)
        group_ids = frozenset(user.forum_groups.values_list("pk", flat=True))
        return cls(user=user, group_ids=group_ids)

    @property
    def is_authenticated(self):
        return bool(self.user and self.user.is_authenticated and self.user.is_active)

    @cached_property
    def is_moderator(self):
        return is_moderator(self.user)

    @cached_property
    def is_member(self):
        return self.is_authenticated and (is_network_member(self.user) or self.is_moderator)

    @cached_property
    def is_suspended(self):
        if not self.is_authenticated:
            return False
        return ForumSuspension.objects.filter(
            member=self.user, until__gt=timezone.now()
        ).exists()

    # --- reading -------------------------------------------------------------------------

    def can_view_category(self, category):
        if category.visibility == Visibility.PUBLIC:
            return True
        if category.visibility == Visibility.MEMBERS:
            return self.is_member
        return self.is_moderator or (self.is_member and category.pk in self.group_ids)

    def can_view_thread(self, thread):
        if thread.category_id is None:
            return self.is_member or not thread.members_only
        return self.can_view_category(thread.category)

    def category_filter(self, prefix=""):
        """Q object for categories this viewer may see (prefix e.g. "category__")."""
        public = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
        if not self.is_member:
            return public
        members = public | Q(**{f"{prefix}visibility": Visibility.MEMBERS})
        if self.is_moderator:
            return members | Q(**{f"{prefix}visibility": Visibility.GROUP})
        return members | Q(**{f"{prefix}pk__in": self.group_ids})

    def visible_categories(self):
        return ForumCategory.objects.filter(self.category_filter())

    def visible_threads(self):
        return Thread.objects.filter(
            Q(category__isnull=True) | Q(category__in=self.visible_categories())
        )

    # --- writing -------------------------------------------------------------------------

    def can_write_in(self, category):
        return self.is_member and not self.is_suspended and self.can_view_category(category)

    def can_reply(self, thread):
        if not (self.is_member and not self.is_suspended and self.can_view_thread(thread)):
            return False
        return self.is_moderator or not (thread.is_locked or thread.is_closed)

    def can_edit(self, post):
        if self.is_moderator:
            return True
        return (
            self.is_authenticated
            and not self.is_suspended
            and post.author_id == self.user.pk
            and post.status != post.Status.DELETED
            and not post.thread.is_locked
        )


def page_is_for_members(page):
    """Pages of other apps say so with `is_members_only` (events, also via their series)."""
    page = page.specific
    series = getattr(page, "series", None)
    return bool(
        getattr(page, "is_members_only", False) or getattr(series, "is_members_only", False)
    )


def viewer_for(request):
    """The request's Viewer, computed once."""
    viewer = getattr(request, "_forum_viewer", None)
    if viewer is None:
        viewer = Viewer.of(request.user)
        request._forum_viewer = viewer
    return viewer


def _moderator_q():
    from django.contrib.auth.models import Permission

    permission = Permission.objects.filter(
        codename="moderate", content_type__app_label="network"
    ).first()
    q = Q(is_superuser=True)
    if permission is not None:
        q |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    return q


def users_who_can_view(thread, user_ids):
    """The ids among `user_ids` of active people allowed to read `thread` (one query)."""
    from network.models import Membership, Organisation, User

    people = User.objects.filter(pk__in=set(user_ids), is_active=True)
    visibility = thread.visibility
    if visibility != Visibility.PUBLIC:
        member_q = Q(
            memberships__status=Membership.Status.ACTIVE,
            memberships__organisation__status=Organisation.Status.APPROVED,
        )
        if visibility == Visibility.GROUP:
            member_q &= Q(forum_groups=thread.category_id)
        people = people.filter(member_q | _moderator_q())
    return set(people.values_list("pk", flat=True).distinct())
