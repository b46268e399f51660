"""Staff work on Red Lists here; changes to a published list are recorded like the editor pages'."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
from .services import publish_red_list, record_change


class RecordedChangesMixin:
    """Changes made here to a published list go into its change log (who, when, which fields)."""

    def red_list_of(self, obj) -> RedList:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and form.changed_data:
            record_change(
                red_list=self.red_list_of(obj),
                user=request.user,
                action="edit (admin)",
                target=obj,
                fields=form.changed_data,
            )

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        label = formset.model._meta.verbose_name
        fields = {
            f"{label}: {name}"
            for item in formset.forms
            if item.has_changed()
            for name in item.changed_data
        }
        fields |= {f"{label}: deleted" for _ in formset.deleted_objects}
        if fields:
            record_change(
                red_list=self.red_list_of(form.instance),
                user=request.user,
                action="edit (admin)",
                target=form.instance,
                fields=fields,
            )


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


@admin.action(description=_("Publish the selected lists (a new version each)"))
def publish_lists(modeladmin, request, queryset):
    for red_list in queryset:
        try:
            publish_red_list(red_list=red_list, user=request.user)
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{red_list}: {' '.join(error.messages)}", messages.ERROR
            )


@admin.register(RedList)
class RedListAdmin(RecordedChangesMixin, admin.ModelAdmin):
    list_display = ["title", "language", "region", "status", "version", "published_on"]
    list_filter = ["status", "language"]
    search_fields = ["title", "region"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["original"]
    filter_horizontal = ["editors"]
    # Publishing and withdrawing go through the services (version, PDF, change log).
    readonly_fields = ["status", "version", "pdf", "pdf_version", "withdrawn_reason"]
    inlines = [LegalInstrumentInline, AuthorityInline, CategoryInline]
    actions = [publish_lists]

    def red_list_of(self, obj):
        return obj


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
class CategoryAdmin(RecordedChangesMixin, admin.ModelAdmin):
    list_display = ["title", "red_list", "position"]
    list_filter = ["red_list"]
    raw_id_fields = ["red_list", "original"]
    list_select_related = ["red_list"]

    def red_list_of(self, obj):
        return obj.red_list


@admin.register(ObjectType)
class ObjectTypeAdmin(RecordedChangesMixin, ProcessedPicturesMixin, admin.ModelAdmin):
    list_display = ["title", "category", "position", "period_start", "period_end"]
    list_filter = ["category__red_list"]
    search_fields = ["title", "materials"]
    raw_id_fields = ["category", "original", "cross_references"]
    list_select_related = ["category"]
    inlines = [MeasurementInline, ObjectImageInline]

    def red_list_of(self, obj):
        return obj.category.red_list


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
