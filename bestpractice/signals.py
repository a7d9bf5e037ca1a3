from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from bestpractice import services
from bestpractice.models import BestPracticePage
from network.models import Organisation


@receiver(page_published, sender=BestPracticePage)
def on_case_study_published(sender, instance, **kwargs):
    services.record_publication(instance)


@receiver(post_save, sender=Organisation)
def on_organisation_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        services.sync_organisation_facts(instance)
