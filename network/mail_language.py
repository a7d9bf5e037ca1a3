"""The language a mail is written in: the recipient's, never the sender's.

Mails leave after the request (on commit, in the worker, from management commands), and
many go to someone other than the person whose click caused them. So each mail is rendered
under `translation.override(<recipient's language>)`: subject, body, and the links, which
`reverse()` and Wagtail's page URLs (network/i18n.py) then build with /en/ for English.

A member's language is `User.language` (set at sign-up, changed in the account settings);
a newsletter subscriber without an account keeps the language of the page they subscribed
on (`Subscription.language`); anyone else gets German, the platform's first language.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

override = translation.override


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def supported(code):
    """`code` if the platform speaks it (de-at counts as de), German otherwise."""
    code = (code or "").split("-")[0].lower()
    return code if code in language_codes() else settings.LANGUAGE_CODE


def active_language():
    """The language of the current request or override, as stored on accounts."""
    return supported(translation.get_language())


def language_of(user):
    return supported(getattr(user, "language", "") if user is not None else "")


def languages_for_addresses(addresses):
    """{address: language} for mails addressed only by e-mail: the account's language, else
    the newsletter subscription's, else German. Two queries however many addresses."""
    from network.models import Subscription, User

    addresses = {address.lower() for address in addresses if address}
    found = {}
    if not addresses:
        return found
    for email, language in Subscription.objects.filter(email__in=addresses, user__isnull=True) \
            .values_list("email", "language"):
        found[email.lower()] = supported(language)
    for email, language in User.objects.filter(email__in=addresses).values_list(
        "email", "language"
    ):
        found[email.lower()] = supported(language)
    return {address: found.get(address, settings.LANGUAGE_CODE) for address in addresses}


def by_language(items, language):
    """{language: [items]} with German first, so a batch renders each language once."""
    groups = defaultdict(list)
    for item in items:
        groups[language(item)].append(item)
    return dict(sorted(groups.items(), key=lambda entry: entry[0] != settings.LANGUAGE_CODE))


def _own_path(url):
    """The path of a link into this site (relative or under SITE_URL), else None."""
    if url.startswith("/") and not url.startswith("//"):
        return url
    if settings.SITE_URL and url.startswith(settings.SITE_URL + "/"):
        return url[len(settings.SITE_URL):]
    return None


def localized_url(url, language=None):
    """A stored link to this site (written under whatever language was active, usually
    German) as the URL of the same page in `language` (default: the active one). External
    links and links outside the language prefix (admin, feeds, API) come back unchanged."""
    language = supported(language or translation.get_language())
    path = _own_path(url or "")
    if path is None:
        return url
    first = urlsplit(path).path.lstrip("/").split("/", 1)[0]
    current = first if first in language_codes() else settings.LANGUAGE_CODE
    if current == language:
        return url
    # translate_url resolves the path in the language it is written in.
    with override(current):
        return translate_url(url, language)
