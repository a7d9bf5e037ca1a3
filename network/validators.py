from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


def validate_image_file(file, *, max_bytes, min_px, max_px):
    """Check an uploaded image's real format (not its name), size and dimensions."""
    if file.size > max_bytes:
        raise ValidationError(
            _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(max)s."),
            params={"size": filesizeformat(file.size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError(
            _("Die Datei ist kein lesbares Bild. Erlaubt sind PNG, JPEG, WebP und GIF."),
            code="invalid_image",
        )
    finally:
        file.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("Das Bildformat %(format)s ist nicht erlaubt. Erlaubt sind PNG, JPEG, WebP und GIF."),
            params={"format": image_format},
            code="invalid_format",
        )
    if min(width, height) < min_px or max(width, height) > max_px:
        raise ValidationError(
            _(
                "Das Bild ist %(w)s × %(h)s Pixel groß; es muss zwischen %(min)s und %(max)s "
                "Pixel je Seite liegen."
            ),
            params={"w": width, "h": height, "min": min_px, "max": max_px},
            code="bad_dimensions",
        )


def validate_logo(file):
    validate_image_file(file, max_bytes=2 * 1024 * 1024, min_px=32, max_px=4000)
