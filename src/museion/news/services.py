"""Writing news: posts (Markdown rendered and sanitised once, on save), hashtags and pages."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .markdown import hashtag_slug, render_markdown
from .models import Hashtag, Post

POST_FIELDS = [
    "title",
    "summary",
    "body",
    "language",
    "publish_at",
    "lead_image",
    "lead_image_alt",
    "lead_image_credit",
    "translation_of",
]


def can_write_news(user) -> bool:
    return bool(user and user.is_active and user.is_staff and user.has_perm("news.add_post"))


def validate_post(post: Post) -> None:
    """The rules every post meets, whether written in the admin, a form or a script."""
    errors: dict[str, list] = {}
    try:
        post.full_clean(exclude=["author", "slug"], validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if post.lead_image:
        if not post.lead_image_alt.strip():
            errors.setdefault("lead_image_alt", []).append(
                _("Describe the image for people who cannot see it.")
            )
        if not post.lead_image_credit.strip():
            errors.setdefault("lead_image_credit", []).append(
                _("Credit the photographer or the rights holder.")
            )
    original = post.translation_of
    if original is not None:
        if original.translation_of_id is not None:
            errors.setdefault("translation_of", []).append(
                _("Link a translation to the original post, not to another translation.")
            )
        elif original.pk == post.pk:
            errors.setdefault("translation_of", []).append(
                _("A post cannot be a translation of itself.")
            )
        elif original.language == post.language:
            errors.setdefault("language", []).append(
                _("A translation must be in another language than the original.")
            )
        elif (
            Post.objects.filter(translation_of=original, language=post.language)
            .exclude(pk=post.pk)
            .exists()
        ):
            errors.setdefault("language", []).append(
                _("The original already has a translation in this language.")
            )
    if errors:
        raise ValidationError(errors)


def _sync_hashtags(post: Post, names: list[str]) -> None:
    slugs = {hashtag_slug(name): name for name in names}
    existing = {tag.slug: tag for tag in Hashtag.objects.filter(slug__in=slugs)}
    missing = [
        Hashtag(name=name, slug=slug) for slug, name in slugs.items() if slug not in existing
    ]
    Hashtag.objects.bulk_create(missing, ignore_conflicts=True)
    post.hashtags.set(Hashtag.objects.filter(slug__in=slugs))


@transaction.atomic
def save_post(*, post: Post) -> Post:
    """Validate, render the Markdown, record the hashtags and save (new or existing) post."""
    post.slug = slugify(post.title, allow_unicode=True)[:200] or "post"
    rendered = render_markdown(post.body)
    post.body_html = rendered.html
    validate_post(post)
    post.save()
    _sync_hashtags(post, rendered.hashtags)
    return post


def create_post(*, author, data: dict[str, Any]) -> Post:
    if not can_write_news(author):
        raise PermissionDenied(_("Only the news team can write posts."))
    post = Post(author=author)
    for field in POST_FIELDS:
        if field in data:
            setattr(post, field, data[field])
    return save_post(post=post)


def update_post(*, user, post: Post, data: dict[str, Any]) -> Post:
    if not user.has_perm("news.change_post"):
        raise PermissionDenied(_("Only the news team can edit posts."))
    for field in POST_FIELDS:
        if field in data:
            setattr(post, field, data[field])
    return save_post(post=post)
