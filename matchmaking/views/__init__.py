"""Thin views of the matchmaking: parse the request, call one service or selector, render."""

from .contacts import contact, contact_new, contacts, feedback
from .dashboard import funding_list, index
from .items import (
    offer,
    offer_create,
    offer_delete,
    offer_edit,
    offer_list,
    pain_point,
    pain_point_create,
    pain_point_delete,
    pain_point_edit,
    pain_point_list,
)

__all__ = [
    "contact",
    "contact_new",
    "contacts",
    "feedback",
    "funding_list",
    "index",
    "offer",
    "offer_create",
    "offer_delete",
    "offer_edit",
    "offer_list",
    "pain_point",
    "pain_point_create",
    "pain_point_delete",
    "pain_point_edit",
    "pain_point_list",
]
