from django import template
from django.conf.locale import LANG_INFO

register = template.Library()


@register.filter
def language_names(codes) -> str:
    """["en", "fr"] → "English, français" (names in their own language)."""
    return ", ".join(
        LANG_INFO.get(str(code).lower(), {}).get("name_local", str(code)) for code in codes or []
    )


@register.filter
def people_with_role(people, role: str) -> list:
    return [person for person in people if person.role == role]
