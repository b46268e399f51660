from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import MailingList
from .services import consent_text, normalise_email


def public_lists():
    return MailingList.objects.filter(is_public=True).order_by("language", "name")


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
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("We can only send the newsletter with your agreement.")},
    )

    def __init__(self, *args, language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = public_lists()
        codes = {code for code, _name in settings.LANGUAGES}
        self.fields["language"].initial = language if language in codes else "en"
        self.fields["consent"].label = consent_text(language)
        if not self.is_bound:
            self.fields["lists"].initial = [
                mailing_list.pk
                for mailing_list in self.fields["lists"].queryset
                if mailing_list.language == language
            ]

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
