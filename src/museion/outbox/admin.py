"""Staff see every transactional e-mail: queued, sent, or failed with the mail server's reason."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutgoingEmail
from .services import retry_now


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "purpose", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "purpose"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    readonly_fields = [
        "purpose",
        "object_id",
        "params",
        "to",
        "subject",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send again now"), permissions=["view"])
    def send_again(self, request, queryset):
        count = retry_now(emails=queryset)
        self.message_user(
            request,
            ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
