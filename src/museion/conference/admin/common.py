"""What the conference's model admins share."""

from django.db import models

HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class FormFieldsOnly:
    """On change, write only what the form edits. Counters and states that the services change
    while staff have the form open (seats taken, uses, status, offers) are never overwritten
    with the values read before."""

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        concrete = obj._meta.concrete_fields
        names = {field.name for field in concrete if not field.primary_key}
        fields = [name for name in form.fields if name in names]
        fields += [field.name for field in concrete if getattr(field, "auto_now", False)]
        obj.save(update_fields=fields)
