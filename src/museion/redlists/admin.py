"""Staff work on Red Lists here; changes to a published list are recorded like the editor pages'."""

from django.contrib import admin

from .models import (
    Authority,
    Category,
    ChangeRecord,
    LegalInstrument,
    Measurement,
    ObjectImage,
    ObjectType,
    RedList,
    Report,
    ReportPhoto,
)
from .pictures_admin import PictureInlineForm, ProcessedPicturesMixin


class LegalInstrumentInline(admin.TabularInline):
    model = LegalInstrument
    extra = 0


class AuthorityInline(admin.StackedInline):
    model = Authority
    extra = 0


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0
    fields = ["position", "title", "original"]
    raw_id_fields = ["original"]
    show_change_link = True


@admin.register(RedList)
class RedListAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "region", "status", "version", "published_on"]
    list_filter = ["status", "language"]
    search_fields = ["title", "region"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["original"]
    filter_horizontal = ["editors"]
    readonly_fields = ["version", "pdf", "pdf_version"]
    inlines = [LegalInstrumentInline, AuthorityInline, CategoryInline]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0


class ObjectImageInline(admin.StackedInline):
    model = ObjectImage
    form = PictureInlineForm
    extra = 0
    raw_id_fields = ["reference_museum"]
    readonly_fields = ["thumbnail", "large", "phash"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["title", "red_list", "position"]
    list_filter = ["red_list"]
    raw_id_fields = ["red_list", "original"]
    list_select_related = ["red_list"]


@admin.register(ObjectType)
class ObjectTypeAdmin(ProcessedPicturesMixin, admin.ModelAdmin):
    list_display = ["title", "category", "position", "period_start", "period_end"]
    list_filter = ["category__red_list"]
    search_fields = ["title", "materials"]
    raw_id_fields = ["category", "original", "cross_references"]
    list_select_related = ["category"]
    inlines = [MeasurementInline, ObjectImageInline]


class ReportPhotoInline(admin.TabularInline):
    model = ReportPhoto
    form = PictureInlineForm
    extra = 0
    readonly_fields = ["phash"]


@admin.register(Report)
class ReportAdmin(ProcessedPicturesMixin, admin.ModelAdmin):
    list_display = ["__str__", "status", "reporter_kind", "country_seen", "created_at"]
    list_filter = ["status", "reporter_kind"]
    search_fields = ["description", "where_seen", "reporter_email"]
    raw_id_fields = ["object_type"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ReportPhotoInline]


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    list_display = ["red_list", "action", "target", "user", "at"]
    list_filter = ["action"]
    readonly_fields = ["red_list", "user", "at", "action", "target", "fields"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
