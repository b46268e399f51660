"""Registration in the admin: ticket categories, codes, registrations, the queue, payments."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import (
    Day,
    DiscountCode,
    Payment,
    PaymentStatus,
    ProofStatus,
    Registration,
    Status,
    TicketCategory,
    WaitingList,
)
from ..services import payments, waitlist
from ..services.participation import reset_access_link, send_personal_link
from .common import FormFieldsOnly


@admin.register(TicketCategory)
class TicketCategoryAdmin(FormFieldsOnly, admin.ModelAdmin):
    list_display = [
        "name",
        "conference",
        "access",
        "day",
        "price",
        "capacity",
        "taken",
        "sale_ends_at",
    ]
    list_filter = ["conference", "access"]
    list_select_related = ["conference", "day"]
    readonly_fields = ["taken"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "day":
            kwargs["queryset"] = Day.objects.select_related("conference").order_by(
                "conference", "date"
            )
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            field.label_from_instance = lambda day: f"{day.conference} — {day}"
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
class DiscountCodeAdmin(FormFieldsOnly, admin.ModelAdmin):
    list_display = ["code", "conference", "kind", "value", "used", "max_uses", "issued_to"]
    list_filter = ["conference", "kind"]
    list_select_related = ["conference", "issued_to"]
    search_fields = ["code"]
    filter_horizontal = ["categories"]


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
class RegistrationAdmin(FormFieldsOnly, admin.ModelAdmin):
    list_display = ["name", "email", "category", "status", "proof_status", "price", "created_at"]
    list_filter = ["conference", "status", "proof_status", "category"]
    search_fields = ["name", "email", "checkin_code"]
    list_select_related = ["category__conference"]
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
    actions = ["approve_proofs", "reject_proofs", "cancel", "reset_links", "send_links"]
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
        _run(
            self,
            request,
            queryset,
            lambda r: reset_access_link(registration=r),
            _("%(count)d link(s) revoked."),
        )

    @admin.action(description=_("E-mail the personal link to the participant"))
    def send_links(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda r: send_personal_link(registration=r),
            _("%(count)d link(s) sent."),
        )


@admin.register(WaitingList)
class WaitingListAdmin(FormFieldsOnly, admin.ModelAdmin):
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
            .select_related("category__conference")
        )

    def has_add_permission(self, request):
        return False


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ["reference", "registration", "amount", "status", "provider", "created_at"]
    list_filter = ["status", "provider"]
    list_select_related = ["registration"]
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
