"""The default engine: full-text search in the site's own database.

Both databases index the same analysed terms (`search.analysis`: folded stems plus the
stems of compound parts): SQLite in the FTS5 table `sitesearch_fts`, PostgreSQL in two
`simple` tsvectors with GIN indexes (title+tags, everything). A query word matches a term
starting with its stem, or all of its compound parts.

A search never sorts all of its matches. One scan in the order of the precomputed
`static_rank` reads the ids of at most COUNT_LIMIT + 1 matches: the count (beyond
COUNT_LIMIT the page says "mehr als 1.000"), the set the facets count, and the first
CANDIDATES to rank; a second reads the first CANDIDATES matching in title or tags.
`search.ranking.score()` orders the candidates — the same code on both databases and in
the Elasticsearch engine. Visibility, type and facet filters are part of every SQL query,
so no count includes what the user may not see. On PostgreSQL the vectors carry neither
positions nor weights and stay in the row (migration 0003), so testing a row while
walking the `static_rank` index costs one page read.
"""

from collections import Counter
from itertools import islice

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, transaction
from django.db.models import BooleanField, Expression, F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from search import result_cache
from search.analysis import MAX_PREFIX_LENGTH, MIN_PREFIX_LENGTH, fold
from search.documents import PUBLIC, TYPE_FACET
from search.engines.base import COUNT_LIMIT, SearchEngine, SearchResults, sort_facet_counts
from search.models import SearchEntry, SearchFacetValue, SearchTerm
from search.ranking import analysed_fields, static_rank, type_label
from search.vocabulary import document_words, edit_distance

BATCH_SIZE = 500
FTS_TABLE = "sitesearch_fts"
POSTGRES_CONFIG = "simple"
CANDIDATES = 150
_ROW_FIELDS = ("pk", "doc_type", "object_id", "title", "url", "date", "terms")


def _batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def _prefix(stem, wildcard):
    if len(stem) >= MIN_PREFIX_LENGTH:
        return stem[:MAX_PREFIX_LENGTH], wildcard
    return stem, ""


def fts_expression(query):
    """The FTS5 MATCH expression: per query word its stem as a prefix, or all of its parts."""

    def term(stem):
        text, star = _prefix(stem, "*")
        return f'"{text}"{star}'

    clauses = []
    for whole, parts in query.alternatives:
        if parts:
            clauses.append(f"({term(whole)} OR ({' AND '.join(term(p) for p in parts)}))")
        else:
            clauses.append(term(whole))
    expression = " AND ".join(clauses)
    if query.excluded:
        excluded = " OR ".join(f'"{stem}"' for stem in query.excluded_stems)
        expression = f"{expression} NOT ({excluded})"
    return expression


def tsquery_expression(query):
    """The same as a raw to_tsquery expression (stems are letters and digits only)."""

    def term(stem):
        text, star = _prefix(stem, ":*")
        return f"{text}{star}"

    clauses = []
    for whole, parts in query.alternatives:
        if parts:
            clauses.append(f"({term(whole)} | ({' & '.join(term(p) for p in parts)}))")
        else:
            clauses.append(term(whole))
    clauses += [f"!{stem}" for stem in query.excluded_stems]
    return " & ".join(clauses)


_PAIR, _NAME_VALUE = "\x1e", "\x1f"


def _facet_keys(pairs):
    """(name, value) pairs as stored in `SearchEntry.facet_keys` (control characters dropped)."""
    clean = str.maketrans("", "", _PAIR + _NAME_VALUE)
    return _PAIR.join(
        f"{name.translate(clean)}{_NAME_VALUE}{value.translate(clean)}" for name, value in pairs
    )


def count_facets(facet_keys, names, size):
    """Facet counts over rows' `facet_keys`, for the facets `names`: {name: [FacetCount]}."""
    per_key = Counter()
    for keys in facet_keys:
        if keys:
            per_key.update(set(keys.split(_PAIR)))  # a row counts once per value
    counts = {name: {} for name in names}
    for key, count in per_key.items():
        name, _sep, value = key.partition(_NAME_VALUE)
        if name in counts:
            counts[name][value] = count
    return {name: sort_facet_counts(values, size) for name, values in counts.items()}


