"""The editor's activity form: local times in the chosen timezone, stored in UTC."""

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from django import forms
from django.db.models import Q
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from museion.core.forms import https_urls
from museion.core.validators import language_choices, timezone_names

from .models import Activity, ActivityTranslation, Edition, language_name
from .services import EDITABLE_FIELDS
from .widgets import FastSelect

# What editors type: the activity's fields, with local times instead of the stored UTC ones.
FORM_FIELDS = [f for f in EDITABLE_FIELDS if f not in ("starts_at", "ends_at")]


class FixedChoices(BaseChoiceIterator):
    """Choices already as Django keeps them, (value, label) pairs built once per process: a
    field takes them as they are instead of checking all of them again on every form."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter(self.pairs)


@cache
def _timezone_choices() -> FixedChoices:
    return FixedChoices((zone, zone) for zone in sorted(timezone_names()))


@cache
def _fixed_language_choices() -> FixedChoices:
    return FixedChoices(language_choices())


class ActivityForm(forms.ModelForm):
    starts_local = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Local time at the place, in the timezone below."),
    )
    ends_local = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    # FastSelect: some 600 timezones, 100 languages and 250 countries; rendered by the
    # templates, their options were most of the form's time (and it is every editor's page).
    language = forms.ChoiceField(label=_("Language"), widget=FastSelect)
    timezone = forms.ChoiceField(label=_("Timezone"), widget=FastSelect)
    # The local times sit just above the timezone they are read in (their help text says so).
    field_order = [
        *FORM_FIELDS[: FORM_FIELDS.index("timezone")],
        "starts_local",
        "ends_local",
        *FORM_FIELDS[FORM_FIELDS.index("timezone") :],
    ]

    class Meta:
        model = Activity
        fields = FORM_FIELDS
        formfield_callback = https_urls
        widgets = {
            "edition": FastSelect,
            "category": FastSelect,
            "attendance_mode": FastSelect,
            "country": FastSelect,
            "description": forms.Textarea(attrs={"rows": 6}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, museum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.museum = museum or getattr(self.instance, "museum", None)
        # An activity already registered stays editable after its edition closes registration.
        self.fields["edition"].queryset = Edition.objects.filter(
            Q(registration_open=True) | Q(pk=self.instance.edition_id)
        )
        self.fields["language"].choices = _fixed_language_choices()
        self.fields["timezone"].choices = _timezone_choices()
        for name in ("country", "latitude", "longitude", "address", "city"):
            self.fields[name].required = False
            self.fields[name].help_text = _("Leave empty to use the museum's.")
        if self.instance.pk:
            self.fields["starts_local"].initial = self.instance.local_starts_at.replace(tzinfo=None)
            self.fields["ends_local"].initial = self.instance.local_ends_at.replace(tzinfo=None)
        elif self.museum is not None:
            self.fields["timezone"].initial = self.museum.timezone
            if self.museum.languages:
                self.fields["language"].initial = self.museum.languages[0]

    def clean(self):
        data = super().clean()
        zone_name = data.get("timezone")
        if not zone_name:
            return data
        zone = ZoneInfo(zone_name)
        for local_field, utc_field in (("starts_local", "starts_at"), ("ends_local", "ends_at")):
            local = data.get(local_field)
            if local is None:
                continue
            data[utc_field] = to_utc(local, zone, field=local_field, form=self)
        return data

    def activity_data(self) -> dict:
        data = {f: self.cleaned_data[f] for f in FORM_FIELDS if f in self.cleaned_data}
        data["starts_at"] = self.cleaned_data["starts_at"]
        data["ends_at"] = self.cleaned_data["ends_at"]
        if not data.get("country"):
            data["country"] = ""
        return data

    def _post_clean(self):
        # Validation of the whole activity happens in the service (same rules for every caller).
        pass


def to_utc(local: datetime, zone: ZoneInfo, *, field: str, form: forms.Form) -> datetime | None:
    """Interpret a naive local time in `zone`; a time skipped by a DST change is an error."""
    naive = local.replace(tzinfo=None)
    aware = naive.replace(tzinfo=zone)
    round_trip = aware.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        form.add_error(
            field,
            _("This time does not exist in %(zone)s (the clocks change then).")
            % {"zone": zone.key},
        )
        return None
    return aware.astimezone(ZoneInfo("UTC"))


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the editor)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Tell the editor why, so they can fix it.")},
    )


class TranslationForm(forms.ModelForm):
    """One activity in another language; the activity's own language is not offered."""

    # Shown on the activity's own form page: prefixed field names keep the ids unique.
    prefix = "translation"
    language = forms.ChoiceField(label=_("Language"), widget=FastSelect)

    class Meta:
        model = ActivityTranslation
        fields = ["language", "title", "description", "accessibility_notes"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        own = activity.language.lower()
        self.fields["language"].choices = [
            ("", _("Choose a language")),
            *((code, name) for code, name in language_choices() if code.lower() != own),
        ]
        if self.instance.pk:
            # The language names the translation; to change it, add another one.
            self.fields["language"].disabled = True
            self.fields["language"].choices = [
                (self.instance.language, language_name(self.instance.language))
            ]
            self.initial.update(self.instance.moderated_text)

    def _post_clean(self):
        # Validation of the whole translation happens in the service (same rules for every caller).
        pass
