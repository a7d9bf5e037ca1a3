"""German text analysis in plain Python (no database).

The database engine indexes and queries the terms made here; the Elasticsearch
engine configures the same chain in its analyzers (`search/engines/elasticsearch.py`),
so both engines agree on what matches:

    lower-case -> German stop words -> German normalisation (ä→a, ae→a, ß→ss, like
    Lucene's GermanNormalizationFilter) -> ASCII folding -> dictionary decompounding
    -> Snowball German stem

Queries match a stem exactly or as a prefix, so "Leerstand" finds
"Leerstandsmanagement"; decompounding adds the known parts of a compound, so
"Management" and "Stadt" find "Leerstandsmanagement" and "Innenstadt".
"""

import re
import threading
import unicodedata
from dataclasses import dataclass

import snowballstemmer

_WORD = re.compile(r"[^\W_]+")
_WHITESPACE = re.compile(r"\s+")

# A query stem shorter than this must match exactly; shorter prefixes match almost anything.
MIN_PREFIX_LENGTH = 2
# Longest prefix the Elasticsearch edge n-grams store; the engines agree up to it.
MAX_PREFIX_LENGTH = 30
MAX_QUERY_TERMS = 12

# Lucene's German stop word list (`_german_` in Elasticsearch), so both engines drop the same words.
GERMAN_STOP_WORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den
    des dem die das daß dass derselbe derselben denselben desselben demselben dieselbe
    dieselben dasselbe dazu dein deine deinem deinen deiner deines denn derer dessen dich dir
    du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines
    einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem
    euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich
    mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem jeden jeder
    jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines
    können könnte machen man manche manchem manchen mancher manches mein meine meinem meinen
    meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine
    seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher
    solches soll sollte sondern sonst über um und uns unse unsem unsen unser unses unter viel
    vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher
    welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu
    zum zur zwar zwischen
    """.split()
)

# Parts of compound words common in inner-city work, already normalised (ä→a, ß→ss).
# A longer word that contains one of them is also indexed under the part.
COMPOUND_PARTS = frozenset(
    """
    angebot arbeit aufenthalt begrunung belebung beteiligung besucher burger buro city
    dienst digital eigentum eigentumer einzel energie entwicklung erlebnis event flache
    forderung frequenz gastronomie gebaude gestaltung gewerbe handel handler immobilie
    innen klima kommunal kommune konzept kultur kunden laden leerstand leistung lokal
    management markt marketing messung mobilitat netzwerk nutzung park parken planung platz
    programm projekt qualitat quartier raum sanierung sauberkeit sicherheit stadt strasse
    strategie tourismus transformation veranstaltung verein verkehr wandel wirtschaft wohnen
    wohnung zentren zentrum zukunft
    """.split()
)
# The same limits as the Elasticsearch dictionary_decompounder settings.
MIN_COMPOUND_LENGTH = 5
MIN_PART_LENGTH = 4

_stemmers = threading.local()


def _stemmer():
    # Snowball stemmer objects keep state between calls: one per thread.
    stemmer = getattr(_stemmers, "german", None)
    if stemmer is None:
        stemmer = _stemmers.german = snowballstemmer.stemmer("german")
    return stemmer


def words(text):
    """The lower-cased words of `text`, in order."""
    return [match.group(0).lower() for match in _WORD.finditer(text or "")]


def is_stop_word(word):
    return word in GERMAN_STOP_WORDS


def normalize_german(word):
    """Fold umlauts and their two-letter spellings the way Lucene's GermanNormalizationFilter does.

    ä/ö/ü become a/o/u, "ae"/"oe"/"ue" become a/o/u unless the vowel follows another vowel
    or "q" ("neue", "Feuer", "Quelle" stay), ß becomes ss.
    """
    result = []
    state = "none"
    for char in word:
        if char in "ao":
            state = "umlaut"
        elif char == "u":
            state = "umlaut" if state == "none" else "vowel"
        elif char == "e":
            if state == "umlaut":
                state = "vowel"
                continue
            state = "vowel"
        elif char in "iqy":
            state = "vowel"
        elif char in "äöü":
            char = {"ä": "a", "ö": "o", "ü": "u"}[char]
            state = "vowel"
        elif char == "ß":
            char = "ss"
            state = "none"
        else:
            state = "none"
        result.append(char)
    return "".join(result)


def ascii_fold(word):
    """Drop the remaining accents (é→e), like Elasticsearch's asciifolding for Latin letters."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(word):
    return ascii_fold(normalize_german(word.lower()))


