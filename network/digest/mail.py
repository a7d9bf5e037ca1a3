"""The digest's e-mails: one issue (HTML + plain text, List-Unsubscribe per RFC 8058) and
the confirmation / "already subscribed" mails of the double opt-in.

The editorial part of an issue is rendered once per issue and language; per recipient only
the personal part and the links with their token are rendered, in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from network.digest import selectors
from network.mail_language import active_language, language_of, override, supported
from network.models import Subscription


def unsubscribe_url(subscription):
    return settings.SITE_URL + reverse("digest:unsubscribe", kwargs={"token": subscription.token})


def list_unsubscribe_headers(url):
    """The headers every bulk mail carries (RFC 2369 + RFC 8058 one-click)."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def settings_link(subscription):
    """Members change their choice in their settings; visitors (no account) reach what is
    stored about their address, to download or delete it, through a signed link."""
    if subscription.user_id:
        return {"settings_url": settings.SITE_URL + reverse("digest:member_settings"),
                "settings_label": _("Einstellungen")}
    from network.account.services import visitor_token

    url = reverse("network:visitor_data", kwargs={"token": visitor_token(subscription.email)})
    return {"settings_url": settings.SITE_URL + url, "settings_label": _("Ihre Daten")}


def subscription_language(subscription):
    """A member's account language; a visitor's, the language they subscribed in."""
    if subscription.user_id:
        return language_of(subscription.user)
    return supported(subscription.language)


class IssueRenderer:
    """Renders the shared editorial part once per language, then one message per recipient,
    each under its recipient's language (subject, text, HTML and links)."""

    def __init__(self, issue):
        self.issue = issue
        self._shared = {}

    def shared(self):
        """(context, editorial HTML, editorial text) in the active language, rendered once."""
        language = active_language()
        if language not in self._shared:
            issue = self.issue
            context = {
                "issue": issue,
                "groups": selectors.grouped_items(issue) if not issue.personal_only else [],
                "editorial_paragraphs": [
                    p.strip() for p in issue.editorial.split("\n\n") if p.strip()
                ],
                "site_url": settings.SITE_URL,
                "web_url": settings.SITE_URL + issue.get_absolute_url(),
            }
            self._shared[language] = (
                context,
                render_to_string("network/digest/email_editorial.html", context),
                render_to_string("network/digest/email_editorial.txt", context),
            )
        return self._shared[language]

    def message(self, subscription, personal_sections=None, test=False):
        with override(subscription_language(subscription)):
            return self._message(subscription, personal_sections, test)

    def _message(self, subscription, personal_sections, test):
        shared, editorial_html, editorial_text = self.shared()
        url = unsubscribe_url(subscription)
        context = {
            **shared,
            "editorial_html": editorial_html,
            "editorial_text": editorial_text,
            "personal_sections": personal_sections or [],
            "unsubscribe_url": url,
            **settings_link(subscription),
            "test": test,
        }
        html = render_to_string("network/digest/email.html", context)
        text = render_to_string("network/digest/email.txt", context)
        subject = self.issue.title
        if test:
            subject = _("[Test] %(title)s") % {"title": subject}
        message = EmailMultiAlternatives(
            subject=f"[Stadtlabor] {subject}", body=text, to=[subscription.email],
            headers=list_unsubscribe_headers(url),
        )
        message.attach_alternative(html, "text/html")
        return message


def issue_message(issue, subscription, personal_sections=None, test=False):
    return IssueRenderer(issue).message(subscription, personal_sections, test=test)


def send_subscription_mail(subscription_id, kind):
    """kind "confirm": the double opt-in link; "already": the address is subscribed."""
    subscription = Subscription.objects.select_related("user").filter(pk=subscription_id).first()
    if subscription is None:
        return
    with override(subscription_language(subscription)):
        _send_subscription_mail(subscription, kind)


def _send_subscription_mail(subscription, kind):
    from network.digest.services import CONFIRM_MAX_AGE, confirmation_url

    context = {
        "subscription": subscription,
        "confirm_url": confirmation_url(subscription) if kind == "confirm" else "",
        "unsubscribe_url": unsubscribe_url(subscription),
        "days": CONFIRM_MAX_AGE.days,
        "site_url": settings.SITE_URL,
    }
    if kind == "confirm":
        subject = _("Bitte bestätigen Sie Ihre Anmeldung zur Wochenübersicht")
    else:
        subject = _("Sie erhalten die Wochenübersicht bereits")
    body = render_to_string(f"network/digest/subscription_{kind}.txt", context)
    EmailMultiAlternatives(
        subject=f"[Stadtlabor] {subject}", body=body, to=[subscription.email]
    ).send()
