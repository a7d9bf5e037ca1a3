"""German analysis in plain Python: folding, stems, compounds, query parsing, snippets."""

import pytest

from search.analysis import (
    compound_parts,
    fold,
    index_terms,
    make_snippet,
    normalize_german,
    parse_query,
    stem,
    word_matches,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("läden", "laden"),
        ("laeden", "laden"),
        ("muenchen", "munchen"),
        ("straße", "strasse"),
        ("förderung", "forderung"),
        ("foerderung", "forderung"),
        # "ue"/"ae" after a vowel or q are no umlauts
        ("neue", "neue"),
        ("feuer", "feuer"),
        ("quelle", "quelle"),
    ],
)
def test_german_normalisation_folds_umlauts_and_their_spellings(word, expected):
    assert normalize_german(word) == expected


def test_fold_lowercases_and_drops_other_accents():
    assert fold("Café") == "cafe"
    assert fold("ÄRGER") == "arger"


def test_plural_and_umlaut_forms_share_a_stem():
    assert stem(fold("Leerstände")) == stem(fold("Leerstand"))
    assert stem(fold("Innenstädte")) == stem(fold("Innenstadt"))
    assert stem(fold("Läden")) == stem(fold("Laden")) == stem(fold("Laeden"))


def test_compounds_are_indexed_under_their_known_parts():
    assert compound_parts("leerstandsmanagement") == ["leerstand", "management"]
    assert compound_parts("innenstadt") == ["innen", "stadt"]
    assert compound_parts("stadt") == []  # a part on its own is no compound
    terms = index_terms("Leerstandsmanagement in der Innenstadt")
    assert stem("management") in terms
    assert stem("stadt") in terms
    assert "der" not in terms and "in" not in terms


def test_query_words_match_compounds_by_prefix_and_by_part():
    query = parse_query("Leerstand")
    assert word_matches("Leerstandsmanagement", query.term_stems)
    assert word_matches("Leerstände", query.term_stems)
    assert word_matches("Ladenleerstand", query.term_stems)
    assert not word_matches("Leere", query.term_stems)


def test_parse_query_keeps_only_words_drops_stop_words_and_reads_exclusions():
    query = parse_query('die "Innenstadt" OR (Leerstand)* -Berlin und ; DROP')
    assert query.terms == ("innenstadt", "or", "leerstand", "drop")
    assert query.excluded == ("berlin",)


def test_a_query_of_stop_words_only_is_empty():
    assert parse_query("die und der").is_empty
    assert parse_query("   ").is_empty


def test_snippet_marks_matching_words_and_cuts_around_the_first_match():
    text = ("Einleitung " * 30) + "Unser Leerstandsmanagement belebt leere Läden. " + ("Mehr " * 80)
    parts = make_snippet(text, parse_query("leerstand läden"), max_chars=120)

    marked = [part.text for part in parts if part.match]
    # "leere" matches a part of "Leerstand" (leer|stand), as the index does.
    assert marked == ["Leerstandsmanagement", "leere", "Läden"]
    assert parts[0].text == "… " and parts[-1].text == " …"
    assert len("".join(part.text for part in parts)) <= 130


def test_snippet_keeps_markup_as_plain_text():
    parts = make_snippet("<script>alert(1)</script> Leerstand", parse_query("Leerstand"))
    assert "".join(part.text for part in parts) == "<script>alert(1)</script> Leerstand"
    assert [part.text for part in parts if part.match] == ["Leerstand"]


def test_snippet_without_query_is_the_start_of_the_text():
    parts = make_snippet("Kurzer Text über die Innenstadt.", None)
    assert parts and not any(part.match for part in parts)
