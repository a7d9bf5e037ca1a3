"""The default engine: full-text search in the site's own database.

SQLite: the analysed terms of `search.analysis` (folded, stemmed, decompounded) go into
an FTS5 table and queries are prefix matches on the query stems, ranked by bm25.
PostgreSQL: a tsvector with the `german` configuration (plus the folded extra terms of
`search.analysis.extra_terms`), queried with websearch syntax or stem prefixes, ranked
by ts_rank. Visibility, type and facet filters are part of the same SQL query, so facet
counts never include documents the user may not see.
"""

from itertools import islice

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Count, F, FloatField, Value
from django.db.models.expressions import RawSQL

from search.analysis import MAX_PREFIX_LENGTH, MIN_PREFIX_LENGTH, extra_terms, fold, index_terms
from search.documents import TYPE_FACET
from search.engines.base import SearchEngine, SearchResults, sort_facet_counts
from search.models import SearchEntry, SearchFacetValue

BATCH_SIZE = 500
FTS_TABLE = "sitesearch_fts"
# bm25 column weights: title, tags, body.
FTS_WEIGHTS = (5.0, 3.0, 1.0)
POSTGRES_CONFIG = "german"


def _batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def fts_expression(query):
    """The FTS5 MATCH expression for a parsed query: every stem as a prefix, exclusions exact."""

    def term(stem):
        if len(stem) >= MIN_PREFIX_LENGTH:
            return f'"{stem[:MAX_PREFIX_LENGTH]}"*'
        return f'"{stem}"'

    expression = " AND ".join(term(stem) for stem in query.term_stems)
    if query.excluded:
        excluded = " OR ".join(f'"{stem}"' for stem in query.excluded_stems)
        expression = f"{expression} NOT ({excluded})"
    return expression


def tsquery_prefix_expression(query):
    """A raw to_tsquery expression: every folded word as a prefix, exclusions negated.

    The words contain only letters and digits (see `analysis.words`), so nothing a
    visitor types can become tsquery syntax.
    """

    def term(word):
        folded = fold(word)
        return f"{folded}:*" if len(folded) >= MIN_PREFIX_LENGTH else folded

    parts = [term(word) for word in query.terms]
    parts += [f"!{fold(word)}" for word in query.excluded]
    return " & ".join(parts)


