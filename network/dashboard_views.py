"""The editors' dashboard in the Wagtail admin (`/admin/kennzahlen/`): the figures of
network.dashboard, each as a server-side SVG bar chart (network.charts) with its table."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _

from network import charts, dashboard


def _chart(chart_id, title, bars):
    return {"id": chart_id, "title": title, "svg": charts.bar_chart(chart_id, title, bars),
            "rows": bars}


def dashboard_view(request):
    # Wagtail's admin URLs already require admin access; this says why for the others.
    if not dashboard.can_view_dashboard(request.user):
        raise PermissionDenied(_("Nur die Redaktion sieht die Kennzahlen."))
    data = dashboard.dashboard()
    sections = [
        _chart("dash-kind", _("Organisationen nach Art"), data["by_kind"]),
        _chart("dash-land", _("Organisationen nach Bundesland"), data["by_land"]),
    ]
    events = data["events"]
    if events is not None:
        bars = [
            (f"{formats.date_format(event['start'], 'd.m.')} {event['title']}",
             event["confirmed"])
            for event in events
        ]
        events_chart = _chart("dash-events", _("Anmeldungen je kommender Veranstaltung"), bars)
    else:
        events_chart = None
    if data["outcomes"] is not None:
        title = _("Kontaktanfragen im Matching: wie weit sie kamen")
        sections.append(_chart("dash-outcomes", title, data["outcomes"]))
    sections.append(_chart("dash-digest", _("Wochenübersicht: Abonnements"), data["subscribers"]))
    return TemplateResponse(request, "network/admin/dashboard.html", {
        "members": data["members"],
        "events": events,
        "events_chart": events_chart,
        "sections": sections,
    })
