"""Feedback on suggestions and contact requests between the two sides of a match."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from matchmaking import contacts as contact_services
from matchmaking import selectors, services
from matchmaking.forms import (
    ContactAnswerForm,
    ContactOutcomeForm,
    ContactRequestForm,
    FeedbackForm,
)
from matchmaking.models import ContactOutcome, ContactRequest, ContactStatus, Offer, PainPoint

from .common import Viewer, attach_errors, refused, safe_next
from .items import _visible_offer, _visible_pain_point

# --- feedback -------------------------------------------------------------------------------


@login_required
@require_POST
def feedback(request):
    """"hilfreich" / "passt nicht" on one suggestion, or taking that back."""
    back = safe_next(request, reverse("matchmaking:index"))
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Diese Rückmeldung konnten wir nicht zuordnen."))
        return redirect(back)
    data = form.cleaned_data
    pain_point = get_object_or_404(PainPoint.objects.select_related("organisation"),
                                   pk=data["pain_point"])
    offer = get_object_or_404(Offer.objects.select_related("organisation"), pk=data["offer"])
    try:
        if data["action"] == "withdraw":
            services.withdraw_feedback(request.user, data["direction"], pain_point, offer)
            messages.success(request, _("Ihre Rückmeldung ist zurückgenommen."))
        else:
            services.give_feedback(request.user, data["direction"], pain_point, offer,
                                   data["verdict"])
            messages.success(request, _("Danke für Ihre Rückmeldung – die Vorschläge sind "
                                        "angepasst."))
    except services.MatchmakingRefused as error:
        return refused(request, error, _("Rückmeldung"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(back)


# --- contact requests -----------------------------------------------------------------------


def _queried_id(request, name):
    value = request.GET.get(name, "")
    if not value.isdigit():
        raise Http404(_("Unbekannter Eintrag."))
    return int(value)


def _suggested_message(user, sender, pain_point, offer, from_municipality):
    name = user.get_full_name() or user.email
    if from_municipality:
        return _(
            "Guten Tag,\n\nwir von %(sender)s suchen Unterstützung zu „%(need)s“. Ihr Angebot "
            "„%(offer)s“ klingt passend. Hätten Sie in den nächsten Wochen Zeit für ein "
            "kurzes Gespräch?\n\nViele Grüße\n%(name)s"
        ) % {"sender": sender.name, "need": pain_point.title, "offer": offer.title, "name": name}
    return _(
        "Guten Tag,\n\nwir von %(sender)s haben Ihren Bedarf „%(need)s“ gelesen. Mit "
        "„%(offer)s“ haben wir Ähnliches schon umgesetzt. Gern stellen wir es Ihnen in einem "
        "kurzen Gespräch vor.\n\nViele Grüße\n%(name)s"
    ) % {"sender": sender.name, "need": pain_point.title, "offer": offer.title, "name": name}


@login_required
@require_http_methods(["GET", "POST"])
def contact_new(request):
    """Write to the other side about one pain point and one offer."""
    pain_point = _visible_pain_point(request.user, _queried_id(request, "bedarf"))
    offer = _visible_offer(request.user, _queried_id(request, "angebot"))
    title = _("Kontakt aufnehmen")
    try:
        sender, recipient = contact_services.sides_of(request.user, pain_point, offer)
    except services.MatchmakingRefused as error:
        return refused(request, error, title)
    from_municipality = sender == pain_point.organisation
    existing = selectors.live_contact_between(pain_point, offer)
    if existing is not None:
        messages.info(request, _("Zu diesem Bedarf und diesem Angebot gibt es bereits eine "
                                 "Kontaktanfrage."))
        return redirect("matchmaking:contact", pk=existing.pk)
    form = ContactRequestForm(
        request.POST or None,
        initial={"message": _suggested_message(request.user, sender, pain_point, offer,
                                               from_municipality)},
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                contact_request = contact_services.send_request(
                    request.user, pain_point, offer, form.cleaned_data["message"]
                )
            except services.MatchmakingRefused as error:
                return refused(request, error, title)
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _(
                    "Ihre Anfrage ist an %(organisation)s geschickt. Sobald sie angenommen "
                    "ist, sehen Sie beide die Kontaktdaten."
                ) % {"organisation": recipient.name})
                return redirect("matchmaking:contact", pk=contact_request.pk)
    return render(
        request,
        "matchmaking/contact_form.html",
        {"form": form, "pain_point": pain_point, "offer": offer, "sender": sender,
         "recipient": recipient},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def contacts(request):
    """Sent and received contact requests of the viewer's organisations."""
    viewer = Viewer(request.user)
    own_ids = {o.pk for o in viewer.organisations}
    requests = selectors.contact_requests_of(viewer.organisations)
    return render(
        request,
        "matchmaking/contact_list.html",
        {
            "viewer": viewer,
            "received": [r for r in requests if r.recipient_organisation_id in own_ids],
            "sent": [r for r in requests if r.sender_organisation_id in own_ids],
        },
    )


