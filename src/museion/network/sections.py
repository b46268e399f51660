"""What other apps show on a museum's page. The directory is the base layer and imports none of
them: an app above registers a section (a template and the context it needs) in its `ready()`."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

from .models import Museum


@dataclass(frozen=True)
class MuseumSection:
    name: str
    template: str
    context: Callable[[HttpRequest, Museum], dict]
    order: int = 100


_sections: dict[str, MuseumSection] = {}


def register_museum_section(section: MuseumSection) -> None:
    _sections[section.name] = section


def museum_sections(request: HttpRequest, museum: Museum) -> list[tuple[str, dict]]:
    """Each registered section's template with its context, in order."""
    ordered = sorted(_sections.values(), key=lambda section: (section.order, section.name))
    return [(section.template, section.context(request, museum)) for section in ordered]
