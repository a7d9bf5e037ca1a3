"""The five steps of the case-study submission form, plus the library's own validation.

Each step validates only its own fields so a draft can be saved at any time; completeness
is checked once, when the member submits (`services.missing_fields`).
"""

import re

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from bestpractice.models import BudgetRange
from bestpractice.richtext import to_editable_text
from bestpractice.validators import (
    SUBMISSION_IMAGE_MAX_BYTES,
    SUBMISSION_IMAGE_MAX_PX,
    SUBMISSION_IMAGE_MIN_PX,
    validate_submission_image,
)
from network.models import SizeClass

MAX_KPIS = 3
MAX_TOPICS = 8
RICH_FIELDS = ("problem", "approach", "results", "lessons")
TEXT_HELP = _("Absätze durch eine Leerzeile trennen.")

STEPS = (
    (1, _("Grunddaten")),
    (2, _("Ausgangslage & Vorgehen")),
    (3, _("Ergebnisse & Kennzahlen")),
    (4, _("Bilder & Kontakt")),
    (5, _("Prüfen & Einreichen")),
)
LAST_STEP = STEPS[-1][0]


def _textarea(rows=6):
    return forms.Textarea(attrs={"rows": rows})


class StepForm(forms.Form):
    """A step's form, prefilled from a submission; `cleaned_data` goes to the service."""

    @classmethod
    def initial_from(cls, submission):
        initial = {}
        for name in cls.base_fields:
            if hasattr(submission, name):
                value = getattr(submission, name)
                initial[name] = to_editable_text(value) if name in RICH_FIELDS else value
        return initial


class BasicsForm(StepForm):
    title = forms.CharField(
        label=_("Titel des Praxisbeispiels"),
        max_length=200,
        required=False,
        help_text=_("Kurz und konkret, z. B. „Leerstandslotsin bringt 14 Läden zurück“."),
    )
    summary = forms.CharField(
        label=_("Kurzfassung"),
        max_length=600,
        required=False,
        widget=_textarea(4),
        help_text=_(
            "Zwei, drei Sätze: Was haben Sie gemacht, was kam heraus? Höchstens 600 Zeichen."
        ),
    )
    topics = forms.CharField(
        label=_("Themen"),
        max_length=300,
        required=False,
        help_text=_("Mit Kommas getrennt, z. B. „Leerstand, Zwischennutzung“."),
    )
    year = forms.IntegerField(
        label=_("Startjahr"),
        required=False,
        min_value=1990,
        error_messages={
            "invalid": _("Bitte geben Sie das Startjahr als vierstellige Zahl an, z. B. 2023."),
            "min_value": _("Das Startjahr muss 1990 oder später sein."),
        },
    )
    duration = forms.CharField(
        label=_("Laufzeit"),
        max_length=120,
        required=False,
        help_text=_("z. B. „18 Monate“ oder „seit 2021, dauerhaft“"),
    )
    budget_range = forms.ChoiceField(
        label=_("Kostenrahmen"),
        required=False,
        choices=[("", _("– bitte wählen –"))] + list(BudgetRange.choices),
    )
    budget_note = forms.CharField(
        label=_("Kosten im Detail"),
        max_length=250,
        required=False,
        help_text=_("z. B. „38.000 € Sachkosten, eine halbe Stelle für 2 Jahre“"),
    )
    funding = forms.CharField(
        label=_("Genutzte Förderung"),
        max_length=250,
        required=False,
        help_text=_("Programm und Anteil, z. B. „Zukunftsfähige Innenstädte und Zentren, 90 %“"),
    )

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year and year > timezone.localdate().year + 1:
            raise forms.ValidationError(
                _("Das Startjahr darf höchstens im nächsten Jahr liegen."), code="future"
            )
        return year

    def clean_topics(self):
        names = []
        for raw in re.split(r"[,;\n]", self.cleaned_data.get("topics", "")):
            name = " ".join(raw.split())
            if not name:
                continue
            if len(name) > 60:
                raise forms.ValidationError(
                    _("Ein Thema darf höchstens 60 Zeichen lang sein: „%(name)s…“"),
                    params={"name": name[:30]},
                    code="topic_too_long",
                )
            if name.lower() not in {existing.lower() for existing in names}:
                names.append(name)
        if len(names) > MAX_TOPICS:
            raise forms.ValidationError(
                _("Bitte nennen Sie höchstens %(max)s Themen."), params={"max": MAX_TOPICS}
            )
        return ", ".join(names)


class StoryForm(StepForm):
    problem = forms.CharField(
        label=_("Ausgangslage"),
        required=False,
        max_length=8000,
        widget=_textarea(8),
        help_text=format_lazy("{} {}", _("Welches Problem hatte Ihre Innenstadt?"), TEXT_HELP),
    )
    approach = forms.CharField(
        label=_("Vorgehen"),
        required=False,
        max_length=12000,
        widget=_textarea(10),
        help_text=format_lazy(
            "{} {}", _("Was haben Sie getan, in welchen Schritten, mit wem?"), TEXT_HELP
        ),
    )
    partners_note = forms.CharField(
        label=_("Beteiligte Partner und Anbieter"),
        max_length=250,
        required=False,
        help_text=_("z. B. „Werbegemeinschaft, IHK, Frequenzlabor GmbH“"),
    )


