"""Storage of the database search engine: one row per search document plus its facet values.

On SQLite the analysed text lives in the FTS5 table `sitesearch_fts` (rowid = entry id),
on PostgreSQL in `search_vector` (GIN index); both are created in migration 0001.
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
    # Tags and folded words (compound parts, "ae" spellings) as text for PostgreSQL's vector.
    tags_text = models.TextField(blank=True)
    extra_terms = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["doc_type", "object_id"], name="unique_search_entry"),
        ]
        indexes = [models.Index(fields=["visibility", "-date"], name="sitesearch_visible_date")]

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
