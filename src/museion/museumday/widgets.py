"""Form widgets that stay fast on pages rendered for every visitor."""

import html

from django import forms
from django.conf import settings
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language


def _escape(value) -> str:
    return value if isinstance(value, SafeData) else html.escape(str(value))


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {_escape(name)}" if value is True else f' {_escape(name)}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class FastSelect(forms.Select):
    """A <select> with the very HTML of Django's templates (blank lines included), in Python.

    The templates render two includes per <option>; for the 250 countries and 100 languages of
    the public filter form that was most of the list page's time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        attrs = self.build_attrs(self.attrs, attrs)
        parts = [f'<select name="{_escape(name)}"{_attrs(attrs)}>']
        has_selected = False
        for group, choices in self._groups():
            if group:
                parts.append(f'\n  <optgroup label="{_escape(group)}">')
            for option_value, label in choices:
                option_value = "" if option_value is None else str(option_value)
                is_selected = option_value in selected and (
                    self.allow_multiple_selected or not has_selected
                )
                has_selected |= is_selected
                mark = " selected" if is_selected else ""
                parts.append(
                    f'\n  <option value="{_escape(option_value)}"{mark}>{_escape(label)}</option>\n'
                )
            if group:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above

    def _groups(self):
        """(group label or None, [(value, label)]) as ChoiceWidget.optgroups walks them."""
        for value, label in self.choices:
            if isinstance(label, list | tuple):
                yield value, label
            else:
                yield None, [(value, label)]


class ChoicesPerLanguage(BaseChoiceIterator):
    """Choices built once per interface language and process, already normalised.

    A field given them does not copy or normalise 250 countries for every form built (most of
    the cost of the public filter form before it rendered anything), and checks a value with
    one set look-up (see FastChoiceField).
    """

    def __init__(self, build):
        self.build = build
        self.built: dict[str, tuple[list[tuple[str, str]], frozenset[str]]] = {}

    def current(self) -> tuple[list[tuple[str, str]], frozenset[str]]:
        language = get_language() or settings.LANGUAGE_CODE
        found = self.built.get(language)
        if found is None:
            choices = [(str(value), str(label)) for value, label in self.build()]
            found = self.built[language] = (choices, frozenset(v for v, _ in choices))
        return found

    def __iter__(self):
        return iter(self.current()[0])

    def __copy__(self):
        return self  # shared by every form and widget: it never changes once built

    def __deepcopy__(self, memo):
        return self


class FastChoiceField(forms.ChoiceField):
    """A ChoiceField over ChoicesPerLanguage, its values checked in a set."""

    def valid_value(self, value) -> bool:
        if isinstance(self.choices, ChoicesPerLanguage):
            return str(value) in self.choices.current()[1]
        return super().valid_value(value)
