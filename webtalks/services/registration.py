"""Registration for events and series: capacity, waitlist, double opt-in, cancellation.

Seats are handed out only while the event's (or series') own row is locked with
`select_for_update`, so concurrent registrations cannot over-book (on SQLite the
IMMEDIATE transaction mode serialises writers instead).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from network.mail_language import active_language
from network.ratelimit import Limit, allowed, anonymous_key
from network.sanitize import strip_html
from webtalks import permissions
from webtalks.models import CalendarFeed, EventPage, EventSeriesPage, Registration
from webtalks.services.mail import send_registration_mail

MAX_ANSWER_LENGTH = 2_000
MAX_NAME_LENGTH = 160
# Mails to one address about registrations it already has: a form cannot be used to flood it.
VISITOR_MAIL_LIMIT = Limit("event-already-registered-mail", amount=3, window_seconds=60 * 60)


def _lock(target):
    """Lock the capacity row of an event or series until the transaction ends."""
    model = EventSeriesPage if isinstance(target, EventSeriesPage) else EventPage
    return model.objects.select_for_update(of=("self",)).get(pk=target.pk)


def _target_fields(target):
    if isinstance(target, EventSeriesPage):
        return {"series": target}
    return {"event": target}


def _check_window(target):
    state = target.registration_state()
    if state == "not_yet":
        raise ValidationError(
            _("Die Anmeldung öffnet am %(date)s.")
            % {
                "date": formats.date_format(
                    timezone.localtime(target.registration_opens_at), "DATE_WITH_TIME_FORMAT"
                )
            }
        )
    if state == "closed":
        raise ValidationError(_("Die Anmeldung für diese Veranstaltung ist geschlossen."))


def clean_answers(target, answers):
    """The answers to the target's questions as [{question, answer}], plain text."""
    answers = answers or {}
    cleaned, errors = [], {}
    for question in target.question_list():
        value = strip_html(answers.get(question["id"], "")).strip()
        field = f"question_{question['id']}"
        if question["required"] and not value:
            errors[field] = _("Bitte beantworten Sie diese Frage.")
        elif len(value) > MAX_ANSWER_LENGTH:
            errors[field] = _("Bitte fassen Sie sich kürzer (höchstens %(n)s Zeichen).") % {
                "n": MAX_ANSWER_LENGTH
            }
        cleaned.append({"question": question["label"], "answer": value})
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_visitor(name, email):
    name = strip_html(name or "").strip()
    email = (email or "").strip().lower()
    errors = {}
    if not name:
        errors["name"] = _("Bitte geben Sie Ihren Namen an.")
    elif len(name) > MAX_NAME_LENGTH:
        errors["name"] = _("Der Name ist zu lang.")
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@stadt.de.")
    if errors:
        raise ValidationError(errors)
    return name, email


def _allocate(target, registration):
    """Give `registration` a seat, or a waitlist place when the target is full.
    Call only while `target` is locked."""
    confirmed = Registration.objects.for_target(target).confirmed().count()
    has_seat = target.capacity is None or confirmed < target.capacity
    registration.status = (
        Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITLISTED
    )
    registration.queued_at = timezone.now()
    registration.save()
    send_registration_mail("confirmed" if has_seat else "waitlisted", registration)
    return registration


def calendar_feed_for(email):
    feed, _created = CalendarFeed.objects.get_or_create(email=email.strip().lower())
    return feed


def _looks_pending(target, name, email):
    """What a visitor sees after registering: "check your mail", whatever the address's
    state. Not saved."""
    return Registration(
        **_target_fields(target), name=name, email=email, status=Registration.Status.PENDING
    )


def register_for_event(target, *, user=None, name="", email="", answers=None, bring=None):
    """Register a member (one click) or a visitor (double opt-in) for an event or series.

    Sessions of a series are registered on the series. Returns the Registration, whose
    status says what happened: confirmed, waitlisted or pending_confirmation. `bring` lists
    the pain points and offers ("pp-<id>", "of-<id>") a member brings to a roundtable.
    """
    with transaction.atomic():
        registration = _register(target, user=user, name=name, email=email, answers=answers)
        if bring and registration.user_id:
            from webtalks.services.roundtables import set_contributions

            set_contributions(user, registration, bring)
    return registration


