from .organisations import Bundesland, Membership, Organisation, SizeClass, TaggedOrganisation
from .pages import (
    AccessibilityStatementPage,
    BarrierReportField,
    FooterSettings,
    HomePage,
    StandardPage,
)
from .users import User

__all__ = [
    "AccessibilityStatementPage",
    "BarrierReportField",
    "Bundesland",
    "FooterSettings",
    "HomePage",
    "Membership",
    "Organisation",
    "SizeClass",
    "StandardPage",
    "TaggedOrganisation",
    "User",
]
