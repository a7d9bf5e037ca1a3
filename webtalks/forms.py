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

    def __init__(self, *args, target, is_member, bring_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_ids = []
        if bring_choices:
            self.fields["bring"] = BringField(choices=bring_choices)
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

    def bring(self):
        return self.cleaned_data.get("bring") or []

    def answers(self):
        return {qid: self.cleaned_data.get(f"question_{qid}", "") for qid in self.question_ids}


def BringField(choices, **kwargs):  # noqa: N802 - builds a field like a class would
    """Which of their own pain points and offers a participant brings to a roundtable."""
    return forms.MultipleChoiceField(
        label=_("Was bringen Sie mit?"),
        help_text=_(
            "Freiwillig: Wählen Sie die Bedarfe und Angebote Ihrer Organisation, über die Sie "
            "am Roundtable sprechen möchten. Ohne Auswahl nehmen wir die zu den Themen des "
            "Roundtables."
        ),
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Bitte wählen Sie nur Einträge aus der Liste.")},
        **kwargs,
    )


class BringForm(forms.Form):
    def __init__(self, *args, bring_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bring"] = BringField(choices=bring_choices)


class SlotForm(forms.Form):
    label = forms.CharField(label=_("Bezeichnung (freiwillig)"), max_length=80, required=False)
    start = forms.DateTimeField(
        label=_("Beginn"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                      format="%Y-%m-%dT%H:%M"),
        error_messages={"required": _("Bitte geben Sie den Beginn an."),
                        "invalid": _("Bitte ein Datum mit Uhrzeit, z. B. 2026-05-04T10:30.")},
    )
    end = forms.DateTimeField(
        label=_("Ende"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                    format="%Y-%m-%dT%H:%M"),
        error_messages={"required": _("Bitte geben Sie das Ende an."),
                        "invalid": _("Bitte ein Datum mit Uhrzeit, z. B. 2026-05-04T11:00.")},
    )


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