def _register(target, *, user, name, email, answers):
    target = target.registration_target
    if not target.live:
        raise ValidationError(_("Diese Veranstaltung ist nicht veröffentlicht."))
    _check_window(target)
    if not permissions.can_register_for(user, target):
        raise PermissionDenied(
            _("Diese Veranstaltung ist nur für Mitglieder des Netzwerks. Bitte melden Sie sich an.")
        )
    cleaned_answers = clean_answers(target, answers)
    is_member = bool(user and user.is_authenticated and user.is_active)
    if is_member:
        name, email = user.get_full_name() or user.display_name, user.email.lower()
    else:
        name, email = _clean_visitor(name, email)

    try:
        with transaction.atomic():
            locked = _lock(target)
            existing = Registration.objects.for_target(locked).active().filter(email=email).first()
            if existing and existing.status == Registration.Status.PENDING:
                if is_member:
                    # A signed-in person has proven the address: no second opt-in.
                    existing.user, existing.answers = user, cleaned_answers
                    return _allocate(locked, existing)
                send_registration_mail("confirm_email", existing)
                return existing
            if existing and not is_member:
                # A visitor gets the same answer as for a new registration, so the form
                # does not reveal who is registered; the address's owner hears it by mail.
                if allowed(VISITOR_MAIL_LIMIT, anonymous_key(email)):
                    send_registration_mail("already_registered", existing)
                return _looks_pending(locked, name, email)
            if existing:
                raise ValidationError(
                    _("Sie sind für diese Veranstaltung schon angemeldet (%(status)s).")
                    % {"status": existing.get_status_display()}
                )
            calendar_feed_for(email)
            registration = Registration(
                **_target_fields(locked),
                user=user if is_member else None,
                name=name,
                email=email,
                answers=cleaned_answers,
                language=active_language(),
            )
            if is_member:
                return _allocate(locked, registration)
            registration.status = Registration.Status.PENDING
            registration.save()
            send_registration_mail("confirm_email", registration)
            return registration
    except IntegrityError as error:
        if not is_member:
            return _looks_pending(target, name, email)
        raise ValidationError(
            _("Mit dieser E-Mail-Adresse besteht schon eine Anmeldung.")
        ) from error


def confirm_registration(token):
    """Second step of the visitors' double opt-in: the link from the e-mail."""
    registration = Registration.objects.filter(token=token).first()
    if registration is None:
        raise ValidationError(_("Dieser Bestätigungslink ist ungültig."))
    if registration.status != Registration.Status.PENDING:
        return registration
    target = registration.target
    if target.registration_state() == "closed":
        raise ValidationError(
            _("Die Anmeldung für diese Veranstaltung ist inzwischen geschlossen.")
        )
    with transaction.atomic():
        locked = _lock(target)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.Status.PENDING:
            return registration
        return _allocate(locked, registration)


def _fill_free_seats(target):
    """Move people up from the waitlist while seats are free; tell each of them."""
    if target.capacity is None:
        waiting = Registration.objects.for_target(target).filter(
            status=Registration.Status.WAITLISTED
        )
    else:
        confirmed = Registration.objects.for_target(target).confirmed().count()
        free = max(target.capacity - confirmed, 0)
        waiting = (
            Registration.objects.for_target(target)
            .filter(status=Registration.Status.WAITLISTED)
            .order_by("queued_at", "pk")[:free]
        )
    promoted = []
    for registration in waiting:
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status"])
        send_registration_mail("promoted", registration)
        promoted.append(registration)
    return promoted


def fill_seats_after_capacity_change(target):
    """Editors raised the capacity (or removed it): move people up from the waitlist now,
    rather than at the next cancellation."""
    with transaction.atomic():
        return _fill_free_seats(_lock(target))


def cancel_registration(token):
    """Cancel through the link in every mail. Returns (registration, promoted)."""
    registration = Registration.objects.filter(token=token).first()
    if registration is None:
        raise ValidationError(_("Dieser Abmeldelink ist ungültig."))
    return _cancel(registration)


def cancel_registration_of(user, target):
    """A signed-in person cancels their own registration from the event page."""
    if not (user and user.is_authenticated):
        raise PermissionDenied(_("Bitte melden Sie sich an."))
    target = target.registration_target
    registration = Registration.objects.for_target(target).active().filter(user=user).first()
    if registration is None:
        raise ValidationError(_("Sie sind für diese Veranstaltung nicht angemeldet."))
    return _cancel(registration)


def cancel_before_erasure(registration):
    """Free the seat of someone who erases their data (DSGVO Art. 17): the waitlist moves up
    exactly as on any cancellation, but the person gets no mail. An event that is over has
    no seat to free. Returns the promoted registrations."""
    if registration.status == Registration.Status.CANCELLED:
        return []
    try:
        return _cancel(registration, notify_person=False)[1]
    except ValidationError:  # the event is over
        return []


def _cancel(registration, notify_person=True):
    target = registration.target
    last_session = target.sessions_list()[-1:] or [None]
    if last_session[0] is not None and last_session[0].end <= timezone.now():
        raise ValidationError(_("Die Veranstaltung ist schon vorbei."))
    with transaction.atomic():
        locked = _lock(target)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return registration, []
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if notify_person:
            send_registration_mail("cancelled", registration)
        promoted = _fill_free_seats(locked)
    return registration, promoted
