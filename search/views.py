from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from search import selectors
from search.forms import MAX_QUERY_LENGTH, SearchForm


def _page_number(value):
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


@require_GET
def results(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "results": None}
    if form.is_bound and form.is_valid():
        types = form.cleaned_data["typ"]
        filters = form.filters()
        found = selectors.site_search(
            request.user,
            query=form.cleaned_data["q"],
            types=types,
            filters=filters,
            page=_page_number(request.GET.get("page")),
        )
        type_labels = selectors.type_labels()
        # The paginator runs over a range, not a query: it only lays out the page links.
        reachable = found.total if found.reachable is None else min(found.total, found.reachable)
        page_obj = Paginator(range(reachable), found.per_page).get_page(found.page)
        context.update(
            results=found,
            query=form.cleaned_data["q"],
            hits=[(hit, type_labels.get(hit.type, hit.type)) for hit in found.hits],
            facet_groups=selectors.facet_groups(found, types=types, filters=filters),
            has_filters=bool(types or filters),
            page_obj=page_obj,
            page_numbers=page_obj.paginator.get_elided_page_range(page_obj.number),
        )
    return render(request, "search/results.html", context)


@require_GET
@cache_control(max_age=60)
def suggestions(request):
    """Words to complete the header search as you type (JSON for static/js/search-suggest.js)."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    return JsonResponse({"suggestions": selectors.suggestions(query)})
