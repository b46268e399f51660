"""Form helpers shared by the apps."""

from django.db import models


def https_urls(field: models.Field, **kwargs):
    """ModelForm formfield_callback: URL fields assume https:// when the scheme is left out."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)
