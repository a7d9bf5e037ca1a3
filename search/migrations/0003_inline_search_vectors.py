from django.db import migrations

# PostgreSQL: a broad query reads candidates in `static_rank` order and tests each row with
# `@@`. With positions and weights the body vector was ~1.2 kB and often moved out of line
# (TOAST), so every row tested cost several page reads. Ranking happens in Python
# (`search.ranking`), so the vectors need neither: stripped, and kept in the row
# (STORAGE MAIN: compressed, out of line only as a last resort), one row costs one page.
# Existing rows are stripped here; no rebuild is needed.
POSTGRES_FORWARD = [
    "ALTER TABLE sitesearch_searchentry "
    "ALTER COLUMN search_vector SET STORAGE MAIN, ALTER COLUMN title_vector SET STORAGE MAIN",
    "UPDATE sitesearch_searchentry "
    "SET search_vector = strip(search_vector), title_vector = strip(title_vector)",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE sitesearch_searchentry "
    "ALTER COLUMN search_vector SET STORAGE EXTENDED, "
    "ALTER COLUMN title_vector SET STORAGE EXTENDED",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0002_ranking_vocabulary"),
    ]

    operations = [
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
    ]
