"""`{% site_menu as items %}` and `{% site_footer as footer %}`: the cached header menu and
footer links of the request's site (network.site_chrome)."""

from django import template
from wagtail.models import Site

from network import site_chrome

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def site_menu(context):
    request = context.get("request")
    return site_chrome.menu(_site(request), request)


@register.simple_tag(takes_context=True)
def site_footer(context):
    request = context.get("request")
    return site_chrome.footer(_site(request), request)
