"""Reads of the open-data API for funding programmes (editors' public snippets)."""

from django.db.models import Count, Max, Prefetch, Q

from matchmaking.models import FundingProgramme, TaggedFundingProgramme


def _in_json_list(field, code):
    # JSON containment is not available on SQLite; the quoted code matches one element.
    return Q(**{f"{field}__icontains": f'"{code}"'})


def funding_version():
    return tuple(
        FundingProgramme.objects.order_by()
        .aggregate(latest=Max("updated_at"), count=Count("pk"))
        .values()
    )


def funding_programmes(filters):
    """Programmes matching `filters`, by name. A Bundesland filter keeps nationwide ones."""
    queryset = FundingProgramme.objects.all()
    if filters.get("topic"):
        tagged = TaggedFundingProgramme.objects.filter(tag__slug__in=filters["topic"])
        queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
    if filters.get("funder"):
        queryset = queryset.filter(funder__in=filters["funder"])
    if filters.get("bundesland"):
        regional = Q()
        for code in filters["bundesland"]:
            regional |= _in_json_list("bundeslaender", code)
        queryset = queryset.filter(Q(bundeslaender=[]) | regional)
    if filters.get("applicant_kind"):
        kinds = Q()
        for kind in filters["applicant_kind"]:
            kinds |= _in_json_list("applicant_kinds", kind)
        queryset = queryset.filter(kinds)
    if filters.get("deadline_from"):
        queryset = queryset.filter(
            Q(deadline__isnull=True) | Q(deadline__gte=filters["deadline_from"])
        )
    if filters.get("deadline_to"):
        queryset = queryset.filter(deadline__lte=filters["deadline_to"])
    return queryset.prefetch_related(
        Prefetch(
            "tagged_items",
            queryset=TaggedFundingProgramme.objects.select_related("tag").order_by("tag__name"),
        )
    ).order_by("name", "pk")
