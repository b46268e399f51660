from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import MailingList
from .queries import public_lists
from .services import consent_text, normalise_email


class ListsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: MailingList) -> str:
        return f"{obj.name} ({obj.language})"


class SubscribeForm(forms.Form):
    email = forms.CharField(
        label=_("E-mail address"),
        error_messages={"required": _("Enter your e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    lists = ListsField(
        label=_("Lists"),
        queryset=MailingList.objects.none(),
        error_messages={
            "required": _("Choose at least one list."),
            "invalid_choice": _("There is no list %(value)s. Choose among the lists shown."),
            "invalid_pk_value": _("“%(pk)s” is not a list. Choose among the lists shown."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mails"),
        choices=settings.LANGUAGES,
        help_text=_(
            "For the messages about your subscription. Each list is written in its own language."
        ),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("We can only send the newsletter with your agreement.")},
    )

    def __init__(self, *args, language: str = "en", lists: list[MailingList] | None = None, **kw):
        """`lists`: the public lists when the caller has them already (the cached home page);
        they are then shown without a query. Submitted ids are always checked in the database."""
        super().__init__(*args, **kw)
        field = self.fields["lists"]
        field.queryset = public_lists()
        shown = list(field.queryset) if lists is None else lists
        field.choices = [(m.pk, field.label_from_instance(m)) for m in shown]
        codes = {code for code, _name in settings.LANGUAGES}
        self.fields["language"].initial = language if language in codes else "en"
        self.fields["consent"].label = consent_text(language)
        if not self.is_bound:
            field.initial = [m.pk for m in shown if m.language == language]

    def clean_email(self) -> str:
        try:
            return normalise_email(self.cleaned_data["email"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["email"]) from None


class PreferencesForm(forms.Form):
    lists = ListsField(label=_("Lists"), queryset=MailingList.objects.none(), required=False)
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = public_lists()
