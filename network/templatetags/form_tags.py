from django import template

register = template.Library()


@register.filter
def has_required_fields(form):
    """Whether a form shows at least one required field (for the "Mit * markierte …" note)."""
    fields = getattr(form, "visible_fields", None)
    if fields is None:
        return False
    return any(field.field.required for field in fields())
