"""factory-boy factories shared by all test packages."""

import factory
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from network.models import Membership, Organisation, User

DEFAULT_PASSWORD = "Stadtlabor-Test-2026!"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Mark the e-mail address verified (allauth) unless verified=False is passed."""
        obj.save()
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.update_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Stadt Musterhausen {n}")
    slug = factory.Sequence(lambda n: f"stadt-musterhausen-{n}")
    kind = Organisation.Kind.KOMMUNE
    bundesland = "NW"
    town = "Musterhausen"
    population = 45_000
    status = Organisation.Status.APPROVED
    reviewed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.add(*extracted)


class ProviderFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Frequenzlabor GmbH {n}")
    slug = factory.Sequence(lambda n: f"frequenzlabor-{n}")
    kind = Organisation.Kind.ANBIETER
    population = None


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE


def make_moderator(**kwargs):
    user = UserFactory(**kwargs)
    group, _ = Group.objects.get_or_create(name="Moderation")
    group.permissions.add(
        Permission.objects.get(codename="moderate", content_type__app_label="network")
    )
    user.groups.add(group)
    return User.objects.get(pk=user.pk)  # fresh instance: no stale permission cache


def make_member(organisation=None, role=Membership.Role.MEMBER, **user_kwargs):
    """A user with an active membership in `organisation` (a new approved Kommune by default)."""
    membership = MembershipFactory(
        user=UserFactory(**user_kwargs),
        organisation=organisation or OrganisationFactory(),
        role=role,
    )
    return membership.user