def _contact_for(user, pk):
    """The request, if `user` belongs to one of its two organisations; 404 otherwise."""
    contact_request = get_object_or_404(
        ContactRequest.objects.select_related(
            "pain_point__organisation", "offer__organisation", "sender", "responder",
            "sender_organisation", "recipient_organisation",
        ),
        pk=pk,
    )
    is_sender = services.is_member_of(user, contact_request.sender_organisation)
    is_recipient = services.is_member_of(user, contact_request.recipient_organisation)
    if not (is_sender or is_recipient):
        raise Http404(_("Diese Kontaktanfrage gibt es nicht."))
    return contact_request, is_sender, is_recipient


CONTACT_ACTIONS = {
    "accept": gettext_lazy("Sie haben die Anfrage angenommen. Die Kontaktdaten stehen unten."),
    "decline": gettext_lazy("Sie haben die Anfrage abgelehnt."),
    "withdraw": gettext_lazy("Sie haben Ihre Anfrage zurückgezogen."),
    "outcome": gettext_lazy("Danke – das Ergebnis ist eingetragen."),
}


@login_required
@require_http_methods(["GET", "POST"])
def contact(request, pk):
    """One request: message, status, answer, withdraw, outcome and – once accepted – the
    contact details of both sides."""
    contact_request, is_sender, is_recipient = _contact_for(request.user, pk)
    answer_form = ContactAnswerForm()
    outcome_form = ContactOutcomeForm(initial={"outcome": contact_request.outcome or None})
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action in ("accept", "decline"):
                answer_form = ContactAnswerForm(request.POST)
                if answer_form.is_valid():
                    contact_services.answer_request(
                        request.user, contact_request, action == "accept",
                        answer_form.cleaned_data["response_message"],
                    )
            elif action == "withdraw":
                contact_services.withdraw_request(request.user, contact_request)
            elif action == "outcome":
                outcome_form = ContactOutcomeForm(request.POST)
                if outcome_form.is_valid():
                    contact_services.record_outcome(request.user, contact_request,
                                                    outcome_form.cleaned_data["outcome"])
            else:
                raise Http404(_("Unbekannte Aktion."))
        except services.MatchmakingRefused as error:
            return refused(request, error, _("Kontaktanfrage"))
        except ValidationError as error:
            if action == "withdraw":
                messages.error(request, " ".join(error.messages))
                return redirect("matchmaking:contact", pk=contact_request.pk)
            attach_errors(outcome_form if action == "outcome" else answer_form, error)
        if not (answer_form.errors or outcome_form.errors):
            messages.success(request, CONTACT_ACTIONS[action])
            return redirect("matchmaking:contact", pk=contact_request.pk)
        status = 422
    return render(
        request,
        "matchmaking/contact_detail.html",
        {
            "contact_request": contact_request,
            "is_sender": is_sender,
            "is_recipient": is_recipient,
            "is_municipality": services.is_member_of(request.user,
                                                     contact_request.pain_point.organisation),
            "details": selectors.contact_details(contact_request),
            "answer_form": answer_form,
            "outcome_form": outcome_form,
            "can_answer": is_recipient and contact_request.status == ContactStatus.PENDING,
            "can_withdraw": is_sender and contact_request.status == ContactStatus.PENDING,
            "can_record_outcome": contact_request.status == ContactStatus.ACCEPTED,
            "implemented": contact_request.outcome == ContactOutcome.IMPLEMENTED,
        },
        status=status,
    )
