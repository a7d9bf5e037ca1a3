"""German text normalisation for matching: folding, stemming, gender forms, compounds.

Plain Python, no database. Every word that enters the engine — tags, titles,
descriptions, synonym entries — goes through `normalise_word()`, so that
"Leerstände", "leerstand" and "LEERSTAND" all become the same key, and through
`Lexicon.split()` so that "Leerstandsmanagement" also yields "leerstand".
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_stemmers = threading.local()


def _stemmer():
    """Snowball stemmer objects keep state between calls: one per thread (web servers and
    workers match in several threads at once)."""
    stemmer = getattr(_stemmers, "german", None)
    if stemmer is None:
        stemmer = _stemmers.german = snowballstemmer.stemmer("german")
    return stemmer

_FOLD_TABLE = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e"})

# A "word" may contain inner hyphens ("E-Commerce", "Pop-up-Store"); the gender
# marks of inclusive writing ("Händler*innen", "Bürger:innen") are joined first.
_GENDER_MARK = re.compile(r"(?<=\w)[*:_/·](?=in(?:nen)?\b)", re.IGNORECASE)
_WORD = re.compile(r"[0-9a-zäöüß]+(?:-[0-9a-zäöüß]+)*", re.IGNORECASE)
# The same, with the gender mark kept ("Eigentümer*innen"), for the surface people read.
_WORD_MARKED = re.compile(
    r"[0-9a-zäöüß]+(?:[*:_/·](?=in(?:nen)?\b)[a-zäöüß]+)?(?:-[0-9a-zäöüß]+)*", re.IGNORECASE)

# Feminine forms ("Händlerinnen", "Kundin") are reduced to the base noun, but only
# after an ending that marks a person, so "beginnen" or "Termin" stay as they are.
_FEMININE = re.compile(r"^(.{2,}?(?:er|ant|ent|ist|eur|at|nd|rt|og|ar))in(?:nen)?$")

# Linking elements between compound parts ("Leerstand-s-management").
_LINKING = ("", "s", "es", "n", "en", "e", "er", "ns")

# The stemmer folds a few unrelated words together; these keep their own key
# ("Gründer" is not "Grund").
_STEM_EXCEPTIONS = {"grunder": "grunder", "grundern": "grunder", "grunders": "grunder"}

# A guessed last part never starts like a derivational suffix ("Gastro|nomen",
# "Jugend|liche", "Händler|innen" are not compounds).
_SUFFIX_STARTS = ("inn", "lich", "isch", "isier", "ier", "ung", "heit", "keit", "schaft", "ion",
                  "itat", "nom", "al", "ell", "iv", "ist")
# Suffixes folded onto the verb's stem after stemming, and what is left of the word.
# (suffix, replacement, shortest base left)
_DERIVATIONS = (("iert", "i", 3), ("ier", "i", 3), ("ation", "i", 4))
# Heads that are always followed by a linking -s, and the shortest head that may have
# dropped its ending.
_LINKED_WITH_S = ("ung", "heit", "keit", "schaft", "ion", "tat")
_MIN_ELIDED_HEAD = 4
_ELIDED_ENDINGS = ("e",)
MIN_PART_LENGTH = 3
_TOKEN_CACHE_SIZE = 500_000
MIN_COMPOUND_LENGTH = 7
# Dictionary words shorter than this are no compound parts ("Pop", "Zug"); nor are
# nouns that are also derivational suffixes ("Kund|schaft").
_MIN_DICTIONARY_PART = 4
NOT_PARTS = frozenset({"schaft", "schaften", "tion", "nomie", "logie", "thek", "chen",
                       "lein", "ling", "nisse", "heit", "keit", "ismus", "erei", "ation"})

STOP_WORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderen anderer anderes
    auch auf aus bei beim bereits bin bis bisher bist bzw da dabei dadurch dafur dagegen
    daher damit dann daran darauf daraus darin darum das dass dem den denen denn der deren
    des dessen deshalb die dies diese diesem diesen dieser dieses doch dort du durch eher
    ein eine einem einen einer eines einfach einige einmal er es etwa etwas euch euer fast
    fur gar gegen genau gern gibt ging habe haben hat hatte hatten hier hin hinter ich ihm
    ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem ins inzwischen ist ja je
    jede jedem jeden jeder jedes jedoch jetzt kann kaum kein keine keinem keinen keiner
    konnen konnte lassen lasst man manche mehr mit muss mussen nach nachdem neben nein nicht
    nichts noch nun nur ob oder oft ohne per schon sehr sei seid sein seine seinem seinen
    seiner sich sie sind so sogar solche soll sollen sollte sondern sowie statt uber um und
    uns unser unsere unserem unseren unserer unter viel viele vielen vom von vor wahrend war
    waren warum was weil weiter weitere welche welchem welchen welcher wenn wer werden wie
    wieder will wir wird wo wollen wurde wurden zu zum zur zwar zwischen
    inkl inklusive bzw usw etc ca z b u a d h
    zwei drei vier funf sechs sieben acht neun zehn zwolf hundert tausend
    bleiben bleibt blieb stehen steht stand liegen liegt geben gehen geht kommen kommt kam
    machen macht sagen sagt sagte sehen sieht wissen weiss mochten mochte
    eigentlich lieber wenigstens vorher kaum gerade meist meisten ganz ganze ganzen selbst sonst
    """.split()
)


