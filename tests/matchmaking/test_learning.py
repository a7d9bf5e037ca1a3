"""The site's catalogs learn from members' verdicts and the platform's texts, as the engine
the evaluation measures does (matchmaking/learning.py)."""

import pytest

from matchmaking import catalogs, services
from matchmaking.learning import platform_texts
from matchmaking.models import Direction, StoredMatch, Verdict, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(committed):
    def run(service, user, title, topics, description, **extra):
        data = {"title": title, "description": description, "topics": topics, **extra}
        with committed():
            return service(user, user.memberships.first().organisation, data)

    return run


def ranked_offers(need):
    return list(StoredMatch.objects.filter(direction=Direction.FOR_PAIN_POINT, pain_point=need)
                .order_by("position").values_list("offer_id", flat=True))


def test_a_helpful_verdict_teaches_the_offer_the_needs_words(town_member, provider_member,
                                                            publish, committed):
    offer = services.create_offer
    need = services.create_pain_point
    # Both offers share the topic with the needs below; "plain" also shares a word of the
    # title, so it comes first as long as nobody has said which one helped.
    helped = publish(offer, provider_member, "Beratung für Kommunen", ["Innenstadt"],
                     "Wir begleiten Verwaltungen.", nationwide=True)
    plain = publish(offer, provider_member, "Beratung für Händler in der Altstadt",
                    ["Innenstadt"], "Wir begleiten Betriebe.", nationwide=True)
    first = publish(need, town_member, "Altstadt: Schaufenster verwaist",
                    ["Innenstadt"], "Leere Schaufenster, Kunstausstellungen, Pop-up-Galerie.")
    assert ranked_offers(first)[0] == plain.pk

    with committed():
        services.give_feedback(town_member, Direction.FOR_PAIN_POINT, first, helped,
                               Verdict.HELPFUL)
    second = publish(need, town_member, "Altstadt: Schaufenster verwaist",
                     ["Innenstadt"], "Leere Schaufenster, Kunstausstellungen, Pop-up-Galerie.")

    # The verdict changed the catalog's stamp: the worker rebuilt it with what was learned.
    assert ranked_offers(second)[0] == helped.pk
    reasons = StoredMatch.objects.get(direction=Direction.FOR_PAIN_POINT, pain_point=second,
                                      offer=helped).reasons
    # What was learned ranks; reasons still name only what both items say themselves.
    assert all("Kunstausstellung" not in str(reason) for reason in reasons)


def test_the_corpus_holds_public_texts_only(town_member, publish):
    publish(services.create_pain_point, town_member, "Offen für alle", ["Innenstadt"],
            "Öffentliche Beschreibung des Bedarfs.", visibility=Visibility.PUBLIC)
    publish(services.create_pain_point, town_member, "Nur für Mitglieder", ["Innenstadt"],
            "Vertrauliche Beschreibung des Bedarfs.", visibility=Visibility.MEMBERS)

    texts = " ".join(platform_texts())

    assert "Öffentliche Beschreibung" in texts
    assert "Vertrauliche" not in texts


def test_a_build_reads_a_bounded_corpus(town_member, publish, monkeypatch):
    from matchmaking import learning

    monkeypatch.setattr(learning, "TEXTS_PER_KIND", 2)
    for number in range(4):
        publish(services.create_pain_point, town_member, f"Bedarf {number}", ["Innenstadt"],
                f"Beschreibung Nummer {number}.", visibility=Visibility.PUBLIC)

    texts = [text for text in platform_texts() if text.startswith("Bedarf")]

    assert sorted(texts) == ["Bedarf 2 Beschreibung Nummer 2.", "Bedarf 3 Beschreibung Nummer 3."]
    assert len(catalogs.index_for(catalogs.PAIN_POINTS)) == 4
