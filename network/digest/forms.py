from django import forms
from django.utils.translation import gettext_lazy as _

from network.digest.consent import text_for
from network.models import ConsentPurpose


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"), max_length=254,
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse ein."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse ein."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def consent_text(self):
        return text_for(ConsentPurpose.DIGEST)[1]


class MemberChoiceForm(forms.Form):
    editorial = forms.BooleanField(
        label=_("Die redaktionelle Wochenübersicht per E-Mail erhalten"), required=False,
        help_text=text_for(ConsentPurpose.DIGEST)[1],
    )
    personal = forms.BooleanField(
        label=_("Den persönlichen Teil „Für Sie“ erhalten"), required=False,
        help_text=text_for(ConsentPurpose.PERSONAL)[1],
    )


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Versand am (Uhrzeit Europe/Berlin)"),
        input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Bitte geben Sie Datum und Uhrzeit an."),
            "invalid": _("Bitte geben Sie Datum und Uhrzeit vollständig an."),
        },
    )
