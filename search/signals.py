"""Keep the index current: model signals schedule a re-index task once the transaction commits.

A failing search engine never breaks the save that triggered it: the task runs after
the commit (`robust=True`), and the task backend records its failure.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from config import upkeep

logger = logging.getLogger(__name__)

_M2M_CHANGES = {"post_add", "post_remove", "post_clear"}


def _enqueue(task, doc_type, object_id):
    task.enqueue(doc_type, object_id)


def schedule_refresh(doc_type, pk):
    from search import tasks

    if upkeep.is_deferred():  # a bulk load rebuilds the index once afterwards
        return

    transaction.on_commit(partial(_enqueue, tasks.refresh_document, doc_type, str(pk)), robust=True)


def schedule_removal(doc_type, pk):
    from search import tasks

    if upkeep.is_deferred():
        return

    transaction.on_commit(partial(_enqueue, tasks.remove_document, doc_type, str(pk)), robust=True)


def _handlers(provider):
    doc_type = provider.type

    def on_change(sender, instance, raw=False, **kwargs):
        if not raw:  # fixtures being loaded: `rebuild_search_index` indexes them afterwards
            schedule_refresh(doc_type, instance.pk)

    def on_delete(sender, instance, **kwargs):
        schedule_removal(doc_type, instance.pk)

    def on_m2m(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in _M2M_CHANGES:
            return
        if not reverse:
            schedule_refresh(doc_type, instance.pk)
        else:
            for pk in pk_set or ():
                schedule_refresh(doc_type, pk)

    return on_change, on_delete, on_m2m


def _connections(provider):
    on_change, on_delete, on_m2m = _handlers(provider)
    model = provider.model
    uid = f"sitesearch:{provider.type}"
    if issubclass(model, Page):
        change_signals = [(page_published, on_change), (page_unpublished, on_change)]
    else:
        change_signals = [(post_save, on_change)]
    connections = [
        (signal, handler, model, f"{uid}:{index}")
        for index, (signal, handler) in enumerate(change_signals)
    ]
    connections.append((post_delete, on_delete, model, f"{uid}:delete"))
    connections += [
        (m2m_changed, on_m2m, through, f"{uid}:m2m:{through._meta.label}")
        for through in provider.watched_m2m
    ]
    return connections


def connect(provider):
    for signal, handler, sender, uid in _connections(provider):
        signal.connect(handler, sender=sender, weak=False, dispatch_uid=uid)


def disconnect(provider):
    for signal, _handler, sender, uid in _connections(provider):
        signal.disconnect(sender=sender, dispatch_uid=uid)
