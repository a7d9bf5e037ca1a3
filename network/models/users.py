from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Eine E-Mail-Adresse ist erforderlich.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("Ein Superuser braucht is_staff und is_superuser.")
        return self._create_user(email, password, **extra_fields)


class TaggedExpertise(TaggedItemBase):
    """A person's topic of expertise, from the platform's shared tag vocabulary."""

    content_object = models.ForeignKey(
        "network.User", on_delete=models.CASCADE, related_name="tagged_expertise"
    )


class User(AbstractUser):
    """A person on the platform; the e-mail address is the login."""

    class ProfileVisibility(models.TextChoices):
        PUBLIC = "public", _("Öffentlich sichtbar")
        MEMBERS = "members", _("Nur für angemeldete Mitglieder")
        HIDDEN = "hidden", _("Nicht im Verzeichnis zeigen")

    username = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    job_title = models.CharField(_("Funktion"), max_length=120, blank=True)
    profile_visibility = models.CharField(
        _("Sichtbarkeit im Mitgliederverzeichnis"),
        max_length=10,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.MEMBERS,
    )
    # Mails sent outside a request (digest, notifications, reminders) are written in it.
    language = models.CharField(
        _("Sprache der E-Mails"), max_length=10, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    expertise = TaggableManager(
        _("Themen, zu denen Sie Auskunft geben"), through=TaggedExpertise, blank=True,
        related_name="experts",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["last_name", "first_name", "email"]
        permissions = [
            ("moderate", _("Darf Inhalte moderieren und Organisationen freigeben")),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The person's name; without one a neutral word, never the e-mail's local part
        (an address like "qa.tester1796032440" is not a name, and may be private)."""
        return self.get_full_name() or str(_("Mitglied ohne Namen"))


def user_display(user):
    """allauth's ACCOUNT_USER_DISPLAY: the same name as everywhere else."""
    return user.display_name


class PersonFollow(models.Model):
    """`follower` is told about `person`'s new public contributions."""

    follower = models.ForeignKey(
        "network.User", on_delete=models.CASCADE, related_name="person_follows"
    )
    person = models.ForeignKey(
        "network.User", on_delete=models.CASCADE, related_name="person_followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Person, der jemand folgt")
        verbose_name_plural = _("Personen, denen jemand folgt")
        constraints = [
            models.UniqueConstraint(fields=["follower", "person"], name="unique_person_follow"),
            models.CheckConstraint(
                condition=~models.Q(follower=models.F("person")), name="no_self_follow"
            ),
        ]

    def __str__(self):
        return f"{self.follower_id} → {self.person_id}"


class PersonMessage(models.Model):
    """A message to a person through their profile. The recipient sees the sender's name,
    never an e-mail address; both see each other's address only once the recipient has
    replied (as with the matchmaking's contact requests)."""

    sender = models.ForeignKey(
        "network.User", on_delete=models.CASCADE, related_name="sent_person_messages"
    )
    recipient = models.ForeignKey(
        "network.User", on_delete=models.CASCADE, related_name="received_person_messages"
    )
    body = models.TextField(_("Nachricht"))
    reply = models.TextField(_("Antwort"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Nachricht an eine Person")
        verbose_name_plural = _("Nachrichten an Personen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["sender", "created_at"])]

    def __str__(self):
        return f"{self.sender_id} → {self.recipient_id}"