class DatabaseEngine(SearchEngine):
    @property
    def vendor(self):
        return connection.vendor

    def ping(self):
        SearchEntry.objects.exists()
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT rowid FROM {FTS_TABLE} LIMIT 1")  # noqa: S608

    # --- writing -------------------------------------------------------------------------

    def index_documents(self, documents):
        written = 0
        with transaction.atomic():
            for batch in _batches(documents, BATCH_SIZE):
                written += self._write_batch(batch)
        return written

    def remove_document(self, doc_type, object_id):
        SearchEntry.objects.filter(doc_type=doc_type, object_id=str(object_id)).delete()

    def rebuild(self, documents, types=None):
        with transaction.atomic():
            entries = SearchEntry.objects.all()
            if types is not None:
                entries = entries.filter(doc_type__in=types)
            entries.delete()
            return self.index_documents(documents)

    def _write_batch(self, documents):
        by_key = {document.key: document for document in documents}
        documents = list(by_key.values())
        ids_by_type = {}
        for document in documents:
            ids_by_type.setdefault(document.type, []).append(document.id)
        for doc_type, object_ids in ids_by_type.items():
            SearchEntry.objects.filter(doc_type=doc_type, object_id__in=object_ids).delete()

        entries = SearchEntry.objects.bulk_create(
            [
                SearchEntry(
                    doc_type=document.type,
                    object_id=document.id,
                    title=document.title,
                    body=document.body,
                    tags=list(document.tags),
                    url=document.url,
                    visibility=document.visibility,
                    date=document.date,
                    tags_text="\n".join(document.tags),
                    extra_terms=" ".join(
                        extra_terms(" ".join([document.title, *document.tags, document.body]))
                    ),
                )
                for document in documents
            ]
        )
        SearchFacetValue.objects.bulk_create(
            [
                SearchFacetValue(entry=entry, name=name, value=value[:200])
                for entry, document in zip(entries, documents, strict=True)
                for name, value in document.facet_values()
            ]
        )
        if self.vendor == "sqlite":
            self._write_fts(entries, documents)
        elif self.vendor == "postgresql":
            SearchEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(
                search_vector=(
                    SearchVector("title", weight="A", config=POSTGRES_CONFIG)
                    + SearchVector("tags_text", weight="B", config=POSTGRES_CONFIG)
                    + SearchVector("body", "extra_terms", weight="C", config=POSTGRES_CONFIG)
                )
            )
        return len(entries)

    def _write_fts(self, entries, documents):
        rows = [
            (
                entry.pk,
                " ".join(index_terms(document.title)),
                " ".join(index_terms(" ".join(document.tags))),
                " ".join(index_terms(document.body)),
            )
            for entry, document in zip(entries, documents, strict=True)
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, tags, body) VALUES (%s, %s, %s, %s)",  # noqa: S608
                rows,
            )

    # --- searching -----------------------------------------------------------------------

    def _search(self, request):
        matching = self._matching(request)
        total = matching.count()
        rows = list(
            self._ranked(matching, request).values(
                "doc_type", "object_id", "title", "url", "date", "body", "rank"
            )[request.offset : request.offset + request.per_page]
        )
        hits = [
            self.make_hit(
                request,
                doc_type=row["doc_type"],
                object_id=row["object_id"],
                title=row["title"],
                url=row["url"],
                date=row["date"],
                body=row["body"],
                score=row["rank"],
            )
            for row in rows
        ]
        return SearchResults(
            hits=hits,
            total=total,
            page=request.page,
            per_page=request.per_page,
            facets=self._facet_counts(matching, request),
        )

    def _matching(self, request):
        entries = SearchEntry.objects.filter(visibility__in=request.visibilities)
        if request.types:
            entries = entries.filter(doc_type__in=request.types)
        for name, values in request.filters.items():
            if name == TYPE_FACET:
                entries = entries.filter(doc_type__in=values)
            else:
                entries = entries.filter(
                    pk__in=SearchFacetValue.objects.filter(name=name, value__in=values).values(
                        "entry_id"
                    )
                )
        if request.query.is_empty:
            return entries
        if self.vendor == "postgresql":
            return entries.filter(search_vector=self._tsquery(request.query))
        # Only constants are formatted into the SQL; the MATCH expression is a parameter.
        return entries.filter(
            pk__in=RawSQL(  # noqa: S611
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [fts_expression(request.query)],
            )
        )

    def _tsquery(self, query):
        websearch = SearchQuery(query.text, search_type="websearch", config=POSTGRES_CONFIG)
        prefixes = SearchQuery(
            tsquery_prefix_expression(query), search_type="raw", config=POSTGRES_CONFIG
        )
        return websearch | prefixes

    def _ranked(self, matching, request):
        newest_first = (F("date").desc(nulls_last=True), "title", "pk")
        if request.query.is_empty:
            return matching.annotate(rank=Value(None, output_field=FloatField())).order_by(
                *newest_first
            )
        if self.vendor == "postgresql":
            rank = SearchRank(F("search_vector"), self._tsquery(request.query))
        else:
            weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
            table = SearchEntry._meta.db_table
            rank = RawSQL(  # noqa: S611 - constants only, the expression is a parameter
                f"SELECT -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "  # noqa: S608
                f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid = {table}.id",
                [fts_expression(request.query)],
                output_field=FloatField(),
            )
        return matching.annotate(rank=rank).order_by(F("rank").desc(), *newest_first)

    def _facet_counts(self, matching, request):
        if not request.facets:
            return {}
        rows = (
            SearchFacetValue.objects.filter(
                entry__in=matching.values("pk"), name__in=request.facets
            )
            .values("name", "value")
            .annotate(count=Count("pk"))
            .order_by()
        )
        counts = {name: {} for name in request.facets}
        for row in rows:
            counts[row["name"]][row["value"]] = row["count"]
        return {
            name: sort_facet_counts(values, request.facet_size) for name, values in counts.items()
        }
