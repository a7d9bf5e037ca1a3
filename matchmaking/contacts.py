"""Contact requests between the two sides of a match.

Either side writes to the other about one pain point and one offer; the other side accepts
or declines. Names and e-mail addresses are shown only once a request is accepted (see
`contact_details`). Both sides hear of every step in the app and by e-mail.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from matchmaking.models import (
    ContactOutcome,
    ContactRequest,
    ContactStatus,
    Offer,
    PainPoint,
)
from matchmaking.notices import active_member_ids
from matchmaking.services import MIN_MESSAGE_LENGTH, MatchmakingRefused, is_member_of
from network.models import NotificationKind
from network.notifications.services import Text, notify
from network.ratelimit import Limit, consume

MAX_MESSAGE_LENGTH = 2000
# One person writes at most this many first contacts (network/ratelimit.py).
CONTACT_LIMITS = (
    Limit("contact-request-hour", amount=5, window_seconds=60 * 60),
    Limit("contact-request-day", amount=15, window_seconds=24 * 60 * 60),
)


def _clean_message(message, field="message", required=True):
    message = (message or "").strip()
    if required and len(message) < MIN_MESSAGE_LENGTH:
        raise ValidationError({field: _(
            "Bitte schreiben Sie ein paar Sätze (mindestens %(count)d Zeichen): wer Sie sind "
            "und worüber Sie sprechen möchten."
        ) % {"count": MIN_MESSAGE_LENGTH}})
    if len(message) > MAX_MESSAGE_LENGTH:
        raise ValidationError({field: _("Bitte höchstens %(count)d Zeichen.")
                               % {"count": MAX_MESSAGE_LENGTH}})
    return message


def _url(request):
    return reverse("matchmaking:contact", args=[request.pk])


def sides_of(user, pain_point: PainPoint, offer: Offer):
    """(sender, recipient) organisations when `user` writes about this pain point and offer:
    from the side they belong to, to the other one."""
    if is_member_of(user, pain_point.organisation):
        return pain_point.organisation, offer.organisation
    if is_member_of(user, offer.organisation):
        return offer.organisation, pain_point.organisation
    raise MatchmakingRefused(_(
        "Kontaktanfragen senden Mitglieder der Kommune mit dem Bedarf oder des Anbieters "
        "mit dem Angebot."
    ))


def send_request(user, pain_point: PainPoint, offer: Offer, message):
    """`user` writes from the side they belong to (pain point or offer) to the other."""
    sender_organisation, recipient_organisation = sides_of(user, pain_point, offer)
    if not (PainPoint.objects.listed().filter(pk=pain_point.pk).exists()
            and Offer.objects.listed().filter(pk=offer.pk).exists()):
        raise MatchmakingRefused(_(
            "Dieser Bedarf oder dieses Angebot ist nicht mehr aktiv; eine Anfrage ist nicht "
            "mehr möglich."
        ))
    message = _clean_message(message)
    if ContactRequest.objects.filter(
        pain_point=pain_point, offer=offer,
        status__in=[ContactStatus.PENDING, ContactStatus.ACCEPTED],
    ).exists():
        raise _duplicate()
    for limit in CONTACT_LIMITS:
        consume(limit, user.pk, message=_(
            "Sie haben heute schon viele Kontaktanfragen geschickt. Bitte warten Sie, bis "
            "die ersten beantwortet sind, und versuchen Sie es später noch einmal – Ihr Text "
            "bleibt hier stehen."
        ))
    try:
        with transaction.atomic():
            request = ContactRequest.objects.create(
                pain_point=pain_point, offer=offer, sender=user,
                sender_organisation=sender_organisation,
                recipient_organisation=recipient_organisation, message=message,
            )
            notify(
                active_member_ids(recipient_organisation.pk), NotificationKind.CONTACT,
                Text(gettext_noop(
                    "%(organisation)s möchte Kontakt aufnehmen: „%(offer)s“ zu „%(need)s“"),
                     organisation=sender_organisation.name, offer=offer.title,
                     need=pain_point.title),
                _url(request),
            )
    except IntegrityError:
        raise _duplicate() from None
    return request


def _duplicate():
    return ValidationError(_(
        "Zu diesem Bedarf und diesem Angebot gibt es bereits eine offene oder angenommene "
        "Kontaktanfrage."
    ))


def _locked(request):
    return ContactRequest.objects.select_for_update(of=("self",)).select_related(
        "pain_point", "offer", "sender_organisation", "recipient_organisation"
    ).get(pk=request.pk)


@transaction.atomic
def answer_request(user, request, accept, message=""):
    request = _locked(request)
    if not is_member_of(user, request.recipient_organisation):
        raise MatchmakingRefused(_(
            "Auf diese Anfrage antworten Mitglieder von %(organisation)s."
        ) % {"organisation": request.recipient_organisation.name})
    if request.status != ContactStatus.PENDING:
        raise ValidationError(_("Diese Anfrage ist bereits %(status)s.")
                              % {"status": request.get_status_display()})
    request.status = ContactStatus.ACCEPTED if accept else ContactStatus.DECLINED
    request.responder = user
    request.response_message = _clean_message(message, "response_message", required=False)
    request.answered_at = timezone.now()
    request.save()
    if accept:
        text = gettext_noop("%(organisation)s hat Ihre Kontaktanfrage angenommen – die "
                            "Kontaktdaten sind jetzt sichtbar.")
    else:
        text = gettext_noop("%(organisation)s hat Ihre Kontaktanfrage abgelehnt.")
    notify(active_member_ids(request.sender_organisation_id), NotificationKind.CONTACT,
           Text(text, organisation=request.recipient_organisation.name), _url(request))
    return request


@transaction.atomic
def withdraw_request(user, request):
    request = _locked(request)
    if not is_member_of(user, request.sender_organisation):
        raise MatchmakingRefused(_("Nur die anfragende Seite kann die Anfrage zurückziehen."))
    if request.status != ContactStatus.PENDING:
        raise ValidationError(_("Nur offene Anfragen lassen sich zurückziehen."))
    request.status = ContactStatus.WITHDRAWN
    request.answered_at = timezone.now()
    request.save()
    return request


@transaction.atomic
def record_outcome(user, request, outcome):
    """What came of an accepted contact; at "umgesetzt" the municipality is invited to
    publish a case study and finds a draft filled with what the pain point already says."""
    request = _locked(request)
    sides = (request.sender_organisation, request.recipient_organisation)
    if not any(is_member_of(user, organisation) for organisation in sides):
        raise MatchmakingRefused(_("Das Ergebnis tragen die beiden Beteiligten ein."))
    if request.status != ContactStatus.ACCEPTED:
        raise ValidationError(_("Ein Ergebnis lässt sich erst nach angenommener Anfrage "
                                "eintragen."))
    if outcome not in ContactOutcome.values or not outcome:
        raise ValidationError({"outcome": _("Bitte ein Ergebnis auswählen.")})
    already_implemented = request.outcome == ContactOutcome.IMPLEMENTED
    request.outcome = outcome
    request.outcome_at = timezone.now()
    request.save()
    if outcome == ContactOutcome.IMPLEMENTED and not already_implemented:
        invite_case_study(request)
    return request


def invite_case_study(request):
    """A draft case study for the municipality, pre-filled from the pain point and offer."""
    from bestpractice.models import CaseStudySubmission
    from network.sanitize import sanitize_html

    pain_point = request.pain_point
    municipality = pain_point.organisation
    author = pain_point.author
    if author is None or not is_member_of(author, municipality):
        member_ids = active_member_ids(municipality.pk)
        if not member_ids:
            return None
        from network.models import User

        author = User.objects.get(pk=member_ids[0])
    paragraphs = "".join(f"<p>{line}</p>" for line in _escaped_lines(pain_point.description))
    submission = CaseStudySubmission.objects.create(
        submitter=author,
        organisation=municipality,
        title=pain_point.title[:200],
        summary="",
        topics=", ".join(tag.name for tag in pain_point.topics.all())[:300],
        problem=sanitize_html(paragraphs),
        partners_note=f"{request.offer.organisation.name}: {request.offer.title}"[:250],
        contact_name=author.get_full_name(),
        contact_email=author.email,
    )
    notify(
        active_member_ids(municipality.pk), NotificationKind.CONTACT,
        Text(gettext_noop("„%(need)s“ ist umgesetzt – teilen Sie Ihre Erfahrung als "
                          "Praxisbeispiel. Ein Entwurf liegt bereit."), need=pain_point.title),
        reverse("bestpractice:submission_step", args=[submission.pk, 1]),
    )
    return submission


def _escaped_lines(text):
    from django.utils.html import escape

    return [escape(line.strip()) for line in text.splitlines() if line.strip()]
