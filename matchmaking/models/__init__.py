from .choices import (
    ApplicantKind,
    BudgetRange,
    Funder,
    OfferStatus,
    PainPointStatus,
    PriceRange,
    Timeline,
    Visibility,
)
from .funding import FundingProgramme, SynonymEntry, TaggedFundingProgramme
from .matches import (
    ContactOutcome,
    ContactRequest,
    ContactStatus,
    Direction,
    MatchFeedback,
    MatchNotice,
    StoredMatch,
    Verdict,
)
from .needs import Offer, PainPoint, TaggedOffer, TaggedPainPoint
from .snapshots import CatalogChange, CatalogSnapshot

__all__ = [
    "ApplicantKind",
    "BudgetRange",
    "CatalogChange",
    "CatalogSnapshot",
    "ContactOutcome",
    "ContactRequest",
    "ContactStatus",
    "Direction",
    "Funder",
    "FundingProgramme",
    "MatchFeedback",
    "MatchNotice",
    "Offer",
    "OfferStatus",
    "PainPoint",
    "PainPointStatus",
    "PriceRange",
    "StoredMatch",
    "SynonymEntry",
    "TaggedFundingProgramme",
    "TaggedOffer",
    "TaggedPainPoint",
    "Timeline",
    "Visibility",
    "Verdict",
]
