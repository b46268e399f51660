from django.contrib import admin

from .models import Committee, Membership, Museum


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "field"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["coordinators"]


@admin.register(Museum)
class MuseumAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country", "kind"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "city", "external_id"]
    autocomplete_fields = ["editors"]
    filter_horizontal = ["committees"]
    list_select_related = True
    show_full_result_count = False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["number", "email", "museum", "committee", "valid_from", "valid_until"]
    list_filter = ["valid_until"]
    search_fields = ["number", "email"]
    autocomplete_fields = ["museum", "committee"]
    list_select_related = ["museum", "committee"]
