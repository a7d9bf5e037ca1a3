"""The Wochenübersicht: issues and their items, subscriptions, consent records, deliveries.

An issue's items are snapshots (title, text, link) taken when the editor accepts the
proposal, so a sent issue reads the same in the archive even if a source page changes.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


def new_token():
    return secrets.token_urlsafe(24)


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SCHEDULED = "scheduled", _("geplant")
    SENDING = "sending", _("wird versendet")
    SENT = "sent", _("versendet")


class DigestIssue(ClusterableModel):
    title = models.CharField(_("Titel"), max_length=160)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=80, unique=True)
    editorial = models.TextField(
        _("Editorial"), blank=True,
        help_text=_("Ein kurzer Text der Redaktion; Absätze durch Leerzeilen trennen."),
    )
    personal_only = models.BooleanField(
        _("nur persönlicher Teil"), default=False, editable=False,
        help_text=_("Wochen ohne redaktionelle Ausgabe: nur „Für Sie“, nicht im Archiv."),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    scheduled_at = models.DateTimeField(_("geplanter Versand"), null=True, blank=True)
    # What "new since the last issue" meant when this issue was proposed.
    covers_since = models.DateTimeField(_("Neues seit"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now)
    sent_at = models.DateTimeField(_("versendet am"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldPanel("editorial"),
        MultiFieldPanel([InlinePanel("items", label=_("Beitrag"))], heading=_("Beiträge")),
    ]

    class Meta:
        verbose_name = _("Wochenübersicht")
        verbose_name_plural = _("Wochenübersichten")
        ordering = ["-sent_at", "-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-sent_at"], name="digest_status_sent_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("digest:issue", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == IssueStatus.SENT and not self.personal_only


class ItemKind(models.TextChoices):
    IMPULSE = "impulse", _("Impuls der Woche")
    NEWS = "news", _("Aktuelle Informationen")
    EVENT = "event", _("Nächste Veranstaltungen")
    CASE_STUDY = "case_study", _("Neue Praxisbeispiele")
    ORGANISATION = "organisation", _("Neue Mitglieder und Partner")
    FUNDING = "funding", _("Förderfristen")
    OTHER = "other", _("Außerdem")


class DigestItem(Orderable):
    issue = ParentalKey(DigestIssue, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("Rubrik"), max_length=14, choices=ItemKind.choices)
    title = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Text"), max_length=800, blank=True)
    meta = models.CharField(
        _("Zusatzzeile"), max_length=200, blank=True,
        help_text=_("z. B. Datum und Format einer Veranstaltung oder eine Förderfrist"),
    )
    url = models.CharField(
        _("Link"), max_length=500, blank=True,
        help_text=_("Adresse auf dieser Website (beginnt mit /) oder vollständige Adresse"),
    )
    link_label = models.CharField(_("Linktext"), max_length=80, blank=True)
    # Where the proposal took it from ("event:12"); empty for items an editor added.
    source = models.CharField(max_length=60, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("meta"), FieldPanel("url"), FieldPanel("link_label")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Beitrag der Wochenübersicht")
        verbose_name_plural = _("Beiträge der Wochenübersicht")

    def __str__(self):
        return self.title

    def absolute_url(self):
        """The link in the language the mail or page is rendered in (items are stored with
        the German URL the editor accepted)."""
        from network.mail_language import localized_url

        url = localized_url(self.url)
        if url.startswith("/"):
            return settings.SITE_URL + url
        return url


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("wartet auf Bestätigung")
    CONFIRMED = "confirmed", _("bestätigt")
    UNSUBSCRIBED = "unsubscribed", _("abbestellt")


class Subscription(models.Model):
    """One address that receives (or asked to receive) the Wochenübersicht.

    Visitors subscribe with double opt-in; members choose in their settings (their address
    is verified by the sign-up), with `personal` for the "Für Sie" part.
    """

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="digest_subscription",
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
    )
    editorial = models.BooleanField(_("redaktionelle Wochenübersicht"), default=True)
    personal = models.BooleanField(_("persönlicher Teil „Für Sie“"), default=False)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("abbestellt am"), null=True, blank=True)
    bounce_count = models.PositiveSmallIntegerField(_("dauerhafte Zustellfehler"), default=0)
    # The language of the page the visitor subscribed on; members' mails follow their account.
    language = models.CharField(
        _("Sprache"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")
        indexes = [models.Index(fields=["status", "created_at"], name="digest_sub_status_idx")]

    def __str__(self):
        return self.email


class ConsentPurpose(models.TextChoices):
    DIGEST = "digest", _("Wochenübersicht")
    PERSONAL = "personal", _("persönlicher Teil „Für Sie“")
    NOTIFICATIONS = "notifications", _("Benachrichtigungs-Mails")


class ConsentAction(models.TextChoices):
    REQUESTED = "requested", _("angefragt (noch nicht bestätigt)")
    OPT_IN = "opt_in", _("eingewilligt")
    OPT_OUT = "opt_out", _("widerrufen")


class ConsentMethod(models.TextChoices):
    FORM = "form", _("Anmeldeformular")
    CONFIRMATION_LINK = "confirmation_link", _("Bestätigungslink")
    SETTINGS = "settings", _("Einstellungen im Konto")
    UNSUBSCRIBE_LINK = "unsubscribe_link", _("Abmeldelink")
    ONE_CLICK = "one_click", _("Ein-Klick-Abmeldung des Mailprogramms")
    BOUNCE = "bounce", _("dauerhafte Zustellfehler")
    ERASURE = "erasure", _("Kontolöschung")


class ConsentRecord(models.Model):
    """Append-only evidence of every opt-in and opt-out (Art. 7 Abs. 1 DSGVO)."""

    email = models.EmailField(_("E-Mail-Adresse"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    purpose = models.CharField(_("Zweck"), max_length=14, choices=ConsentPurpose.choices)
    action = models.CharField(_("Vorgang"), max_length=10, choices=ConsentAction.choices)
    method = models.CharField(_("Weg"), max_length=18, choices=ConsentMethod.choices)
    text_version = models.CharField(_("Textfassung"), max_length=20)
    text = models.TextField(_("Wortlaut"), blank=True)
    created_at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Einwilligungsnachweis")
        verbose_name_plural = _("Einwilligungsnachweise")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.email}: {self.get_action_display()} ({self.get_purpose_display()})"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("wartet")
    SENDING = "sending", _("in Zustellung")
    SENT = "sent", _("zugestellt")
    FAILED = "failed", _("dauerhaft abgelehnt")
    SKIPPED = "skipped", _("nichts zu senden")


class DigestDelivery(models.Model):
    """One row per (issue, recipient): claimed atomically, so a restarted worker sends every
    remaining recipient once and nobody twice."""

    issue = models.ForeignKey(DigestIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    email = models.EmailField()
    status = models.CharField(
        max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        constraints = [
            models.UniqueConstraint(fields=["issue", "email"], name="digest_unique_delivery"),
        ]
        indexes = [models.Index(fields=["issue", "status"], name="digest_delivery_status_idx")]

    def __str__(self):
        return f"{self.issue_id} → {self.email}"
