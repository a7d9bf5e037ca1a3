"""Thin views: parse the request, call one service or selector, render.

Event pages route here from their RoutablePageMixin routes (detail, kalender/, live/,
teilnehmende/, nachricht/); the token links from e-mails live under /anmeldungen/.
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bestpractice.video import video_source
from webtalks import permissions, roundtable_selectors, selectors, services
from webtalks.calendar import calendar_bytes
from webtalks.forms import RegistrantMessageForm, RegistrationForm, apply_service_errors
from webtalks.models import EventPage, EventSeriesPage, Registration


def _is_member(user):
    return bool(user and user.is_authenticated and user.is_active)


def _detail_context(request, page, form=None):
    target = page.registration_target
    user = request.user
    registration = selectors.registration_of(user, target)
    is_confirmed = bool(registration and registration.is_confirmed)
    roundtable = isinstance(page, EventPage) and roundtable_selectors.is_roundtable(page)
    if form is None:
        form = RegistrationForm(target=target, is_member=_is_member(user),
                                bring_choices=_bring_choices(page, user))
    live_open = isinstance(page, EventPage) and page.is_live_room_open()
    recording_url = getattr(page, "recording_url", "")
    return {
        "recording_source": video_source(recording_url) if recording_url else None,
        "recording_value": {"title": _("Aufzeichnung: %(title)s") % {"title": page.title}},
        "page": page,
        "target": target,
        "sessions": target.sessions_list() if isinstance(target, EventSeriesPage) else [],
        "registration": registration,
        "is_confirmed": is_confirmed,
        "seats": selectors.seat_counts(target),
        "registration_state": target.registration_state(),
        "may_register": permissions.can_register_for(user, target),
        "form": form,
        "is_organiser": permissions.can_organise(user, target),
        "live_open": live_open,
        "may_enter_live": live_open and permissions.can_join_live(user, page),
        "is_roundtable": roundtable,
        "roundtable_results": roundtable_selectors.recap_results(page) if roundtable else [],
    }


def _bring_choices(page, user):
    """Roundtables ask members which of their pain points and offers they bring."""
    if (_is_member(user) and isinstance(page, EventPage) and page.series_id is None
            and roundtable_selectors.is_roundtable(page)):
        return roundtable_selectors.bring_choices(user)
    return None


def event_detail(request, page):
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "cancel":
            return _cancel_own(request, page)
        return _register(request, page)
    return TemplateResponse(request, page.get_template(request), _detail_context(request, page))


def _register(request, page):
    target = page.registration_target
    user = request.user
    form = RegistrationForm(request.POST, target=target, is_member=_is_member(user),
                            bring_choices=_bring_choices(page, user))
    if form.is_valid():
        try:
            registration = services.register_for_event(
                target,
                user=user,
                name=form.cleaned_data.get("name", ""),
                email=form.cleaned_data.get("email", ""),
                answers=form.answers(),
                bring=form.bring(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _status_message(registration))
            return redirect(page.url)
    response = TemplateResponse(
        request, page.get_template(request), _detail_context(request, page, form=form)
    )
    response.status_code = 400
    return response


def _status_message(registration):
    if registration.status == Registration.Status.CONFIRMED:
        return _("Sie sind angemeldet. Die Bestätigung mit Kalendereintrag ist unterwegs.")
    if registration.status == Registration.Status.WAITLISTED:
        return _(
            "Die Veranstaltung ist ausgebucht: Sie stehen auf der Warteliste und rücken "
            "automatisch nach, sobald ein Platz frei wird."
        )
    return _(
        "Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung über den Link in der E-Mail, "
        "die wir Ihnen gerade geschickt haben."
    )


def _cancel_own(request, page):
    try:
        services.cancel_registration_of(request.user, page)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Sie haben sich abgemeldet."))
    return redirect(page.url)


def event_calendar_file(request, page):
    target = page.registration_target if isinstance(page, EventPage) else page
    sessions = [page] if isinstance(page, EventPage) else target.sessions_list()
    response = HttpResponse(
        calendar_bytes(sessions, name=page.title), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(page.title) or "veranstaltung"}.ics"'
    )
    return response


def live_room(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        event, is_moderator = services.live_room_access(request.user, page.pk)
    except PermissionDenied as error:
        response = TemplateResponse(
            request, "webtalks/live_room_closed.html", {"page": page, "reason": str(error)}
        )
        response.status_code = 403
        return response
    return TemplateResponse(
        request,
        "webtalks/live_room.html",
        {
            "page": event,
            "is_moderator": is_moderator,
            "history": selectors.live_history(
                event, include_hidden=is_moderator, user=request.user
            ),
            "websocket_path": f"/ws/veranstaltungen/{event.pk}/live/",
        },
    )


def _require_organiser(request, page):
    target = page.registration_target
    if not permissions.can_organise(request.user, target):
        if not request.user.is_authenticated:
            raise PermissionDenied
        raise PermissionDenied(
            _("Nur die Redaktion und die Organisationen der Referent*innen dürfen das.")
        )
    return target


def attendees(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = _require_organiser(request, page)
    if request.method == "POST":
        registration = (
            Registration.objects.for_target(target)
            .filter(pk=request.POST.get("registration"))
            .first()
        )
        if registration is None:
            raise Http404
        try:
            services.set_attendance(request.user, registration, request.POST.get("attended") == "1")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Teilnahme von %(name)s gespeichert.") % {"name": registration.name}
            )
        return redirect(target.url + "teilnehmende/")
    return TemplateResponse(
        request,
        "webtalks/attendees.html",
        {
            "page": target,
            "registrations": selectors.attendee_list(target),
            "questions": [q["label"] for q in target.question_list()],
            "seats": selectors.seat_counts(target),
        },
    )


def attendees_csv(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = _require_organiser(request, page)
    questions = [q["label"] for q in target.question_list()]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="teilnehmende-{slugify(target.title)}.csv"'
    )
    response.write("\ufeff")  # Excel opens UTF-8 with umlauts only with a BOM
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Name"), _("E-Mail"), _("Status"), _("angemeldet am"), _("teilgenommen"), *questions]
    )
    for registration in selectors.attendee_list(target):
        answers = {a.get("question"): a.get("answer", "") for a in registration.answers or []}
        writer.writerow(
            [
                _csv_safe(registration.name),
                registration.email,
                registration.get_status_display(),
                date_format(timezone.localtime(registration.created_at),
                            "SHORT_DATETIME_FORMAT"),
                _("ja") if registration.attended else _("nein"),
                *[_csv_safe(answers.get(q, "")) for q in questions],
            ]
        )
    return response


def _csv_safe(value):
    # Spreadsheets run cells starting with = + - @ as formulas (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def message_registrants(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = _require_organiser(request, page)
    form = RegistrantMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.message_registrants(request.user, target, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Ihre Nachricht geht an %(n)s Personen.") % {"n": count})
            return redirect(target.url + "teilnehmende/")
    return TemplateResponse(
        request,
        "webtalks/message_registrants.html",
        {"page": target, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    registration = (
        Registration.objects.filter(token=token).select_related("event", "series").first()
    )
    if registration is None:
        raise Http404
    if request.method == "POST":
        try:
            registration = services.confirm_registration(token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _status_message(registration))
        return redirect(registration.target.url)
    return render(
        request,
        "webtalks/confirm.html",
        {"registration": registration, "target": registration.target},
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration = (
        Registration.objects.filter(token=token).select_related("event", "series").first()
    )
    if registration is None:
        raise Http404
    if request.method == "POST":
        try:
            services.cancel_registration(token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Sie haben sich abgemeldet. Schade, dass Sie nicht dabei sein können.")
            )
        return redirect(registration.target.url)
    return render(
        request,
        "webtalks/cancel.html",
        {"registration": registration, "target": registration.target},
    )


def feed(request, token):
    from webtalks.models import CalendarFeed

    subscription = CalendarFeed.objects.filter(token=token).first()
    if subscription is None:
        raise Http404
    events = selectors.registrations_for_feed(subscription.email)
    response = HttpResponse(
        calendar_bytes(events, name=_("Meine Stadtlabor-Veranstaltungen"), include_join_url=True),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_registrations(request):
    feed_subscription = services.calendar_feed_for(request.user.email)
    return render(
        request,
        "webtalks/my_registrations.html",
        {
            **selectors.my_registrations(request.user),
            "feed_url": request.build_absolute_uri(
                reverse("webtalks:feed", kwargs={"token": feed_subscription.token})
            ),
        },
    )
