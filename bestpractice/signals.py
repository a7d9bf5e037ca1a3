from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, workflow_rejected

from bestpractice import services
from bestpractice.models import BestPracticePage
from network.models import Organisation


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
