from django.contrib.sitemaps import Sitemap

from network.digest import selectors


class DigestSitemap(Sitemap):
    changefreq = "never"
    priority = 0.4

    def items(self):
        return selectors.public_issues().only("slug", "sent_at")

    def lastmod(self, issue):
        return issue.sent_at
