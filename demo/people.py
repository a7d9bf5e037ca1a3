"""Demo people's profile visibility and topics of expertise, so that the people directory
(/mitglieder/personen/) and "Ansprechpersonen zum Thema" have something to show.

Data in `demo/data/people.json`; works on the demo people of `demo.network` by e-mail (so it
runs after it) and skips those that do not exist. Topics are added to the shared taggit
vocabulary by name; a second run changes nothing.
"""

import json
from pathlib import Path

from network.models import User

DATA = Path(__file__).resolve().parent / "data" / "people.json"


def load_demo(context=None):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    people = {u.email: u for u in User.objects.filter(
        email__in=[p["email"] for p in data["people"]])}
    for entry in data["people"]:
        person = people.get(entry["email"])
        if person is None:
            continue
        if person.profile_visibility != entry["visibility"]:
            person.profile_visibility = entry["visibility"]
            person.save(update_fields=["profile_visibility"])
        person.expertise.add(*entry["expertise"])
