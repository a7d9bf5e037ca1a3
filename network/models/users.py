from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


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
