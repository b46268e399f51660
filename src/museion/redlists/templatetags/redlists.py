from django import template

from ..display import language_name, period_label

register = template.Library()


@register.filter
def language_label(code: str) -> str:
    """A language's own name ("français") for a BCP 47 code; the code itself if unknown."""
    return language_name(code or "")


@register.simple_tag
def period(object_type) -> str:
    return period_label(object_type.period_start, object_type.period_end, object_type.period_name)


@register.filter
def thumb_url(picture) -> str:
    """The thumbnail if it was generated, else the uploaded picture."""
    field = picture.thumbnail or picture.image
    return field.url if field else ""


@register.filter
def large_url(picture) -> str:
    field = picture.large or picture.image
    return field.url if field else ""


@register.filter
def media_url(name: str) -> str:
    """The address of a stored file from its name (as queries that annotate names return it)."""
    from django.core.files.storage import default_storage

    return default_storage.url(name) if name else ""
