"""StreamField blocks of events: the registration questions editors configure."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class RegistrationQuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Frage"),
        max_length=200,
        help_text=_("z. B. „Ihre Wünsche und Erwartungen an die Veranstaltung“"),
    )
    help_text = blocks.CharBlock(label=_("Hinweis"), required=False, max_length=250)
    required = blocks.BooleanBlock(label=_("Pflichtfrage"), required=False)
    multiline = blocks.BooleanBlock(label=_("Mehrzeilige Antwort"), required=False, default=True)

    class Meta:
        icon = "help"
        label = _("Anmeldefrage")
