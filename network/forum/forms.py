"""Forms of the forum. They parse input; the services validate and decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network.forum import services
from network.models import ForumCategory

BODY_HELP = _(
    "Markdown: **fett**, *kursiv*, [Linktext](https://…), > Zitat, - Liste. "
    "Erwähnen Sie Mitglieder mit @ und dem Namen."
)


def _body_field(label):
    return forms.CharField(
        label=label,
        max_length=services.MAX_BODY_LENGTH,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8, "data-mentions": "true"}),
        error_messages={"required": _("Bitte schreiben Sie einen Text.")},
    )


class ThreadForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=services.MAX_TITLE_LENGTH,
        error_messages={"required": _("Bitte geben Sie einen Titel ein.")},
    )
    topics = forms.CharField(
        label=_("Themen"),
        required=False,
        # Room for every allowed topic at full length, with commas.
        max_length=services.MAX_TOPICS * (services.MAX_TOPIC_LENGTH + 2),
        help_text=_("Durch Kommas getrennt, z. B. Leerstand, Zwischennutzung"),
    )
    body = _body_field(_("Ihr Beitrag"))


class ReplyForm(forms.Form):
    body = _body_field(_("Ihre Antwort"))
    quote_of = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CommentForm(forms.Form):
    body = _body_field(_("Ihr Kommentar"))


class EditPostForm(forms.Form):
    body = _body_field(_("Text"))
    reason = forms.CharField(
        label=_("Begründung (für die Autorin bzw. den Autor)"), required=False, max_length=500
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Was ist an diesem Beitrag problematisch?"),
        max_length=services.MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Bitte beschreiben Sie kurz, was Sie melden.")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[
            ("restore", _("wiederherstellen")),
            ("hide", _("ausblenden")),
            ("delete", _("löschen")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Begründung"), max_length=500,
        error_messages={"required": _("Bitte begründen Sie die Entscheidung kurz.")},
    )


class ThreadModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Aktion"),
        choices=[
            ("lock", _("sperren")),
            ("unlock", _("entsperren")),
            ("pin", _("anheften")),
            ("unpin", _("nicht mehr anheften")),
            ("move", _("in eine andere Kategorie verschieben")),
        ],
    )
    category = forms.ModelChoiceField(
        label=_("Neue Kategorie (nur beim Verschieben)"),
        queryset=ForumCategory.objects.all(),
        required=False,
    )
    reason = forms.CharField(
        label=_("Begründung"), max_length=500,
        error_messages={"required": _("Bitte begründen Sie die Entscheidung kurz.")},
    )


class ResultForm(forms.Form):
    summary = forms.CharField(
        label=_("Ergebnis der Diskussion"),
        max_length=services.MAX_BODY_LENGTH,
        help_text=_("Markdown. Wird oben im Thema gezeigt; das Thema wird damit geschlossen."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Bitte fassen Sie das Ergebnis zusammen.")},
    )


class SuspendForm(forms.Form):
    days = forms.IntegerField(label=_("Dauer in Tagen"), min_value=1, max_value=365, initial=7)
    reason = forms.CharField(
        label=_("Begründung"), max_length=500,
        error_messages={"required": _("Bitte begründen Sie die Sperre.")},
    )
