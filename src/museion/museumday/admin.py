from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from museion.network.permissions import can_moderate_museum

from . import services
from .models import Activity, ActivityRevision, Edition, RevisionStatus, Transition


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["year", "date", "theme", "registration_open"]


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    can_delete = False
    readonly_fields = [
        "action",
        "language",
        "from_status",
        "to_status",
        "actor",
        "reason",
        "created_at",
    ]

    def has_add_permission(self, request, obj=None):
        return False


READ_ONLY = ["status", "rejection_reason", "published_at", "local_date", "created_by"]


class ActivityAdminForm(forms.ModelForm):
    def _post_clean(self):
        super()._post_clean()
        if not self.errors:
            try:  # the activity's rules, as for an editor (dates in the edition, place, URL)
                services.validate_activity(self.instance)
            except ValidationError as error:
                self._update_errors(error)


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    """Staff edit activities through the same services as editors and moderators: the rules
    are checked, each change is recorded as a transition, and an edit of a published activity
    is a revision (approved at once when the staff member may moderate the museum)."""

    form = ActivityAdminForm
    fields = ["museum", *services.EDITABLE_FIELDS, *READ_ONLY]
    list_display = ["title", "museum", "country", "starts_at", "status"]
    list_filter = ["status", "edition", "category", "attendance_mode"]
    search_fields = ["title", "museum__name"]
    raw_id_fields = ["museum"]
    readonly_fields = READ_ONLY
    inlines = [TransitionInline]
    list_select_related = ["museum"]
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "museum"] if obj else fields

    def save_model(self, request, obj, form, change):
        data = {f: form.cleaned_data[f] for f in services.EDITABLE_FIELDS if f in form.cleaned_data}
        if not change:
            saved = services.create_activity(user=request.user, museum=obj.museum, data=data)
            obj.pk, obj._state.adding = saved.pk, False
            return
        services.update_activity(user=request.user, activity=obj, data=data)
        revision = ActivityRevision.objects.filter(
            activity=obj, status=RevisionStatus.PENDING, created_by=request.user
        ).first()
        if revision and can_moderate_museum(request.user, obj.museum):
            services.approve_revision(moderator=request.user, revision=revision)


@admin.register(ActivityRevision)
class ActivityRevisionAdmin(admin.ModelAdmin):
    list_display = ["activity", "status", "created_by", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["activity", "created_by"]
