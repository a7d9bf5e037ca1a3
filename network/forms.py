"""Forms parse and pre-validate input; the services in `network.services` write it."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from network.models import Bundesland, Membership, Organisation, User
from network.services import MAX_MESSAGE_LENGTH
from network.templatetags.language_tags import NATIVE_NAMES

# The model's text fields have no length; the form sets one, so that an endless paste
# gets a German error with the text kept (and `maxlength` in the page).
FORM_MAX_LENGTHS = {"description": 5000, "topics": 600}


def _https_url_fields(model_field, **kwargs):
    # Django 6 assumes https for addresses typed without a scheme; do so already.
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    if model_field.name in FORM_MAX_LENGTHS:
        kwargs["max_length"] = FORM_MAX_LENGTHS[model_field.name]
    return model_field.formfield(**kwargs)


class OrganisationForm(forms.ModelForm):
    """Fields of an organisation profile. Never saved directly: views pass
    `cleaned_data` to `create_organisation` / `update_organisation`."""

    class Meta:
        model = Organisation
        formfield_callback = _https_url_fields
        fields = [
            "name", "kind", "bundesland", "town", "population", "website", "description",
            "logo", "topics",
        ]
        labels = {
            "name": _("Name der Organisation"),
            "topics": _("Themen"),
        }
        help_texts = {
            "population": _(
                "Pflicht für Kommunen, Stadtmarketing und Wirtschaftsförderung: "
                "Einwohnerzahl der Stadt."
            ),
            "description": _(
                "Wer Sie sind und woran Sie arbeiten. Absätze durch eine Leerzeile trennen; "
                "einfache Auszeichnungen wie <strong> oder Links sind erlaubt."
            ),
            "website": _("Zum Beispiel https://www.musterhausen.de"),
            "logo": _("PNG, JPEG, WebP oder GIF, höchstens 2 MB, 32 bis 4000 Pixel je Seite."),
            "topics": _("Durch Kommas getrennt, z. B. „Leerstand, Zwischennutzung, Mobilität“."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            "population": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Bitte wählen"))] + list(
            Organisation.Kind.choices
        )
        self.fields["bundesland"].choices = [("", _("Bitte wählen"))] + list(Bundesland.choices)
        self.fields["logo"].widget.attrs["accept"] = "image/png,image/jpeg,image/webp,image/gif"
        self.fields["topics"].required = False

    def _post_clean(self):
        # The service is the one place that writes; keep the ModelForm from copying
        # input onto the instance it was given (the real, unsaved organisation).
        pass


class DirectoryFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art"), required=False)
    bundesland = forms.ChoiceField(label=_("Bundesland"), required=False)
    topic = forms.ChoiceField(label=_("Thema"), required=False)

    def __init__(self, *args, topic_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Alle Arten"))] + list(Organisation.Kind.choices)
        self.fields["bundesland"].choices = [("", _("Alle Bundesländer"))] + list(
            Bundesland.choices
        )
        self.fields["topic"].choices = [("", _("Alle Themen"))] + list(topic_choices)

    def filters(self):
        """The valid filters; an unknown value (e.g. an outdated link) is simply ignored."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value and name not in self.errors
        }


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Nachricht an die Organisation"),
        required=False,
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Freiwillig: Wer sind Sie, und wie arbeiten Sie mit der Organisation?"),
    )


class RejectOrganisationForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung der Ablehnung"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Geht per E-Mail an die Person, die die Organisation angelegt hat."),
        error_messages={"required": _("Bitte begründen Sie die Ablehnung.")},
    )


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=Membership.Role.choices)


class ProfileForm(forms.ModelForm):
    # Each language named in itself (as in the switcher), so a reader finds their own.
    language = forms.ChoiceField(
        label=_("Sprache der E-Mails"),
        choices=[(code, NATIVE_NAMES.get(code, name)) for code, name in settings.LANGUAGES],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("In dieser Sprache schreiben wir Ihnen: Wochenübersicht, "
                    "Benachrichtigungen, Anmeldebestätigungen und Erinnerungen."),
        error_messages={
            "invalid_choice": _("Diese Sprache gibt es im Stadtlabor nicht. Bitte wählen Sie "
                                "Deutsch oder Englisch."),
        },
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "profile_visibility", "language"]
        labels = {"first_name": _("Vorname"), "last_name": _("Nachname")}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "profile_visibility": forms.RadioSelect,
        }
        help_texts = {
            "profile_visibility": _(
                "Wer Sie auf den Profilseiten Ihrer Organisationen sieht. Mitglieder Ihrer "
                "eigenen Organisation und die Moderation sehen Sie immer."
            ),
        }

    def clean_language(self):
        # A form sent without the choice (an older page, a script) keeps the stored one.
        return self.cleaned_data["language"] or self.instance.language

    def _post_clean(self):
        pass


class SignupNameForm(forms.Form):
    """allauth's sign-up asks for the name too (ACCOUNT_SIGNUP_FORM_CLASS)."""

    first_name = forms.CharField(
        label=_("Vorname"),
        max_length=150,
        error_messages={"required": _("Bitte geben Sie Ihren Vornamen an.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Nachname"),
        max_length=150,
        error_messages={"required": _("Bitte geben Sie Ihren Nachnamen an.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
