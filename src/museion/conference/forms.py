"""The registration form. Prices never come from the browser: the service computes them."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .models import Conference, TicketCategory
from .selection import SelectionError, parse_selection

PROOF_MAX_BYTES = 5 * 1024 * 1024
PROOF_SIGNATURES = {
    b"%PDF-": "pdf",
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
}


def proof_kind(upload) -> str | None:
    head = upload.read(8)
    upload.seek(0)
    for signature, kind in PROOF_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return None


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: TicketCategory) -> str:
        return obj.name


class RegistrationForm(forms.Form):
    category = CategoryChoiceField(
        label=_("Ticket"),
        queryset=TicketCategory.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "invalid_choice": _("This ticket category does not exist. Choose one from the list."),
            "required": _("Choose a ticket."),
        },
    )
    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    affiliation = forms.CharField(
        label=_("Affiliation"), max_length=300, required=False, help_text=_("Museum or institution")
    )
    country = CountryField(blank_label=_("Choose a country")).formfield(label=_("Country"))
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Anything that helps you take part: step-free access, captions, seating…"),
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs (on site)"), max_length=300, required=False
    )
    membership_number = forms.CharField(
        label=_("Membership number (member rate)"), max_length=40, required=False
    )
    proof = forms.FileField(
        label=_("Proof of student status (student rate)"),
        required=False,
        help_text=_("PDF, JPEG or PNG, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    discount_code = forms.CharField(label=_("Discount code"), max_length=40, required=False)
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my data is used to run the conference."
        ),
        error_messages={"required": _("Please accept the privacy notice to register.")},
    )
    # Marks one filled-in form, so that sending it twice registers once. A missing or garbled
    # value (the field is hidden: only tampering garbles it) just means "a new submission".
    submission_id = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    # The sessions starred in the programme, filled in by its script from the browser's storage.
    selection = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args, conference: Conference, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_id", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.conference = conference
        self.fields["category"].queryset = TicketCategory.objects.filter(conference=conference)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["affiliation"].widget.attrs["autocomplete"] = "organization"
        self.fields["country"].widget.attrs["autocomplete"] = "country"

    def clean_submission_id(self) -> uuid.UUID | None:
        try:
            return uuid.UUID(self.cleaned_data.get("submission_id") or "")
        except ValueError:
            return None

    def clean_selection(self) -> list[int]:
        try:
            return parse_selection(self.cleaned_data.get("selection"))
        except SelectionError as error:
            raise forms.ValidationError(
                _("Your starred sessions could not be read: %(reason)s"),
                params={"reason": str(error)},
            ) from error

    def clean_proof(self):
        upload = self.cleaned_data.get("proof")
        if not upload:
            return None
        if upload.size > PROOF_MAX_BYTES:
            raise forms.ValidationError(
                _("This file is too large (%(size)s MB). The limit is 5 MB."),
                params={"size": f"{upload.size / 1024 / 1024:.1f}"},
            )
        kind = proof_kind(upload)
        if kind is None:
            raise forms.ValidationError(_("Send a PDF, JPEG or PNG file."))
        upload.name = f"{uuid.uuid4().hex}.{'jpg' if kind == 'jpeg' else kind}"
        return upload
