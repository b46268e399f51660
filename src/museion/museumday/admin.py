from django.contrib import admin

from .models import Activity, ActivityRevision, Edition, Transition


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


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    """Read and follow activities here; publishing goes through the moderation screen."""

    list_display = ["title", "museum", "country", "starts_at", "status"]
    list_filter = ["status", "edition", "category", "attendance_mode"]
    search_fields = ["title", "museum__name"]
    raw_id_fields = ["museum", "created_by"]
    readonly_fields = ["status", "rejection_reason", "published_at", "local_date"]
    inlines = [TransitionInline]
    list_select_related = ["museum"]
    show_full_result_count = False


@admin.register(ActivityRevision)
class ActivityRevisionAdmin(admin.ModelAdmin):
    list_display = ["activity", "status", "created_by", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["activity", "created_by"]
