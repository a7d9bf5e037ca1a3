"""The matchmaking's part of `seed_demo`: enough pain points, offers and programmes, real
matches for every listed pain point, idempotent, and written in the project's own words."""

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from matchmaking import catalogs
from matchmaking.engine import TOPICAL
from matchmaking.engine.text import is_content_word, normalise_word, raw_words, stem
from matchmaking.models import (
    Direction,
    FundingProgramme,
    Offer,
    PainPoint,
    PainPointStatus,
    StoredMatch,
    SynonymEntry,
    Visibility,
)
from matchmaking.reasons import render_caveats, render_reasons
from network.models import Membership, Organisation

BENCHMARK = Path(settings.BASE_DIR).parent / "shared" / "benchmarks" / "matchmaking_dev.json"
SERVING = {"region", "region_nationwide", "nationwide"}

# The marker makes pytest-django create the test database; the module fixture below seeds
# it once and hands the tests plain data, so they need no database access of their own.
pytestmark = pytest.mark.django_db


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (PainPoint, Offer, FundingProgramme, SynonymEntry, StoredMatch, Organisation)
    }


def _pain_point_matches(pain_point):
    rows = StoredMatch.objects.filter(pain_point=pain_point, direction=Direction.FOR_PAIN_POINT)
    return [{reason["code"] for reason in row.reasons} for row in rows]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed twice in one transaction, note what the tests check, then roll everything back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        first = _counts()
        deadlines = dict(FundingProgramme.objects.values_list("name", "deadline"))
        call_command("seed_demo", stdout=StringIO())
        listed = PainPoint.objects.listed().select_related("organisation")
        result = {
            "first": first,
            "second": _counts(),
            "deadlines_first": deadlines,
            "deadlines_second": dict(FundingProgramme.objects.values_list("name", "deadline")),
            "matches": {pp.title: _pain_point_matches(pp) for pp in listed},
            "pain_points": list(PainPoint.objects.values(
                "title", "description", "status", "visibility", "organisation__kind",
                "organisation__bundesland", "organisation_id", "author_id",
            )),
            "pain_point_topics": [list(pp.topics.names()) for pp in PainPoint.objects.all()],
            "offers": list(Offer.objects.values(
                "title", "description", "nationwide", "regions", "organisation__kind",
                "organisation__status",
            )),
            "providers": Organisation.objects.approved().filter(kind="anbieter").count(),
            "offers_with_references": Offer.objects.filter(references__isnull=False)
            .distinct().count(),
            "programmes": list(FundingProgramme.objects.values("name", "description",
                                                               "deadline")),
            "memberships": set(
                Membership.objects.filter(status=Membership.Status.ACTIVE)
                .values_list("organisation_id", "user_id")
            ),
            "today": timezone.localdate(),
            "stored": [
                (row.direction, row.reasons, catalogs.pain_point_item(row.pain_point),
                 catalogs.offer_item(row.offer))
                for row in StoredMatch.objects.select_related(
                    "pain_point__organisation", "offer__organisation"
                ).prefetch_related("pain_point__topics", "offer__topics")
            ],
        }
        transaction.set_rollback(True)
    # The engine's cached indexes were built from the rows just rolled back.
    catalogs.clear_cache()
    return result


def test_a_second_run_changes_nothing(seeded):
    assert seeded["second"] == seeded["first"]
    assert seeded["deadlines_second"] == seeded["deadlines_first"]


def test_the_demo_has_enough_of_everything(seeded):
    counts = seeded["second"]
    assert counts["PainPoint"] >= 15
    assert counts["Offer"] >= 30
    assert counts["FundingProgramme"] >= 10
    assert 5 <= counts["SynonymEntry"] <= 8
    assert seeded["providers"] >= 12
    assert seeded["offers_with_references"] >= 3


def test_pain_points_are_varied_and_written_by_members(seeded):
    pain_points = seeded["pain_points"]
    assert all(pp["organisation__kind"] in Organisation.MUNICIPAL_KINDS for pp in pain_points)
    assert len({pp["organisation__bundesland"] for pp in pain_points}) >= 3
    assert all((pp["organisation_id"], pp["author_id"]) in seeded["memberships"]
               for pp in pain_points)
    statuses = [pp["status"] for pp in pain_points]
    assert statuses.count(PainPointStatus.OPEN) > len(statuses) / 2
    assert PainPointStatus.IN_PROGRESS in statuses
    assert statuses.count(PainPointStatus.SOLVED) == 1
    public = [pp for pp in pain_points if pp["visibility"] == Visibility.PUBLIC]
    assert 1 <= len(public) < len(pain_points) / 4  # members-only is the default
    assert all(3 <= len(topics) <= 6 for topics in seeded["pain_point_topics"])


