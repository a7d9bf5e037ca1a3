"""Pictures for the demo, drawn by the project itself with Pillow (no stock photos, no
third-party requests): an illustration of a town-centre street per case study, with a small
bar chart of its first key figure, and a logo per organisation. Case-study pictures are
Wagtail images (pages render them through renditions); logos fill `Organisation.logo`.

Idempotent: only pages without a title image and organisations without a logo get one.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from bestpractice.models import BestPracticePage
from network.models import Organisation

PALETTE = [
    ((11, 85, 99), (238, 246, 247)),
    ((179, 84, 30), (251, 239, 231)),
    ((61, 90, 128), (232, 238, 246)),
    ((46, 125, 50), (233, 245, 234)),
    ((123, 31, 162), (243, 233, 247)),
    ((191, 54, 12), (251, 233, 231)),
]
FACADES = [(236, 224, 200), (214, 196, 170), (232, 210, 196), (205, 214, 222), (226, 226, 214)]
AWNINGS = [(179, 84, 30), (11, 85, 99), (46, 125, 50), (191, 54, 12), (61, 90, 128)]


def _seed(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def _font(size):
    for name in ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default()


def street_illustration(key, kpi_label="", width=1200, height=675):
    """A row of houses with shops, awnings and a street; variety from `key`."""
    seed = _seed(key)
    accent, tint = PALETTE[seed % len(PALETTE)]
    image = Image.new("RGB", (width, height), tint)
    draw = ImageDraw.Draw(image)
    ground = int(height * 0.78)
    # sky gradient
    for y in range(ground):
        shade = int(20 * y / ground)
        draw.line([(0, y), (width, y)], fill=tuple(max(c - shade, 0) for c in tint))
    x = 0
    number = 0
    while x < width:
        number += 1
        house_w = 150 + (seed >> number) % 90
        house_h = int(height * (0.42 + ((seed >> (number + 3)) % 25) / 100))
        facade = FACADES[(seed + number) % len(FACADES)]
        top = ground - house_h
        draw.rectangle([x, top, x + house_w, ground], fill=facade, outline=(90, 90, 90))
        draw.polygon([(x - 6, top), (x + house_w // 2, top - 50), (x + house_w + 6, top)],
                     fill=(150, 70, 50))
        for row in range(3):
            for col in range(3):
                wx = x + 18 + col * (house_w - 36) // 3
                wy = top + 25 + row * 55
                if wy + 35 < ground - 110:
                    draw.rectangle([wx, wy, wx + 26, wy + 36], fill=(120, 150, 170))
        awning = AWNINGS[(seed // 7 + number) % len(AWNINGS)]
        draw.rectangle([x + 8, ground - 105, x + house_w - 8, ground - 80], fill=awning)
        shop_lit = (seed >> number) % 4 != 0  # some shops are empty (Leerstand)
        draw.rectangle([x + 16, ground - 78, x + house_w - 16, ground - 4],
                       fill=(250, 230, 160) if shop_lit else (170, 170, 170))
        x += house_w + 4
    draw.rectangle([0, ground, width, height], fill=(120, 120, 125))
    draw.rectangle([0, ground, width, ground + 10], fill=(200, 200, 200))
    # a small chart card labelled with the case's first key figure (schematic bars)
    card = [width - 330, 30, width - 30, 230]
    draw.rounded_rectangle(card, 14, fill=(255, 255, 255), outline=accent, width=3)
    heights = [40 + (seed >> (i * 3)) % 30 + i * 22 for i in range(5)]
    for i, bar in enumerate(heights):
        bx = card[0] + 30 + i * 52
        draw.rectangle([bx, card[3] - 30 - bar, bx + 34, card[3] - 30], fill=accent)
    if kpi_label:
        draw.text((card[0] + 20, card[1] + 12), kpi_label[:28], fill=(31, 41, 51), font=_font(20))
    return image


def logo(name, size=320):
    """Initials on a coloured tile: the kind of simple mark small partners really have."""
    accent, tint = PALETTE[_seed(name) % len(PALETTE)]
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    initials = "".join(w[0] for w in words[:2]).upper() or "S"
    image = Image.new("RGB", (size, size), tint)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([16, 16, size - 16, size - 16], 48, fill=accent)
    font = _font(size // 3)
    box = draw.textbbox((0, 0), initials, font=font)
    draw.text(((size - (box[2] - box[0])) / 2 - box[0], (size - (box[3] - box[1])) / 2 - box[1]),
              initials, fill=(255, 255, 255), font=font)
    return image


def _bytes(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def case_study_alt(page, kpi_label=""):
    chart = f" und ein schematisches Balkendiagramm „{kpi_label}“" if kpi_label else ""
    return (
        f"Illustration zum Praxisbeispiel „{page.title}“: eine Häuserzeile mit Läden in "
        f"der Innenstadt{chart}"
    )


def ensure_case_study_pictures():
    created = 0
    image_model = get_image_model()
    for page in BestPracticePage.objects.filter(main_image__isnull=True).order_by("pk"):
        kpi = next(iter(page.kpis), None)
        label = kpi.value["label"] if kpi is not None else ""
        picture = street_illustration(page.slug, label)
        image = image_model(
            title=f"Illustration: {page.title}",
            file=ImageFile(
                io.BytesIO(_bytes(picture, "JPEG", quality=82)), name=f"demo-{page.slug}.jpg"
            ),
        )
        image.save()
        page.main_image = image
        page.main_image_alt = case_study_alt(page, label)[:250]
        revision = page.save_revision()
        if page.live:
            revision.publish()
        created += 1
    return created


def ensure_logos():
    created = 0
    for organisation in Organisation.objects.filter(logo="").order_by("pk"):
        organisation.logo.save(
            f"{organisation.slug}.png", ContentFile(_bytes(logo(organisation.name), "PNG")),
            save=False,
        )
        Organisation.objects.filter(pk=organisation.pk).update(logo=organisation.logo.name)
        created += 1
    return created


def load_demo(context):
    pictures = ensure_case_study_pictures()
    logos = ensure_logos()
    context.say(f"  Bilder: {pictures} Titelbilder, {logos} Logos neu")
