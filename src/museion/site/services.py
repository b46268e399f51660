"""Writing the standing pages: their Markdown rendered once, one page per slug and language."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from museion.news.markdown import render_markdown

from .models import Page


@transaction.atomic
def save_page(*, page: Page) -> Page:
    page.body_html = render_markdown(page.body).html
    errors: dict[str, list] = {}
    try:
        page.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    duplicate = Page.objects.filter(slug=page.slug, language=page.language).exclude(pk=page.pk)
    if duplicate.exists():
        errors.setdefault("language", []).append(_("This page already exists in this language."))
    if errors:
        raise ValidationError(errors)
    page.save()
    return page