def compound_parts(folded_word):
    """Known parts inside a longer compound, in order of appearance."""
    if len(folded_word) < MIN_COMPOUND_LENGTH:
        return []
    parts = []
    for start in range(len(folded_word) - MIN_PART_LENGTH + 1):
        for part in COMPOUND_PARTS:
            if part != folded_word and folded_word.startswith(part, start):
                parts.append(part)
    return parts


def stem(folded_word):
    return _stemmer().stemWord(folded_word)


def index_terms(text):
    """The terms a text is indexed under: the stem of every word plus the stems of its parts."""
    terms = []
    for word in words(text):
        if is_stop_word(word):
            continue
        folded = fold(word)
        terms.append(stem(folded))
        terms.extend(stem(part) for part in compound_parts(folded))
    return terms


def extra_terms(text):
    """Words PostgreSQL's own German parser would miss: compound parts and "ae"-style spellings.

    PostgreSQL stems the original text with its `german` configuration; these folded words
    are added to its search vector so it agrees with the other engines.
    """
    extras = []
    for word in words(text):
        if is_stop_word(word):
            continue
        folded = fold(word)
        plain_umlauts = ascii_fold(word.replace("ß", "ss"))
        if folded != plain_umlauts:
            extras.append(folded)
        extras.extend(compound_parts(folded))
    return extras


@dataclass(frozen=True)
class ParsedQuery:
    """What the visitor asked for: words that must match and words that must not."""

    text: str
    terms: tuple[str, ...]
    excluded: tuple[str, ...]

    @property
    def is_empty(self):
        return not self.terms

    @property
    def term_stems(self):
        return tuple(stem(fold(term)) for term in self.terms)

    @property
    def excluded_stems(self):
        return tuple(stem(fold(term)) for term in self.excluded)


def parse_query(text):
    """Split a query into required and excluded ("-wort") words, without stop words.

    Only words count: every other character is a separator, so no engine ever sees
    query syntax typed by a visitor.
    """
    text = (text or "").strip()
    terms, excluded = [], []
    for chunk in text.split():
        target = excluded if chunk.startswith("-") and len(chunk) > 1 else terms
        for word in words(chunk):
            if not is_stop_word(word) and word not in target:
                target.append(word)
    return ParsedQuery(
        text=text,
        terms=tuple(terms[:MAX_QUERY_TERMS]),
        excluded=tuple(excluded[:MAX_QUERY_TERMS]),
    )


def term_matches(query_stem, index_term):
    if len(query_stem) >= MIN_PREFIX_LENGTH:
        return index_term.startswith(query_stem[:MAX_PREFIX_LENGTH])
    return index_term == query_stem


def word_matches(word, query_stems):
    if not query_stems or is_stop_word(word):
        return False
    folded = fold(word)
    keys = [stem(folded)] + [stem(part) for part in compound_parts(folded)]
    return any(term_matches(query_stem, key) for query_stem in query_stems for key in keys)


@dataclass(frozen=True)
class SnippetPart:
    text: str
    match: bool = False


def make_snippet(text, query, max_chars=240, lead_chars=60):
    """A short excerpt of `text` around the first match, as parts marked as matching or not.

    Templates render the parts escaped and wrap matching parts in <mark>, so no HTML
    is ever built from user text.
    """
    text = _WHITESPACE.sub(" ", text or "").strip()
    if not text:
        return ()
    query_stems = query.term_stems if query else ()
    matches = [m for m in _WORD.finditer(text) if word_matches(m.group(0).lower(), query_stems)]

    start = 0
    if matches and matches[0].start() > lead_chars:
        start = text.rfind(" ", 0, matches[0].start() - lead_chars) + 1
    end = len(text)
    if end - start > max_chars:
        cut = text.rfind(" ", start, start + max_chars)
        end = cut if cut > start else start + max_chars

    parts = []
    if start > 0:
        parts.append(SnippetPart("… "))
    position = start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        if match.start() > position:
            parts.append(SnippetPart(text[position : match.start()]))
        parts.append(SnippetPart(match.group(0), match=True))
        position = match.end()
    if end > position:
        parts.append(SnippetPart(text[position:end]))
    if end < len(text):
        parts.append(SnippetPart(" …"))
    return tuple(parts)
