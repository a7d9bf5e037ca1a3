"""Matches depend on more than the pain point or offer itself: the organisation gives a pain
point its Bundesland and town size and decides (by its approval) whether it is listed, and
editors' synonyms change how every text is read."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from matchmaking.models import SynonymEntry
from network.models import Organisation

logger = logging.getLogger(__name__)


def _enqueue(task, *args):
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