def fold(text: str) -> str:
    """Lower case with umlauts and ß folded, so "Läden" and "Laeden" meet after stemming."""
    return text.lower().translate(_FOLD_TABLE)


def stem(word: str) -> str:
    """Stem one folded word with the German Snowball stemmer, feminine forms reduced first."""
    return _stem_cached(word)


@lru_cache(maxsize=200_000)
def _stem_cached(word: str) -> str:
    feminine = _FEMININE.match(word)
    if feminine:
        word = feminine.group(1)
    if word in _STEM_EXCEPTIONS:
        return _STEM_EXCEPTIONS[word]
    stemmed = _derivation(_stemmer().stemWord(word))
    # English plurals in German texts ("Apps", "Events") keep their "s" under the
    # German stemmer; drop it so they meet their singular.
    if len(stemmed) > 4 and stemmed.endswith("s") and not stemmed.endswith("ss") or (
        len(stemmed) == 4 and stemmed.endswith(("ps", "ts", "ks"))
    ):
        singular = _derivation(_stemmer().stemWord(word[:-1]))
        if singular == stemmed[:-1]:
            return singular
    return stemmed


def _derivation(stemmed: str) -> str:
    """Let a noun meet its verb where the stemmer leaves them apart: a verb in "-ieren"
    loses more than its noun ("sanieren" -> "sani", "Sanierung" -> "sanier"), and
    "-ation" nouns belong to the same verbs ("Moderation", "moderieren"; not "Station")."""
    if stemmed.endswith("station"):
        return stemmed
    for suffix, replacement, shortest in _DERIVATIONS:
        if stemmed.endswith(suffix) and len(stemmed) - len(suffix) >= shortest:
            return stemmed[: -len(suffix)] + replacement
    return stemmed


def raw_words(text: str) -> Iterator[str]:
    """Folded words of a text in order, hyphenated words kept whole ("e-commerce")."""
    for folded, _original in _word_matches(text):
        yield folded


def _word_matches(text: str) -> Iterator[tuple[str, str]]:
    raw_of = _RAW_OF_SURFACE
    for surface in _WORD_MARKED.findall(text):
        raw = raw_of.get(surface, _UNSEEN)
        if raw is _UNSEEN:
            raw = _raw(surface)
        if raw is not None:
            yield raw, surface


# A catalog repeats a few thousand distinct words millions of times: each written form is
# folded and checked once (a plain dict; its get and set are atomic, threads may share it).
_RAW_OF_SURFACE: dict[str, str | None] = {}
_RAW_CACHE_SIZE = 500_000
_UNSEEN = object()


def _raw(surface: str) -> str | None:
    """The folded word of a written form, or None if it does not count for matching."""
    raw = fold(_GENDER_MARK.sub("", surface))
    if not _is_content_word(raw.replace("-", "")):
        raw = None
    if len(_RAW_OF_SURFACE) < _RAW_CACHE_SIZE:
        _RAW_OF_SURFACE[surface] = raw
    return raw


def words(text: str) -> Iterator[str]:
    """Folded words of a text; a hyphenated word yields its joined form, then its parts."""
    for raw in raw_words(text):
        if "-" in raw:
            yield raw.replace("-", "")
            yield from (part for part in raw.split("-") if _is_content_word(part))
        else:
            yield raw


def is_content_word(word: str) -> bool:
    """Whether a word (as written) counts for matching: not a stop word or a number."""
    return _is_content_word(fold(_GENDER_MARK.sub("", word)).replace("-", ""))


def _is_content_word(word: str) -> bool:
    return len(word) >= 2 and not word.isdigit() and word not in STOP_WORDS


def normalise_word(word: str) -> str:
    """The key one word is indexed under: folded and stemmed, hyphens dropped."""
    return stem(fold(_GENDER_MARK.sub("", word)).replace("-", ""))


