from django import forms
from django.utils.translation import gettext_lazy as _

MAX_NAME_QUERY = 100


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=MAX_NAME_QUERY)
    topic = forms.ChoiceField(label=_("Thema"), required=False)
    bundesland = forms.ChoiceField(label=_("Bundesland"), required=False)
    kind = forms.ChoiceField(label=_("Art der Organisation"), required=False)

    def __init__(self, *args, facets=None, **kwargs):
        super().__init__(*args, **kwargs)
        facets = facets or {}
        self.fields["topic"].choices = [("", _("Alle Themen"))] + [
            (slug, f"{name} ({n})") for slug, name, n in facets.get("topic", [])
        ]
        self.fields["bundesland"].choices = [("", _("Alle Bundesländer"))] + [
            (code, f"{label} ({n})") for code, label, n in facets.get("bundesland", [])
        ]
        self.fields["kind"].choices = [("", _("Alle Arten"))] + [
            (value, f"{label} ({n})") for value, label, n in facets.get("kind", [])
        ]

    def filters(self):
        """Raw filter values from the query string (facet choices are only known after
        counting, so the values are taken as typed and simply match nothing if unknown)."""
        if not self.is_bound:
            return {}
        data = self.data
        return {
            name: str(data.get(name, "")).strip()[:MAX_NAME_QUERY]
            for name in ("q", "topic", "bundesland", "kind")
            if str(data.get(name, "")).strip()
        }


class ExpertiseForm(forms.Form):
    expertise = forms.ModelMultipleChoiceField(
        label=_("Themen, zu denen Sie Auskunft geben"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aus den Themen, die im Stadtlabor schon verwendet werden; höchstens 15."),
    )

    def __init__(self, *args, **kwargs):
        from taggit.models import Tag

        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = Tag.objects.order_by("name")


class PersonMessageForm(forms.Form):
    body = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Die Person sieht Ihren Namen und Ihre Organisation, nicht Ihre E-Mail-Adresse. "
            "Sobald sie antwortet, sehen Sie beide die Adresse der anderen Seite."
        ),
        error_messages={"required": _("Bitte schreiben Sie eine Nachricht.")},
    )


class PersonReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Ihre Antwort"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Mit Ihrer Antwort sehen Sie beide die E-Mail-Adresse der anderen Seite."),
        error_messages={"required": _("Bitte schreiben Sie eine Antwort.")},
    )
