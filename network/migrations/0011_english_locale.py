"""The English content locale, so editors can translate pages (WAGTAIL_I18N_ENABLED)."""

from django.db import migrations


def create_english_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")


def remove_english_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    english = Locale.objects.filter(language_code="en").first()
    if english is not None and not Page.objects.filter(locale=english).exists():
        english.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0010_person_messages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_english_locale, remove_english_locale)]
