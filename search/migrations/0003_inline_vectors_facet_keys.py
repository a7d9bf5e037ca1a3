from django.db import migrations, models

# PostgreSQL: a broad query reads candidates in `static_rank` order and tests each row with
# `@@`. With positions and weights the body vector was ~1.2 kB and often moved out of line
# (TOAST), so every row tested cost several page reads. Ranking happens in Python
# (`search.ranking`), so the vectors need neither: stripped, and kept in the row
# (STORAGE MAIN: compressed, out of line only as a last resort), one row costs one page.
# Existing rows are stripped and get their facet keys here; no rebuild is needed.
POSTGRES_FORWARD = [
    "ALTER TABLE sitesearch_searchentry "
    "ALTER COLUMN search_vector SET STORAGE MAIN, ALTER COLUMN title_vector SET STORAGE MAIN",
    "UPDATE sitesearch_searchentry "
    "SET search_vector = strip(search_vector), title_vector = strip(title_vector)",
    # The newest first (a search without words, e.g. only a type filter): with this index
    # the rows are read in date order and the title tie-break is an incremental sort, so
    # the page is found without sorting every visible document.
    "CREATE INDEX sitesearch_entry_newest ON sitesearch_searchentry (date DESC NULLS LAST)",
    "UPDATE sitesearch_searchentry e SET facet_keys = COALESCE(("
    "SELECT string_agg(f.name || chr(31) || f.value, chr(30) ORDER BY f.id) "
    "FROM sitesearch_searchfacetvalue f WHERE f.entry_id = e.id), '')",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS sitesearch_entry_newest",
    "ALTER TABLE sitesearch_searchentry "
    "ALTER COLUMN search_vector SET STORAGE EXTENDED, "
    "ALTER COLUMN title_vector SET STORAGE EXTENDED",
]
SQLITE_FORWARD = [
    "UPDATE sitesearch_searchentry SET facet_keys = COALESCE(("
    "SELECT group_concat(f.name || char(31) || f.value, char(30)) "
    "FROM sitesearch_searchfacetvalue f WHERE f.entry_id = sitesearch_searchentry.id), '')",
]


def _forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def _backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0002_ranking_vocabulary"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="facet_keys",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(_forward, _backward),
    ]
