"""Pain points and offers: listings, detail pages, create, edit and delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from matchmaking import selectors, services
from matchmaking.forms import ListingFilterForm, OfferForm, PainPointForm
from matchmaking.models import Offer, PainPoint
from network.people_selectors import experts_for_item
from network.permissions import is_moderator

from .common import Viewer, attach_errors, paginate, refused

# --- listings -------------------------------------------------------------------------------


def _listing(request, search, template):
    viewer = Viewer(request.user)
    filter_form = ListingFilterForm(request.GET or None)
    items = search(request.user, **filter_form.filters())
    return render(request, template, {"filter_form": filter_form, "viewer": viewer,
                                      **paginate(request, items)})


@require_http_methods(["GET", "HEAD"])
def pain_point_list(request):
    return _listing(request, selectors.search_pain_points, "matchmaking/pain_point_list.html")


@require_http_methods(["GET", "HEAD"])
def offer_list(request):
    return _listing(request, selectors.search_offers, "matchmaking/offer_list.html")


# --- detail pages ---------------------------------------------------------------------------


def _visible_pain_point(user, pk):
    pain_point = get_object_or_404(
        selectors.with_pain_point_data(PainPoint.objects.all()), pk=pk
    )
    if not selectors.can_view_pain_point(user, pain_point):
        raise Http404(_("Diesen Bedarf gibt es nicht oder Sie dürfen ihn nicht sehen."))
    return pain_point


def _visible_offer(user, pk):
    offer = get_object_or_404(selectors.with_offer_data(Offer.objects.all()), pk=pk)
    if not selectors.can_view_offer(user, offer):
        raise Http404(_("Dieses Angebot gibt es nicht oder Sie dürfen es nicht sehen."))
    return offer


@require_http_methods(["GET", "HEAD"])
def pain_point(request, pk):
    """A pain point; its own members see the whole solution path, providers may write."""
    item = _visible_pain_point(request.user, pk)
    viewer = Viewer(request.user)
    is_own = item.organisation in viewer.municipal or services.is_member_of(
        request.user, item.organisation
    )
    listed = PainPoint.objects.listed().filter(pk=item.pk).exists()
    return render(
        request,
        "matchmaking/pain_point_detail.html",
        {
            "pain_point": item,
            "viewer": viewer,
            "is_own": is_own,
            "can_edit": is_own or is_moderator(request.user),
            "path": selectors.solution_paths([item], request.user)[0] if is_own else None,
            "experts": experts_for_item(item, request.user) if is_own else [],
            "own_offers": (
                selectors.listed_offers_of(viewer.providers, pain_point=item)
                if viewer.is_provider and not is_own and listed else []
            ),
        },
    )


@require_http_methods(["GET", "HEAD"])
def offer(request, pk):
    """An offer with its references; its own members see the pain points it matches."""
    item = _visible_offer(request.user, pk)
    viewer = Viewer(request.user)
    is_own = item.organisation in viewer.providers or services.is_member_of(
        request.user, item.organisation
    )
    listed = Offer.objects.listed().filter(pk=item.pk).exists()
    return render(
        request,
        "matchmaking/offer_detail.html",
        {
            "offer": item,
            "viewer": viewer,
            "is_own": is_own,
            "can_edit": is_own or is_moderator(request.user),
            "references": selectors.offer_references(item),
            "matches": selectors.provider_matches([item], request.user)[0] if is_own else None,
            "own_pain_points": (
                selectors.listed_pain_points_of(viewer.municipal, offer=item)
                if viewer.is_municipal and not is_own and listed else []
            ),
        },
    )


# --- create, edit, delete -------------------------------------------------------------------


KINDS = {
    "pain_point": {
        "model": PainPoint,
        "form": PainPointForm,
        "organisations": services.municipal_organisations,
        "check": services.check_can_publish_pain_point,
        "create": services.create_pain_point,
        "update": services.update_pain_point,
        "visible": _visible_pain_point,
        "title_new": gettext_lazy("Bedarf anlegen"),
        "title_edit": gettext_lazy("Bedarf bearbeiten"),
        "title_delete": gettext_lazy("Bedarf löschen"),
        "created": gettext_lazy("Ihr Bedarf „%(title)s“ ist veröffentlicht. "
                                "Passende Angebote finden Sie gleich hier."),
        "saved": gettext_lazy("Der Bedarf ist gespeichert."),
        "deleted": gettext_lazy("Der Bedarf „%(title)s“ ist gelöscht."),
    },
    "offer": {
        "model": Offer,
        "form": OfferForm,
        "organisations": services.provider_organisations,
        "check": services.check_can_publish_offer,
        "create": services.create_offer,
        "update": services.update_offer,
        "visible": _visible_offer,
        "title_new": gettext_lazy("Angebot anlegen"),
        "title_edit": gettext_lazy("Angebot bearbeiten"),
        "title_delete": gettext_lazy("Angebot löschen"),
        "created": gettext_lazy("Ihr Angebot „%(title)s“ ist veröffentlicht. "
                                "Passende Bedarfe finden Sie gleich hier."),
        "saved": gettext_lazy("Das Angebot ist gespeichert."),
        "deleted": gettext_lazy("Das Angebot „%(title)s“ ist gelöscht."),
    },
}


def _form_page(request, kind, form, item=None, status=200):
    spec = KINDS[kind]
    return render(
        request,
        "matchmaking/item_form.html",
        {"form": form, "item": item, "kind": kind,
         "page_title": spec["title_edit"] if item else spec["title_new"]},
        status=status,
    )


def _create(request, kind):
    spec = KINDS[kind]
    organisations = spec["organisations"](request.user)
    try:
        spec["check"](request.user)
    except services.MatchmakingRefused as error:
        return refused(request, error, spec["title_new"])
    form = spec["form"](request.POST or None, organisations=organisations)
    if request.method != "POST":
        return _form_page(request, kind, form)
    if form.is_valid():
        organisation = form.cleaned_data.get("organisation") or organisations.first()
        try:
            item = spec["create"](request.user, organisation, form.service_data())
        except services.MatchmakingRefused as error:
            return refused(request, error, spec["title_new"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, spec["created"] % {"title": item.title})
            return redirect(item)
    return _form_page(request, kind, form, status=422)


def _edit(request, kind, pk):
    spec = KINDS[kind]
    item = spec["visible"](request.user, pk)
    try:
        services.check_can_edit(request.user, item)
    except services.MatchmakingRefused as error:
        return refused(request, error, spec["title_edit"])
    form_class = spec["form"]
    if request.method != "POST":
        form = form_class(initial=form_class.initial_from(item), editing=True)
        return _form_page(request, kind, form, item)
    form = form_class(request.POST, editing=True)
    if form.is_valid():
        try:
            item = spec["update"](request.user, item, form.service_data())
        except services.MatchmakingRefused as error:
            return refused(request, error, spec["title_edit"])
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, spec["saved"])
            return redirect(item)
    return _form_page(request, kind, form, item, status=422)


def _delete(request, kind, pk):
    spec = KINDS[kind]
    item = spec["visible"](request.user, pk)
    try:
        services.check_can_edit(request.user, item)
        if request.method == "POST":
            title = item.title
            services.delete_item(request.user, item)
            messages.success(request, spec["deleted"] % {"title": title})
            return redirect("matchmaking:index")
    except services.MatchmakingRefused as error:
        return refused(request, error, spec["title_delete"])
    return render(request, "matchmaking/item_delete.html",
                  {"item": item, "kind": kind, "page_title": spec["title_delete"]})


@login_required
@require_http_methods(["GET", "POST"])
def pain_point_create(request):
    return _create(request, "pain_point")


@login_required
@require_http_methods(["GET", "POST"])
def pain_point_edit(request, pk):
    return _edit(request, "pain_point", pk)


@login_required
@require_http_methods(["GET", "POST"])
def pain_point_delete(request, pk):
    return _delete(request, "pain_point", pk)


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request):
    return _create(request, "offer")


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, pk):
    return _edit(request, "offer", pk)


@login_required
@require_http_methods(["GET", "POST"])
def offer_delete(request, pk):
    return _delete(request, "offer", pk)
