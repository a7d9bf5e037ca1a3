"""German normalisation and compound splitting, without a database."""

import pytest

from matchmaking.engine import Lexicon, normalise_phrase, normalise_word
from matchmaking.engine.text import words


def keys(lexicon, text):
    return [token.key for token in lexicon.tokens(text)]


@pytest.mark.parametrize(
    "variants",
    [
        ("Leerstand", "Leerstände", "LEERSTAND", "leerstand"),
        ("Laden", "Läden", "Laeden"),
        ("Kommune", "Kommunen"),
        ("App", "Apps"),
        ("Event", "Events"),
        ("Händler", "Händlerinnen", "Händler*innen", "Händler:innen", "Haendler"),
        ("Kunden", "Kundinnen"),
        ("Straße", "Strasse"),
        ("E-Commerce", "Ecommerce", "e-commerce"),
    ],
)
def test_spellings_of_one_word_share_a_key(variants):
    assert len({normalise_word(variant) for variant in variants}) == 1


def test_unrelated_words_keep_apart_even_where_the_stemmer_would_merge_them():
    assert normalise_word("Gründer") != normalise_word("Grund")
    assert normalise_word("Gründerinnen") == normalise_word("Gründer")
    assert normalise_word("Termin") != normalise_word("Term")


def test_stop_words_and_numbers_are_dropped():
    assert keys(Lexicon(), "Wir planen in der Stadt 2024 und 12 Leerstände") == [
        normalise_word("planen"),
        normalise_word("Stadt"),
        normalise_word("Leerstände"),
    ]
    assert "und" not in list(words("Pop-up und Leerstand"))


def test_compound_is_split_against_the_catalog_vocabulary():
    lexicon = Lexicon(["leerstand", "management"])
    (token,) = lexicon.tokens("Leerstandsmanagement")
    assert token.key == normalise_word("Leerstandsmanagement")
    assert normalise_word("Leerstand") in token.parts
    assert normalise_word("Management") in token.parts
    assert "Leerstand" in token.part_surfaces


def test_compound_parts_keep_their_umlauts_for_people_to_read():
    lexicon = Lexicon(["innenstadt", "handler"])
    (token,) = lexicon.tokens("Innenstadthändler")
    assert token.part_surfaces == ("Innenstadt", "Händler")


def test_nested_compounds_yield_every_part():
    lexicon = Lexicon(["passanten", "frequenz", "messung"])
    (token,) = lexicon.tokens("Passantenfrequenzmessung")
    assert {normalise_word(w) for w in ("Passant", "Frequenz", "Messung")} <= set(token.parts)


def test_a_long_known_head_lets_an_unknown_tail_through():
    lexicon = Lexicon(["leerstand"])
    (token,) = lexicon.tokens("Leerstandsbörse")
    assert normalise_word("Leerstand") in token.parts


def test_words_that_are_not_compounds_stay_whole():
    lexicon = Lexicon(["gastro", "gastronomen", "jugend", "verwalt"])
    for word in ("Gastronomen", "Jugendliche", "Verwaltung", "Händlerinnen"):
        (token,) = lexicon.tokens(word)
        assert token.parts == (), word


def test_the_lexicon_learns_new_words_and_retries_failed_splits():
    lexicon = Lexicon(["rad"])
    assert lexicon.tokens("Radtourismus")[0].parts == ()
    lexicon.add_text_words(["tourismus"])
    assert normalise_word("Tourismus") in lexicon.tokens("Radtourismus")[0].parts


def test_hyphenated_words_count_whole_and_by_their_parts():
    (token,) = Lexicon().tokens("Online-Marktplatz")
    assert token.key == normalise_word("Onlinemarktplatz")
    assert normalise_word("Marktplatz") in token.parts


def test_phrases_normalise_word_by_word():
    assert normalise_phrase("junge Leute") == (normalise_word("junge"), normalise_word("Leute"))
    assert normalise_phrase("E-Commerce") == (normalise_word("E-Commerce"),)


@pytest.mark.parametrize(
    "variants",
    [
        ("moderieren", "moderiert", "Moderation"),
        ("sanieren", "Sanierung", "saniert"),
        ("organisieren", "Organisation", "organisierte"),
        ("digitalisieren", "Digitalisierung", "digitalisiert"),
    ],
)
def test_verbs_in_ieren_meet_their_nouns(variants):
    assert len({normalise_word(variant) for variant in variants}) == 1


def test_station_is_not_taken_for_an_ation_noun():
    assert normalise_word("Station") == normalise_word("Stationen")
    assert normalise_word("Paketstation") != normalise_word("Paket")


def test_a_part_that_drops_its_e_is_still_found():
    lexicon = Lexicon(["schule", "befragung", "miete", "zuschuss"])
    (school,) = lexicon.tokens("Schulbefragung")
    assert school.parts == (normalise_word("Schule"), normalise_word("Befragung"))
    (rent,) = lexicon.tokens("Mietzuschüsse")
    assert normalise_word("Miete") in rent.parts
    # Four letters at least: "Bau" is no shortened "Baue".
    assert Lexicon(["baue", "stelle"]).tokens("Baustelle")[0].parts == ()


def test_a_new_word_in_ung_heit_or_keit_links_with_s_to_a_known_part():
    lexicon = Lexicon(["anzeige", "konzept"])
    (ads,) = lexicon.tokens("Zeitungsanzeigen")
    assert ads.parts == (normalise_word("Zeitung"), normalise_word("Anzeige"))
    (concept,) = lexicon.tokens("Sicherheitskonzept")
    assert normalise_word("Sicherheit") in concept.parts
    # The rest must be known, and the head a derived noun.
    assert lexicon.tokens("Zeitungsbericht")[0].parts == ()
    assert lexicon.tokens("Hausanzeigen")[0].parts == ()


def test_numbers_and_light_verbs_in_running_text_are_dropped():
    assert keys(Lexicon(), "Zwei Läden stehen leer und bleiben es") == [
        normalise_word("Läden"),
        normalise_word("leer"),
    ]


def test_stemming_from_many_threads_at_once_gives_the_same_stems():
    import threading

    from matchmaking.engine.text import _stem_cached, stem

    words = [f"innenstadtbelebungen{'x' * (n % 7)}{n}" for n in range(4000)]
    results, errors = {}, []

    def stem_all(chunk):
        try:
            for word in chunk:
                results[word] = stem(word)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=stem_all, args=(words[n::8],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    _stem_cached.cache_clear()
    assert results == {word: stem(word) for word in words}
