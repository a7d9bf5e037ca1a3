"""One way to page a list, for every view that renders `network/includes/pagination.html`."""

from django.core.paginator import Paginator


def page_context(request, items, per_page):
    """`page_obj` (the requested page, the last one if out of range) and `page_numbers`
    (the elided range the pagination include links to)."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    return {
        "page_obj": page,
        "page_numbers": page.paginator.get_elided_page_range(page.number, on_ends=1),
    }
