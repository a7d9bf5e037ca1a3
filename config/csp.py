"""Content-Security-Policy and Permissions-Policy on every response.

Django 5.2 has no CSP of its own (6.0 will); the policy is small enough for one
middleware here rather than a dependency (docs/decisions.md, "Sicherheits-Header").

The site's pages: nothing inline, nothing from another host. Scripts and styles come
from our own static files; a template that truly needs an inline `<script>` or `<style>`
marks it with `nonce="{{ request.csp_nonce }}"`. Video hosts are never in the page's
policy: after the click on "Video laden" the player loads inside our own frame page
(`bestpractice.views.video_frame`), whose response carries that one host in `frame-src`
(`request.csp_frame_hosts`).

The Wagtail admin (and Django's admin) run their own inline scripts and style attributes,
so they get a looser policy that still allows nothing from another host.
"""

import secrets

ADMIN_PREFIXES = ("/admin/", "/django-admin/")

DENIED_FEATURES = (
    "accelerometer", "ambient-light-sensor", "battery", "camera", "display-capture",
    "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi",
    "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking",
)
# What a video player needs; our own pages may pass it on to our video frame page, which
# passes it on to the one video host it shows.
PLAYER_FEATURES = ("autoplay", "encrypted-media", "fullscreen", "picture-in-picture")


def permissions_policy(frame_hosts=()):
    allowed = " ".join(["self", *(f'"{host}"' for host in sorted(frame_hosts))])
    return ", ".join(
        [f"{feature}=()" for feature in DENIED_FEATURES]
        + [f"{feature}=({allowed})" for feature in PLAYER_FEATURES]
    )


def site_policy(nonce, frame_hosts=()):
    frames = " ".join(["'self'", *sorted(frame_hosts)])
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'",
        f"style-src 'self' 'nonce-{nonce}'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        f"frame-src {frames}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        # Our own frame page for videos is the only page that may be framed, by us.
        "frame-ancestors " + ("'self'" if frame_hosts else "'none'"),
    ])


# Wagtail's admin sets style attributes and a few inline scripts (its own templates and
# those of third-party widgets); eval is not needed. Still: nothing from another host.
ADMIN_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        request.csp_frame_hosts = set()
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            if request.path.startswith(ADMIN_PREFIXES):
                policy = ADMIN_POLICY
            else:
                policy = site_policy(request.csp_nonce, request.csp_frame_hosts)
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", permissions_policy(request.csp_frame_hosts))
        return response
