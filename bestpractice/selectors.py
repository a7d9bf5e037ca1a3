"""Reads of the library shared by pages, views, the home page and organisation profiles.

Every list is fetched with a fixed number of queries: organisations joined, tags and images
(with their renditions) prefetched, facet counts as one GROUP BY query per facet.
"""

from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Max, Prefetch, Q, Value, When
from wagtail.images import get_image_model

from bestpractice import listing_cache
from bestpractice.facets import (
    ARTICLE_SORTS,
    CASE_STUDY_SORTS,
    ListingState,
    article_facets,
    case_study_facets,
)
from bestpractice.models import (
    ArticleKind,
    ArticlePage,
    ArticleTag,
    BestPracticePage,
    BestPracticeTag,
    CaseStudySubmission,
)
from network.models import Membership, Organisation

# Renditions the list and teaser templates ask for; prefetched so that images cost no
# query per row.
CARD_RENDITION = "fill-640x360|format-webp"
CARD_RENDITION_FALLBACK = "fill-640x360"


def _image_prefetch():
    return Prefetch(
        "main_image",
        queryset=get_image_model().objects.prefetch_renditions(CARD_RENDITION),
    )


def _tag_prefetch(through_model):
    return Prefetch(
        "tagged_items",
        queryset=through_model.objects.select_related("tag").order_by("tag__name"),
    )


def live_case_studies():
    return listing_cache.public(BestPracticePage.objects.live())


def live_articles():
    return listing_cache.public(ArticlePage.objects.live())


def with_card_data(queryset):
    """Everything a case-study card shows, in a constant number of queries."""
    return queryset.select_related("organisation").prefetch_related(
        _image_prefetch(), _tag_prefetch(BestPracticeTag)
    )


def with_article_card_data(queryset):
    return queryset.prefetch_related(_image_prefetch(), _tag_prefetch(ArticleTag))


# --- Faceted listings -----------------------------------------------------------------


def _narrow(queryset, state, tag_model, *, except_key=None):
    for facet in state.facets:
        values = state.values(facet.key)
        if not values or facet.key == except_key:
            continue
        if facet.is_topic:
            tagged = tag_model.objects.filter(tag__slug__in=values).values("content_object_id")
            queryset = queryset.filter(pk__in=tagged)
        else:
            queryset = queryset.filter(**{f"{facet.field}__in": values})
    return queryset


def _facet_counts(base, state, tag_model):
    """{facet key: {value: count}}, each facet counted under all *other* selected facets."""
    counts = {}
    for facet in state.facets:
        narrowed = _narrow(base, state, tag_model, except_key=facet.key)
        if facet.is_topic:
            rows = (
                tag_model.objects.filter(content_object__in=narrowed.values("pk"))
                .values("tag__slug", "tag__name")
                .annotate(count=Count("content_object_id", distinct=True))
                .order_by()
            )
            counts[facet.key] = {row["tag__slug"]: (row["count"], row["tag__name"]) for row in rows}
        else:
            rows = narrowed.order_by().values(facet.field).annotate(count=Count("pk"))
            counts[facet.key] = {
                str(row[facet.field]): (row["count"], None)
                for row in rows
                if row[facet.field] not in (None, "")
            }
    return counts


def _facet_options(facet, counts, state):
    selected = set(state.values(facet.key))
    found = counts.get(facet.key, {})
    if facet.choices:
        ordered = [value for value, _label in facet.choices]
    elif facet.numeric:
        ordered = sorted(found, reverse=True)
    else:  # topics: most frequent first
        ordered = sorted(found, key=lambda value: (-found[value][0], found[value][1].lower()))
    ordered += sorted(selected - set(ordered))
    options = []
    for value in ordered:
        count, name = found.get(value, (0, None))
        if count or value in selected:
            options.append(
                {
                    "value": value,
                    "label": name or facet.label_for(value),
                    "count": count,
                    "selected": value in selected,
                }
            )
    return options


