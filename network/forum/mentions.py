"""Mentions with the database: typed names become handles, handles become names.

- `resolve_typed(text)`: "@Jens" or "@Jens Hoffmeister" typed without the completion (or
  without JavaScript) becomes the member's handle "@jens-hoffmeister-5" when exactly one
  mentionable member has that name; when several have it, a German `ValidationError` names
  them, and the text stays as typed. A name nobody has stays plain text.
- `display_markdown(text)`: the handles in a post's Markdown replaced by the member's name
  as a link to their organisation's profile, for the stored HTML. The stored Markdown keeps
  the handles (editing, notifications).
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.text import slugify
from django.utils.translation import gettext as _

from network.forum import markdown

_NAME = r"[A-ZÄÖÜ][^\W\d_]*(?:-[A-ZÄÖÜ][^\W\d_]*)?"
TYPED_MENTION = re.compile(rf"(?<![\w@/])@(?P<first>{_NAME})(?:[ \t]+(?P<last>{_NAME}))?")
MAX_TYPED = 10


def _mentionable():
    from network.models import Membership, Organisation, User

    return User.objects.filter(
        is_active=True,
        memberships__status=Membership.Status.ACTIVE,
        memberships__organisation__status=Organisation.Status.APPROVED,
    ).exclude(profile_visibility=User.ProfileVisibility.HIDDEN).distinct()


def _handle(person):
    return markdown.mention_handle(slugify(person.display_name), person.pk)


def resolve_typed(text):
    matches = list(TYPED_MENTION.finditer(text or ""))[:MAX_TYPED]
    if not matches:
        return text
    ambiguous = []
    replacements = []  # (start, end, handle)
    for match in matches:
        first, last = match.group("first"), match.group("last")
        if last:
            people = list(
                _mentionable().filter(first_name__iexact=first, last_name__iexact=last)[:2]
            )
            if len(people) == 1:
                replacements.append((match.start(), match.end(), _handle(people[0])))
                continue
        people = list(
            _mentionable().filter(first_name__iexact=first)
            .order_by("last_name", "first_name")[:6]
        ) or list(
            _mentionable().filter(last_name__iexact=first).order_by("first_name")[:6]
        )
        if len(people) == 1:
            replacements.append((match.start(), match.start() + 1 + len(first), _handle(people[0])))
        elif len(people) > 1:
            names = ", ".join(person.display_name for person in people[:5])
            ambiguous.append(
                _("„@%(name)s“ passt auf mehrere Mitglieder (%(names)s). Schreiben Sie den "
                  "vollen Namen, z. B. „@%(example)s“, oder wählen Sie aus den Vorschlägen. "
                  "Ihr Text bleibt erhalten.")
                % {"name": first, "names": names, "example": people[0].display_name}
            )
    if ambiguous:
        raise ValidationError({"body": ambiguous})
    for start, end, handle in reversed(replacements):
        text = text[:start] + handle + text[end:]
    return text


def _escape_link_text(name):
    return re.sub(r"([\\\[\]*_`])", r"\\\1", name)


def display_markdown(text):
    ids = markdown.mentioned_ids(text or "")
    if not ids:
        return text
    from network.models import Membership, User

    people = {
        person.pk: person
        for person in User.objects.filter(pk__in=ids).prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(status=Membership.Status.ACTIVE)
                .select_related("organisation").order_by("pk"),
                to_attr="active_memberships",
            )
        )
    }

    def replace(match):
        person = people.get(int(match.group("id")))
        if person is None:
            return match.group(0)
        name = _escape_link_text(f"@{person.display_name}")
        organisations = [
            m.organisation for m in person.active_memberships if m.organisation.is_approved
        ]
        if organisations:
            return f"[{name}]({organisations[0].get_absolute_url()})"
        return f"**{name}**"

    return markdown.MENTION_PATTERN.sub(replace, text)
