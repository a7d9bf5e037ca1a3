"""Thin views of "Meine Daten" (members) and of the visitors' data page."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from network.account import selectors, services
from network.account.forms import DeleteAccountForm, HandoverForm, VisitorEraseForm
from network.personal_data import to_json


def _attach_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def my_data(request):
    action = request.POST.get("action") if request.method == "POST" else None
    handovers = selectors.handovers_needed(request.user)
    handover_forms = [
        HandoverForm(
            request.POST if action == "handover"
            and request.POST.get("organisation") == str(h.organisation.pk) else None,
            handover=h,
        )
        for h in handovers
    ]
    delete_form = DeleteAccountForm(request.POST if action == "delete" else None)

    if action == "export":
        services.request_export(request.user)
        messages.success(request, _("Ihr Export wird erstellt. Der Link erscheint unten."))
        return redirect("network:my_data")
    if action == "handover":
        for form in handover_forms:
            if form.is_bound and form.is_valid():
                try:
                    services.hand_over_admin(request.user, form.chosen())
                except ValidationError as error:
                    _attach_errors(form, error)
                else:
                    messages.success(request, _("Die Verwaltung ist übergeben."))
                    return redirect("network:my_data")
    if action == "delete" and delete_form.is_valid():
        try:
            services.delete_account(
                request.user, request.user, delete_form.cleaned_data["password"]
            )
        except ValidationError as error:
            _attach_errors(delete_form, error)
        else:
            logout(request)
            return render(request, "network/account/deleted.html")

    return render(
        request,
        "network/account/my_data.html",
        {
            "exports": selectors.exports_of(request.user),
            "handover_forms": handover_forms,
            "delete_form": delete_form,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def download_export(request, token):
    export = selectors.export_for_download(request.user, token)
    if export is None:  # someone else's export looks exactly like a missing one
        raise Http404(_("Diesen Export gibt es nicht."))
    try:
        handle = services.open_export(request.user, export)
    except ValidationError as error:
        return render(
            request, "network/account/export_expired.html",
            {"message": " ".join(error.messages)}, status=410,
        )
    return FileResponse(
        handle, as_attachment=True, filename="stadtlabor-meine-daten.zip",
        content_type="application/zip",
    )


@never_cache
@require_http_methods(["GET", "POST"])
def visitor_data(request, token):
    try:
        sections = services.export_visitor(token)
    except ValidationError as error:
        return render(
            request, "network/account/visitor_invalid.html",
            {"message": " ".join(error.messages)}, status=404,
        )
    action = request.POST.get("action") if request.method == "POST" else None
    form = VisitorEraseForm(request.POST if action == "erase" else None)
    if action == "export":
        response = HttpResponse(to_json(sections), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="stadtlabor-meine-daten.json"'
        return response
    if action == "erase" and form.is_valid():
        services.erase_visitor(token)
        return render(request, "network/account/visitor_erased.html")
    return render(
        request,
        "network/account/visitor_data.html",
        {"registrations": sections.get("veranstaltungs_anmeldungen", []),
         "subscriptions": sections.get("newsletter_abonnements", []),
         "form": form},
        status=400 if request.method == "POST" else 200,
    )
