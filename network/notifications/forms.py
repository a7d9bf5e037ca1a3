"""Forms of the notification centre."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import NotificationKind


class PreferencesForm(forms.Form):
    """Two checkboxes per notification kind: in the app, by e-mail."""

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        for kind, label in NotificationKind.choices:
            in_app, by_email = current.get(kind, (True, True))
            self.fields[f"{kind}_in_app"] = forms.BooleanField(
                label=_("%(kind)s: im Stadtlabor anzeigen") % {"kind": label},
                required=False, initial=in_app,
            )
            self.fields[f"{kind}_by_email"] = forms.BooleanField(
                label=_("%(kind)s: per E-Mail (höchstens eine pro Thema und Stunde)")
                % {"kind": label},
                required=False, initial=by_email,
            )

    def choices(self):
        return {
            kind: (self.cleaned_data[f"{kind}_in_app"], self.cleaned_data[f"{kind}_by_email"])
            for kind in NotificationKind.values
        }
