"""Per-language date formats (FORMAT_MODULE_PATH) beyond Django's own names.

Django's `date` filter only looks up its own format names, so the extra ones below are read with
`local_format`, through the same module search (language, then its base language).
"""

from django.utils.formats import get_format_modules
from django.utils.translation import get_language

from museion.formats.en import formats as default


def local_format(name: str, lang: str | None = None) -> str:
    """The format string `name` for `lang` (default: the active language), English otherwise."""
    for module in get_format_modules(lang or get_language()):
        if hasattr(module, name):
            return getattr(module, name)
    return getattr(default, name)
