"""Thin views of the people directory, profiles, expertise and following."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from network import people_selectors as selectors
from network import people_services as services
from network.pagination import page_context
from network.people_forms import (
    ExpertiseForm,
    PeopleFilterForm,
    PersonMessageForm,
    PersonReplyForm,
)
from network.permissions import is_network_member
from network.views import _attach_errors

PEOPLE_PAGE_SIZE = 24


@require_http_methods(["GET", "HEAD"])
def people(request):
    raw = PeopleFilterForm(request.GET or None).filters()
    facets = selectors.people_facets(request.user, raw)
    filter_form = PeopleFilterForm(request.GET or None, facets=facets)
    paged = page_context(request, selectors.people_directory(request.user, raw), PEOPLE_PAGE_SIZE)
    return render(
        request,
        "network/people_list.html",
        {
            "filter_form": filter_form,
            **paged,
            "people": selectors.attach_directory_data(paged["page_obj"].object_list),
        },
    )


def _render_profile(request, person, message_form=None, status=200):
    is_self = request.user.is_authenticated and request.user.pk == person.pk
    can_write = (
        not is_self
        and person.profile_visibility != person.ProfileVisibility.HIDDEN
        and is_network_member(request.user)
    )
    return render(
        request,
        "network/person_detail.html",
        {
            "person": person,
            "is_self": is_self,
            "is_following": selectors.is_following(request.user, person),
            "message_form": (message_form or PersonMessageForm()) if can_write else None,
            **selectors.person_contributions(person, request.user),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def person_detail(request, pk):
    return _render_profile(request, selectors.person_for_profile(pk, request.user))


@login_required
@require_POST
def person_message_send(request, pk):
    person = selectors.person_for_profile(pk, request.user)
    form = PersonMessageForm(request.POST)
    if form.is_valid():
        try:
            message = services.send_message(request.user, person, form.cleaned_data["body"])
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect("network:person_detail", pk=person.pk)
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Ihre Nachricht ist gesendet."))
            return redirect("network:person_message", pk=message.pk)
    return _render_profile(request, person, message_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def person_message(request, pk):
    message = selectors.message_for(pk, request.user)
    is_recipient = message.recipient_id == request.user.pk
    form = PersonReplyForm(request.POST or None) if is_recipient and not message.replied_at \
        else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Diese Nachricht können Sie nicht beantworten."))
        if form.is_valid():
            try:
                services.reply_to_message(request.user, message, form.cleaned_data["reply"])
            except ValidationError as error:
                _attach_errors(form, error)
            else:
                messages.success(request, _("Ihre Antwort ist gesendet."))
                return redirect("network:person_message", pk=message.pk)
    return render(
        request,
        "network/person_message.html",
        {"message": message, "is_recipient": is_recipient, "reply_form": form},
    )


@login_required
@require_POST
def person_follow(request, pk):
    person = selectors.person_for_profile(pk, request.user)
    if request.POST.get("action") == "unfollow":
        services.unfollow_person(request.user, person)
        messages.success(request, _("Sie folgen %(name)s nicht mehr.") % {"name": person})
    else:
        try:
            services.follow_person(request.user, person)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Sie folgen jetzt %(name)s und werden über neue Beiträge benachrichtigt.")
                % {"name": person},
            )
    return redirect("network:person_detail", pk=person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def my_expertise(request):
    form = ExpertiseForm(
        request.POST or None, initial={"expertise": list(request.user.expertise.all())}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_expertise(request.user, form.cleaned_data["expertise"])
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Ihre Themen sind gespeichert."))
            return redirect("network:my_expertise")
    return render(request, "network/my_expertise.html", {"form": form})