def normalise_phrase(phrase: str) -> tuple[str, ...]:
    """The keys of a short phrase, e.g. a synonym entry "junge Leute" -> ("jung", "leut")."""
    return tuple(stem(raw.replace("-", "")) for raw in raw_words(phrase))


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its own key and, for compounds, the keys of its parts."""

    key: str
    surface: str
    parts: tuple[str, ...] = ()
    part_surfaces: tuple[str, ...] = ()


class Lexicon:
    """The known words that compounds are split against.

    Built from the catalog's own vocabulary plus the synonym list and a base
    vocabulary of the field, so "Leerstand" standing alone somewhere teaches the
    engine that "Leerstandsmanagement" contains it. It only grows.
    """

    def __init__(self, vocabulary: Iterable[str] = (),
                 dictionary: tuple[frozenset[str], frozenset[str]] | None = None):
        # A German noun list (folded lemmas, their stems) whose words count as known
        # compound parts; see `knowledge.german_nouns()`.
        self._dictionary: frozenset[str] = frozenset()
        self._dictionary_stems: frozenset[str] = frozenset()
        self._surfaces: set[str] = set()
        self._stems: set[str] = set()
        self._starts: dict[str, int] = {}
        # Tokens by the word as written. A word that could not be split is retried once
        # the lexicon has grown (its generation changed); a split once found is kept.
        self._tokens: dict[str, tuple[Token, int]] = {}
        self._generation = 0
        # Nouns are also split against the dictionary, unless the dictionary knows the
        # word itself ("Plattform" is no "Platt|form", "Bürgerin" no "Burg|in"); a view
        # that shares this lexicon's words does that.
        self._nouns: Lexicon | None = None
        if dictionary and dictionary[0]:
            nouns = copy.copy(self)
            nouns._dictionary = dictionary[0]
            nouns._dictionary_stems = dictionary[1]
            self._nouns = nouns
        self.add_text_words(vocabulary)

    def __contains__(self, word: str) -> bool:
        return word in self._surfaces or word in self._stems

    def _known(self, word: str) -> bool:
        return word in self._surfaces or (
            len(word) >= _MIN_DICTIONARY_PART and word in self._dictionary)

    def __len__(self) -> int:
        return len(self._surfaces)

    @property
    def generation(self) -> int:
        """Grows by one each time the lexicon learns new words."""
        return self._generation

    def add_text_words(self, folded_words: Iterable[str]) -> bool:
        """Learn words (already folded, as `words()` yields them); returns whether any was new."""
        grown = False
        for word in folded_words:
            if "-" in word or len(word) < MIN_PART_LENGTH or not _is_content_word(word):
                continue
            if word not in self._surfaces:
                self._surfaces.add(word)
                self._stems.add(stem(word))
                self._starts[word[:3]] = self._starts.get(word[:3], 0) + 1
                grown = True
        if grown:
            self._generation += 1
            self._split_cached.cache_clear()
        return grown

    def split(self, word: str) -> tuple[str, ...]:
        """Stemmed parts of a folded compound (nested parts too), or () if it is not one."""
        return tuple(key for key, _surface in self.split_parts(word))

    def split_parts(self, word: str) -> tuple[tuple[str, str], ...]:
        """(key, folded surface) of each part of a compound, nested parts included."""
        if len(word) < MIN_COMPOUND_LENGTH or "-" in word:
            return ()
        return self._split_cached(word)

    @lru_cache(maxsize=100_000)  # noqa: B019 - the cache belongs to the lexicon's lifetime
    def _split_cached(self, word: str) -> tuple[tuple[str, str], ...]:
        best = self._best_split(word, 0)
        if best is None or len(best) < 2:
            return ()
        parts: dict[str, str] = {}
        for part in best:
            parts.setdefault(stem(part), part)
            # "Frequenzmessung" inside "Passantenfrequenzmessung" is itself a compound.
            for key, surface in self.split_parts(part):
                parts.setdefault(key, surface)
        return tuple(parts.items())

    def _is_known_tail(self, tail: str) -> bool:
        if tail in self._surfaces or stem(tail) in self._stems:
            return True
        return len(tail) >= _MIN_DICTIONARY_PART and (
            tail in self._dictionary or stem(tail) in self._dictionary_stems)

    def _best_split(self, word: str, start: int, depth: int = 0) -> tuple[str, ...] | None:
        """The most plausible parts of word[start:]: every part but the last is a known
        word followed by a linking element; the last is a known word, or (after a long
        known head) any word of five letters or more ("Leerstands|management").
        Splits with fewer unknown parts win, then fewer parts, then the unknown tail
        that starts like more known words do ("management", not "smanagement")."""
        candidates = list(self._splits(word, start, depth))
        if not candidates:
            return None
        return min(candidates, key=self._split_cost)

    def _splits(self, word: str, start: int, depth: int) -> Iterator[tuple[str, ...]]:
        # A word the catalog uses on its own is only split into known parts
        # ("Gastronomen" is not "Gastro|nomen").
        guess_tail = word not in self._surfaces and word not in self._dictionary
        rest = word[start:]
        if depth > 0 and self._is_known_tail(rest):
            yield (rest,)
            return
        if depth >= 3:
            return
        for end in range(len(word) - MIN_PART_LENGTH, start + MIN_PART_LENGTH - 1, -1):
            head = word[start:end]
            known_head = self._known(head)
            if not known_head:
                # "Schul|befragung", "Förder|gelder", "Miet|zuschuss": a known word that
                # drops its "-e" or "-en" in front of the next part.
                full = self._elided(head)
                if full is not None:
                    for tail in self._tails(word, end, ("",), depth):
                        yield (full, *tail)
                # "Zeitungs|anzeigen", "Sicherheits|konzept": a noun in -ung, -heit,
                # -keit, -schaft, -ion or -tät always links with -s; the head may be
                # new to the lexicon when the rest is known.
                elif (end - start >= 6 and head.endswith(_LINKED_WITH_S)
                      and word.startswith("s", end)):
                    for tail in self._tails(word, end, ("s",), depth):
                        yield (head, *tail)
                continue
            for link in _LINKING:
                if not word.startswith(link, end):
                    continue
                tail_start = end + len(link)
                tail_length = len(word) - tail_start
                if tail_length < MIN_PART_LENGTH:
                    continue
                tail = self._best_split(word, tail_start, depth + 1)
                if tail is not None:
                    yield (head, *tail)
                elif (guess_tail and len(head) >= 5 and tail_length >= 5
                      and not word.startswith(_SUFFIX_STARTS, tail_start)):
                    yield (head, word[tail_start:])

    def _tails(self, word: str, end: int, links: tuple[str, ...],
               depth: int) -> Iterator[tuple[str, ...]]:
        """Known splits of what follows a head ending at `end`, after one of `links`."""
        for link in links:
            tail_start = end + len(link)
            if word.startswith(link, end) and len(word) - tail_start >= MIN_PART_LENGTH:
                tail = self._best_split(word, tail_start, depth + 1)
                if tail is not None and all(self._is_known_tail(part) for part in tail):
                    yield tail

    def _elided(self, head: str) -> str | None:
        """The known word a head of four letters or more shortens, if any."""
        if len(head) < _MIN_ELIDED_HEAD:
            return None
        for ending in _ELIDED_ENDINGS:
            if self._known(head + ending):
                return head + ending
        return None

    def _split_cost(self, parts: tuple[str, ...]) -> tuple[int, int, int]:
        unknown = [part for part in parts if not self._is_known_tail(part)]
        oddness = sum(-self._starts.get(part[:3], 0) for part in unknown)
        return (len(unknown), len(parts), oddness)

    def tokens(self, text: str) -> list[Token]:
        """Tokens of a text in order, compounds split against this lexicon."""
        cache = self._tokens
        generation = self._generation
        raw_of = _RAW_OF_SURFACE
        result = []
        # The written form is the cache key: a word seen before costs one look-up, not
        # folding, stemming and splitting again.
        for surface in _WORD_MARKED.findall(text):
            cached = cache.get(surface)
            if cached is None or (not cached[0].parts and cached[1] != generation):
                raw = raw_of.get(surface, _UNSEEN)
                if raw is _UNSEEN:
                    raw = _raw(surface)
                if raw is None:
                    continue
                cached = (self._token(raw, surface), generation)
                if len(cache) < _TOKEN_CACHE_SIZE:
                    cache[surface] = cached
            result.append(cached[0])
        return result

    def _token(self, raw: str, surface: str) -> Token:
        pieces = raw.split("-") if "-" in raw else [raw]
        parts: dict[str, str] = {}
        for piece in pieces:
            if len(pieces) > 1 and len(piece) >= MIN_PART_LENGTH and _is_content_word(piece):
                parts.setdefault(stem(piece), piece)
            feminine = _FEMININE.match(piece)
            base = feminine.group(1) if feminine else piece
            splitter = self
            nouns = self._nouns
            if nouns is not None and surface[:1].isupper() and not (
                    base in nouns._dictionary or stem(base) in nouns._dictionary_stems):
                splitter = nouns
            for key, part in splitter.split_parts(base):
                parts.setdefault(key, part)
        key = stem(raw.replace("-", ""))
        parts.pop(key, None)
        return Token(
            key,
            surface,
            tuple(parts),
            tuple(_restore_case(surface, part) for part in parts.values()),
        )


def _restore_case(surface: str, folded_part: str) -> str:
    """The part as the text wrote it, umlauts back, capitalised like a German noun."""
    lowered = surface.lower().replace("-", "")
    if len(lowered) == len(fold(lowered)):
        start = fold(lowered).find(folded_part)
        if start >= 0:
            return lowered[start : start + len(folded_part)].capitalize()
    return folded_part.capitalize()
