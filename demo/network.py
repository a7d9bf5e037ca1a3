"""Idempotent loader of the network's demo content (site pages, organisations, people).

Every object is looked up by a natural key (slug, e-mail) and only created when missing,
so running `seed_demo` twice changes nothing and editors' changes are kept.
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from demo.data import load
from network.models import (
    AccessibilityStatementPage,
    BarrierReportField,
    FooterSettings,
    HomePage,
    Membership,
    Organisation,
    StandardPage,
    User,
)
from network.sanitize import sanitize_html

MODERATION_GROUP = "Moderation"
demo_data = load("network")


@dataclass
class DemoContext:
    stdout: object
    home_page: HomePage = None
    organisations: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)

    def say(self, message):
        self.stdout.write(message)


def load_demo(context):
    context.home_page = ensure_home_page(context)
    ensure_footer_pages(context)
    for data in demo_data.ORGANISATIONS:
        context.organisations[data["slug"]] = ensure_organisation(data, approved=True)
    for data in demo_data.PENDING_ORGANISATIONS:
        context.organisations[data["slug"]] = ensure_organisation(data, approved=False)
    context.say(f"  Organisationen: {Organisation.objects.count()}")
    for data in demo_data.PEOPLE:
        context.people[data["email"]] = ensure_person(data, context.organisations)
    context.say(f"  Personen: {User.objects.count()}")
    return context


def ensure_root_page():
    """Wagtail's page root, locale and root collection, as its migrations create them.

    Transactional tests flush the database, which removes these rows; recreating them
    here keeps seed_demo and the test fixtures working on a flushed database too.
    """
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    # The other content languages (network/migrations/0011_english_locale.py), for editors.
    for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", []):
        Locale.objects.get_or_create(language_code=code)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        # The flush may also have renumbered content types; drop Django's stale cache.
        ContentType.objects.clear_cache()
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def ensure_home_page(context):
    home = HomePage.objects.first()
    root = ensure_root_page()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Stadtlabor",
                slug="start",
                headline="Gemeinsam für lebendige Innenstädte",
                intro="<p>Das Netzwerk für Kommunen, Stadtmarketing, Handel und "
                "Lösungsanbieter*innen: voneinander lernen, Fehler nicht wiederholen, "
                "passende Partner finden.</p>",
                cta_text="Jetzt Mitglied werden",
            )
        )
        context.say("  Startseite angelegt")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True,
            site_name="Stadtlabor",
        )
    elif site.root_page_id != home.pk:
        previous_root = site.root_page
        site.root_page = home
        site.site_name = "Stadtlabor"
        site.save()
        # Wagtail's install creates a bare welcome page; it has no place in our tree.
        if type(previous_root.specific) is Page and previous_root.depth == 2:
            previous_root.delete()
    return home


def _ensure_child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    return parent.add_child(instance=model(slug=slug, **fields)), True


def ensure_footer_pages(context):
    home = context.home_page
    imprint, _ = _ensure_child(
        home, StandardPage, "impressum", title="Impressum", body=demo_data.IMPRINT_BODY,
        show_in_menus=False,
    )
    privacy, _ = _ensure_child(
        home, StandardPage, "datenschutz", title="Datenschutz", body=demo_data.PRIVACY_BODY,
    )
    accessibility, created = _ensure_child(
        home,
        AccessibilityStatementPage,
        "barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        body=demo_data.ACCESSIBILITY_BODY,
        thank_you_text="<p>Danke für Ihre Meldung. Wir melden uns innerhalb von zwei Wochen.</p>",
        to_address="barrierefreiheit@stadtlabor.example",
        from_address="noreply@stadtlabor.example",
        subject="Gemeldete Barriere auf stadtlabor",
    )
    if created:
        for order, field_data in enumerate(demo_data.BARRIER_FORM_FIELDS):
            BarrierReportField.objects.create(page=accessibility, sort_order=order, **field_data)
    site = Site.objects.get(is_default_site=True)
    footer = FooterSettings.for_site(site)
    if not footer.imprint_page_id:
        footer.imprint_page = imprint
        footer.privacy_page = privacy
        footer.accessibility_page = accessibility
        footer.contact_email = "kontakt@stadtlabor.example"
        footer.save()


def ensure_organisation(data, *, approved):
    fields = {k: v for k, v in data.items() if k not in {"slug", "topics"}}
    fields["description"] = sanitize_html(fields["description"])
    if approved:
        fields.update(status=Organisation.Status.APPROVED, reviewed_at=timezone.now())
    organisation, created = Organisation.objects.get_or_create(slug=data["slug"], defaults=fields)
    if created:
        organisation.topics.add(*data["topics"])
    return organisation


def _moderation_group():
    group, _ = Group.objects.get_or_create(name=MODERATION_GROUP)
    group.permissions.add(
        Permission.objects.get(codename="moderate", content_type__app_label="network")
    )
    return group


def ensure_person(data, organisations):
    user = User.objects.filter(email=data["email"]).first()
    if user is None:
        user = User(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            job_title=data["job_title"],
            profile_visibility=data.get("visibility", User.ProfileVisibility.MEMBERS),
        )
        user.set_password(demo_data.DEMO_PASSWORD)
        role = data["role"]
        user.is_superuser = role == "admin"
        user.is_staff = role in {"admin", "editor", "moderator"}
        user.save()
        if role == "editor":
            user.groups.add(Group.objects.get_or_create(name="Editors")[0])
        if role == "moderator":
            user.groups.add(_moderation_group(), Group.objects.get_or_create(name="Moderators")[0])
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if data.get("organisation"):
        Membership.objects.get_or_create(
            user=user,
            organisation=organisations[data["organisation"]],
            defaults={
                "role": data["org_role"],
                "status": Membership.Status.ACTIVE,
                "decided_at": timezone.now(),
            },
        )
    return user
