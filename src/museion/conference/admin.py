"""Staff edit the programme and run registration here; state changes go through the services."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import (
    Conference,
    Day,
    DiscountCode,
    Membership,
    Payment,
    PaymentStatus,
    ProofStatus,
    Registration,
    Room,
    Session,
    SessionAccess,
    SessionPerson,
    Speaker,
    Status,
    TicketCategory,
    Track,
    WaitingList,
)
from .services import payments, waitlist
from .services.programme import clashes_for

HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class DayInline(admin.TabularInline):
    model = Day
    extra = 0


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0


class TrackInline(admin.TabularInline):
    model = Track
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Conference)
class ConferenceAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "starts_on", "ends_on", "timezone", "is_published", "clash_link"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DayInline, RoomInline, TrackInline]

    @admin.display(description=_("clashes"))
    def clash_link(self, obj):
        url = reverse("conference:clashes", kwargs={"slug": obj.slug})
        return format_html('<a href="{}">{}</a>', url, _("Check clashes"))


class SessionPersonInline(admin.TabularInline):
    model = SessionPerson
    extra = 1
    autocomplete_fields = ["speaker"]


class SessionAccessInline(admin.StackedInline):
    model = SessionAccess
    formfield_overrides = HTTPS_URLS
    extra = 0


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "conference", "starts_at", "room", "type", "attendance_mode"]
    list_filter = ["conference", "type", "attendance_mode", "track", "is_published"]
    search_fields = ["title"]
    filter_horizontal = ["organisers"]
    inlines = [SessionPersonInline, SessionAccessInline]
    list_select_related = ["conference", "room"]
    readonly_fields = ["signup_taken"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for clash in clashes_for(form.instance):
            self.message_user(request, clash.message, level=messages.WARNING)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "affiliation"]
    search_fields = ["name", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TicketCategory)
class TicketCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "conference", "access", "price", "capacity", "taken", "sale_ends_at"]
    list_filter = ["conference", "access"]
    readonly_fields = ["taken"]

    def save_model(self, request, obj, form, change):
        if change and "capacity" in form.changed_data:
            capacity = obj.capacity
            obj.capacity = form.initial["capacity"]
            super().save_model(request, obj, form, change)
            offered = waitlist.set_capacity(category=obj, capacity=capacity)
            obj.capacity = capacity
            if offered:
                self.message_user(
                    request,
                    _("%(count)d seat(s) offered to the waiting list.") % {"count": len(offered)},
                )
            return
        super().save_model(request, obj, form, change)


@admin.register(DiscountCode)
class DiscountCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "conference", "kind", "value", "used", "max_uses", "issued_to"]
    list_filter = ["conference", "kind"]
    search_fields = ["code"]
    filter_horizontal = ["categories"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["number", "email", "museum", "committee", "valid_until"]
    search_fields = ["number", "email"]
    raw_id_fields = ["museum", "committee"]


def _run(modeladmin, request, queryset, action, done):
    count = 0
    for obj in queryset:
        try:
            action(obj)
            count += 1
        except (ValidationError, PermissionDenied) as error:
            modeladmin.message_user(
                request,
                f"{obj}: {' '.join(getattr(error, 'messages', [str(error)]))}",
                level=messages.ERROR,
            )
    if count:
        modeladmin.message_user(request, done % {"count": count})


class PaymentInline(admin.TabularInline):
    model = Payment
    extra = 0
    can_delete = False
    readonly_fields = ["reference", "provider", "amount", "status", "confirmed_by", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "category", "status", "proof_status", "price", "created_at"]
    list_filter = ["conference", "status", "proof_status", "category"]
    search_fields = ["name", "email", "checkin_code"]
    list_select_related = ["category"]
    inlines = [PaymentInline]
    readonly_fields = [
        "conference",
        "category",
        "status",
        "price",
        "discount",
        "membership",
        "proof_link",
        "proof_status",
        "offer_expires_at",
        "payment_due_at",
        "checked_in_at",
        "consent_at",
        "checkin_code",
        "created_at",
    ]
    exclude = ["proof", "offer_token", "token", "feed_token", "submission_id"]
    actions = ["approve_proofs", "reject_proofs", "cancel", "reset_links"]
    show_full_result_count = False

    @admin.display(description=_("student proof"))
    def proof_link(self, obj):
        if not obj.proof:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("conference:proof", args=[obj.pk]), _("Download")
        )

    @admin.action(description=_("Approve student proof"))
    def approve_proofs(self, request, queryset):
        _run(
            self,
            request,
            queryset.filter(proof_status=ProofStatus.PENDING),
            lambda r: payments.approve_proof(staff=request.user, registration=r),
            _("%(count)d proof(s) approved."),
        )

    @admin.action(description=_("Reject student proof (cancels the registration)"))
    def reject_proofs(self, request, queryset):
        _run(
            self,
            request,
            queryset.filter(proof_status=ProofStatus.PENDING),
            lambda r: payments.reject_proof(staff=request.user, registration=r),
            _("%(count)d proof(s) rejected."),
        )

    @admin.action(description=_("Cancel registration (frees the seat)"))
    def cancel(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda r: waitlist.cancel_registration(registration=r),
            _("%(count)d registration(s) cancelled."),
        )

    @admin.action(description=_("Revoke the personal link (sends nothing)"))
    def reset_links(self, request, queryset):
        from .services.participation import reset_access_link

        _run(
            self,
            request,
            queryset,
            lambda r: reset_access_link(registration=r),
            _("%(count)d link(s) revoked."),
        )


@admin.register(WaitingList)
class WaitingListAdmin(admin.ModelAdmin):
    """The queue, in serving order; change the priority to move someone up or down."""

    list_display = ["name", "email", "category", "priority", "created_at"]
    list_editable = ["priority"]
    list_filter = ["conference", "category"]
    fields = ["name", "email", "category", "priority"]
    readonly_fields = ["name", "email", "category"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(status=Status.WAITLISTED)
            .select_related("category")
        )

    def has_add_permission(self, request):
        return False


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ["reference", "registration", "amount", "status", "provider", "created_at"]
    list_filter = ["status", "provider"]
    search_fields = ["reference", "registration__email"]
    readonly_fields = [
        "registration",
        "provider",
        "amount",
        "currency",
        "status",
        "reference",
        "confirmed_by",
    ]
    actions = ["confirm", "refund"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Confirm payment received"))
    def confirm(self, request, queryset):
        _run(
            self,
            request,
            queryset.filter(status=PaymentStatus.PENDING),
            lambda p: payments.confirm_payment(staff=request.user, payment=p),
            _("%(count)d payment(s) confirmed."),
        )

    @admin.action(description=_("Mark refunded"))
    def refund(self, request, queryset):
        _run(
            self,
            request,
            queryset.filter(status=PaymentStatus.PAID),
            lambda p: payments.refund_payment(staff=request.user, payment=p),
            _("%(count)d payment(s) refunded."),
        )
