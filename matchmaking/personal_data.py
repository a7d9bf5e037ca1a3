"""Personal data of the matchmaking (see network.personal_data).

On deletion pain points and offers stay with their organisation (without author), unless
the person was the organisation's only member: then they go with it. Contact requests stay
for the other side with the sender (or responder) anonymised; the person's name is also
taken out of the messages. Match feedback stays for the engine, without the person.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from matchmaking.models import ContactRequest, MatchFeedback, Offer, PainPoint
from network.account.selectors import sole_member_organisation_ids


def _items(items):
    return [
        {"titel": item.title, "organisation": item.organisation.name,
         "beschreibung": item.description, "status": item.get_status_display(),
         "sichtbarkeit": item.get_visibility_display(),
         "themen": [tag.name for tag in item.topics.all()],
         "angelegt": item.created_at, "geaendert": item.updated_at,
         "link": item.get_absolute_url()}
        for item in items.select_related("organisation").prefetch_related("topics")
    ]


def export(user):
    contacts = (
        ContactRequest.objects.filter(Q(sender=user) | Q(responder=user))
        .select_related("pain_point", "offer", "sender_organisation", "recipient_organisation")
        .order_by("created_at", "pk")
    )
    return {
        "bedarfe": _items(PainPoint.objects.filter(author=user)),
        "loesungsangebote": _items(Offer.objects.filter(author=user)),
        "treffer_rueckmeldungen": [
            {"bedarf": f.pain_point.title, "angebot": f.offer.title,
             "rueckmeldung": f.get_verdict_display(), "am": f.created_at}
            for f in MatchFeedback.objects.filter(user=user).select_related("pain_point", "offer")
        ],
        "kontaktanfragen": [
            {"rolle": "gesendet" if c.sender_id == user.pk else "beantwortet",
             "von": c.sender_organisation.name, "an": c.recipient_organisation.name,
             "bedarf": c.pain_point.title, "angebot": c.offer.title,
             "nachricht": c.message, "antwort": c.response_message,
             "status": c.get_status_display(), "gesendet": c.created_at,
             "beantwortet": c.answered_at}
            for c in contacts
        ],
    }


def _without_name(text, names):
    for name in names:
        if name:
            text = text.replace(name, _("ehemaliges Mitglied"))
    return text


def erase(user):
    names = sorted({user.get_full_name().strip(), user.email}, key=len, reverse=True)
    for contact in ContactRequest.objects.filter(Q(sender=user) | Q(responder=user)):
        if contact.sender_id == user.pk:
            contact.sender = None
            contact.message = _without_name(contact.message, names)
        if contact.responder_id == user.pk:
            contact.responder = None
            contact.response_message = _without_name(contact.response_message, names)
        contact.save(update_fields=["sender", "message", "responder", "response_message"])
    # Only member: the organisation goes (network.personal_data_network), its items with it.
    sole = sole_member_organisation_ids(user)
    PainPoint.objects.filter(organisation_id__in=sole).delete()
    Offer.objects.filter(organisation_id__in=sole).delete()
    PainPoint.objects.filter(author=user).update(author=None)
    Offer.objects.filter(author=user).update(author=None)
    MatchFeedback.objects.filter(user=user).update(user=None)
