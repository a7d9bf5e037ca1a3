"""E-mails of the network app: plain-text templates, sent after the commit in each
recipient's language (network/mail_language.py).

Templates live in templates/network/emails/<name>_subject.txt and <name>_body.txt;
their links are absolute, built from settings.SITE_URL.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string

from network.mail_language import by_language, languages_for_addresses, override
from network.models import Membership, User

logger = logging.getLogger(__name__)


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def send(template, recipients, context):
    """Render templates/network/emails/<template>_subject|_body.txt and send one mail each,
    in each recipient's language (once per language, not per recipient).

    `context` may be a function of no arguments, called under each language, so the links
    it builds with reverse() carry that language's prefix."""
    recipients = sorted({address.lower() for address in recipients if address})
    if not recipients:
        return
    languages = languages_for_addresses(recipients)
    for language, addresses in by_language(recipients, languages.get).items():
        with override(language):
            values = context() if callable(context) else context
            values = {"site_url": settings.SITE_URL, **values}
            subject = " ".join(
                render_to_string(f"network/emails/{template}_subject.txt", values).split()
            )
            body = render_to_string(f"network/emails/{template}_body.txt", values)
        for address in addresses:
            try:
                send_mail(subject, body, None, [address])
            except Exception:  # a mail server hiccup must not undo a committed decision
                logger.exception("Mail %s an %s konnte nicht gesendet werden", template,
                                 address)


def send_on_commit(template, recipients, context):
    recipients = list(recipients)
    transaction.on_commit(lambda: send(template, recipients, context))


def moderator_emails():
    permission = Permission.objects.get(codename="moderate", content_type__app_label="network")
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions=permission)
            | Q(groups__permissions=permission)
        )
        .values_list("email", flat=True)
        .distinct()
    )


def admin_emails(organisation):
    return list(
        Membership.objects.filter(
            organisation=organisation,
            role=Membership.Role.ADMIN,
            status=Membership.Status.ACTIVE,
            user__is_active=True,
        ).values_list("user__email", flat=True)
    )
