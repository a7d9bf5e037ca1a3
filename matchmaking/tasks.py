"""Background work of the matchmaking (django-tasks)."""

from django_tasks import task

from matchmaking import recompute


@task()
def recompute_matches(direction: str, changed_id: int):
    """Refresh the stored matches around one changed pain point or offer."""
    return recompute.recompute_after_change(direction, changed_id)


@task()
def recompute_all_matches():
    return recompute.recompute_all()


@task()
def recompute_organisation(organisation_id: int):
    """An organisation's Bundesland, size or approval changed: its items' lists follow."""
    return recompute.recompute_organisation(organisation_id)


@task()
def refresh_catalog_item(name: str, row_id: int):
    """One row of a library catalog (case study, event, funding programme) changed."""
    from matchmaking import catalogs

    return len(catalogs.refresh_item(name, row_id))


@task()
def check_catalog(name: str):
    """Bring a stored catalog up to date with the database (built if missing or stale)."""
    from matchmaking import catalogs

    return len(catalogs.index_for(name))
