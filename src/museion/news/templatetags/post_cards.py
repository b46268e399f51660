"""Lists of stories: each story's card rendered once and kept in the cache under its row.

A news page after any edit (or for a logged-in reader) renders only the cards of stories that
changed: the key is the shown version's row, the heading level, the language and the build
(museion.core.fragments).
"""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from museion.core import fragments

register = template.Library()
TEMPLATE = "news/post_item.html"


@register.simple_tag
def post_cards(posts, level=""):
    """The <li> of each story (the version shown to the reader)."""
    item = get_template(TEMPLATE)
    html = fragments.cached_many(
        posts,
        key_of=lambda post: ("news-card", fragments.row_parts(post), level),
        render=lambda post: item.render({"post": post, "level": level}),
    )
    return mark_safe("".join(html))  # noqa: S308 - rendered by the autoescaping template
