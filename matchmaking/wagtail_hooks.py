"""Wagtail admin: editors curate funding programmes and extend the synonym list."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from matchmaking.admin_forms import FundingProgrammeForm
from matchmaking.models import FundingProgramme, SynonymEntry


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "tag"
    menu_label = _("Förderprogramme")
    list_display = ["name", "funder", "deadline", "max_funding"]
    list_filter = ["funder"]
    search_fields = ["name", "description", "funder_name"]
    edit_handler = ObjectList(FundingProgramme.panels, base_form_class=FundingProgrammeForm)


class SynonymEntryViewSet(SnippetViewSet):
    model = SynonymEntry
    icon = "list-ul"
    menu_label = _("Synonyme")
    list_display = ["terms", "related_only"]
    search_fields = ["terms"]


class MatchingViewSetGroup(SnippetViewSetGroup):
    items = (FundingProgrammeViewSet, SynonymEntryViewSet)
    menu_icon = "link"
    menu_label = _("Matching")
    menu_name = "matching"
    menu_order = 260


register_snippet(MatchingViewSetGroup)
