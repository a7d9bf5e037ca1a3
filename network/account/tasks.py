"""Background work of "Meine Daten": building a member's ZIP export."""

from django_tasks import task


@task()
def build_data_export(export_id: int):
    from network.account import services

    export = services.build_export(export_id)
    return export.status if export else None
