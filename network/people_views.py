"""Thin views of the people directory, profiles, expertise and following."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from network import people_selectors as selectors
from network import people_services as services
from network.pagination import page_context
from network.people_forms import ExpertiseForm, PeopleFilterForm

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


@require_http_methods(["GET", "HEAD"])
def person_detail(request, pk):
    person = selectors.person_for_profile(pk, request.user)
    return render(
        request,
        "network/person_detail.html",
        {
            "person": person,
            "is_self": request.user.is_authenticated and request.user.pk == person.pk,
            "is_following": selectors.is_following(request.user, person),
            **selectors.person_contributions(person, request.user),
        },
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
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Ihre Themen sind gespeichert."))
            return redirect("network:my_expertise")
    return render(request, "network/my_expertise.html", {"form": form})
