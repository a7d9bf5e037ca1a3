"""Two-click video: turn a video page address into an embed address, without any request.

Plain module, no database. The embed address is only used by `two-click-video.js` after the
visitor clicked; before that the page carries nothing that contacts the video host.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{4,12}$")


@dataclass(frozen=True)
class VideoSource:
    provider: str  # "youtube", "vimeo" or "other"
    host_label: str  # shown to the visitor: to whom data is sent
    page_url: str
    embed_url: str


def _youtube_id(parsed):
    host = parsed.netloc.lower().removeprefix("www.").removeprefix("m.")
    if host == "youtu.be":
        candidate = parsed.path.strip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        else:
            parts = parsed.path.strip("/").split("/")
            candidate = (
                parts[1] if len(parts) > 1 and parts[0] in {"embed", "shorts", "live"} else ""
            )
    else:
        return None
    return candidate if _YOUTUBE_ID.match(candidate or "") else None


def _vimeo_id(parsed):
    host = parsed.netloc.lower().removeprefix("www.")
    if host not in {"vimeo.com", "player.vimeo.com"}:
        return None
    candidates = [part for part in parsed.path.split("/") if _VIMEO_ID.match(part)]
    return candidates[0] if candidates else None


def video_source(url):
    """Describe `url`; None when it is not an http(s) address."""
    parsed = urlparse((url or "").strip())
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        return None
    youtube_id = _youtube_id(parsed)
    if youtube_id:
        return VideoSource(
            "youtube",
            "YouTube (Google)",
            url,
            f"https://www.youtube-nocookie.com/embed/{youtube_id}?autoplay=1",
        )
    vimeo_id = _vimeo_id(parsed)
    if vimeo_id:
        return VideoSource(
            "vimeo", "Vimeo", url, f"https://player.vimeo.com/video/{vimeo_id}?dnt=1&autoplay=1"
        )
    if parsed.scheme != "https":
        # Embedding plain http would be blocked as mixed content; offer only the link.
        return VideoSource("other", parsed.netloc, url, "")
    return VideoSource("other", parsed.netloc, url, url)


# The frame page: the video host enters a Content-Security-Policy only in the response to
# the click (config/csp.py). The embed address is signed, so the frame page embeds only
# addresses our own pages offered, never one typed into a link.
FRAME_SALT = "stadtlabor.two-click-video"


def frame_page_url(embed_url):
    from django.core import signing
    from django.urls import reverse
    from django.utils.http import urlencode

    token = signing.dumps(embed_url, salt=FRAME_SALT, compress=True)
    return reverse("bestpractice:video_frame") + "?" + urlencode({"v": token})


def embed_url_from_token(token):
    """The signed embed address, or None when the token was not made by us."""
    from django.core import signing

    try:
        embed_url = signing.loads(token, salt=FRAME_SALT)
    except signing.BadSignature:
        return None
    parsed = urlparse(embed_url if isinstance(embed_url, str) else "")
    if parsed.scheme != "https" or not parsed.netloc:
        return None
    return embed_url
