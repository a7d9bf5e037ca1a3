"""Thin views of roundtables: the organiser's overlay and results, the participants' plan.

Every form posts to its own address and redirects back (post/redirect/get), so everything
works without JavaScript; refused people get the service's German reason with status 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchmaking.models import Offer, PainPoint
from webtalks import permissions
from webtalks import roundtable_selectors as selectors
from webtalks.forms import BringForm, SlotForm, apply_service_errors
from webtalks.models import EventPage, Registration, RoundtableMeeting
from webtalks.services import roundtables as services


def _roundtable(event_id):
    event = get_object_or_404(EventPage.objects.live(), pk=event_id)
    if not selectors.is_roundtable(event):
        raise Http404
    return event


def _refused(request, event, error, status=403):
    return TemplateResponse(
        request, "webtalks/roundtables/refused.html",
        {"page": event, "reason": str(error) or _("Das dürfen Sie hier nicht.")}, status=status,
    )


def _organiser_or_refused(request, event):
    if permissions.can_organise(request.user, event.registration_target):
        return None
    return _refused(request, event, _(
        "Diese Seite sehen die Redaktion und die Organisationen der Referent*innen."
    ))


def _error_text(error):
    if hasattr(error, "error_dict"):
        return " ".join(m for messages_ in error.message_dict.values() for m in messages_)
    return " ".join(getattr(error, "messages", [str(error)]))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
def overlay(request, event_id):
    event = _roundtable(event_id)
    refused = _organiser_or_refused(request, event)
    if refused:
        return refused
    return _overlay_response(request, event, SlotForm())


def _overlay_response(request, event, slot_form, status=200):
    return TemplateResponse(
        request, "webtalks/roundtables/overlay.html",
        {
            "page": event,
            "overlay": selectors.overlay(event),
            "slots": selectors.slots_with_meetings(event),
            "slot_form": slot_form,
            "is_over": event.is_past,
        },
        status=status,
    )


@login_required
@require_POST
def add_slot(request, event_id):
    event = _roundtable(event_id)
    form = SlotForm(request.POST)
    if form.is_valid():
        try:
            services.add_slot(request.user, event, **form.cleaned_data)
        except PermissionDenied as error:
            return _refused(request, event, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Das Zeitfenster ist angelegt."))
            return redirect("roundtables:overlay", event.pk)
    refused = _organiser_or_refused(request, event)
    if refused:
        return refused
    return _overlay_response(request, event, form, status=400)


@login_required
@require_POST
def assign(request, event_id):
    event = _roundtable(event_id)
    try:
        services.assign_meeting(
            request.user, event, slot=_int(request.POST.get("slot")),
            pain_point=_int(request.POST.get("pain_point")),
            offer=_int(request.POST.get("offer")),
        )
    except PermissionDenied as error:
        return _refused(request, event, error)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Das Gespräch ist eingeteilt; beide sehen es in ihrem Plan."))
    return redirect(reverse("roundtables:overlay", args=[event.pk]) + "#zeitfenster")


@login_required
def plan(request, event_id):
    event = _roundtable(event_id)
    mine = services.participating_organisations_of(request.user, event)
    if not mine:
        return _refused(request, event, _(
            "Den Gesprächsplan sehen angemeldete Teilnehmende mit einer freigegebenen "
            "Organisation."
        ))
    registration = Registration.objects.for_session(event).confirmed().filter(
        user=request.user).prefetch_related("contributions").first()
    bring_form = BringForm(
        bring_choices=selectors.bring_choices(request.user),
        initial={"bring": selectors.brought_keys(registration)},
    )
    context = selectors.plan_for(request.user, event)
    context.update({"page": event, "bring_form": bring_form, "is_over": event.is_past})
    return TemplateResponse(request, "webtalks/roundtables/plan.html", context)


@login_required
@require_POST
def bring(request, event_id):
    event = _roundtable(event_id)
    form = BringForm(request.POST, bring_choices=selectors.bring_choices(request.user))
    if not form.is_valid():
        messages.error(request, _error_text(ValidationError(form.errors.get("bring", []))))
        return redirect("roundtables:plan", event.pk)
    try:
        count = services.set_own_contributions(request.user, event, form.cleaned_data["bring"])
    except PermissionDenied as error:
        return _refused(request, event, error)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Gespeichert: Sie bringen %(n)s Einträge mit.") % {"n": count}
                         if count else _("Gespeichert: Wir nehmen Ihre Einträge zu den Themen "
                                         "des Roundtables."))
    return redirect("roundtables:plan", event.pk)


@login_required
@require_POST
def request_meeting(request, event_id):
    event = _roundtable(event_id)
    pain_point_id, offer_id = _int(request.POST.get("pain_point")), _int(request.POST.get("offer"))
    requester_id = _int(request.POST.get("requester"))
    mine = {o.pk: o for o in services.participating_organisations_of(request.user, event)}
    if requester_id and requester_id not in mine:
        return _refused(request, event, _("Sie fragen nur für Ihre eigene Organisation an."))
    try:
        services.request_meeting(
            request.user, event, slot=_int(request.POST.get("slot")),
            recipient=_int(request.POST.get("recipient")),
            requester=mine.get(requester_id) if requester_id else None,
            pain_point=PainPoint.objects.filter(pk=pain_point_id).first() if pain_point_id
            else None,
            offer=Offer.objects.filter(pk=offer_id).first() if offer_id else None,
            message=request.POST.get("message", ""),
        )
    except PermissionDenied as error:
        return _refused(request, event, error)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Ihre Anfrage ist verschickt."))
    return redirect("roundtables:plan", event.pk)


def _meeting(event, meeting_id):
    return get_object_or_404(RoundtableMeeting, pk=meeting_id, event=event)


@login_required
@require_POST
def answer(request, event_id, meeting_id):
    event = _roundtable(event_id)
    meeting = _meeting(event, meeting_id)
    accept = request.POST.get("answer") == "accept"
    try:
        services.answer_meeting(request.user, meeting, accept)
    except PermissionDenied as error:
        return _refused(request, event, error)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Gespräch vereinbart.") if accept
                         else _("Sie haben die Anfrage abgelehnt."))
    return redirect("roundtables:plan", event.pk)


@login_required
@require_POST
def cancel(request, event_id, meeting_id):
    event = _roundtable(event_id)
    meeting = _meeting(event, meeting_id)
    try:
        services.cancel_meeting(request.user, meeting)
    except PermissionDenied as error:
        return _refused(request, event, error)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Das Gespräch ist abgesagt."))
    back = request.POST.get("back")
    if back == "overlay":
        return redirect(reverse("roundtables:overlay", args=[event.pk]) + "#zeitfenster")
    return redirect("roundtables:plan", event.pk)


@login_required
def results(request, event_id):
    event = _roundtable(event_id)
    refused = _organiser_or_refused(request, event)
    if refused:
        return refused
    if request.method == "POST":
        meeting = _meeting(event, _int(request.POST.get("meeting")))
        meets_again = {"yes": True, "no": False}.get(request.POST.get("meets_again"))
        try:
            services.record_meeting_result(request.user, meeting, meets_again=meets_again,
                                           next_step=request.POST.get("next_step", ""))
        except PermissionDenied as error:
            return _refused(request, event, error)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("Ergebnis gespeichert; es steht in der Nachlese."))
        return redirect(
            reverse("roundtables:results", args=[event.pk]) + f"#gespraech-{meeting.pk}"
        )
    return TemplateResponse(
        request, "webtalks/roundtables/results.html",
        {
            "page": event,
            "meetings": selectors.meetings_of(
                event, statuses=(RoundtableMeeting.Status.ACCEPTED,)
            ),
            "has_started": event.start <= timezone.now(),
        },
    )
