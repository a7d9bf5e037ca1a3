"""Forms of "Meine Daten"; the services in `network.account.services` do the work."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Ihr Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Zur Sicherheit: Geben Sie Ihr Passwort noch einmal ein."),
        error_messages={"required": _("Bitte geben Sie Ihr Passwort ein.")},
    )
    confirm = forms.BooleanField(
        label=_("Ich möchte mein Konto endgültig löschen. Das lässt sich nicht rückgängig machen."),
        error_messages={"required": _("Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten.")},
    )


class HandoverForm(forms.Form):
    membership = forms.ChoiceField(
        label=_("Neue Administrator*in"),
        error_messages={
            "required": _("Bitte wählen Sie eine Person aus."),
            "invalid_choice": _("Bitte wählen Sie eine Person aus der Liste."),
        },
    )

    def __init__(self, *args, handover, **kwargs):
        super().__init__(*args, prefix=f"org{handover.organisation.pk}", **kwargs)
        self.handover = handover
        self.fields["membership"].choices = [("", _("Bitte wählen"))] + [
            (str(m.pk), m.user.get_full_name() or m.user.email) for m in handover.candidates
        ]

    def chosen(self):
        pk = int(self.cleaned_data["membership"])
        return next(m for m in self.handover.candidates if m.pk == pk)


class VisitorEraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Alle Anmeldungen abmelden und meine Daten löschen."),
        error_messages={"required": _("Bitte bestätigen Sie das Löschen.")},
    )
