"""Background work of the search index.

django-tasks: immediate by default, the database backend and `db_worker` in production.
"""

from django_tasks import task

from search import services


@task()
def refresh_document(doc_type: str, object_id: str):
    return services.refresh_document(doc_type, object_id)


@task()
def remove_document(doc_type: str, object_id: str):
    services.remove_document(doc_type, object_id)


@task()
def rebuild_index(types: list[str] | None = None):
    return services.rebuild_index(types=types)
