from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import views as site_views

# Outside the language prefix: machine endpoints, admin, API, feeds, documents. They are always
# served in German (LocaleMiddleware falls back to LANGUAGE_CODE for unprefixed paths).
urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", site_views.sitemap, name="sitemap"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links.
    path("favicon.ico", site_views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("feeds/", include("webtalks.feed_urls")),
    path("api/v1/", include("config.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The public pages: German without a prefix (exactly the URLs from before English existed),
# English under /en/. prefix_default_language=False keeps every German link stable; an
# unprefixed URL is German whatever the browser's Accept-Language says.
urlpatterns += i18n_patterns(
    path("konto/", include("allauth.urls")),
    path("suche/", include("search.urls")),
    path("", include(("network.digest.urls", "digest"))),
    path("", include("network.urls")),
    path("", include("bestpractice.urls")),
    path("anmeldungen/", include("webtalks.urls")),
    path("roundtables/", include("webtalks.roundtable_urls")),
    path("matching/", include("matchmaking.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
