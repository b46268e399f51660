"""What a campaign e-mail says: the staff template around the Markdown body and latest posts.

A campaign is written in one language and goes to lists in that language (lists are per
language and topic; `sending.validate_campaign` refuses a list in another language), so its
subject, body, latest posts and footer are all in the language the subscriber chose by picking
that list. The subscriber's own `language` is for the messages about their subscription
(confirmation, preferences page).
"""

import hashlib
import ipaddress
from dataclasses import dataclass
from email.header import Header

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateDoesNotExist, TemplateSyntaxError
from django.urls import NoReverseMatch
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import override

from museion.news.markdown import absolute_links, render_markdown
from museion.news.models import Post

from .models import Campaign

UNSUBSCRIBE_MARK = "%%UNSUBSCRIBE_URL%%"
PREFERENCES_MARK = "%%PREFERENCES_URL%%"
# Staff templates get the plain template language without the project's tags and filters.
_ENGINE = Engine(autoescape=True)


@dataclass
class Composed:
    subject: str
    html: str
    text: str
    list_id: str = ""


def site_host() -> str:
    """The site's host name; RFC 2919 asks for `localhost` when it is no registered domain."""
    host = settings.SITE_URL.split("://", 1)[-1].split("/")[0].split(":")[0].lower()
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host if "." in host else "localhost"
    return "localhost"


def list_id(mailing_lists) -> str:
    """The List-Id header (RFC 2919) of a campaign: its lists' names, then a stable id made of
    their identifiers, e.g. `Museum Day news <imd-en.lists.museion.example>`."""
    lists = sorted(mailing_lists, key=lambda mailing_list: mailing_list.slug)
    if not lists:
        return ""
    label = ".".join(mailing_list.slug for mailing_list in lists).lower()
    identifier = f"{label}.lists.{site_host()}"
    if len(identifier) > 255:
        digest = hashlib.sha256(label.encode()).hexdigest()[:16]
        identifier = f"lists-{digest}.lists.{site_host()}"
    phrase = ", ".join(mailing_list.name for mailing_list in lists)
    if phrase.isascii():
        phrase = '"' + phrase.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        phrase = Header(phrase, "utf-8").encode()
    return f"{phrase} <{identifier}>"


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


TEMPLATE_ERRORS = (TemplateSyntaxError, TemplateDoesNotExist, NoReverseMatch)


def render_frame(source: str, context: dict, *, autoescape: bool = True) -> str:
    """A staff template rendered, or a ValidationError that says what is wrong with it."""
    try:
        return _ENGINE.from_string(source).render(Context(context, autoescape=autoescape))
    except TEMPLATE_ERRORS as error:
        raise ValidationError(
            _("The campaign template cannot be used: %(error)s") % {"error": error}
        ) from None


def check_template(*, html: str, text: str) -> None:
    """Both templates of a CampaignTemplate render, with a sample of what a campaign puts in."""
    sample = {
        "subject": "Subject",
        "content": "Content",
        "posts": [{"title": "Title", "summary": "Summary", "url": settings.SITE_URL}],
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "preferences_url": PREFERENCES_MARK,
    }
    errors = {}
    for field, source in (("html", html), ("text", text)):
        try:
            render_frame(source, sample)
        except ValidationError as error:
            errors[field] = error.messages
    if errors:
        raise ValidationError(errors)


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
        html_content = absolute_links(render_markdown(campaign.body).html)
        safe_content = mark_safe(html_content)  # noqa: S308 - sanitised Markdown
        html = render_frame(campaign.template.html, {**common, "content": safe_content})
        text = render_frame(
            campaign.template.text, {**common, "content": campaign.body}, autoescape=False
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
    return Composed(
        subject=campaign.subject, html=html, text=text, list_id=list_id(campaign.lists.all())
    )
