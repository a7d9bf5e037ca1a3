"""The words of the index, for "Meinten Sie …?" and for suggestions as you type (pure).

Engines store `document_words()` of every public document with how many documents use
each word; `correct()` picks, for a query word the index does not know, the closest known
word (edit distance, then frequency). The candidates come from the engine: pg_trgm
similarity on PostgreSQL, length and first letter on SQLite, the term suggester in
Elasticsearch.
"""

from search.analysis import fold, is_stop_word, words

MIN_WORD_LENGTH = 4
MAX_WORD_LENGTH = 100


def document_words(document):
    """{folded word: word as written (lower-case)} of a document's title, tags and text."""
    text = " ".join([document.title, *document.tags, document.searchable_body])
    found = {}
    for word in words(text):
        if len(word) < MIN_WORD_LENGTH or len(word) > MAX_WORD_LENGTH or not word.isalpha():
            continue
        if is_stop_word(word):
            continue
        found.setdefault(fold(word), word)
    return found


def edit_distance(a, b):
    """Damerau-Levenshtein distance (adjacent transpositions count once: "Leerstnad")."""
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def allowed_distance(word):
    return 1 if len(word) <= 5 else 2


def closest(word, candidates):
    """The best replacement for `word` among (folded, display, frequency) candidates, or None."""
    folded = fold(word)
    limit = allowed_distance(folded)
    scored = [
        (edit_distance(folded, candidate), -frequency, display)
        for candidate, display, frequency in candidates
        if candidate != folded
    ]
    scored = [item for item in scored if item[0] <= limit]
    return min(scored)[2] if scored else None
