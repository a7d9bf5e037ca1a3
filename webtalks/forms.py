from django import forms
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    """Visitors give name and e-mail; everyone answers the event's questions."""

    name = forms.CharField(label=_("Name"), max_length=160)
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        error_messages={
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@stadt.de.")
        },
    )
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Angaben für diese Veranstaltung gespeichert werden."
        ),
        error_messages={"required": _("Bitte stimmen Sie der Speicherung Ihrer Angaben zu.")},
    )

    def __init__(self, *args, target, is_member, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_ids = []
        if is_member:
            for name in ("name", "email", "consent"):
                del self.fields[name]
        else:
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        for question in target.question_list():
            widget = forms.Textarea(attrs={"rows": 3}) if question["multiline"] else forms.TextInput
            self.fields[f"question_{question['id']}"] = forms.CharField(
                label=question["label"],
                help_text=question["help_text"],
                required=question["required"],
                max_length=2000,
                widget=widget,
                error_messages={"required": _("Bitte beantworten Sie diese Frage.")},
            )
            self.question_ids.append(question["id"])

    def answers(self):
        return {qid: self.cleaned_data.get(f"question_{qid}", "") for qid in self.question_ids}


class RegistrantMessageForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=150)
    body = forms.CharField(
        label=_("Nachricht"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000
    )
    include_waitlist = forms.BooleanField(
        label=_("Auch an Personen auf der Warteliste senden"), required=False
    )


def apply_service_errors(form, error):
    """Put a service's ValidationError on the form's fields (or on the form)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
