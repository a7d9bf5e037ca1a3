"""Matches depend on more than the pain point or offer itself: the organisation gives a pain
point its Bundesland and town size and decides (by its approval) whether it is listed, and
editors' synonyms change how every text is read."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from config import upkeep
from matchmaking.models import SynonymEntry
from network.models import Organisation

logger = logging.getLogger(__name__)


def _enqueue(task, *args):
    if upkeep.is_deferred():  # a bulk load rebuilds catalogs and matches once afterwards
        return
    try:
        task.enqueue(*args)
    except Exception:  # the queue may be down; `recompute_matches` (command) catches up
        logger.exception("Neuberechnung der Treffer nicht eingereiht")


@receiver(post_save, sender=Organisation)
def recompute_for_organisation(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    from matchmaking.tasks import recompute_organisation

    if instance.pain_points.exists() or instance.offers.exists():
        transaction.on_commit(lambda: _enqueue(recompute_organisation, instance.pk))


@receiver(post_save, sender=SynonymEntry)
@receiver(post_delete, sender=SynonymEntry)
def recompute_after_synonyms(sender, raw=False, **kwargs):
    if raw:
        return
    from matchmaking.tasks import recompute_all_matches

    transaction.on_commit(lambda: _enqueue(recompute_all_matches))


# --- Library catalogs: the worker keeps the stored indexes current -----------------------


def _refresh_later(name, row_id):
    from matchmaking.tasks import refresh_catalog_item

    transaction.on_commit(lambda: _enqueue(refresh_catalog_item, name, row_id))


def _page_changed(sender, instance, **kwargs):
    from bestpractice.models import BestPracticePage
    from matchmaking import catalogs
    from webtalks.models import EventPage

    if kwargs.get("raw"):
        return
    name = {BestPracticePage: catalogs.CASE_STUDIES, EventPage: catalogs.EVENTS}.get(
        type(instance)
    )
    if name:
        _refresh_later(name, instance.pk)


def _funding_changed(sender, instance, raw=False, **kwargs):
    from matchmaking import catalogs

    if not raw:
        _refresh_later(catalogs.FUNDING, instance.pk)


def _synonyms_changed(sender, raw=False, **kwargs):
    from matchmaking import catalogs
    from matchmaking.tasks import check_catalog

    if raw:
        return
    for name in (catalogs.CASE_STUDIES, catalogs.FUNDING, catalogs.EVENTS):
        transaction.on_commit(lambda name=name: _enqueue(check_catalog, name))


def _connect():
    from wagtail.signals import page_published, page_unpublished

    from bestpractice.models import BestPracticePage
    from matchmaking.models import FundingProgramme
    from webtalks.models import EventPage

    for model in (BestPracticePage, EventPage):
        page_published.connect(_page_changed, sender=model, dispatch_uid=f"catalog_pub_{model}")
        page_unpublished.connect(_page_changed, sender=model,
                                 dispatch_uid=f"catalog_unpub_{model}")
        post_delete.connect(_page_changed, sender=model, dispatch_uid=f"catalog_del_{model}")
    post_save.connect(_funding_changed, sender=FundingProgramme, dispatch_uid="catalog_funding")
    post_delete.connect(_funding_changed, sender=FundingProgramme,
                        dispatch_uid="catalog_funding_del")
    post_save.connect(_synonyms_changed, sender=SynonymEntry, dispatch_uid="catalog_synonyms")
    post_delete.connect(_synonyms_changed, sender=SynonymEntry,
                        dispatch_uid="catalog_synonyms_del")


_connect()
