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
from functools import lru_cache

import snowballstemmer
from wordfreq import zipf_frequency

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

# Compounds are split with wordfreq's German word frequencies (a maintained list of the
# language, not of this site): a word of at least MIN_COMPOUND_LENGTH letters is also
# indexed under its parts when both halves are known German words, with the linking
# letters ("Leerstand-s-management") dropped.
MIN_COMPOUND_LENGTH = 8
MIN_PART_LENGTH = 4
# Zipf frequency a part needs (1.5: about three in a hundred million words).
MIN_PART_FREQUENCY = 1.5
SPLIT_MARGIN = 1.0
_LINKING = ("", "s", "es", "n", "en", "e", "er")
# A stem ending in the noun suffix "-ung" also stands for its verb ("Messung" ~ "messen").
_NOUN_SUFFIX = "ung"
_MIN_BASE = 4

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


@lru_cache(maxsize=200_000)
def fold(word):
    return ascii_fold(normalize_german(word.lower()))


def _frequency(word):
    """How common a German word is (Zipf scale: 0 unknown, 3 once per million words)."""
    if len(word) < MIN_PART_LENGTH:
        return 0.0
    return zipf_frequency(word, "de")


def _umlaut_spelling(word):
    """ "foerderprogramm" -> "förderprogramm": the word list knows the umlaut spelling only."""
    return re.sub(
        r"(?<![aeiouäöüq])(ae|oe|ue)", lambda m: {"ae": "ä", "oe": "ö", "ue": "ü"}[m[1]], word
    )


@lru_cache(maxsize=200_000)
def split_compound(word):
    """The parts of a German compound (lower-case, as written), or () when it is none.

    Of all ways to cut the word in two known words (linking letters dropped), the one whose
    rarer part is most common wins ("Stadt|gutschein", not "Stadtgut|schein"), if it is
    more common than the whole word; a second part that is itself a compound is split once more.
    """
    word = word.lower()
    if len(word) < MIN_COMPOUND_LENGTH or not word.isalpha():
        return ()
    # A word is split only when its parts are about as common as the word itself or more:
    # "Innenstadt" (innen, stadt) and "Förderprogramm" are, "Programm" (prog, ramm) is not.
    best, best_score = (), max(MIN_PART_FREQUENCY, _frequency(word) - SPLIT_MARGIN)
    for candidate in dict.fromkeys((word, _umlaut_spelling(word))):
        for cut in range(MIN_PART_LENGTH, len(candidate) - MIN_PART_LENGTH + 1):
            head, tail = candidate[:cut], candidate[cut:]
            tail_frequency = _frequency(tail)
            if tail_frequency < best_score:
                continue
            for link in _LINKING:
                if link and not head.endswith(link):
                    continue
                first = head[: len(head) - len(link)] if link else head
                if first in GERMAN_STOP_WORDS:
                    continue
                score = min(_frequency(first), tail_frequency)
                if score > best_score:
                    best, best_score = (first, tail), score
    if not best:
        return ()
    first, tail = best
    rest = split_compound(tail) if len(tail) >= MIN_COMPOUND_LENGTH else ()
    return (first, tail, *rest)


def compound_parts(word):
    """The folded parts of a compound word, in order; [] for a simple word."""
    return [fold(part) for part in split_compound(word.lower())]


def stem(folded_word):
    stemmed = _stemmer().stemWord(folded_word)
    if stemmed.endswith(_NOUN_SUFFIX) and len(stemmed) - len(_NOUN_SUFFIX) >= _MIN_BASE:
        stemmed = stemmed[: -len(_NOUN_SUFFIX)]
    return stemmed


@lru_cache(maxsize=200_000)
def analyse_word(word):
    """(stem of the whole word, stems of its compound parts) for one lower-case word."""
    whole = stem(fold(word))
    parts = tuple(
        dict.fromkeys(
            part_stem for part in split_compound(word) if (part_stem := stem(fold(part))) != whole
        )
    )
    return whole, parts


def analyse(text):
    """The whole-word stems and the compound-part stems of a text (stop words dropped)."""
    wholes, parts = [], []
    for word in words(text):
        if is_stop_word(word):
            continue
        whole, word_parts = analyse_word(word)
        wholes.append(whole)
        parts.extend(word_parts)
    return wholes, parts


def index_terms(text):
    """The terms a text is indexed under: the stem of every word plus the stems of its parts."""
    wholes, parts = analyse(text)
    return wholes + parts


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

    @property
    def alternatives(self):
        """Per query word: (its stem, the stems of its compound parts).

        A word matches a document holding its stem (or a word starting with it), or all of
        its parts: "Frequenzmessung" finds "Frequenz messen".
        """
        return tuple(analyse_word(term) for term in self.terms)


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
    whole, parts = analyse_word(word.lower())
    keys = (whole, *parts)
    return any(term_matches(query_stem, key) for query_stem in query_stems for key in keys)


def query_match_stems(query):
    """Every stem a matching word may start with: the query words' stems and their parts."""
    if query is None:
        return ()
    return tuple(dict.fromkeys(s for whole, parts in query.alternatives for s in (whole, *parts)))


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
    query_stems = query_match_stems(query)
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
