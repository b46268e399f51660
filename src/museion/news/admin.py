from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Hashtag, Post, RelatedItem, Source


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class RelatedItemInline(admin.TabularInline):
    model = RelatedItem
    extra = 0


class PostAdminForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = [*services.POST_FIELDS, "author"]

    def _post_clean(self):
        super()._post_clean()
        try:
            services.validate_post(self.instance)
        except ValidationError as error:
            self._update_errors(error)


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    form = PostAdminForm
    list_display = ["title", "language", "publish_at", "author", "translation_of"]
    list_filter = ["language"]
    search_fields = ["title", "summary"]
    date_hierarchy = "publish_at"
    raw_id_fields = ["author", "translation_of"]
    readonly_fields = ["hashtag_list", "created_at", "updated_at"]
    inlines = [SourceInline, RelatedItemInline]
    list_select_related = ["author", "translation_of"]
    show_full_result_count = False

    @admin.display(description=_("hashtags"))
    def hashtag_list(self, obj: Post) -> str:
        return " ".join(str(tag) for tag in obj.hashtags.all()) if obj.pk else ""

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        services.save_post(post=obj)


@admin.register(Hashtag)
class HashtagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug"]
