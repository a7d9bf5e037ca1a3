"""The digest's e-mails: one issue (HTML + plain text, List-Unsubscribe per RFC 8058) and
the confirmation / "already subscribed" mails of the double opt-in.

The editorial part of an issue is rendered once per issue; per recipient only the personal
part and the links with their token are rendered."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from network.digest import selectors
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


class IssueRenderer:
    """Renders the shared editorial part once, then one message per recipient."""

    def __init__(self, issue):
        self.issue = issue
        self.context = {
            "issue": issue,
            "groups": selectors.grouped_items(issue) if not issue.personal_only else [],
            "editorial_paragraphs": [
                p.strip() for p in issue.editorial.split("\n\n") if p.strip()
            ],
            "site_url": settings.SITE_URL,
            "web_url": settings.SITE_URL + issue.get_absolute_url(),
        }
        self.editorial_html = render_to_string("network/digest/email_editorial.html",
                                               self.context)
        self.editorial_text = render_to_string("network/digest/email_editorial.txt",
                                               self.context)

    def message(self, subscription, personal_sections=None, test=False):
        url = unsubscribe_url(subscription)
        context = {
            **self.context,
            "editorial_html": self.editorial_html,
            "editorial_text": self.editorial_text,
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
    from network.digest.services import CONFIRM_MAX_AGE, confirmation_url

    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return
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
