from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    WEBTALK = "webtalk", _("WebTalk")
    ROUNDTABLE = "roundtable", _("Roundtable")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    KICKOFF = "kickoff", _("Projektauftakt")
    NETWORKING = "networking", _("Netzwerktreffen")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Öffentlich")
    MEMBERS = "members", _("Nur für Mitglieder")


class LocationKind(models.TextChoices):
    ONLINE = "online", _("Online")
    VENUE = "venue", _("Vor Ort")
