from .forum import (
    Follow,
    ForumCategory,
    ForumSuspension,
    HelpfulMark,
    ModerationAction,
    Post,
    PostReport,
    PostRevision,
    TaggedThread,
    Thread,
    Visibility,
)
from .notifications import (
    Notification,
    NotificationKind,
    NotificationMail,
    NotificationPreference,
)
from .organisations import Bundesland, Membership, Organisation, SizeClass, TaggedOrganisation
from .pages import (
    AccessibilityStatementPage,
    BarrierReportField,
    FooterSettings,
    HomePage,
    StandardPage,
)
from .personal_data import DataExport
from .users import PersonFollow, PersonMessage, TaggedExpertise, User

__all__ = [
    "AccessibilityStatementPage",
    "BarrierReportField",
    "Bundesland",
    "DataExport",
    "Follow",
    "FooterSettings",
    "ForumCategory",
    "ForumSuspension",
    "HelpfulMark",
    "HomePage",
    "Membership",
    "ModerationAction",
    "Notification",
    "NotificationKind",
    "NotificationMail",
    "NotificationPreference",
    "Organisation",
    "Post",
    "PostReport",
    "PersonFollow",
    "PersonMessage",
    "PostRevision",
    "SizeClass",
    "StandardPage",
    "TaggedExpertise",
    "TaggedOrganisation",
    "TaggedThread",
    "Thread",
    "User",
    "Visibility",
]