class _StrippedVector(Expression):
    """A tsvector without positions or weights: only `@@` reads it (ranking is in Python),
    and the small vector stays in the row (migration 0003), so testing a row is cheap.

    Inserted with its row from the analysed terms, so the row is written once (an update
    afterwards would leave a dead copy of every row); a bare expression because Django
    compiles one per row, and nested `SearchVector` expressions halved the indexing rate.
    """

    def __init__(self, *texts):
        super().__init__(output_field=SearchVectorField())
        self.text = " ".join(texts)

    def as_sql(self, compiler, connection):
        return f"strip(to_tsvector('{POSTGRES_CONFIG}'::regconfig, %s))", [self.text]


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

    def index_documents(self, documents, progress=None):
        written = 0
        for batch in _batches(documents, BATCH_SIZE):
            with transaction.atomic():
                written += self._write_batch(batch)
            if progress:
                progress(written)
        result_cache.index_changed()
        return written

    def remove_document(self, doc_type, object_id):
        SearchEntry.objects.filter(doc_type=doc_type, object_id=str(object_id)).delete()
        result_cache.index_changed()

    def rebuild(self, documents, types=None):
        with transaction.atomic():
            entries = SearchEntry.objects.all()
            if types is not None:
                entries = entries.filter(doc_type__in=types)
            else:
                SearchTerm.objects.all().delete()
            entries.delete()
            result_cache.index_changed()
            return self.index_documents(documents)

    def _write_batch(self, documents):
        by_key = {document.key: document for document in documents}
        documents = list(by_key.values())
        ids_by_type = {}
        for document in documents:
            ids_by_type.setdefault(document.type, []).append(document.id)
        for doc_type, object_ids in ids_by_type.items():
            SearchEntry.objects.filter(doc_type=doc_type, object_id__in=object_ids).delete()

        entries = []
        for document in documents:
            pairs = [(name, value[:200]) for name, value in document.facet_values()]
            fields = analysed_fields(
                document.title, document.tags, document.searchable_body, type_label(document.type)
            )
            entries.append(
                SearchEntry(
                    doc_type=document.type,
                    object_id=document.id,
                    title=document.title,
                    body=document.body,
                    tags=list(document.tags),
                    url=document.url,
                    visibility=document.visibility,
                    date=document.date,
                    parts=[{"url": part.url, "text": part.text} for part in document.parts],
                    title_terms=" ".join(fields["t"] + fields["tp"]),
                    tag_terms=" ".join(fields["g"] + fields["gp"]),
                    body_terms=" ".join(fields["b"] + fields["bp"]),
                    terms=fields,
                    static_rank=static_rank(document.type, document.date),
                    facet_keys=_facet_keys(pairs),
                )
            )
        if self.vendor == "postgresql":
            for e in entries:
                e.search_vector = _StrippedVector(e.title_terms, e.tag_terms, e.body_terms)
                e.title_vector = _StrippedVector(e.title_terms, e.tag_terms)
        entries = SearchEntry.objects.bulk_create(entries)
        SearchFacetValue.objects.bulk_create(
            [
                SearchFacetValue(entry=entry, name=name, value=value[:200])
                for entry, document in zip(entries, documents, strict=True)
                for name, value in document.facet_values()
            ]
        )
        if self.vendor == "sqlite":
            self._write_fts(entries)
        self._add_vocabulary(d for d in documents if d.visibility == PUBLIC)
        return len(entries)

    def _write_fts(self, entries):
        rows = [(e.pk, e.title_terms, e.tag_terms, e.body_terms) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, tags, body) VALUES (%s, %s, %s, %s)",  # noqa: S608
                rows,
            )

    def _add_vocabulary(self, documents):
        counts = {}
        for document in documents:
            for word, display in document_words(document).items():
                entry = counts.setdefault(word, [display, 0])
                entry[1] += 1
        if not counts:
            return
        table = SearchTerm._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (word, display, frequency) VALUES (%s, %s, %s) "  # noqa: S608
                "ON CONFLICT (word) DO UPDATE "
                f"SET frequency = {table}.frequency + excluded.frequency",
                [(word, display, count) for word, (display, count) in sorted(counts.items())],
            )

    # --- searching -----------------------------------------------------------------------

    def _filtered(self, request):
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
        return entries

    def _match(self, entries, query, title_only=False):
        if self.vendor == "postgresql":
            column = "title_vector" if title_only else "search_vector"
            matches = RawSQL(  # noqa: S611 - constants only, the expression is a parameter
                f"{column} @@ to_tsquery('{POSTGRES_CONFIG}', %s)",
                [tsquery_expression(query)],
                output_field=BooleanField(),
            )
            return entries.alias(matches=matches).filter(matches=True)
        expression = fts_expression(query)
        if title_only:
            expression = "{title tags} : (" + expression + ")"
        # Only constants are formatted into the SQL; the MATCH expression is a parameter.
        return entries.filter(
            pk__in=RawSQL(  # noqa: S611
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [expression],
            )
        )

    def _bounded(self, request):
        """(ids of at most COUNT_LIMIT + 1 matches in `static_rank` order, the facet keys of
        the first COUNT_LIMIT of them, candidate rows).

        One scan in `static_rank` order reads the ids of at most COUNT_LIMIT + 1 matches: it
        gives the count, the set the facets count, and the first CANDIDATES of them; a
        second reads the first CANDIDATES matching in title or tags. On PostgreSQL a broad
        query walks the `static_rank` index and stops early; a narrow one reads its few
        matches through the GIN index. Neither sorts all matches.
        """
        filtered = self._filtered(request)
        matching = self._match(filtered, request.query)
        order = (F("static_rank").desc(), "pk")
        bounded = list(matching.order_by(*order).values_list("pk", "facet_keys")[: COUNT_LIMIT + 1])
        ids = [pk for pk, _keys in bounded]
        title_rows = list(
            self._match(filtered, request.query, title_only=True)
            .order_by(*order)
            .values(*_ROW_FIELDS)[:CANDIDATES]
        )
        seen = {row["pk"] for row in title_rows}
        missing = [pk for pk in ids[:CANDIDATES] if pk not in seen]
        by_pk = {
            row["pk"]: row
            for row in SearchEntry.objects.filter(pk__in=missing).values(*_ROW_FIELDS)
        }
        rows = title_rows + [by_pk[pk] for pk in missing if pk in by_pk]
        return ids, [keys for _pk, keys in bounded[:COUNT_LIMIT]], rows

    def _details(self, pks):
        return {
            row["pk"]: row
            for row in SearchEntry.objects.filter(pk__in=pks).values("pk", "body", "parts")
        }

    def _search(self, request):
        if request.query.is_empty:
            return self._newest(request)
        ids, facet_keys, candidates = self._bounded(request)
        total = len(ids)
        ranked = self.rank(request, candidates)
        page_rows = ranked[request.offset : request.offset + request.per_page]
        return SearchResults(
            hits=self._hits(request, page_rows),
            total=total,
            page=request.page,
            per_page=request.per_page,
            facets=count_facets(facet_keys, request.facets, request.facet_size),
            total_is_exact=total <= COUNT_LIMIT,
            reachable=min(len(ranked), total),
        )

    def _newest(self, request):
        """No query: every visible document, newest first; facets as for a query."""
        filtered = self._filtered(request)
        total = filtered.order_by()[: COUNT_LIMIT + 1].count()
        newest = filtered.order_by(F("date").desc(nulls_last=True), "title", "pk")
        page_rows = list(
            newest.values(*_ROW_FIELDS)[request.offset : request.offset + request.per_page]
        )
        bounded = filtered.order_by(F("static_rank").desc(), "pk")[:COUNT_LIMIT]
        facet_keys = bounded.values_list("facet_keys", flat=True) if request.facets else []
        return SearchResults(
            hits=self._hits(request, page_rows),
            total=total,
            page=request.page,
            per_page=request.per_page,
            facets=count_facets(facet_keys, request.facets, request.facet_size),
            total_is_exact=total <= COUNT_LIMIT,
            reachable=total,
        )

    def _hits(self, request, rows):
        details = self._details([row["pk"] for row in rows])
        hits = [
            self.make_hit(
                request,
                doc_type=row["doc_type"],
                object_id=row["object_id"],
                title=row["title"],
                url=row["url"],
                date=row["date"],
                body=details[row["pk"]]["body"],
                parts=details[row["pk"]]["parts"],
                score=row.get("score"),
            )
            for row in rows
        ]
        return self.unique_urls(hits)

    # --- vocabulary ----------------------------------------------------------------------

    def known_word(self, word):
        folded = fold(word)
        return SearchTerm.objects.filter(word__startswith=folded).exists()

    def similar_words(self, word, limit=20):
        folded = fold(word)
        if self.vendor == "postgresql":
            similar = RawSQL("word %% %s", [folded], output_field=BooleanField())  # noqa: S611
            rows = (
                SearchTerm.objects.alias(similar=similar)
                .filter(similar=True)
                .annotate(similarity=RawSQL("similarity(word, %s)", [folded]))  # noqa: S611
                .order_by("-similarity", "-frequency")
                .values_list("word", "display", "frequency")[:limit]
            )
            return list(rows)
        length = len(folded)
        rows = (
            SearchTerm.objects.annotate(length=Length("word"))
            .filter(word__startswith=folded[:1], length__range=(length - 2, length + 2))
            .order_by("-frequency")
            .values_list("word", "display", "frequency")[:5000]
        )
        ranked = sorted(
            ((edit_distance(folded, w), -f, w, d) for w, d, f in rows), key=lambda item: item[:2]
        )
        return [(w, d, -f) for _dist, f, w, d in ranked[:limit]]

    def completions(self, prefix, limit=8):
        folded = fold(prefix)
        if len(folded) < 2:
            return []
        return list(
            SearchTerm.objects.filter(word__startswith=folded)
            .order_by("-frequency", "word")
            .values_list("display", flat=True)[:limit]
        )
