"""Forms of the editor pages and of the report page."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from museion.core.forms import https_urls
from museion.core.validators import canonical_language, language_choices, validate_language

from .imaging import max_upload_bytes, validate_image_upload
from .models import Category, Measurement, ObjectImage, ObjectType, RedList, Report, ReportStatus
from .search import YearField

IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]


def check_upload_size(upload) -> None:
    """Refuse a huge file before Pillow reads it."""
    limit = max_upload_bytes()
    if upload is not None and upload.size > limit:
        raise forms.ValidationError(
            _("This file is too large: at most %(size)d MB.") % {"size": limit // (1024 * 1024)},
            code="too_large",
        )


class RedListForm(forms.ModelForm):
    class Meta:
        model = RedList
        fields = [
            "title",
            "region",
            "countries",
            "published_on",
            "partners",
            "introduction",
            "legal_notes",
        ]
        formfield_callback = https_urls
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["title", "description"]


class ObjectTypeForm(forms.ModelForm):
    period_start = YearField(label=_("From year"), help_text=_("e.g. 450 BC, -450 or 300"))
    period_end = YearField(label=_("To year"), help_text=_("e.g. AD 300"))

    class Meta:
        model = ObjectType
        fields = [
            "title",
            "object_name",
            "object_subtype",
            "materials",
            "techniques",
            "period_start",
            "period_end",
            "period_name",
            "place_of_origin",
            "culture",
            "maker",
            "subject",
            "inscriptions",
            "distinguishing_features",
            "description",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("period_start", "period_end"):
            value = self.initial.get(name)
            if isinstance(value, int):
                self.initial[name] = f"{-value} BC" if value < 0 else str(value)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start is not None and end is not None and end < start:
            self.add_error("period_end", _("The period must end after it starts."))
        return data


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["dimension", "minimum", "maximum", "unit"]

    def clean(self):
        data = super().clean()
        low, high = data.get("minimum"), data.get("maximum")
        if low is not None and high is not None and high < low:
            self.add_error("maximum", _("A measurement range must not end before it starts."))
        return data


MeasurementFormSet = forms.modelformset_factory(
    Measurement, form=MeasurementForm, extra=2, can_delete=True, max_num=12, validate_max=True
)


class ObjectImageForm(forms.ModelForm):
    class Meta:
        model = ObjectImage
        fields = [
            "image",
            "alt_text",
            "caption_object",
            "caption_place",
            "caption_date",
            "caption_size",
            "credit",
            "licence",
            "reference_number",
            "reference_museum",
        ]
        widgets = {"reference_museum": forms.NumberInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].validators.append(FileExtensionValidator(IMAGE_EXTENSIONS))
        self.fields["reference_museum"].help_text = _("The museum's number in the directory.")

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload is not None:
            check_upload_size(upload)
            validate_image_upload(upload)
        return upload

    def clean_alt_text(self):
        text = (self.cleaned_data.get("alt_text") or "").strip()
        if not text:
            raise forms.ValidationError(_("Describe the picture for people who cannot see it."))
        return text


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why is the list withdrawn?"), widget=forms.Textarea)


class TranslateForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the translation"))
    slug = forms.SlugField(
        label=_("Web address (slug)"), max_length=120, help_text=_("e.g. west-africa-fr")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()

    def clean_language(self):
        value = canonical_language(self.cleaned_data["language"])
        validate_language(value)
        return value

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if RedList.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another list already uses this address."))
        return slug


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.ImageField):
    widget = MultipleImageInput

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = []
        for upload in uploads:
            check_upload_size(upload)
            validate_image_upload(upload)
            cleaned.append(super().clean(upload, initial))
        return cleaned


class OptionalTypeField(forms.ModelChoiceField):
    """The type a report started from (hidden): a stale or odd value is dropped, not an error."""

    def clean(self, value):
        try:
            return super().clean(value)
        except forms.ValidationError:
            return None


class ReportForm(forms.ModelForm):
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to 5 pictures (JPEG, PNG or WebP), at most 15 MB each."),
    )
    object_type = OptionalTypeField(
        queryset=ObjectType.objects.filter(category__red_list__status="published"),
        required=False,
        widget=forms.HiddenInput,
    )
    confirm = forms.BooleanField(
        label=_("I agree that the network's staff use these details to follow up my report."),
    )

    class Meta:
        model = Report
        fields = [
            "description",
            "where_seen",
            "country_seen",
            "seen_on",
            "reporter_kind",
            "reporter_name",
            "reporter_email",
            "reporter_phone",
        ]
        widgets = {
            "seen_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_seen_on(self):
        seen_on = self.cleaned_data.get("seen_on")
        if seen_on and seen_on > timezone.localdate() + timezone.timedelta(days=1):
            raise forms.ValidationError(_("This date is in the future."))
        return seen_on

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        if len(photos) > 5:
            raise forms.ValidationError(_("Send at most 5 photos."))
        for photo in photos:
            extension = photo.name.rsplit(".", 1)[-1].lower() if "." in photo.name else ""
            if extension not in IMAGE_EXTENSIONS:
                raise forms.ValidationError(_("Send photos as JPEG, PNG or WebP files."))
        return photos


class TriageForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["status", "staff_notes", "object_type"]
        widgets = {"object_type": forms.NumberInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ReportStatus.choices
