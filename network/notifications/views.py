"""The notification centre: list, mark read, preferences, unsubscribe from mails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from network.forum.access import viewer_for
from network.notifications import selectors
from network.notifications import services as notifications
from network.notifications.forms import PreferencesForm
from network.pagination import page_context


@login_required
@require_http_methods(["GET", "HEAD"])
def notification_list(request):
    viewer = viewer_for(request)
    paged = page_context(request, selectors.notifications_for(viewer), 30)
    return render(
        request,
        "network/notifications/list.html",
        {
            **paged,
            "notifications": paged["page_obj"].object_list,
        },
    )


@login_required
@require_POST
def mark_read(request):
    ids = [int(value) for value in request.POST.getlist("id") if value.isdigit()] or None
    count = notifications.mark_read(request.user, ids)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"unread": count})
    return redirect("network:notifications:list")


@login_required
@require_http_methods(["GET", "HEAD"])
def unread(request):
    return JsonResponse({"unread": notifications.unread_count(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = {
        row.kind: (row.in_app, row.by_email)
        for row in request.user.notification_preferences.all()
    }
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        notifications.save_preferences(request.user, form.choices())
        messages.success(request, _("Ihre Einstellungen sind gespeichert."))
        return redirect("network:notifications:preferences")
    return render(request, "network/notifications/preferences.html", {"form": form})


@csrf_exempt  # RFC 8058 one-click: mail programs POST without a session or CSRF token;
# the signed token in the URL is the authorisation.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        user, kinds = notifications.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "network/notifications/unsubscribe.html", {"invalid": True},
                      status=400)
    done = False
    if request.method == "POST":
        notifications.unsubscribe(token)
        done = True
    return render(
        request,
        "network/notifications/unsubscribe.html",
        {"person": user, "kinds": kinds, "done": done},
    )
