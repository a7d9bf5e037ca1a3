"""The matchmaking engine: pure Python, plain data in and out, no Django.

    from matchmaking.engine import Item, MatchIndex, rank

    index = MatchIndex(offers)            # once per catalog
    index.top(need, k=10)                 # per item: [Match(item_id, score, reasons…)]
    index.update(changed_offer)           # when one item changes
    rank(need, offers, k=5)               # one-off
"""

from .dataset import Dataset, DatasetError, Need, load_dataset, parse_dataset
from .index import MatchIndex, Profile
from .items import (
    NATIONWIDE,
    SIZES,
    STATE_NAMES,
    Item,
    shared_regions,
    size_class,
    sizes_fit,
    state_name,
)
from .knowledge import Sources, Verdict
from .matches import CAVEATS, REASON_SEPARATOR, REASON_TEMPLATES, TOPICAL, Match, Reason
from .metrics import evaluate, ndcg_at_k, precision_at_k, reciprocal_rank
from .ranking import rank, rank_by_tag_overlap
from .synonyms import DEFAULT_SYNONYMS, SynonymGroup, Thesaurus
from .text import Lexicon, fold, normalise_phrase, normalise_word, stem
from .weights import Weights

__all__ = [
    "CAVEATS",
    "TOPICAL",
    "Sources",
    "Verdict",
    "DEFAULT_SYNONYMS",
    "NATIONWIDE",
    "REASON_SEPARATOR",
    "REASON_TEMPLATES",
    "SIZES",
    "STATE_NAMES",
    "Dataset",
    "DatasetError",
    "Item",
    "Lexicon",
    "Match",
    "MatchIndex",
    "Need",
    "Profile",
    "Reason",
    "SynonymGroup",
    "Thesaurus",
    "Weights",
    "evaluate",
    "fold",
    "load_dataset",
    "ndcg_at_k",
    "normalise_phrase",
    "normalise_word",
    "parse_dataset",
    "precision_at_k",
    "rank",
    "rank_by_tag_overlap",
    "reciprocal_rank",
    "shared_regions",
    "size_class",
    "sizes_fit",
    "state_name",
    "stem",
]
