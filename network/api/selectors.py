"""Reads of the open-data API for organisations: approved ones only."""

from django.db.models import Prefetch

from network.models import Organisation, TaggedOrganisation


def organisations(filters):
    queryset = Organisation.objects.approved()
    if filters.get("kind"):
        queryset = queryset.filter(kind__in=filters["kind"])
    if filters.get("bundesland"):
        queryset = queryset.filter(bundesland__in=filters["bundesland"])
    if filters.get("topic"):
        tagged = TaggedOrganisation.objects.filter(tag__slug__in=filters["topic"])
        queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
    return queryset.prefetch_related(
        Prefetch(
            "tagged_items",
            queryset=TaggedOrganisation.objects.select_related("tag").order_by("tag__name"),
        )
    ).order_by("name", "pk")