def test_offers_have_varied_regions(seeded):
    offers = seeded["offers"]
    assert all(offer["organisation__kind"] == "anbieter" for offer in offers)
    assert all(offer["organisation__status"] == "approved" for offer in offers)
    assert any(offer["nationwide"] for offer in offers)
    assert all(offer["regions"] for offer in offers if not offer["nationwide"])
    assert sum(not offer["nationwide"] for offer in offers) >= 5


def test_programme_deadlines_lie_ahead_behind_and_open(seeded):
    deadlines = [programme["deadline"] for programme in seeded["programmes"]]
    today = seeded["today"]
    assert sum(1 for day in deadlines if day is not None and day >= today) >= 3
    assert sum(1 for day in deadlines if day is not None and day < today) >= 1
    assert deadlines.count(None) >= 2


def test_every_listed_pain_point_has_real_matches(seeded):
    assert len(seeded["matches"]) >= 15
    for title, matches in seeded["matches"].items():
        topical = [codes for codes in matches if "topics" in codes]
        assert len(topical) >= 2, title
        # …and from providers that work in the pain point's Bundesland or nationwide.
        assert sum(1 for codes in topical if codes & SERVING) >= 2, title


def test_demo_texts_are_not_taken_from_the_benchmark(seeded):
    if not BENCHMARK.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{BENCHMARK} fehlt")
        pytest.skip("Benchmark-Datei nicht vorhanden")
    benchmark = json.loads(BENCHMARK.read_text(encoding="utf-8"))
    entries = benchmark["offers"] + benchmark["needs"]
    titles = {entry["title"].casefold() for entry in entries}
    descriptions = {entry["description"].casefold() for entry in entries}
    ours = seeded["pain_points"] + seeded["offers"]
    ours_titles = {row["title"].casefold() for row in ours}
    ours_titles |= {programme["name"].casefold() for programme in seeded["programmes"]}
    assert not ours_titles & titles
    assert not {row["description"].casefold() for row in ours} & descriptions


def _whole_words(item):
    keys = set()
    for text in (item.title, item.description, *item.tags):
        for word in raw_words(text):
            keys.add(stem(word.replace("-", "")))
            keys.update(stem(part) for part in word.split("-"))
    return keys


def _occurs(term, item):
    """A term occurs as a tag of the item, or each of its words as a whole word of the item
    (in any inflection: "Leerstände" names "Leerstand"), never as a part of a compound."""
    if term.casefold() in {tag.casefold() for tag in item.tags}:
        return True
    keys = [normalise_word(word) for word in term.split() if is_content_word(word)]
    return bool(keys) and all(key in _whole_words(item) for key in keys)


def test_every_stored_reason_names_a_topic_both_items_write(seeded):
    """Walks every stored match of the demo: a reason's topic occurs as a whole word or tag
    in both items, a related pair names each item's own word, a caveat is never a reason,
    and every stored suggestion has a reason that names a topic."""
    assert seeded["stored"]
    for direction, reasons, pain_point, offer in seeded["stored"]:
        query, candidate = ((pain_point, offer) if direction == Direction.FOR_PAIN_POINT
                            else (offer, pain_point))
        codes = {reason["code"] for reason in reasons}
        assert codes & TOPICAL, (pain_point.title, offer.title, reasons)
        for reason in reasons:
            if reason["code"] == "topics":
                for term in reason["values"]:
                    assert _occurs(term, pain_point) and _occurs(term, offer), (
                        term, pain_point.title, offer.title)
            elif reason["code"] == "related":
                for pair in reason["values"]:
                    theirs, own = pair.split(" – ")
                    assert _occurs(theirs, query) and _occurs(own, candidate), (
                        pair, pain_point.title, offer.title)
        assert not set(render_caveats(reasons)) & set(render_reasons(reasons))


def test_reasons_keep_the_gender_star_as_members_wrote_it(seeded):
    """A reason's words are written as in one of the two items ("Eigentümer*innen" stays
    "Eigentümer*innen", not "Eigentümerinnen")."""
    for _, reasons, pain_point, offer in seeded["stored"]:
        texts = " ".join((pain_point.title, pain_point.description, *pain_point.tags,
                          offer.title, offer.description, *offer.tags)).casefold()
        for reason in reasons:
            for term in reason["values"] if reason["code"] in TOPICAL else ():
                for word in term.replace(" – ", " ").split():
                    assert word.casefold() in texts, (word, term)
