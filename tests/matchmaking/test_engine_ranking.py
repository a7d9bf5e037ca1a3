"""Ranking, constraints, reasons and index updates of the pure engine (no database)."""

import pytest

from matchmaking.engine import Item, MatchIndex, normalise_word, rank, size_class
from matchmaking.engine.synonyms import Thesaurus

ALL_SIZES = ("small", "medium", "large")


def offer(item_id, title="", tags=(), description="", regions=("DE",), sizes=ALL_SIZES):
    return Item.create(item_id, title, description, tags, regions, sizes, kind="offer")


def need(title="", tags=(), description="", state="NW", population=50_000, item_id="need"):
    return Item.create(
        item_id, title, description, tags, [state], population=population, kind="need"
    )


FILLER = [
    offer("kasse", "Kassensystem für Cafés", ["Kassensystem", "Gastronomie"]),
    offer("wlan", "Freies WLAN in der Fußgängerzone", ["WLAN", "Hotspot"]),
    offer("parken", "Parkleitsystem mit Sensoren", ["Parken", "Sensorik"]),
]


def ids(matches):
    return [match.item_id for match in matches]


def test_compound_tag_matches_its_part():
    catalog = [
        *FILLER,
        offer("software", "Software für Kommunen", ["Leerstandsmanagement", "Flächen"]),
        offer("popup", "Pop-up-Stores", ["Leerstand", "Zwischennutzung"]),
    ]
    matches = rank(need("Viele leere Läden", ["Leerstand"]), catalog, k=5)
    assert set(ids(matches)[:2]) == {"software", "popup"}


def test_synonyms_connect_different_words_for_the_same_thing():
    catalog = [*FILLER, offer("shop", "Verkaufen im Netz", ["E-Commerce"])]
    (best, *_) = rank(need("Unsere Händler brauchen Onlinehandel", ["Onlinehandel"]), catalog)
    assert best.item_id == "shop"
    # Each item's own word, never a word only one of them uses as a shared topic.
    assert best.topics == ()
    assert best.reasons[0].code == "related"
    assert best.reasons[0].values == ("Onlinehandel – E-Commerce",)


def test_editors_can_extend_the_synonym_list_with_plain_data():
    catalog = [*FILLER, offer("rikscha", "Rikschas mit Fahrer", ["Rikscha"])]
    query = need("Ein Velotaxi", ["Velotaxi"])
    assert rank(query, catalog) == []
    extended = rank(query, catalog, extra_synonyms=[["Velotaxi", "Rikscha"]])
    assert ids(extended) == ["rikscha"]
    assert [reason.code for reason in extended[0].reasons][:1] == ["related"]
    assert "Velotaxi" in extended[0].reasons[0].values[0]
    weighted = rank(query, catalog, extra_synonyms=[{"terms": ["Velotaxi", "Rikscha"],
                                                     "weight": 0.5}])
    assert ids(weighted) == ["rikscha"]


@pytest.mark.parametrize("bad_group", [["nur eins"], {"terms": ["a", "b"], "weight": 3}])
def test_invalid_synonym_groups_are_refused_with_a_german_message(bad_group):
    with pytest.raises(ValueError, match="Synonymgruppe"):
        Thesaurus(extra_groups=[bad_group])


def test_descriptions_are_read_not_only_tags():
    catalog = [
        *FILLER,
        offer("licht", "Stimmung für Plätze", ["Atmosphäre"],
              "Wir inszenieren Fassaden mit Weihnachtsbeleuchtung und Lichtkunst."),
    ]
    matches = rank(need("Mehr Weihnachtsbeleuchtung", ["Advent"]), catalog)
    assert ids(matches)[0] == "licht"


def test_a_tag_half_the_catalog_carries_counts_for_little():
    generic = [offer(f"digital{n}", f"Angebot {n}", ["Digitalisierung", f"Thema{n}"])
               for n in range(6)]
    catalog = [*generic, *FILLER, offer("zwischen", "Zwischennutzung", ["Zwischennutzung"])]
    matches = rank(need("Leere Läden", ["Digitalisierung", "Zwischennutzung"]), catalog, k=3)
    assert ids(matches)[0] == "zwischen"
    index = MatchIndex(catalog)
    generic_key, telling_key = normalise_word("Digitalisierung"), normalise_word("Zwischennutzung")
    assert index.idf(generic_key) < index.idf(telling_key) / 3


def test_an_offer_outside_the_state_ranks_below_every_offer_inside():
    catalog = [
        offer("bayern", "Leerstand und Zwischennutzung", ["Leerstand", "Zwischennutzung"],
              regions=["BY"]),
        offer("nrw", "Schaufenster gestalten", ["Leerstand"], regions=["NW", "HE"]),
        offer("bund", "Bundesweite Flächenbörse", ["Leerstand"], regions=["DE"]),
    ]
    matches = rank(need("Leerstand", ["Leerstand", "Zwischennutzung"], state="NW"), catalog)
    assert ids(matches)[-1] == "bayern"
    assert matches[-1].serves_region is False
    by_id = {match.item_id: match for match in matches}
    assert "bedient Nordrhein-Westfalen" in by_id["nrw"].reason_text
    assert "bedient Nordrhein-Westfalen (bundesweit tätig)" in by_id["bund"].reason_text
    # A caveat is shown apart, never as a reason.
    assert "nicht in Nordrhein-Westfalen tätig" not in by_id["bayern"].reason_text
    assert by_id["bayern"].caveat_text == "nicht in Nordrhein-Westfalen tätig"


