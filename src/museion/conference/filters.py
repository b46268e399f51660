"""Programme filters: day, room, track, organiser, type, attendance mode, language and text.

Every filter is optional; an unknown value is a clear error, never silently ignored. The day
offers only days that have sessions, plus "all" (the page shows one day unless asked for all).
"""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

from museion.core.models import AttendanceMode
from museion.formats import local_format
from museion.network.models import Committee

from .models import Conference, Room, Session, SessionType, Track

FILTER_KEYS = ["day", "room", "track", "organiser", "type", "mode", "language", "q"]
ALL_DAYS = "all"


def filter_choices(conference: Conference, *, days, languages) -> dict[str, list]:
    """The choices that depend on the programme (cached by the caller with its version)."""
    return {
        "day": [
            (d.isoformat(), format_date(d, local_format("SHORT_WEEKDAY_FORMAT"))) for d in days
        ],
        "room": [
            (str(pk), name)
            for pk, name in Room.objects.filter(conference=conference).values_list("pk", "name")
        ],
        "track": list(Track.objects.filter(conference=conference).values_list("slug", "name")),
        "organiser": list(
            Committee.objects.filter(conference_sessions__conference=conference)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        ),
        "language": languages,
    }


class ProgrammeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    day = forms.TypedChoiceField(label=_("Day"), required=False, empty_value=None)
    room = forms.ChoiceField(label=_("Room"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False)
    organiser = forms.ChoiceField(label=_("Organiser"), required=False)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *SessionType.choices]
    )
    mode = forms.ChoiceField(
        label=_("Attendance"),
        required=False,
        choices=[("", _("On site and online")), *AttendanceMode.choices],
    )
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, *, conference: Conference, choices: dict[str, list]):
        super().__init__(data)
        self.conference = conference
        self.fields["day"].choices = [(ALL_DAYS, _("All days"))] + choices["day"]
        self.fields["room"].choices = [("", _("All rooms"))] + choices["room"]
        self.fields["track"].choices = [("", _("All tracks"))] + choices["track"]
        self.fields["organiser"].choices = [("", _("All organisers"))] + choices["organiser"]
        self.fields["language"].choices = [("", _("All languages"))] + choices["language"]

    def clean_day(self):
        value = self.cleaned_data.get("day")
        return value or None

    def active_filters(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.cleaned_data.items() if k in FILTER_KEYS and v}

    def filter(self, queryset: QuerySet) -> QuerySet:
        data = self.cleaned_data
        if data.get("day") and data["day"] != ALL_DAYS:
            queryset = queryset.filter(local_date=data["day"])
        if data.get("room"):
            queryset = queryset.filter(room_id=int(data["room"]))
        if data.get("track"):
            queryset = queryset.filter(track__slug=data["track"])
        if data.get("organiser"):
            queryset = queryset.filter(organisers__slug=data["organiser"])
        if data.get("type"):
            queryset = queryset.filter(type=data["type"])
        if data.get("mode"):
            queryset = queryset.filter(attendance_mode=data["mode"])
        if data.get("language"):
            code = f'"{data["language"]}"'
            queryset = queryset.filter(
                Q(languages__icontains=code) | Q(interpretation__icontains=code)
            )
        if data.get("q"):
            text = data["q"].strip()
            matching = Session.objects.filter(
                Q(title__icontains=text)
                | Q(abstract__icontains=text)
                | Q(people__speaker__name__icontains=text)
            ).values("pk")
            queryset = queryset.filter(pk__in=matching)
        return queryset
