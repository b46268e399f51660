"""The programme in the admin: conferences, sessions (with the clash check) and speakers.

Session times are entered and shown in the conference's own timezone, as on the public pages.
"""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import Conference, Day, Room, Session, SessionAccess, SessionPerson, Speaker, Track
from ..services.programme import clashes_for
from .common import HTTPS_URLS, FormFieldsOnly


class DayInline(admin.TabularInline):
    model = Day
    extra = 0


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0


class TrackInline(admin.TabularInline):
    model = Track
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Conference)
class ConferenceAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "starts_on", "ends_on", "timezone", "is_published", "clash_link"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DayInline, RoomInline, TrackInline]

    @admin.display(description=_("clashes"))
    def clash_link(self, obj):
        url = reverse("conference:clashes", kwargs={"slug": obj.slug})
        return format_html('<a href="{}">{}</a>', url, _("Check clashes"))


class SessionPersonInline(admin.TabularInline):
    model = SessionPerson
    extra = 1
    autocomplete_fields = ["speaker"]


class SessionAccessInline(admin.StackedInline):
    model = SessionAccess
    formfield_overrides = HTTPS_URLS
    extra = 0


class SessionAdminForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = [  # not the timezone: a session always follows its conference's
            "conference",
            "title",
            "type",
            "track",
            "room",
            "organisers",
            "attendance_mode",
            "languages",
            "interpretation",
            "abstract",
            "starts_at",
            "ends_at",
            "signup_capacity",
            "is_published",
        ]

    def clean_signup_capacity(self):
        capacity = self.cleaned_data.get("signup_capacity")
        taken = self.instance.signup_taken if self.instance.pk else 0
        if taken and (capacity is None or capacity < taken):
            raise forms.ValidationError(
                _(
                    "%(taken)d people have signed up already: keep at least %(taken)d seats, "
                    "or cancel sign-ups first."
                ),
                params={"taken": taken},
            )
        return capacity


def conference_zone(request, object_id) -> str | None:
    """The timezone of the session's conference (or of the one chosen in the form)."""
    if object_id:
        sessions = Session.objects.filter(pk=object_id)
        return sessions.values_list("conference__timezone", flat=True).first()
    chosen = request.POST.get("conference") or request.GET.get("conference") or ""
    if chosen.isdigit():
        return Conference.objects.filter(pk=chosen).values_list("timezone", flat=True).first()
    return None


@admin.register(Session)
class SessionAdmin(FormFieldsOnly, admin.ModelAdmin):
    form = SessionAdminForm
    list_display = ["title", "conference", "starts_at", "room", "type", "attendance_mode"]
    list_filter = ["conference", "type", "attendance_mode", "track", "is_published"]
    search_fields = ["title"]
    filter_horizontal = ["organisers"]
    inlines = [SessionPersonInline, SessionAccessInline]
    list_select_related = ["conference", "room"]
    readonly_fields = ["signup_taken"]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        zone = conference_zone(request, object_id)
        request.conference_zone = zone
        with timezone.override(zone):  # None: the site's default (UTC)
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()  # here, while the conference's timezone is active
        return response

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        zone = getattr(request, "conference_zone", None)
        if zone:
            note = _("In the conference's timezone, %(zone)s.") % {"zone": zone}
        else:
            note = _("In the timezone of the conference you choose.")
        for name in ("starts_at", "ends_at"):
            if name in form.base_fields:
                form.base_fields[name].help_text = note
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for clash in clashes_for(form.instance):
            self.message_user(request, clash.message, level=messages.WARNING)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "affiliation"]
    search_fields = ["name", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}
