from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from search.documents import TYPE_FACET, document_types, facet_label, facet_names, get_provider

MAX_QUERY_LENGTH = 200
MAX_FILTER_VALUES = 20
MAX_FILTER_VALUE_LENGTH = 200


class FilterValuesField(forms.Field):
    """Any number of values of one facet from repeated GET parameters (`?kind=a&kind=b`)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        values = [str(item).strip() for item in value]
        return list(dict.fromkeys(item for item in values if item))

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_FILTER_VALUES:
            raise ValidationError(
                _("Bitte wählen Sie höchstens %(limit)d Werte aus."),
                code="too_many",
                params={"limit": MAX_FILTER_VALUES},
            )
        if any(len(item) > MAX_FILTER_VALUE_LENGTH for item in value):
            raise ValidationError(_("Dieser Filterwert ist zu lang."), code="too_long")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"}),
        help_text=_(
            "Mehrere Wörter müssen alle vorkommen; mit einem Minus davor (-Wort) "
            "schließen Sie ein Wort aus."
        ),
        error_messages={
            "max_length": _(
                "Bitte geben Sie höchstens %(limit_value)d Zeichen ein (jetzt: %(show_value)d)."
            )
        },
    )
    typ = forms.MultipleChoiceField(
        label=_("Inhaltsart"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Diese Inhaltsart gibt es nicht: %(value)s.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typ"].choices = [
            (doc_type, get_provider(doc_type).label) for doc_type in document_types()
        ]
        for name in facet_names():
            if name != TYPE_FACET:
                self.fields[name] = FilterValuesField(required=False, label=facet_label(name))

    def filters(self):
        """The facet filters of a valid form: {facet name: [values]}, without empty ones."""
        return {
            name: values
            for name, values in self.cleaned_data.items()
            if name not in ("q", "typ") and values
        }
