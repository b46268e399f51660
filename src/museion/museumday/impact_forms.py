"""Forms of the participation and reach reports: the numbers, and one row per channel."""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from .impact_models import (
    MAX_EVIDENCE_LINKS,
    MAX_ITEMS,
    NETWORK_NAME_MAX_LENGTH,
    WORLD_POPULATION,
)
from .impact_services import FigureInput
from .models import (
    Channel,
)

MAX_FIGURE_ROWS = 30
EXTRA_FIGURE_ROWS = 3


def count_field(label, limit: int, help_text="") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=limit,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"}),
        error_messages={
            "invalid": _("Enter a whole number, without spaces or separators."),
            "min_value": _("Enter 0 or more: a count cannot be negative."),
            "max_value": _("That is more than the world's population: check the number."),
        },
    )


class ReportForm(forms.Form):
    onsite_visitors = count_field(
        _("On-site visitors"), WORLD_POPULATION, _("People who came to the museum or activity.")
    )
    online_viewers = count_field(
        _("Online viewers"),
        WORLD_POPULATION,
        _("People who followed an online or hybrid activity live or afterwards."),
    )

    def clean(self):
        data = super().clean()
        for name in ("onsite_visitors", "online_viewers"):
            if data.get(name) is None and name not in self.errors:
                data[name] = 0
        return data


class FigureForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", "—"), *Channel.choices],
        error_messages={
            "invalid_choice": _("Unknown channel “%(value)s”: choose one from the list.")
        },
    )
    network = forms.CharField(
        label=_("Social network"),
        required=False,
        max_length=NETWORK_NAME_MAX_LENGTH,
        help_text=_("Social networks only, e.g. Instagram."),
    )
    items = count_field(_("Items"), MAX_ITEMS, _("Posts, articles, episodes…"))
    audience = count_field(_("Audience reached"), WORLD_POPULATION)
    evidence = forms.CharField(
        label=_("Evidence links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional: up to five web addresses, one per line."),
    )

    def clean(self):
        data = super().clean()
        has_numbers = (
            any(data.get(name) for name in ("items", "audience"))
            or data.get("evidence", "").strip()
        )
        if not data.get("channel") and has_numbers and "channel" not in self.errors:
            self.add_error("channel", _("Choose the channel these figures are for."))
        if data.get("channel") == Channel.SOCIAL and not (data.get("network") or "").strip():
            self.add_error("network", _("Name the social network, e.g. Instagram."))
        links = [line.strip() for line in (data.get("evidence") or "").splitlines()]
        links = [link for link in links if link]
        if len(links) > MAX_EVIDENCE_LINKS:
            self.add_error("evidence", _("Give at most five links."))
        url = forms.URLField(assume_scheme="https")
        for link in links:
            try:
                url.clean(link)
            except forms.ValidationError:
                self.add_error(
                    "evidence", _("“%(link)s” is not a web address.") % {"link": link[:80]}
                )
        data["links"] = links
        return data

    def figure(self) -> FigureInput | None:
        data = self.cleaned_data
        if not data.get("channel"):
            return None
        return FigureInput(
            channel=data["channel"],
            network=data.get("network") or "",
            items=data.get("items") or 0,
            audience=data.get("audience") or 0,
            evidence=data.get("links", []),
        )


FigureFormSet = formset_factory(
    FigureForm,
    extra=EXTRA_FIGURE_ROWS,
    max_num=MAX_FIGURE_ROWS,
    validate_max=True,
    absolute_max=MAX_FIGURE_ROWS + EXTRA_FIGURE_ROWS,
)


def figure_initial(report) -> list[dict]:
    if report is None:
        return []
    return [
        {
            "channel": figure.channel,
            "network": figure.network,
            "items": figure.items,
            "audience": figure.audience,
            "evidence": "\n".join(figure.evidence),
        }
        for figure in report.figures.all()
    ]


class ReminderForm(forms.Form):
    museums = forms.TypedMultipleChoiceField(
        label=_("Museums to remind"),
        coerce=int,
        error_messages={
            "required": _("Tick at least one museum to remind."),
            "invalid_choice": _("One of the museums is not among those you can remind."),
        },
    )

    def __init__(self, *args, museums=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["museums"].choices = [(m.pk, m.name) for m in museums]
