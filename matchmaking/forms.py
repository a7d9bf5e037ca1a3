"""Forms of the matchmaking pages; their `service_data()` is the dict the services expect."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from matchmaking.models import (
    ApplicantKind,
    BudgetRange,
    ContactOutcome,
    Direction,
    Funder,
    OfferStatus,
    PainPointStatus,
    PriceRange,
    Timeline,
    Verdict,
    Visibility,
)
from matchmaking.services import MAX_TOPICS
from network.models import Bundesland, SizeClass

TOPIC_HELP = _("Mit Kommas getrennt, z. B. „Leerstand, Zwischennutzung, Frequenz“.")
MAX_TOPIC_LENGTH = 80


def _any_choice(label):
    return [("", label)]


def split_topics(text):
    """"Leerstand, Zwischennutzung; Frequenz" → ["Leerstand", "Zwischennutzung", "Frequenz"]."""
    names, seen = [], set()
    for raw in re.split(r"[,;\n]", text or ""):
        name = " ".join(raw.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


class _ItemForm(forms.Form):
    """Shared fields of pain points and offers; `organisations` limits the organisation
    select, which is left out when there is only one to choose."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, empty_label=_("– bitte wählen –"),
    )
    title = forms.CharField(label=_("Titel"), max_length=160)
    description = forms.CharField(label=_("Beschreibung"), max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 8}))
    topics = forms.CharField(label=_("Themen"), max_length=600, help_text=TOPIC_HELP)
    visibility = forms.ChoiceField(label=_("Sichtbarkeit"), choices=Visibility.choices,
                                   widget=forms.RadioSelect)

    status_choices = ()
    service_fields = ()

    def __init__(self, *args, organisations=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None or editing or len(organisations) < 2:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        if editing:
            self.fields["status"] = forms.ChoiceField(label=_("Status"),
                                                      choices=self.status_choices)
        self.fields["topics"].error_messages["required"] = _(
            "Bitte mindestens ein Thema angeben."
        )
        self.fields["title"].error_messages["required"] = _("Bitte einen Titel angeben.")
        self.fields["description"].error_messages["required"] = _(
            "Bitte beschreiben Sie es in ein paar Sätzen."
        )

    def clean_topics(self):
        names = split_topics(self.cleaned_data.get("topics", ""))
        too_long = [name for name in names if len(name) > MAX_TOPIC_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("Ein Thema darf höchstens %(count)d Zeichen lang sein: „%(name)s…“"),
                params={"count": MAX_TOPIC_LENGTH, "name": too_long[0][:30]},
            )
        if not names:
            raise forms.ValidationError(_("Bitte mindestens ein Thema angeben."))
        if len(names) > MAX_TOPICS:
            raise forms.ValidationError(_("Bitte höchstens %(count)d Themen angeben."),
                                        params={"count": MAX_TOPICS})
        return names

    def service_data(self):
        data = {name: self.cleaned_data[name] for name in self.service_fields
                if name in self.cleaned_data}
        if "status" in self.cleaned_data:
            data["status"] = self.cleaned_data["status"]
        return data

    @classmethod
    def initial_from(cls, item):
        initial = {name: getattr(item, name) for name in cls.service_fields
                   if name not in ("topics", "references")}
        initial["status"] = item.status
        initial["topics"] = ", ".join(tagged.tag.name for tagged in item.tagged_items.all())
        return initial


class PainPointForm(_ItemForm):
    budget_range = forms.ChoiceField(label=_("Budgetrahmen"), choices=BudgetRange.choices,
                                     initial=BudgetRange.OPEN)
    timeline = forms.ChoiceField(label=_("Zeitrahmen"), choices=Timeline.choices,
                                 initial=Timeline.SIX_MONTHS)

    field_order = ["organisation", "title", "description", "topics", "budget_range",
                   "timeline", "status", "visibility"]
    status_choices = PainPointStatus.choices
    service_fields = ("title", "description", "topics", "budget_range", "timeline",
                      "visibility")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].help_text = _(
            "Was ist das Problem vor Ort, was wurde schon versucht, was wäre ein Erfolg?"
        )
        self.fields["visibility"].initial = Visibility.MEMBERS
        self.fields["visibility"].help_text = _(
            "„nur für Mitglieder“: Besucher*innen ohne Anmeldung sehen den Bedarf nicht."
        )
        self.order_fields(self.field_order)


