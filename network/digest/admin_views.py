"""Editors' side in the Wagtail admin: send page (previews, test, schedule, send now) and
the consent overview with its CSV export."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.digest import selectors, services
from network.digest.forms import ScheduleForm
from network.digest.mail import issue_message
from network.models import ConsentRecord, DeliveryStatus, DigestIssue, Subscription


def _issue_for_editor(request, pk):
    if not services.can_edit_digest(request.user):
        raise PermissionDenied(_("Nur die Redaktion darf die Wochenübersicht bearbeiten."))
    return get_object_or_404(DigestIssue.objects.prefetch_related("items"), pk=pk)


@require_http_methods(["GET", "POST"])
def send_page(request, pk):
    issue = _issue_for_editor(request, pk)
    form = ScheduleForm(request.POST if request.POST.get("action") == "schedule" else None,
                        initial={"when": issue.scheduled_at and timezone.localtime(
                            issue.scheduled_at)})
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "test":
                services.send_test(issue, request.user)
                messages.success(request, _("Die Testmail ist an %(email)s unterwegs.")
                                 % {"email": request.user.email})
            elif action == "schedule":
                if form.is_valid():
                    services.schedule(issue, request.user, form.cleaned_data["when"])
                    messages.success(request, _("Der Versand ist geplant."))
                else:
                    raise ValidationError(form.errors["when"][0])
            elif action == "unschedule":
                services.unschedule(issue, request.user)
                messages.success(request, _("Die Planung ist aufgehoben."))
            elif action == "send_now":
                services.send_now(issue, request.user)
                messages.success(request, _("Der Versand hat begonnen."))
            return redirect("digest_admin:send", pk=issue.pk)
        except ValidationError as error:
            messages.error(request, error.messages[0])
    counts = dict.fromkeys(DeliveryStatus.values, 0)
    for row in issue.deliveries.values_list("status", flat=True).order_by():
        counts[row] += 1
    return TemplateResponse(request, "network/digest/admin/send.html", {
        "issue": issue, "form": form, "counts": counts,
        "recipients": selectors.active_recipients(issue).count(),
        "delivery_counts": [(label, counts[value]) for value, label in DeliveryStatus.choices],
    })


def _preview_subscription(user):
    return Subscription(email=user.email or "redaktion@example.org", user=user,
                        token="vorschau")  # noqa: S106 - not a secret


@require_http_methods(["GET"])
def preview(request, pk, kind):
    issue = _issue_for_editor(request, pk)
    if kind == "web":
        return TemplateResponse(request, "network/digest/issue.html", {
            "issue": issue, "groups": selectors.grouped_items(issue),
            "editorial_paragraphs": [p.strip() for p in issue.editorial.split("\n\n")
                                     if p.strip()],
        })
    since = issue.covers_since or timezone.now()
    sections = selectors.personal_parts([request.user.pk], since).get(request.user.pk)
    message = issue_message(issue, _preview_subscription(request.user), sections)
    if kind == "text":
        return HttpResponse(message.body, content_type="text/plain; charset=utf-8")
    return HttpResponse(message.alternatives[0][0], content_type="text/html; charset=utf-8")


class _Echo:
    def write(self, value):
        return value


@require_http_methods(["GET"])
def consent_overview(request):
    if not services.can_edit_digest(request.user):
        raise PermissionDenied(_("Nur die Redaktion darf Einwilligungen einsehen."))
    if request.GET.get("format") == "csv":
        writer = csv.writer(_Echo())
        header = [_("Zeitpunkt"), _("E-Mail-Adresse"), _("Zweck"), _("Vorgang"), _("Weg"),
                  _("Textfassung"), _("Wortlaut")]
        rows = ConsentRecord.objects.order_by("created_at", "pk").iterator(chunk_size=2000)

        def lines():
            yield writer.writerow(header)
            for record in rows:
                yield writer.writerow([
                    record.created_at.isoformat(), record.email, record.get_purpose_display(),
                    record.get_action_display(), record.get_method_display(),
                    record.text_version, record.text,
                ])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="einwilligungen.csv"'
        return response
    counts = selectors.consent_counts()
    from network.models import ConsentAction, ConsentPurpose

    table = [
        (label, [counts.get((purpose, action), 0) for action in ConsentAction.values])
        for purpose, label in ConsentPurpose.choices
    ]
    return TemplateResponse(request, "network/digest/admin/consent.html", {
        "table": table, "actions": ConsentAction.labels,
        "subscriptions": selectors.subscription_counts(),
    })
