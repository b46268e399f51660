from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import sending
from .compose import check_template, compose
from .exporter import export_response
from .models import (
    Campaign,
    CampaignStatus,
    CampaignTemplate,
    Consent,
    Delivery,
    DeliveryStatus,
    MailingList,
    Subscriber,
    Subscription,
)


@admin.register(MailingList)
class MailingListAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "language", "topic", "is_public"]
    list_filter = ["language", "topic", "is_public"]
    prepopulated_fields = {"slug": ["name"]}


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    fields = ["mailing_list", "status", "confirmed_at", "unsubscribed_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "undeliverable", "created_at"]
    list_filter = ["undeliverable", "language", "subscriptions__status"]
    search_fields = ["email"]
    readonly_fields = ["bounced_at", "bounce_reason", "created_at"]
    inlines = [SubscriptionInline]
    actions = ["export_csv"]
    show_full_result_count = False

    @admin.action(description=gettext_lazy("Export the selected subscribers (CSV)"))
    def export_csv(self, request, queryset):
        return export_response(queryset)


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """The record of consent is evidence: it is read here, never edited."""

    list_display = ["subscription", "method", "given_at", "confirmed_at", "source"]
    list_filter = ["method"]
    search_fields = ["subscription__subscriber__email"]
    list_select_related = ["subscription"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class CampaignTemplateForm(forms.ModelForm):
    class Meta:
        model = CampaignTemplate
        fields = ["name", "html", "text"]

    def clean(self):
        data = super().clean()
        if data.get("html") is not None and data.get("text") is not None:
            try:
                check_template(html=data["html"], text=data["text"])
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    self.add_error(field, problems)
        return data


@admin.register(CampaignTemplate)
class CampaignTemplateAdmin(admin.ModelAdmin):
    form = CampaignTemplateForm
    list_display = ["name"]


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "subject",
            "language",
            "lists",
            "template",
            "body",
            "latest_posts",
            "rate_per_second",
            "batch_size",
        ]

    def clean(self):
        data = super().clean()
        lists = data.get("lists")
        if lists is not None and data.get("language"):
            problems = sending.check_lists(Campaign(language=data["language"]), list(lists))
            if problems:
                self.add_error("lists", problems)
        return data


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    form = CampaignForm
    list_display = ["subject", "language", "status", "started_at", "finished_at"]
    list_filter = ["status", "language"]
    filter_horizontal = ["lists"]
    readonly_fields = ["status", "note", "started_at", "finished_at", "progress", "preview"]
    actions = ["send_test", "start", "pause", "resume"]

    def get_urls(self):
        return [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="newsletter_campaign_preview",
            )
        ] + super().get_urls()

    def preview_view(self, request, pk: int):
        campaign = get_object_or_404(Campaign, pk=pk)
        if not self.has_view_permission(request, campaign):
            raise PermissionDenied
        try:
            html = compose(campaign).html
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("admin:newsletter_campaign_change", campaign.pk)
        response = HttpResponse(html)
        # The preview shows the e-mail as it is; nothing in it may run.
        response["Content-Security-Policy"] = (
            "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'"
        )
        return response

    @admin.display(description=gettext_lazy("preview"))
    def preview(self, obj: Campaign) -> str:
        if not obj.pk:
            return "-"
        url = reverse("admin:newsletter_campaign_preview", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Open the preview"))

    @admin.display(description=gettext_lazy("progress"))
    def progress(self, obj: Campaign) -> str:
        if not obj.pk:
            return "-"
        counts = sending.progress(obj)
        return ", ".join(
            f"{DeliveryStatus(status).label}: {count}" for status, count in counts.items()
        )

    def _each(self, request, queryset, action, done: str):
        for campaign in queryset:
            try:
                action(campaign=campaign)
            except ValidationError as error:
                messages.error(request, f"{campaign}: {' '.join(error.messages)}")
            else:
                messages.success(request, f"{campaign}: {done}")

    @admin.action(description=gettext_lazy("Send a test to my address"))
    def send_test(self, request, queryset):
        for campaign in queryset:
            try:
                sending.send_test(campaign=campaign, to=request.user.email)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Test sent to %(email)s.") % {"email": request.user.email}
                )

    @admin.action(description=gettext_lazy("Start sending"))
    def start(self, request, queryset):
        self._each(request, queryset, sending.start_campaign, _("sending started."))

    @admin.action(description=gettext_lazy("Pause sending"))
    def pause(self, request, queryset):
        self._each(request, queryset, sending.pause_campaign, _("paused."))

    @admin.action(description=gettext_lazy("Resume sending"))
    def resume(self, request, queryset):
        self._each(request, queryset, sending.resume_campaign, _("sending resumed."))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.status != CampaignStatus.DRAFT:
            fields += ["subject", "language", "lists", "template", "body", "latest_posts"]
        return fields


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["campaign", "subscriber", "status", "attempts", "sent_at", "error"]
    list_filter = ["status", "campaign"]
    raw_id_fields = ["campaign", "subscriber"]
    list_select_related = ["campaign", "subscriber"]
    show_full_result_count = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
