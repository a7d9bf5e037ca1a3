"""Storage of the database search engine: one row per search document plus its facet values.

On SQLite the analysed text lives in the FTS5 table `sitesearch_fts` (rowid = entry id),
on PostgreSQL in `search_vector` and `title_vector` (GIN indexes; since migration 0003
without positions or weights and kept in the row, so scanning rows is cheap).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    doc_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=100)
    title = models.TextField()
    body = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True)
    url = models.CharField(max_length=500)
    visibility = models.CharField(max_length=100)
    date = models.DateTimeField(null=True, blank=True)
    # Parts with their own address (replies of a thread): [{"url": …, "text": …}].
    parts = models.JSONField(default=list, blank=True)
    # The analysed terms (`search.analysis`: folded stems plus compound-part stems), the same
    # on every database: FTS5 on SQLite and the `simple` tsvectors on PostgreSQL index them.
    title_terms = models.TextField(blank=True)
    tag_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # What ranking needs per field: {"t"/"g"/"b": whole-word stems, "tp"/"gp"/"bp": part stems}.
    terms = models.JSONField(default=dict, blank=True)
    # Type weight and recency, fixed at indexing: candidates are read in this order, so no
    # query sorts all of its matches.
    static_rank = models.FloatField(default=0)
    # The document's (facet, value) pairs as "name\x1fvalue" joined by "\x1e" (the filters
    # use SearchFacetValue): the scan that reads a query's first matches in `static_rank`
    # order carries them along, so facet counts need no second query over those rows.
    facet_keys = models.TextField(blank=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    title_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["doc_type", "object_id"], name="unique_search_entry"),
        ]
        indexes = [
            models.Index(fields=["visibility", "-date"], name="sitesearch_visible_date"),
            models.Index(fields=["-static_rank", "id"], name="sitesearch_static_rank"),
        ]

    def __str__(self):
        return f"{self.doc_type}:{self.object_id} {self.title}"


class SearchFacetValue(models.Model):
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facet_values")
    name = models.CharField(max_length=50)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["name", "value"], name="sitesearch_facet_name_value")]

    def __str__(self):
        return f"{self.name}={self.value}"


class SearchTerm(models.Model):
    """The vocabulary of public documents: for "Meinten Sie …?" and suggestions as you type.

    Only public documents feed it, so no suggestion reveals a word of members-only content.
    """

    word = models.CharField(max_length=100, unique=True)  # folded: "forderprogramm"
    display = models.CharField(max_length=100)  # as written, lower-case: "förderprogramm"
    frequency = models.PositiveIntegerField(default=0)  # in how many documents

    def __str__(self):
        return self.display


class IndexGeneration(models.Model):
    """One row: a fresh random token each time the search index changes (any engine).

    Cached result pages are keyed by it, so a change reaches every process at once, also
    without a shared cache; a token (not a counter) cannot recur after a rolled-back
    change."""

    token = models.CharField(max_length=32)

    def __str__(self):
        return self.token
