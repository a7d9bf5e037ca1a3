"""Thin views: parse the request, call one service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from network import permissions, selectors, services
from network.forms import (
    DirectoryFilterForm,
    JoinRequestForm,
    MemberRoleForm,
    OrganisationForm,
    ProfileForm,
    RejectOrganisationForm,
)
from network.models import Membership, Organisation
from network.pagination import page_context

DIRECTORY_PAGE_SIZE = 20


def _attach_errors(form, error):
    """Show a service's ValidationError on the bound form, next to the fields it names."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


def _error_text(error):
    return " ".join(error.messages)


def _posted_id(request, name):
    value = request.POST.get(name, "")
    if not value.isdigit():
        raise Http404(_("Unbekannter Eintrag."))
    return int(value)


# --- directory and profiles ---------------------------------------------------------------


@require_http_methods(["GET", "HEAD"])
def directory(request):
    filter_form = DirectoryFilterForm(
        request.GET or None, topic_choices=selectors.directory_topics()
    )
    paged = page_context(request, selectors.directory(filter_form.filters()),
                         DIRECTORY_PAGE_SIZE)
    return render(
        request,
        "network/organisation_list.html",
        {
            "filter_form": filter_form,
            **paged,
            "organisations": paged["page_obj"].object_list,
        },
    )


@require_http_methods(["GET", "HEAD"])
def organisation_detail(request, slug):
    organisation = selectors.organisation_for_profile(slug, request.user)
    can_manage = permissions.can_manage_organisation(request.user, organisation)
    return render(
        request,
        "network/organisation_detail.html",
        {
            "organisation": organisation,
            "members": selectors.visible_members(organisation, request.user),
            "viewer_membership": selectors.viewer_membership(organisation, request.user),
            "can_manage": can_manage,
            "open_requests": (
                len(selectors.join_requests_for(organisation)) if can_manage else 0
            ),
            **selectors.organisation_activity(organisation, request.user),
        },
    )


# --- organisations --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.create_organisation(request.user, **form.cleaned_data)
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(
                request,
                _("„%(name)s“ ist angelegt und wartet auf die Freigabe durch die Moderation. "
                  "Wir schreiben Ihnen, sobald sie im Verzeichnis steht.")
                % {"name": organisation.name},
            )
            return redirect(organisation)
    return render(request, "network/organisation_form.html", {"form": form, "organisation": None})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug):
    organisation = selectors.organisation_for_profile(slug, request.user)
    if not permissions.can_manage_organisation(request.user, organisation):
        raise PermissionDenied(
            _("Nur die Administrator*innen der Organisation dürfen ihr Profil bearbeiten.")
        )
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.update_organisation(
                request.user, organisation, **form.cleaned_data
            )
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Das Profil ist gespeichert."))
            return redirect(organisation)
    return render(
        request, "network/organisation_form.html", {"form": form, "organisation": organisation}
    )


# --- joining ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def join_request(request, slug):
    organisation = get_object_or_404(Organisation.objects.approved(), slug=slug)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_membership(
                request.user, organisation, form.cleaned_data["message"]
            )
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(
                request,
                _("Ihre Anfrage ist bei den Administrator*innen von „%(name)s“ angekommen.")
                % {"name": organisation.name},
            )
            return redirect("network:my_account")
    return render(
        request,
        "network/join_request_form.html",
        {
            "organisation": organisation,
            "form": form,
            "viewer_membership": selectors.viewer_membership(organisation, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def join_requests(request, slug):
    organisation = selectors.organisation_for_profile(slug, request.user)
    if not permissions.can_manage_organisation(request.user, organisation):
        raise PermissionDenied(
            _("Nur die Administrator*innen der Organisation sehen die Beitrittsanfragen.")
        )
    if request.method == "POST":
        membership = get_object_or_404(
            Membership.objects.select_related("user", "organisation"),
            pk=_posted_id(request, "membership"),
            organisation=organisation,
        )
        action = request.POST.get("action")
        try:
            if action == "accept":
                services.accept_membership(request.user, membership)
                messages.success(
                    request,
                    _("%(person)s ist jetzt Mitglied.") % {"person": membership.user},
                )
            elif action == "decline":
                services.decline_membership(request.user, membership)
                messages.success(
                    request,
                    _("Die Anfrage von %(person)s ist abgelehnt.") % {"person": membership.user},
                )
            elif action == "role":
                role_form = MemberRoleForm(request.POST)
                if not role_form.is_valid():
                    raise ValidationError(_("Bitte wählen Sie eine gültige Rolle."))
                services.change_member_role(
                    request.user, membership, role_form.cleaned_data["role"]
                )
                messages.success(
                    request,
                    _("Die Rolle von %(person)s ist geändert.") % {"person": membership.user},
                )
            else:
                messages.error(request, _("Unbekannte Aktion."))
        except ValidationError as error:
            messages.error(request, _error_text(error))
        return redirect("network:join_requests", slug=organisation.slug)
    return render(
        request,
        "network/join_requests.html",
        {
            "organisation": organisation,
            "requests": selectors.join_requests_for(organisation),
            "members": selectors.visible_members(organisation, request.user),
            "role_choices": Membership.Role.choices,
        },
    )


@login_required
@require_POST
def leave_organisation(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    try:
        services.leave_organisation(request.user, organisation)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("Sie sind nicht mehr Mitglied von „%(name)s“.") % {"name": organisation.name},
        )
    return redirect("network:my_account")


# --- moderation -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def moderation_queue(request):
    if not permissions.is_moderator(request.user):
        raise PermissionDenied(_("Nur die Moderation darf Organisationen freigeben."))
    reject_forms = {}
    if request.method == "POST":
        organisation = get_object_or_404(Organisation, pk=_posted_id(request, "organisation"))
        action = request.POST.get("action")
        try:
            if action == "approve":
                services.approve_organisation(request.user, organisation)
                messages.success(
                    request,
                    _("„%(name)s“ ist freigegeben und steht im Verzeichnis.")
                    % {"name": organisation.name},
                )
                return redirect("network:moderation_queue")
            if action == "reject":
                form = RejectOrganisationForm(request.POST, prefix=f"org{organisation.pk}")
                if form.is_valid():
                    services.reject_organisation(
                        request.user, organisation, form.cleaned_data["reason"]
                    )
                    messages.success(
                        request,
                        _("„%(name)s“ ist abgelehnt; die Begründung ist verschickt.")
                        % {"name": organisation.name},
                    )
                    return redirect("network:moderation_queue")
                reject_forms[organisation.pk] = form
            else:
                messages.error(request, _("Unbekannte Aktion."))
                return redirect("network:moderation_queue")
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect("network:moderation_queue")
    pending = selectors.pending_organisations()
    for organisation in pending:
        organisation.reject_form = reject_forms.get(organisation.pk) or RejectOrganisationForm(
            prefix=f"org{organisation.pk}"
        )
    return render(request, "network/moderation_queue.html", {"organisations": pending})


# --- account ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def my_account(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(request.user, **form.cleaned_data)
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Ihr Profil ist gespeichert."))
            return redirect("network:my_account")
    memberships = selectors.memberships_of(request.user)
    request_counts = selectors.open_join_request_counts(request.user)
    for membership in memberships:
        membership.open_requests = request_counts.get(membership.organisation_id, 0)
    return render(
        request,
        "network/my_account.html",
        {
            "profile_form": form,
            "memberships": memberships,
            "is_moderator": permissions.is_moderator(request.user),
        },
    )


@login_required
def choose_organisation(request):
    return render(
        request,
        "network/choose_organisation.html",
        {"memberships": selectors.memberships_of(request.user)},
    )
