"""Registry of personal-data providers: what each app stores about a person (DSGVO).

Each provider module offers

- ``export(user) -> dict``: section name → JSON-serialisable list of dicts, everything the
  app stores about the member (Art. 15, 20);
- ``erase(user) -> None``: what the app does when the member deletes their account (Art. 17).
  Called in the order of ``PROVIDER_MODULES`` inside the deletion transaction, before the
  user row itself goes; a provider must leave nothing that the user's deletion would
  cascade away from someone else.

Optionally, for visitors without an account who are known only by their e-mail address:

- ``export_email(email) -> dict`` and ``erase_email(email) -> None``.

A module that does not exist (yet) is skipped, so an app can join by adding its module.
"""

import importlib
import json
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

PROVIDER_MODULES = [
    "network.digest.personal_data",
    "network.notifications.personal_data",
    "network.forum.personal_data",
    "webtalks.personal_data",
    "matchmaking.personal_data",
    # Last: decides about organisations after the apps have handled their items.
    "network.personal_data_network",
]


def providers():
    """The importable provider modules, in erase order."""
    found = []
    for path in PROVIDER_MODULES:
        try:
            found.append(importlib.import_module(path))
        except ModuleNotFoundError as error:
            # Only a missing provider module is skipped; a broken import inside one is a bug.
            if error.name is None or not path.startswith(error.name):
                raise
    return found


def _merge(sections, part, source):
    for name, rows in (part or {}).items():
        if name in sections:
            raise ValueError(f"Abschnitt {name!r} kommt doppelt vor ({source}).")
        sections[name] = list(rows)


def export_user(user):
    """Everything the providers store about `user`: {section: [row, …]}."""
    sections = {}
    for module in providers():
        _merge(sections, module.export(user), module.__name__)
    return sections


def erase_user(user):
    """Run every provider's erase; call inside the deletion transaction."""
    for module in providers():
        module.erase(user)


def export_email(email):
    sections = {}
    for module in providers():
        if hasattr(module, "export_email"):
            _merge(sections, module.export_email(email), module.__name__)
    return sections


def erase_email(email):
    for module in providers():
        if hasattr(module, "erase_email"):
            module.erase_email(email)


class _Encoder(json.JSONEncoder):
    def default(self, value):
        if isinstance(value, (datetime, date)):
            return value.isoformat()
        if isinstance(value, (Decimal, UUID)):
            return str(value)
        return super().default(value)


def to_json(sections):
    return json.dumps(sections, cls=_Encoder, ensure_ascii=False, indent=2, sort_keys=False)
