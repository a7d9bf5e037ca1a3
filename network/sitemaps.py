from django.contrib.sitemaps import Sitemap

from network.models.organisations import Organisation


class OrganisationSitemap(Sitemap):
    """Public profiles of approved organisations; pending and rejected ones never appear."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Organisation.objects.approved().only("slug", "reviewed_at").order_by("pk")

    def lastmod(self, organisation):
        return organisation.reviewed_at