# Annotations a sort order may need (`Sort.annotation`), computed in the same query.
SORT_ANNOTATIONS = {
    # Visible comments in the page's discussion (network.forum: one thread per page).
    "comment_count": lambda: Count(
        "discussion__posts", filter=Q(discussion__posts__status="visible"), distinct=True
    ),
}


def _listing(base, state, tag_model, card_data, per_page, cache_as):
    results = _narrow(base, state, tag_model)
    # Counting grows with the library; the counts are cached until it changes
    # (bestpractice.listing_cache), the page of results itself is one LIMIT query.
    counts, result_count = listing_cache.cached_counts(
        *cache_as, state, lambda: (_facet_counts(base, state, tag_model), results.count())
    )
    sort = state.sort_option
    if sort.annotation:
        results = results.annotate(**{sort.annotation: SORT_ANNOTATIONS[sort.annotation]()})
    results = results.order_by(*sort.order_by)
    paginator = Paginator(card_data(results), per_page)
    paginator.count = result_count  # cached_property: no COUNT query per request
    page_obj = paginator.get_page(state.page)
    return {
        "listing": state,
        "facets": [
            {"key": f.key, "label": f.label, "options": _facet_options(f, counts, state)}
            for f in state.facets
        ],
        "active_filters": state.active_filters(
            names={
                key: {value: name for value, (_n, name) in found.items() if name}
                for key, found in counts.items()
            }
        ),
        "page_obj": page_obj,
        "items": list(page_obj.object_list),
        "result_count": result_count,
        "page_links": [
            {"number": number, "query": state.querystring(page=number)}
            if number != Paginator.ELLIPSIS
            else {"number": None}
            for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2)
        ],
        "previous_query": (
            state.querystring(page=page_obj.previous_page_number())
            if page_obj.has_previous()
            else None
        ),
        "next_query": (
            state.querystring(page=page_obj.next_page_number()) if page_obj.has_next() else None
        ),
    }


def case_study_listing(index_page, query):
    state = ListingState.from_query(query, case_study_facets(), CASE_STUDY_SORTS)
    base = live_case_studies().child_of(index_page)
    return _listing(base, state, BestPracticeTag, with_card_data, index_page.per_page,
                    ("case_studies", index_page.pk))


def article_listing(index_page, query):
    state = ListingState.from_query(query, article_facets(), ARTICLE_SORTS)
    base = live_articles().child_of(index_page)
    return _listing(base, state, ArticleTag, with_article_card_data, index_page.per_page,
                    ("articles", index_page.pk))


# --- The map of the library (bestpractice.germany_map) ---------------------------------


def counts_by_bundesland(index_page):
    """{Land code: live case studies} under `index_page`: one GROUP BY query, cached until
    the library changes. Like the facet counts it counts `live().public()` pages only, so
    every viewer sees the same numbers and one cache entry serves all."""

    def compute():
        rows = (
            live_case_studies()
            .child_of(index_page)
            .exclude(bundesland="")
            .order_by()
            .values("bundesland")
            .annotate(count=Count("pk"))
        )
        return {row["bundesland"]: row["count"] for row in rows}

    return listing_cache.cached_value("map", index_page.pk, compute)


def library_map(index_page):
    """Context of templates/bestpractice/includes/library_map.html for `index_page`."""
    from bestpractice import germany_map
    from network.models import Bundesland

    base_url = index_page.url
    land_entries, breaks = germany_map.entries(
        counts_by_bundesland(index_page),
        dict(Bundesland.choices),
        lambda code: f"{base_url}?land={code}",
    )
    return {
        "svg": germany_map.render_svg(land_entries),
        "entries": land_entries,
        "legend": germany_map.legend(breaks),
        "total": sum(entry.count for entry in land_entries),
    }


def library_map_for_home():
    """The map of the (first live) library, for the home page; None without one. Kept
    whole until the library changes: it shows only what every viewer may see."""
    from bestpractice.models import BestPracticeIndexPage

    def compute():
        index_page = listing_cache.public(BestPracticeIndexPage.objects.live()).first()
        return library_map(index_page) if index_page else None

    return listing_cache.cached("home-map", compute)


