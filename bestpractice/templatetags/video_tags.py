from django import template

from bestpractice.video import frame_page_url

register = template.Library()


@register.filter
def video_frame_url(source):
    """Our own frame page for a two-click video (see bestpractice.views.video_frame)."""
    return frame_page_url(source.embed_url) if source and source.embed_url else ""
