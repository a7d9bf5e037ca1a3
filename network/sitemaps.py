from django.contrib.sitemaps import Sitemap

from network.models.organisations import Organisation


class OrganisationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Organisation.objects.approved().order_by("pk")
