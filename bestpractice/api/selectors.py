"""Reads of the open-data API for case studies: public pages only, constant queries."""

from django.db.models import Count, Max, Prefetch

from bestpractice.models import BestPracticeTag
from bestpractice.selectors import live_case_studies


def _filtered(filters):
    queryset = live_case_studies()
    if filters.get("topic"):
        tagged = BestPracticeTag.objects.filter(tag__slug__in=filters["topic"])
        queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
    for key, field in (
        ("bundesland", "bundesland__in"),
        ("size_class", "size_class__in"),
        ("budget", "budget_range__in"),
    ):
        if filters.get(key):
            queryset = queryset.filter(**{field: filters[key]})
    if filters.get("year_from") is not None:
        queryset = queryset.filter(year__gte=filters["year_from"])
    if filters.get("year_to") is not None:
        queryset = queryset.filter(year__lte=filters["year_to"])
    if filters.get("published_from"):
        queryset = queryset.filter(first_published_at__date__gte=filters["published_from"])
    if filters.get("published_to"):
        queryset = queryset.filter(first_published_at__date__lte=filters["published_to"])
    return queryset


def case_study_version():
    """What changes whenever the public library changes: its latest publication and size."""
    return tuple(
        live_case_studies()
        .order_by()
        .aggregate(latest=Max("last_published_at"), count=Count("pk"))
        .values()
    )


def case_studies(filters):
    """Public case studies matching `filters`, newest first, ready for the serialiser."""
    return (
        _filtered(filters)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "tagged_items",
                queryset=BestPracticeTag.objects.select_related("tag").order_by("tag__name"),
            )
        )
        .order_by("-first_published_at", "-pk")
    )


