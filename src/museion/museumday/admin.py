from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from museion.network.permissions import can_moderate_museum

from . import services
from .impact_cache import bump_impact_version
from .models import (
    Activity,
    ActivityRevision,
    ChannelFigure,
    Edition,
    ImpactReport,
    RevisionStatus,
    Transition,
)


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["year", "date", "theme", "registration_open", "reports_due"]


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


class ChannelFigureInline(admin.TabularInline):
    model = ChannelFigure
    extra = 0


@admin.register(ImpactReport)
class ImpactReportAdmin(admin.ModelAdmin):
    """Staff corrections; the database constraints hold here too, and the figures' cache is
    refreshed on save and deletion."""

    list_display = ["edition", "reporter_kind", "museum", "committee", "activity", "country"]
    list_filter = ["edition", "reporter_kind"]
    search_fields = ["museum__name", "committee__name"]
    raw_id_fields = ["museum", "activity", "committee", "created_by", "updated_by"]
    list_select_related = ["edition", "museum", "committee", "activity"]
    inlines = [ChannelFigureInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        report = form.instance
        report.channel_audience = sum(report.figures.values_list("audience", flat=True))
        report.save(update_fields=["channel_audience"])
        bump_impact_version(report.edition_id)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        bump_impact_version(obj.edition_id)

    def delete_queryset(self, request, queryset):
        editions = set(queryset.values_list("edition_id", flat=True))
        super().delete_queryset(request, queryset)
        for edition_id in editions:
            bump_impact_version(edition_id)