class OfferForm(_ItemForm):
    nationwide = forms.BooleanField(label=_("bundesweit tätig"), required=False, initial=True)
    regions = forms.MultipleChoiceField(
        label=_("Bediente Bundesländer"), choices=Bundesland.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nur nötig, wenn Sie nicht bundesweit tätig sind."),
    )
    sizes = forms.MultipleChoiceField(
        label=_("Passende Stadtgrößen"), choices=SizeClass.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Keine Auswahl bedeutet: für alle Stadtgrößen."),
    )
    price_range = forms.ChoiceField(label=_("Preisrahmen"), choices=PriceRange.choices,
                                    initial=PriceRange.ON_REQUEST)
    references = forms.ModelMultipleChoiceField(
        label=_("Referenzen"), queryset=None, required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Praxisbeispiele, in denen das Angebot eingesetzt wurde. Mehrere mit "
                    "Strg- bzw. Cmd-Taste auswählen."),
    )

    field_order = ["organisation", "title", "description", "topics", "nationwide", "regions",
                   "sizes", "price_range", "references", "status", "visibility"]
    status_choices = OfferStatus.choices
    service_fields = ("title", "description", "topics", "nationwide", "regions", "sizes",
                      "price_range", "references", "visibility")

    def __init__(self, *args, **kwargs):
        from bestpractice.selectors import live_case_studies

        super().__init__(*args, **kwargs)
        self.fields["references"].queryset = live_case_studies().order_by("title")
        self.fields["visibility"].initial = Visibility.PUBLIC
        self.order_fields(self.field_order)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("nationwide") and not cleaned.get("regions"):
            self.add_error("regions", _(
                "Bitte die bedienten Bundesländer wählen oder „bundesweit tätig“ ankreuzen."
            ))
        return cleaned

    @classmethod
    def initial_from(cls, item):
        initial = super().initial_from(item)
        initial["references"] = list(item.references.values_list("pk", flat=True))
        return initial


class ListingFilterForm(forms.Form):
    q = forms.CharField(label=_("Thema oder Stichwort"), required=False, max_length=100)
    bundesland = forms.ChoiceField(
        label=_("Bundesland"), required=False,
        choices=_any_choice(_("alle Bundesländer")) + list(Bundesland.choices),
    )

    def filters(self):
        if not self.is_bound or not self.is_valid():
            return {"query": "", "bundesland": ""}
        return {"query": self.cleaned_data["q"], "bundesland": self.cleaned_data["bundesland"]}


class FundingFilterForm(forms.Form):
    bundesland = forms.ChoiceField(
        label=_("Bundesland"), required=False,
        choices=_any_choice(_("alle Bundesländer")) + list(Bundesland.choices),
    )
    funder = forms.ChoiceField(label=_("Fördergeber"), required=False,
                               choices=_any_choice(_("alle Fördergeber")) + list(Funder.choices))
    kind = forms.ChoiceField(
        label=_("Antragsberechtigt"), required=False,
        choices=_any_choice(_("alle")) + list(ApplicantKind.choices),
    )
    fuer_mich = forms.BooleanField(label=_("nur für Sie beantragbar"), required=False)

    def filters(self):
        if not self.is_bound or not self.is_valid():
            return {"bundesland": "", "funder": "", "applicant_kind": "", "for_me": False}
        data = self.cleaned_data
        return {"bundesland": data["bundesland"], "funder": data["funder"],
                "applicant_kind": data["kind"], "for_me": data["fuer_mich"]}


class FeedbackForm(forms.Form):
    direction = forms.ChoiceField(choices=Direction.choices)
    pain_point = forms.IntegerField(min_value=1)
    offer = forms.IntegerField(min_value=1)
    verdict = forms.ChoiceField(choices=Verdict.choices, required=False)
    action = forms.ChoiceField(choices=[("give", "give"), ("withdraw", "withdraw")],
                               required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") != "withdraw" and not cleaned.get("verdict"):
            raise forms.ValidationError(_("Bitte „hilfreich“ oder „passt nicht“ wählen."))
        return cleaned


class ContactRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Ihre Nachricht"), max_length=2000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Wer Sie sind und worüber Sie sprechen möchten. Ihre Kontaktdaten sieht "
                    "die andere Seite erst, wenn sie die Anfrage annimmt."),
        error_messages={"required": _("Bitte schreiben Sie eine kurze Nachricht.")},
    )


class ContactAnswerForm(forms.Form):
    response_message = forms.CharField(
        label=_("Antwort (freiwillig)"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ContactOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Was ist daraus geworden?"), widget=forms.RadioSelect,
        choices=[choice for choice in ContactOutcome.choices if choice[0]],
        error_messages={"required": _("Bitte ein Ergebnis auswählen.")},
    )
