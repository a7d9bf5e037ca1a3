"""Forum: categories, threads, posts and everything moderation keeps about them.

A `Thread` is either in a `ForumCategory` or attached to a Wagtail page (comments under a
case study, article or event): one discussion mechanism for both.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Öffentlich")
    MEMBERS = "members", _("Nur für Mitglieder")
    GROUP = "group", _("Geschlossene Arbeitsgruppe")


class ForumCategory(models.Model):
    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=120, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    group_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Mitglieder der Arbeitsgruppe"),
        blank=True,
        related_name="forum_groups",
        help_text=_("Nur für geschlossene Arbeitsgruppen: wer mitlesen und schreiben darf."),
    )
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Forumskategorie")
        verbose_name_plural = _("Forumskategorien")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:forum:category", kwargs={"slug": self.slug})

    @property
    def search_group_key(self):
        return f"forum-{self.pk}"


class TaggedThread(TaggedItemBase):
    content_object = models.ForeignKey(
        "network.Thread", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Thread(models.Model):
    category = models.ForeignKey(
        ForumCategory,
        verbose_name=_("Kategorie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="threads",
    )
    # Set for the discussion under a Wagtail page; created with its first comment.
    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="discussion",
    )
    # For page discussions: the page is for members only (e.g. a members-only event).
    members_only = models.BooleanField(default=False)
    title = models.CharField(_("Titel"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    topics = TaggableManager(_("Themen"), through=TaggedThread, blank=True)
    is_pinned = models.BooleanField(_("angeheftet"), default=False)
    is_locked = models.BooleanField(_("gesperrt"), default=False)
    result_markdown = models.TextField(_("Ergebnis (Markdown)"), blank=True)
    result_html = models.TextField(_("Ergebnis"), blank=True)
    result_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    result_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(auto_now_add=True, db_index=True)
    reply_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["-is_pinned", "-last_activity_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(category__isnull=False) | Q(page__isnull=False),
                name="thread_in_category_or_on_page",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:forum:thread", kwargs={"pk": self.pk})

    @property
    def visibility(self):
        if self.category_id:
            return self.category.visibility
        return Visibility.MEMBERS if self.members_only else Visibility.PUBLIC

    @property
    def is_closed(self):
        return bool(self.result_html)

    @property
    def is_page_discussion(self):
        return self.page_id is not None


class Post(models.Model):
    class Status(models.TextChoices):
        VISIBLE = "visible", _("sichtbar")
        HIDDEN = "hidden", _("ausgeblendet")
        DELETED = "deleted", _("gelöscht")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="forum_posts"
    )
    body_markdown = models.TextField(_("Text"))
    body_html = models.TextField(blank=True, help_text=_("Bereinigtes HTML (sanitize_html)."))
    quote_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_opening = models.BooleanField(default=False, help_text=_("Der erste Beitrag des Themas."))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.VISIBLE)
    hidden_reason = models.CharField(max_length=300, blank=True)
    helpful_count = models.PositiveIntegerField(default=0)
    report_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self):
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self):
        return reverse("network:forum:post", kwargs={"pk": self.pk})

    @property
    def anchor(self):
        return f"beitrag-{self.pk}"

    @property
    def is_visible(self):
        return self.status == self.Status.VISIBLE


class PostRevision(models.Model):
    """The text of a post before an edit: the visible edit history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body_markdown = models.TextField()
    body_html = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.post} ({self.created_at:%Y-%m-%d %H:%M})"


class HelpfulMark(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="helpful_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="unique_helpful_mark"),
        ]

    def __str__(self):
        return f"{self.user} → {self.post}"


class PostReport(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("Grund"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="unique_report_per_member"),
        ]

    def __str__(self):
        return f"{self.post}: {self.reason}"


class ModerationAction(models.Model):
    """Who did what, when and why: an append-only log."""

    class Kind(models.TextChoices):
        AUTO_HIDE = "auto_hide", _("automatisch ausgeblendet (Meldungen)")
        HIDE = "hide", _("ausgeblendet")
        RESTORE = "restore", _("wiederhergestellt")
        EDIT = "edit", _("bearbeitet")
        DELETE = "delete", _("gelöscht")
        LOCK = "lock", _("Thema gesperrt")
        UNLOCK = "unlock", _("Thema entsperrt")
        PIN = "pin", _("Thema angeheftet")
        UNPIN = "unpin", _("Thema gelöst")
        MOVE = "move", _("Thema verschoben")
        RESULT = "result", _("Ergebnis festgehalten")
        SUSPEND = "suspend", _("Mitglied gesperrt")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    reason = models.CharField(_("Begründung"), max_length=500)
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="moderation_log"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Moderationsentscheidung")
        verbose_name_plural = _("Moderationsprotokoll")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.reason}"


class ForumSuspension(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_suspensions"
    )
    until = models.DateTimeField()
    reason = models.CharField(max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.member} bis {self.until:%Y-%m-%d}"


class Follow(models.Model):
    """A member follows exactly one of: a thread, a category, a topic (tag slug)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_follows"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    category = models.ForeignKey(
        ForumCategory, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    topic = models.SlugField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(thread__isnull=False),
                name="unique_thread_follow",
            ),
            models.UniqueConstraint(
                fields=["user", "category"], condition=Q(category__isnull=False),
                name="unique_category_follow",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"], condition=~Q(topic=""), name="unique_topic_follow",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.thread or self.category or self.topic}"