class ResultsForm(StepForm):
    results = forms.CharField(
        label=_("Ergebnisse"),
        required=False,
        max_length=8000,
        widget=_textarea(6),
        help_text=format_lazy("{} {}", _("Was hat sich verändert?"), TEXT_HELP),
    )
    lessons = forms.CharField(
        label=_("Was wir anders machen würden"),
        required=False,
        max_length=4000,
        widget=_textarea(4),
    )
    transferability = forms.CharField(
        label=_("Übertragbarkeit"),
        required=False,
        max_length=2000,
        widget=_textarea(3),
        help_text=_("Was braucht eine andere Stadt, um das nachzumachen?"),
    )
    transferable_sizes = forms.MultipleChoiceField(
        label=_("Übertragbar auf"),
        required=False,
        choices=SizeClass.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_KPIS + 1):
            self.fields[f"kpi_{number}_label"] = forms.CharField(
                label=_("Kennzahl %(n)s: Was wurde gemessen?") % {"n": number},
                max_length=120,
                required=False,
                help_text=_("z. B. „Besucherfrequenz“") if number == 1 else "",
            )
            self.fields[f"kpi_{number}_value"] = forms.CharField(
                label=_("Kennzahl %(n)s: Wert") % {"n": number},
                max_length=40,
                required=False,
                help_text=_("z. B. „+12 %“") if number == 1 else "",
            )
            self.fields[f"kpi_{number}_period"] = forms.CharField(
                label=_("Kennzahl %(n)s: Zeitraum") % {"n": number},
                max_length=80,
                required=False,
                help_text=_("z. B. „in 6 Monaten“") if number == 1 else "",
            )

    @classmethod
    def initial_from(cls, submission):
        initial = super().initial_from(submission)
        for number, kpi in enumerate(submission.kpis[:MAX_KPIS], start=1):
            for part in ("label", "value", "period"):
                initial[f"kpi_{number}_{part}"] = kpi.get(part, "")
        return initial

    def kpi_rows(self):
        """The KPI fields grouped per figure, for the template."""
        return [
            [self[f"kpi_{number}_{part}"] for part in ("label", "value", "period")]
            for number in range(1, MAX_KPIS + 1)
        ]

    def clean(self):
        cleaned = super().clean()
        kpis = []
        for number in range(1, MAX_KPIS + 1):
            label = cleaned.get(f"kpi_{number}_label", "").strip()
            value = cleaned.get(f"kpi_{number}_value", "").strip()
            period = cleaned.get(f"kpi_{number}_period", "").strip()
            if bool(label) != bool(value):
                self.add_error(
                    f"kpi_{number}_value" if label else f"kpi_{number}_label",
                    _(
                        "Bitte geben Sie zu jeder Kennzahl sowohl an, was gemessen wurde, "
                        "als auch den Wert."
                    ),
                )
            elif label:
                kpis.append({"label": label, "value": value, "period": period})
        cleaned["kpis"] = kpis
        return cleaned


class ImageContactForm(StepForm):
    image = forms.ImageField(
        label=_("Bild"),
        required=False,
        validators=[validate_submission_image],
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=format_lazy(
            _("PNG, JPEG oder WebP, höchstens {mb} MB, zwischen {min} und {max} Pixel je Seite."),
            mb=SUBMISSION_IMAGE_MAX_BYTES // (1024 * 1024),
            min=SUBMISSION_IMAGE_MIN_PX,
            max=SUBMISSION_IMAGE_MAX_PX,
        ),
        error_messages={
            "invalid_image": _(
                "Die Datei ist kein lesbares Bild. Erlaubt sind PNG, JPEG und WebP."
            ),
        },
    )
    remove_image = forms.BooleanField(label=_("Gespeichertes Bild entfernen"), required=False)
    image_alt = forms.CharField(
        label=_("Alternativtext"),
        max_length=250,
        required=False,
        help_text=_("Was zeigt das Bild? Für Menschen, die es nicht sehen können."),
    )
    image_caption = forms.CharField(label=_("Bildunterschrift"), max_length=250, required=False)
    contact_name = forms.CharField(label=_("Ansprechperson"), max_length=120, required=False)
    contact_role = forms.CharField(label=_("Funktion"), max_length=160, required=False)
    contact_email = forms.EmailField(
        label=_("E-Mail der Ansprechperson"),
        required=False,
        error_messages={"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an.")},
    )

    def __init__(self, *args, has_image=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_image = has_image

    @classmethod
    def initial_from(cls, submission):
        initial = super().initial_from(submission)
        initial.pop("image", None)  # a stored file is shown beside the field, not re-sent
        initial.pop("remove_image", None)
        return initial

    def clean(self):
        cleaned = super().clean()
        keeps_image = self.has_image and not cleaned.get("remove_image")
        if (cleaned.get("image") or keeps_image) and not cleaned.get("image_alt", "").strip():
            self.add_error(
                "image_alt", _("Bitte beschreiben Sie kurz, was auf dem Bild zu sehen ist.")
            )
        return cleaned


STEP_FORMS = {1: BasicsForm, 2: StoryForm, 3: ResultsForm, 4: ImageContactForm}


class StartSubmissionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Für welche Organisation reichen Sie ein?"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Ihrer Organisationen.")},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
