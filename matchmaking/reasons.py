"""The engine's reasons, stored as codes and values, rendered in German."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from matchmaking.engine import CAVEATS, REASON_SEPARATOR, REASON_TEMPLATES

TEMPLATES = {
    **REASON_TEMPLATES,
    "helpful": gettext_noop("von Ihnen als hilfreich markiert"),
}


def render_reason(reason) -> str:
    template = TEMPLATES.get(reason.get("code"))
    if template is None:
        return ""
    return _(template) % {"values": ", ".join(reason.get("values", ()))}


def render_reasons(reasons) -> list[str]:
    """The readable reasons why an item fits; caveats are left out (see `render_caveats`)."""
    return [text for text in (render_reason(reason) for reason in reasons or ()
                              if reason.get("code") not in CAVEATS) if text]


def render_caveats(reasons) -> list[str]:
    """What speaks against it ("nicht in Niedersachsen tätig"), shown apart as a Hinweis."""
    return [text for text in (render_reason(reason) for reason in reasons or ()
                              if reason.get("code") in CAVEATS) if text]


def reason_text(reasons) -> str:
    return REASON_SEPARATOR.join(render_reasons(reasons))


def from_match(match) -> list[dict]:
    """Reasons and caveats as stored (codes tell them apart)."""
    return [{"code": reason.code, "values": list(reason.values)}
            for reason in (*match.reasons, *getattr(match, "caveats", ()))]
