"""What a campaign e-mail says: the staff template around the Markdown body and latest posts."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.template import Context, Engine
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import override

from museion.news.markdown import render_markdown
from museion.news.models import Post

from .models import Campaign

UNSUBSCRIBE_MARK = "%%UNSUBSCRIBE_URL%%"
PREFERENCES_MARK = "%%PREFERENCES_URL%%"
_RELATIVE_LINK = re.compile(r'(href|src)="/(?!/)')
# Staff templates get the plain template language without the project's tags and filters.
_ENGINE = Engine(autoescape=True)


@dataclass
class Composed:
    subject: str
    html: str
    text: str


def _absolute_links(html: str) -> str:
    return _RELATIVE_LINK.sub(rf'\1="{settings.SITE_URL}/', html)


def latest_posts(campaign: Campaign) -> list[dict]:
    if not campaign.latest_posts:
        return []
    posts = (
        Post.objects.published()
        .filter(language=campaign.language)
        .order_by("-publish_at", "-id")[: campaign.latest_posts]
    )
    return [
        {
            "title": post.title,
            "summary": post.summary,
            "url": settings.SITE_URL + post.get_absolute_url(),
        }
        for post in posts
    ]


def compose(campaign: Campaign) -> Composed:
    """The campaign as every recipient gets it, with marks where their own links go."""
    with override(campaign.language):
        posts = latest_posts(campaign)
        common = {
            "subject": campaign.subject,
            "posts": posts,
            "unsubscribe_url": UNSUBSCRIBE_MARK,
            "preferences_url": PREFERENCES_MARK,
        }
        html_content = _absolute_links(render_markdown(campaign.body).html)
        html = _ENGINE.from_string(campaign.template.html).render(
            Context({**common, "content": mark_safe(html_content)})  # noqa: S308 - sanitised
        )
        text = _ENGINE.from_string(campaign.template.text).render(
            Context({**common, "content": campaign.body}, autoescape=False)
        )
        footer_text = _("Unsubscribe: %(unsubscribe)s\nPreferences: %(preferences)s") % {
            "unsubscribe": UNSUBSCRIBE_MARK,
            "preferences": PREFERENCES_MARK,
        }
        footer_html = (
            f'<p><a href="{UNSUBSCRIBE_MARK}">{_("Unsubscribe")}</a> · '
            f'<a href="{PREFERENCES_MARK}">{_("Change your preferences")}</a></p>'
        )
    if UNSUBSCRIBE_MARK not in text:
        text = f"{text.rstrip()}\n\n-- \n{footer_text}\n"
    if UNSUBSCRIBE_MARK not in html:
        html = (
            html.replace("</body>", footer_html + "</body>")
            if "</body>" in html
            else (html + footer_html)
        )
    return Composed(subject=campaign.subject, html=html, text=text)
