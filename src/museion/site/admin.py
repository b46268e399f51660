from django.contrib import admin

from . import services
from .models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["slug", "language", "title", "updated_at"]
    list_filter = ["language"]
    raw_id_fields = ["translation_of"]

    def save_model(self, request, obj, form, change):
        services.save_page(page=obj)
