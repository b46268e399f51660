"""Admin pieces for pictures: uploads checked with a readable message, processed once on save."""

from django import forms

from .imaging import validate_image_upload
from .models import ObjectImage, ReportPhoto
from .pictures import process_object_image, process_report_photo


class PictureInlineForm(forms.ModelForm):
    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload and "image" in self.changed_data:
            validate_image_upload(upload)
        return upload


class ProcessedPicturesMixin:
    """On a ModelAdmin whose inlines hold pictures: a new or replaced file is processed."""

    def save_formset(self, request, form, formset, change):
        if formset.model not in (ObjectImage, ReportPhoto):
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        changed = [id(f.instance) for f in formset.forms if "image" in f.changed_data]
        for instance in instances:
            if id(instance) not in changed:
                instance.save()
            elif isinstance(instance, ObjectImage):
                process_object_image(image=instance)
            else:
                process_report_photo(photo=instance)
        formset.save_m2m()
