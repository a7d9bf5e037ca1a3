from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import views as site_views

urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", site_views.sitemap, name="sitemap"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links.
    path("favicon.ico", site_views.favicon, name="favicon"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("konto/", include("allauth.urls")),
    path("suche/", include("search.urls")),
    path("", include(("network.digest.urls", "digest"))),
    path("", include("network.urls")),
    path("", include("bestpractice.urls")),
    path("anmeldungen/", include("webtalks.urls")),
    path("roundtables/", include("webtalks.roundtable_urls")),
    path("feeds/", include("webtalks.feed_urls")),
    path("api/v1/", include("config.api_urls")),
    path("matching/", include("matchmaking.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
