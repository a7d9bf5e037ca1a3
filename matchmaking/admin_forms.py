"""Editors' forms in the Wagtail admin: lists of codes as checkboxes, not raw JSON."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from matchmaking.models.choices import ApplicantKind
from network.models import Bundesland


class FundingProgrammeForm(WagtailAdminModelForm):
    bundeslaender = forms.MultipleChoiceField(
        label=_("Bundesländer"),
        choices=Bundesland.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Keins angekreuzt: bundesweit."),
    )
    applicant_kinds = forms.MultipleChoiceField(
        label=_("Antragsberechtigt"),
        choices=ApplicantKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Bitte mindestens eine antragsberechtigte Gruppe wählen.")},
    )
