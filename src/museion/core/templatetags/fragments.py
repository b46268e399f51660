"""Template tags for HTML kept once rendered (see museion.core.fragments).

{% load fragments %}
{% per_language "site-nav" %}<nav>{% url … %} {% translate … %}</nav>{% endper_language %}
{% cached_include "museumday/filter_form.html" form=form action=action %}
"""

from django import forms, template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from museion.core import fragments

register = template.Library()


class PerLanguageNode(template.Node):
    def __init__(self, name: str, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        html = fragments.per_language(self.name, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 - rendered by the autoescaping template


@register.tag
def per_language(parser, token):
    """The enclosed HTML, rendered once per process and interface language. Only for what is
    made of the code alone (links, labels, static files): nothing of the request, the reader or
    the data, which would be shown to everyone as it was the first time."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted name")
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(bits[1][1:-1], nodelist)


class FragmentNode(template.Node):
    def __init__(self, name: str, parts: list, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        parts = (self.name, *(part.resolve(context) for part in self.parts))
        html = fragments.cached(parts, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 - rendered by the autoescaping template


@register.tag
def fragment(parser, token):
    """{% fragment "name" value… %}: the enclosed HTML kept in the shared cache under the name,
    the values, the language and the build. The values must determine everything the block
    shows (say, the time its data was built); nothing of the reader may be in it."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a quoted name, then values")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


def form_parts(form: forms.BaseForm) -> tuple:
    """All that a form's HTML is made of besides the code: what was sent, the errors found, the
    values cleaned (a summary may show them) and the initial values."""
    data = form.data
    sent = sorted(
        (name, tuple(data.getlist(name)) if hasattr(data, "getlist") else data[name])
        for name in data
    )
    errors = form.errors.get_json_data() if form.is_bound else None
    cleaned = sorted(getattr(form, "cleaned_data", {}).items())
    return (
        type(form).__module__,
        type(form).__qualname__,
        form.prefix,
        form.auto_id,
        form.is_bound,
        sent,
        errors,
        cleaned,
        sorted(form.initial.items()),
    )


@register.simple_tag
def cached_include(template_name: str, **variables):
    """`template_name` rendered with `variables` only (no request, no user, no CSRF token), kept
    in the shared cache under their values: a form stands for what it was sent and found."""
    parts = [template_name]
    for name, value in sorted(variables.items()):
        parts += [name, repr(form_parts(value)) if isinstance(value, forms.BaseForm) else value]
    html = fragments.cached(tuple(parts), lambda: get_template(template_name).render(variables))
    return mark_safe(html)  # noqa: S308 - rendered by the autoescaping template
