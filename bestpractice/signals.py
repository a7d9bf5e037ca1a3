from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, workflow_rejected

from bestpractice import listing_cache, page_cache, services
from bestpractice.models import (
    ArticleIndexPage,
    ArticlePage,
    BestPracticeIndexPage,
    BestPracticePage,
)
from network.models import Organisation, TaggedExpertise, User


@receiver(page_published, sender=BestPracticePage)
def on_case_study_published(sender, instance, **kwargs):
    services.record_publication(instance)


@receiver(workflow_rejected, dispatch_uid="bestpractice_changes_requested")
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    page = instance.content_object
    if getattr(page, "specific_class", None) is BestPracticePage:
        task_state = instance.current_task_state
        comment = task_state.specific.get_comment() if task_state else ""
        services.record_changes_requested(page, comment)


@receiver(post_save, sender=Organisation)
def on_organisation_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        services.sync_organisation_facts(instance)


# --- Cached facet counts (bestpractice.listing_cache) ----------------------------------
# Publishing, unpublishing and deleting save or delete the specific page, so post_save and
# post_delete of the listed types cover them (a draft save invalidates too: cheap, rare).


def _library_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    listing_cache.bump()
    # Again once the change is visible to others: a page's tags are written after its
    # post_save, and a request between the two would cache the old state under the new
    # generation until the next change.
    transaction.on_commit(listing_cache.bump)


# Images too: the cached case study parts (bestpractice.page_cache) hold rendition URLs,
# and Wagtail deletes the old renditions when an image's file or focal point changes.
for _model in (BestPracticePage, ArticlePage, BestPracticeIndexPage, ArticleIndexPage,
               PageViewRestriction, Organisation, get_image_model()):
    post_save.connect(_library_changed, sender=_model, dispatch_uid=f"library_cache_save_{_model}")
    post_delete.connect(
        _library_changed, sender=_model, dispatch_uid=f"library_cache_delete_{_model}"
    )
page_unpublished.connect(_library_changed, dispatch_uid="library_cache_unpublished")
post_page_move.connect(_library_changed, dispatch_uid="library_cache_moved")


# --- "Ansprechpersonen" cached for anonymous visitors (bestpractice.page_cache) ----------
# A person's name, visibility, activity and topics decide whether and how they are listed;
# hiding a profile must take effect at once. A log-in saves only `last_login`, which no
# listing shows: it leaves the cached lists alone (with many log-ins, every case study's
# contacts were read anew after each).
NOT_LISTED = frozenset({"last_login"})


def _people_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= NOT_LISTED:
        return
    page_cache.bump_people()
    transaction.on_commit(page_cache.bump_people)


for _model in (User, TaggedExpertise):
    post_save.connect(_people_changed, sender=_model, dispatch_uid=f"people_cache_save_{_model}")
    post_delete.connect(
        _people_changed, sender=_model, dispatch_uid=f"people_cache_delete_{_model}"
    )
m2m_changed.connect(_people_changed, sender=TaggedExpertise, dispatch_uid="people_cache_m2m")