# --- Case study neighbours --------------------------------------------------------------


def _related_ids(page, tag_ids, limit):
    """Ids of the case studies sharing most topics with `page`, similar size first.

    Ranked on the small tag table (grouped by page id only): grouping whole page rows
    would cost far more. The ranking still reads every page tagged with one of the topics,
    so it grows with the library; callers keep it under the library generation."""
    if not tag_ids:
        return []
    ranking = (
        BestPracticeTag.objects.filter(
            tag_id__in=tag_ids, content_object_id__in=live_case_studies().values("pk")
        )
        .exclude(content_object_id=page.pk)
        .values("content_object_id")
        .annotate(
            shared_topics=Count("id"),
            same_size=Max(
                Case(
                    When(content_object__size_class=page.size_class, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            ),
            published=Max("content_object__first_published_at"),
        )
        .order_by("-shared_topics", "-same_size", "-published", "-content_object_id")[:limit]
    )
    return [row["content_object_id"] for row in ranking]


def _cards_by_id(*id_lists):
    """The live public case studies of all `id_lists` with their card data, in one go;
    each list back in its own order (ids no longer live are left out)."""
    wanted = {pk for ids in id_lists for pk in ids}
    pages = (
        {p.pk: p for p in with_card_data(live_case_studies().filter(pk__in=wanted))}
        if wanted
        else {}
    )
    return [[pages[pk] for pk in ids if pk in pages] for ids in id_lists]


def related_case_studies(page, limit=3):
    """Case studies sharing topics with `page`, those of a similar town size first."""
    tag_ids = [tag.pk for tag in page.topics.all()]
    return _cards_by_id(_related_ids(page, tag_ids, limit))[0]


def municipal_organisation_of(user):
    """The approved municipal organisation `user` is an active member of, if any."""
    if not user.is_authenticated:
        return None
    membership = (
        Membership.objects.filter(
            user=user,
            status=Membership.Status.ACTIVE,
            organisation__status=Organisation.Status.APPROVED,
            organisation__kind__in=Organisation.MUNICIPAL_KINDS,
        )
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )
    return membership.organisation if membership else None


_UNKNOWN = object()


def _towns_reference(page, user, own=_UNKNOWN):
    if own is _UNKNOWN:
        own = municipal_organisation_of(user)
    reference = own if own and own.size_class and own.bundesland else page.organisation
    return reference, own


def _towns_like_yours_ids(page, reference, limit):
    size_class = reference.size_class or ""
    if not size_class:
        return []
    return list(
        live_case_studies()
        .exclude(pk=page.pk)
        .filter(size_class=size_class, bundesland=reference.bundesland)
        .exclude(organisation=reference)
        .order_by("-first_published_at")
        .values_list("pk", flat=True)[:limit]
    )


def towns_like_yours(page, user, limit=3):
    """ "Städte wie Ihre": same size class and Bundesland as the visitor's town, or else as
    the case study's town."""
    reference, own = _towns_reference(page, user)
    return {
        "towns_like_yours": _cards_by_id(_towns_like_yours_ids(page, reference, limit))[0],
        "towns_like_yours_reference": reference,
        "towns_like_yours_is_own": reference == own,
    }


def case_study_neighbours(page, user, limit=3, own=_UNKNOWN):
    """Everything a case study page shows around itself: its topics, the related case
    studies and "Städte wie Ihre", with the cards of both lists fetched together. `own`:
    the visitor's municipality when the caller has read it already.

    Which pages the two lists show depends only on the library (and on the reference
    town, which is in the key), never on who looks, so their ids are cached per library
    generation: any publish, unpublish, move, restriction or organisation change
    replaces it (bestpractice.signals). The cards themselves are read fresh."""
    topics = list(page.topics.all())
    tag_ids = [tag.pk for tag in topics]
    reference, own = _towns_reference(page, user, own)
    related_ids = listing_cache.cached(
        f"related:{page.pk}:{page.size_class}:{limit}:{'.'.join(map(str, tag_ids))}",
        lambda: _related_ids(page, tag_ids, limit),
    )
    town_ids = listing_cache.cached(
        f"towns:{page.pk}:{reference.pk}:{reference.size_class}:{reference.bundesland}:{limit}",
        lambda: _towns_like_yours_ids(page, reference, limit),
    )
    related, towns = _cards_by_id(related_ids, town_ids)
    return {
        "page_topics": topics,
        "related_case_studies": related,
        "towns_like_yours": towns,
        "towns_like_yours_reference": reference,
        "towns_like_yours_is_own": reference == own,
    }


# --- Teasers for the home page, profiles and feeds --------------------------------------


def latest_impulse():
    """The newest live public "Impuls der Woche", or None."""
    return (
        with_article_card_data(live_articles().filter(kind=ArticleKind.IMPULSE))
        .order_by("-date", "-pk")
        .first()
    )


def latest_news(limit=3):
    return list(
        with_article_card_data(live_articles().filter(kind=ArticleKind.NEWS)).order_by(
            "-date", "-pk"
        )[:limit]
    )


def newest_case_studies(limit=3):
    return list(with_card_data(live_case_studies()).order_by("-first_published_at")[:limit])


def case_studies_of(organisation, limit=None):
    """Live case studies of `organisation` (as the town or as a partner)."""
    queryset = (
        live_case_studies()
        .filter(Q(organisation=organisation) | Q(partners=organisation))
        .distinct()
        .order_by("-first_published_at")
    )
    queryset = with_card_data(queryset)
    return list(queryset[:limit] if limit else queryset)


def feed_items(limit=30):
    """Newest case studies and articles together, newest first (topics prefetched)."""
    case_studies = list(
        live_case_studies()
        .select_related("organisation")
        .prefetch_related(_tag_prefetch(BestPracticeTag))
        .order_by("-first_published_at")[:limit]
    )
    articles = list(
        live_articles()
        .prefetch_related(_tag_prefetch(ArticleTag))
        .order_by("-first_published_at")[:limit]
    )
    items = sorted(case_studies + articles, key=lambda page: page.first_published_at, reverse=True)
    return items[:limit]


def article_feed_items(kind=None, limit=30):
    """Newest live public articles (of one kind if given), topics prefetched."""
    articles = live_articles().prefetch_related(_tag_prefetch(ArticleTag))
    if kind:
        articles = articles.filter(kind=kind)
    return list(articles.order_by("-first_published_at", "-pk")[:limit])


# --- Submissions ------------------------------------------------------------------------


def submissions_of(user):
    return list(
        CaseStudySubmission.objects.filter(submitter=user)
        .select_related("organisation", "page")
        .order_by("-updated_at")
    )


# Page field (a Wagtail comment's contentpath) → the submission form field it came from.
_COMMENT_FIELD = {
    "main_image": "image",
    "main_image_alt": "image_alt",
    "body": "image_caption",
    "kpis": "kpi_1_label",
    "transfers_to_small": "transferable_sizes",
    "transfers_to_medium": "transferable_sizes",
    "transfers_to_large": "transferable_sizes",
    "partners": "partners_note",
}


def review_notes(submission):
    """The editors' open comments on the draft page, by submission form field.

    Editors comment on fields in the Wagtail page editor; the member sees each comment beside
    the field it is about. Comments on fields the member cannot edit come under "" (shown
    above the form)."""
    if submission.page_id is None:
        return {}
    from wagtail.models import Comment

    notes = {}
    comments = (
        Comment.objects.filter(page_id=submission.page_id, resolved_at__isnull=True)
        .prefetch_related("replies")
        .order_by("created_at")
    )
    for comment in comments:
        page_field = comment.contentpath.split(".")[0]
        field = _COMMENT_FIELD.get(page_field, page_field)
        texts = [comment.text, *(reply.text for reply in comment.replies.all())]
        notes.setdefault(field, []).extend(texts)
    return notes