def test_town_size_is_a_strong_signal():
    catalog = [
        offer("gross", "Leerstandsmanagement für Großstädte", ["Leerstand"], sizes=["large"]),
        offer("klein", "Leerstandsmanagement für kleine Orte", ["Leerstand"], sizes=["small"]),
    ]
    matches = rank(need("Leerstand", ["Leerstand"], population=8_000), catalog)
    assert ids(matches) == ["klein", "gross"]
    assert matches[0].fits_size is True
    assert "passt zur Stadtgröße" in matches[0].reason_text
    assert matches[1].caveat_text == "für größere Städte gedacht"
    assert "Städte gedacht" not in matches[1].reason_text


def test_reasons_read_like_a_sentence():
    catalog = [*FILLER, offer("popup", "Pop-up-Stores", ["Leerstand", "Zwischennutzung"],
                              regions=["NW"], sizes=["medium"])]
    (best, *_) = rank(need("Leere Läden füllen", ["Leerstand", "Zwischennutzung"]), catalog)
    assert best.reason_text == (
        "gemeinsame Themen: Leerstand, Zwischennutzung · bedient Nordrhein-Westfalen"
        " · passt zur Stadtgröße"
    )
    assert [reason.code for reason in best.reasons] == ["topics", "region", "size"]


def test_items_without_region_or_size_get_no_such_reason():
    programmes = [
        Item.create("f1", "Förderprogramm Zukunftsfähige Innenstädte",
                    tags=["Förderung", "Leerstand"], kind="funding"),
        Item.create("f2", "Förderung von WLAN", tags=["Förderung", "WLAN"], kind="funding"),
    ]
    (best, *_) = rank(need("Leerstand beheben", ["Leerstand", "Fördermittel"]), programmes)
    assert best.item_id == "f1"
    assert best.serves_region is None and best.fits_size is None
    assert {reason.code for reason in best.reasons} <= {"topics", "related"}
    assert best.caveats == ()


def test_k_limits_the_matches_and_nothing_unrelated_is_returned():
    catalog = [*FILLER, offer("popup", "Pop-up", ["Leerstand"])]
    assert ids(rank(need("Leerstand", ["Leerstand"]), catalog, k=5)) == ["popup"]
    assert rank(need("Leerstand", ["Leerstand"]), catalog, k=0) == []


def test_the_index_ranks_the_other_direction_and_never_matches_an_item_with_itself():
    pain_points = MatchIndex([
        need("Leere Läden in der Altstadt", ["Leerstand"], item_id="p1"),
        need("Zu wenig Parkplätze", ["Parken"], item_id="p2"),
    ])
    provider = offer("popup", "Pop-up-Stores in leeren Läden", ["Leerstand", "Zwischennutzung"],
                     regions=["NW"])
    assert ids(pain_points.top(provider, 5)) == ["p1"]
    assert "p1" not in ids(pain_points.top(pain_points.get("p1"), 5))
    same_id_other_kind = offer("p1", "Zwischennutzung leerer Läden", ["Leerstand"])
    assert ids(pain_points.top(same_id_other_kind, 5)) == ["p1"]


def test_the_index_follows_added_changed_and_removed_items():
    index = MatchIndex(FILLER)
    query = need("Leerstand", ["Leerstand"])
    assert index.top(query, 3) == []

    index.add(offer("popup", "Pop-up", ["Leerstand"]))
    assert ids(index.top(query, 3)) == ["popup"]

    index.update(offer("popup", "Pop-up", ["Parken"]))
    assert "popup" not in ids(index.top(query, 3))
    assert len(index) == len(FILLER) + 1

    index.update(offer("popup", "Pop-up", ["Leerstand"]))
    index.remove("popup")
    assert index.top(query, 3) == [] and "popup" not in index


@pytest.mark.parametrize(
    ("population", "size"),
    [(19_999, "small"), (20_000, "medium"), (100_000, "medium"), (100_001, "large")],
)
def test_town_size_classes(population, size):
    assert size_class(population) == size


def test_unknown_region_or_size_is_refused():
    with pytest.raises(ValueError, match="Bundesland"):
        Item.create("x", regions=["XX"])
    with pytest.raises(ValueError, match="Stadtgröße"):
        Item.create("x", sizes=["huge"])


def test_a_towns_market_square_is_not_an_online_marketplace():
    need = Item.create("need", title="Der Marktplatz ist abends leer", tags=["Marktplatz"],
                       kind="need")
    platform = Item.create("platform", title="Stadtplattform für den lokalen Handel",
                           tags=["Stadtplattform"])
    square = Item.create("square", title="Feierabendmarkt auf dem Marktplatz",
                         tags=["Wochenmarkt"])

    assert [match.item_id for match in rank(need, [platform, square])] == ["square"]


def test_reasons_name_whole_terms_with_their_gender_star_never_fragments():
    catalog = [*FILLER, offer("eig", "Beratung für Eigentümer*innen leerer Läden",
                              ["Eigentümer*innen", "Leerstandsmanagement"])]
    (best, *_) = rank(need("Eigentümer*innen ansprechen", ["Eigentümer*innen", "Leerstand"]),
                      catalog)
    assert best.item_id == "eig"
    assert "Eigentümer*innen" in best.topics
    # "Leerstand" is only a part of the offer's compound: named as each item writes it.
    assert "Leerstand" not in best.topics
    assert "Stand" not in " ".join(best.topics)
